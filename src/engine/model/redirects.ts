/**
 * Redirects: where a response sends the browser. Express/Koa/Fastify/Hono `redirect`, Express `location`,
 * a `Location` header set by hand (`setHeader`, `set`, `header`, `writeHead`), Next.js `NextResponse.redirect`,
 * `Response.redirect` and `redirect()`/`permanentRedirect()` from `next/navigation`. For each, the target node.
 */
import { T, calleeName, memberPath, property, unwrap, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';

export interface Redirect {
  call: Call;
  /** `res.redirect`, `NextResponse.redirect`, `Location header`… */
  api: string;
  target: Node;
}

const RESPONSE = /^(res|response|reply|rep|ctx|context|c|_res|h)$/;
const HEADER_SETTERS = new Set(['setHeader', 'set', 'header', 'append', 'appendHeader']);

const cache = new WeakMap<object, Redirect[]>();

function notStatus(a: Node | undefined): a is Node {
  if (!a) return false;
  const u = unwrap(a);
  return !(u.type === T.Literal && typeof u.value === 'number') && !(u.type === T.MemberExpression && /status|code/i.test(memberPath(u).join('.')));
}

/** Every redirect in the file (built once per file). */
export function redirects(ctx: ModelContext): readonly Redirect[] {
  const cached = cache.get(ctx.index);
  if (cached) return cached;
  const out: Redirect[] = [];
  for (const call of ctx.index.calls) {
    const name = calleeName(call);
    if (!name) continue;
    const args = call.arguments as Node[];
    const callee = unwrap(call.callee);
    if (callee.type === T.Identifier) {
      const ref = ctx.index.imports.get(name);
      if (ref?.source === 'next/navigation' && (ref.imported === 'redirect' || ref.imported === 'permanentRedirect') && args[0]) out.push({ call, api: `${ref.imported}()`, target: args[0] });
      continue;
    }
    const path = memberPath(callee);
    const owner = path[path.length - 2] ?? '';
    if (name === 'redirect') {
      if (owner === 'NextResponse' || owner === 'Response') {
        if (args[0]) out.push({ call, api: `${owner}.redirect`, target: args[0] });
      } else if (RESPONSE.test(owner) && path.length === 2) {
        // res.redirect([status,] url), reply.redirect(url[, code]), c.redirect(url, 302)
        const target = args.find(notStatus);
        if (target) out.push({ call, api: `${owner}.redirect`, target });
      }
    } else if (name === 'location' && RESPONSE.test(owner) && path.length === 2 && args[0]) {
      out.push({ call, api: `${owner}.location`, target: args[0] });
    } else if (HEADER_SETTERS.has(name) && RESPONSE.test(owner) && args.length >= 2) {
      const key = unwrap(args[0]);
      if (key.type === T.Literal && typeof key.value === 'string' && key.value.toLowerCase() === 'location') out.push({ call, api: `${owner}.${name}('Location')`, target: args[1] });
    } else if (name === 'writeHead' && RESPONSE.test(owner)) {
      const headers = args.find((a) => unwrap(a).type === T.ObjectExpression);
      const loc = headers && (property(unwrap(headers), 'Location') ?? property(unwrap(headers), 'location'));
      if (loc) out.push({ call, api: `${owner}.writeHead`, target: loc.value as Node });
    }
  }
  cache.set(ctx.index, out);
  return out;
}
