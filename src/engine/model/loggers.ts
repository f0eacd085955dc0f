/** Logging calls: `console.*`, and structured loggers (pino, winston, bunyan, Nest's `Logger`, `req.log`, `fastify.log`, a project `logger`). */
import { T, memberPath, type Call } from './ast';
import type { ModelContext } from './file-index';

const LEVELS = /^(log|info|warn|warning|error|debug|trace|fatal|verbose|silly|notice|crit|critical|emerg|alert|http)$/;
const LOGGER_NAME = /^(log|logger|_logger|\w+Logger|\w+Log|logging|winston|pino|bunyan|signale|consola|Logger)$/;
const LOGGER_PACKAGES = /^(pino|pino-http|winston|bunyan|log4js|consola|signale|roarr|loglevel|tslog|@nestjs\/common|nestjs-pino|@logtail\/\w+|@google-cloud\/logging-winston|@opentelemetry\/api-logs)$/;
const LOCAL_LOGGER_MODULE = /(^|\/)(log|logs|logger|logging)(\.[cm]?[jt]s)?$/i;

export interface LogCall {
  call: Call;
  /** The method: `error`, `info`, `log`… */
  level: string;
  /** `console.*` rather than a structured logger. */
  console: boolean;
}

/** The logging call this is, or undefined. */
export function logCall(call: Call): LogCall | undefined {
  if (call.callee.type !== T.MemberExpression) return undefined;
  const path = memberPath(call.callee);
  const level = path[path.length - 1];
  if (!level || !LEVELS.test(level) || path.length < 2) return undefined;
  const owner = path[path.length - 2];
  if (owner === 'console' && path.length === 2) return { call, level, console: true };
  // logger.error, this.logger.warn, req.log.info, fastify.log.error, app.log.info, Logger.error (Nest static)
  if (LOGGER_NAME.test(owner) || (owner === 'log' && path.length >= 2)) return { call, level, console: false };
  return undefined;
}

/** The file uses a structured logger: it imports one (a package or a local `logger` module) or logs through `req.log`/`fastify.log`. */
export function usesStructuredLogger(ctx: ModelContext): boolean {
  for (const [local, ref] of ctx.index.imports) {
    if (ref.source === '@nestjs/common') {
      if (ref.imported === 'Logger' || local === 'Logger') return true;
      continue;
    }
    if (LOGGER_PACKAGES.test(ref.source)) return true;
    if ((ref.source.startsWith('.') || /^[@~#]\//.test(ref.source)) && (LOCAL_LOGGER_MODULE.test(ref.source) || /^(log|logger)$/i.test(local))) return true;
  }
  return ctx.index.calls.some((c) => {
    const l = logCall(c);
    return !!l && !l.console;
  });
}
