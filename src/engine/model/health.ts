/**
 * Health, readiness and liveness endpoints: whether a file registers one (a `/healthz` route, a health router or
 * plugin mounted, a health-check library, Nest's Terminus). A workspace scan combines the per-file answer into
 * a fact about the whole app, because the probe route often lives in its own file.
 */
import { calleeName, staticText, unwrap, type Node } from './ast';
import type { ModelContext } from './file-index';
import { isHealthPath } from './paths';
import type { Route } from './route';

const HEALTH_PACKAGES = /^(@nestjs\/terminus|@godaddy\/terminus|terminus|express-healthcheck|express-actuator|express-health-check|fastify-healthcheck|@fastify\/under-pressure|under-pressure|lightship|@cloudnative\/health-connect|@cloudnative\/health|koa-healthcheck|koa-ping|@hono\/health|express-ping|health-check-express|@hapi\/healthcheck)$/;
const HEALTH_NAME = /health|liveness|readiness|probe|heartbeat/i;
const REGISTERS = /^(get|head|all|use|route|register|on|basePath|mount)$/;

/** Whether this file registers a health or readiness endpoint, in any of the ways real apps do. */
export function registersHealthRoute(ctx: ModelContext, routes: readonly Route[]): boolean {
  for (const r of routes) {
    if (r.path && isHealthPath(r.path) && r.methods.some((m) => m === 'GET' || m === 'HEAD' || m === 'ALL')) return true;
  }
  for (const [local, ref] of ctx.index.imports) {
    if (HEALTH_PACKAGES.test(ref.source)) return true;
    // import { healthRouter } from './routes/health'; app.use(healthRouter)
    if ((ref.source.startsWith('.') || /^[@~#]\//.test(ref.source)) && (HEALTH_NAME.test(local) || /(^|\/)(health\w*|probes?)(\.[cm]?[jt]s)?$/i.test(ref.source))) return true;
  }
  for (const call of ctx.index.calls) {
    const name = calleeName(call);
    if (!name || !REGISTERS.test(name)) continue;
    const first = call.arguments[0] ? unwrap(call.arguments[0] as Node) : undefined;
    const path = staticText(first);
    if (path && isHealthPath(path)) return true;
  }
  return false;
}
