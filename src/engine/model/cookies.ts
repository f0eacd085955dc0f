/**
 * Cookies a server sets, and the session middleware that sets its own: Express `res.cookie`, Fastify
 * `reply.setCookie`, Koa `ctx.cookies.set`, Hono `setCookie(c, …)`, Next.js `cookies().set` and
 * `response.cookies.set`; express-session, cookie-session, koa-session, @fastify/session, @fastify/secure-session.
 * For each: the cookie's name, its options object, and what the library does when an option is left out.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, memberPath, property, staticText, unwrap, words, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';
import { isResponseObject } from './response-writes';

export type CookieFlag = 'httpOnly' | 'secure' | 'sameSite';

export interface CookieWrite {
  call: Call;
  api: 'express' | 'fastify' | 'koa' | 'hono' | 'next' | 'session';
  /** The cookie's name as written (`'sid'`, `SESSION_COOKIE`), or the session package. */
  name?: Node;
  nameText?: string;
  value?: Node;
  /** The options object literal (resolved through a local `const`), or undefined when there is none. */
  options?: TSESTree.ObjectExpression;
  /** Where a new options argument goes when there is none (after this argument). */
  lastArg?: Node;
  /** The options come from somewhere this file cannot see (an import, a call, a parameter): nothing is known. */
  opaque: boolean;
  /** Flags the library turns on when the option is absent (Koa and express-session default to `httpOnly: true`). */
  defaults: ReadonlySet<CookieFlag>;
  /** Flags reported only when set to false: the library's own default is safe or decided per request. */
  onlyExplicit: ReadonlySet<CookieFlag>;
}

const NONE: ReadonlySet<CookieFlag> = new Set();
const HTTP_ONLY: ReadonlySet<CookieFlag> = new Set(['httpOnly']);
const SECURE_BY_CONNECTION: ReadonlySet<CookieFlag> = new Set(['secure']);

/** Session middleware packages: the option path to their cookie options, and their safe defaults. */
const SESSION_PACKAGES: Record<string, { cookieKey?: string; defaults: ReadonlySet<CookieFlag>; onlyExplicit: ReadonlySet<CookieFlag> }> = {
  'express-session': { cookieKey: 'cookie', defaults: HTTP_ONLY, onlyExplicit: NONE },
  // cookie-session and koa-session write through the `cookies` package: secure follows the connection (TLS, or a trusted proxy's X-Forwarded-Proto)
  'cookie-session': { defaults: HTTP_ONLY, onlyExplicit: new Set(['secure']) },
  'koa-session': { defaults: HTTP_ONLY, onlyExplicit: new Set(['secure']) },
  '@fastify/session': { cookieKey: 'cookie', defaults: new Set(['httpOnly', 'secure']), onlyExplicit: new Set(['sameSite']) },
  '@fastify/secure-session': { cookieKey: 'cookie', defaults: NONE, onlyExplicit: new Set(['httpOnly', 'secure', 'sameSite']) },
  '@mgcrea/fastify-session': { cookieKey: 'cookie', defaults: NONE, onlyExplicit: new Set(['httpOnly', 'secure', 'sameSite']) },
};

/** An object literal, or a local `const` holding one. `opaque` when the value is anything else. */
function objectOf(node: Node | undefined, ctx: ModelContext): { obj?: TSESTree.ObjectExpression; opaque: boolean } {
  if (!node) return { opaque: false };
  const n = unwrap(node);
  if (n.type === T.ObjectExpression) return { obj: n, opaque: false };
  if (n.type === T.Identifier) {
    const def = findVariable(ctx.sourceCode.getScope(n), n.name)?.defs[0];
    const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : undefined;
    if (init && unwrap(init).type === T.ObjectExpression) return { obj: unwrap(init) as TSESTree.ObjectExpression, opaque: false };
  }
  return { opaque: true };
}

/** The text of a cookie name: a literal, or the value of a local constant. */
function nameText(node: Node | undefined, ctx: ModelContext): string | undefined {
  if (!node) return undefined;
  const text = staticText(node);
  if (text !== undefined) return text;
  const n = unwrap(node);
  if (n.type === T.Identifier) {
    const def = findVariable(ctx.sourceCode.getScope(n), n.name)?.defs[0];
    const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : undefined;
    return (init && staticText(init)) ?? n.name;
  }
  if (n.type === T.MemberExpression) return memberPath(n).join('.');
  return undefined;
}

function positional(call: Call, api: CookieWrite['api'], at: number, ctx: ModelContext, defaults: ReadonlySet<CookieFlag> = NONE, onlyExplicit: ReadonlySet<CookieFlag> = NONE): CookieWrite {
  const name = call.arguments[at];
  // Next.js: cookies().set({ name: 'session', value, httpOnly: true })
  if (api === 'next' && name && unwrap(name).type === T.ObjectExpression) {
    const obj = unwrap(name) as TSESTree.ObjectExpression;
    const n = property(obj, 'name')?.value;
    return { call, api, name: n, nameText: nameText(n, ctx), value: property(obj, 'value')?.value, options: obj, opaque: false, defaults, onlyExplicit: NONE };
  }
  const opts = objectOf(call.arguments[at + 2], ctx);
  return {
    call,
    api,
    name,
    nameText: nameText(name, ctx),
    value: call.arguments[at + 1],
    options: opts.obj,
    lastArg: call.arguments[call.arguments.length - 1],
    opaque: opts.opaque,
    defaults,
    onlyExplicit,
  };
}

/** The cookie a call sets, or undefined. */
export function cookieWrite(call: Call, ctx: ModelContext): CookieWrite | undefined {
  const name = calleeName(call);
  if (!name) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) {
    const ref = ctx.index.imports.get(callee.name);
    if (!ref) return undefined;
    // Hono: setCookie(c, 'session', token, { … })
    if (ref.source === 'hono/cookie' && (ref.imported === 'setCookie' || ref.imported === 'setSignedCookie')) {
      const w = positional(call, 'hono', 1, ctx);
      if (ref.imported === 'setSignedCookie') {
        const opts = objectOf(call.arguments[4], ctx);
        return { ...w, options: opts.obj, opaque: opts.opaque };
      }
      return w;
    }
    const session = SESSION_PACKAGES[ref.source];
    if (session && (ref.imported === 'default' || ref.imported === '*' || ref.imported === 'session')) {
      const top = objectOf(call.arguments[0], ctx);
      const cookie = session.cookieKey && top.obj ? property(top.obj, session.cookieKey) : undefined;
      const inner = cookie ? objectOf(cookie.value, ctx) : { obj: undefined, opaque: false };
      return {
        call,
        api: 'session',
        nameText: ref.source,
        options: session.cookieKey ? inner.obj : top.obj,
        lastArg: top.obj,
        opaque: top.opaque || inner.opaque,
        defaults: session.defaults,
        onlyExplicit: session.onlyExplicit,
      };
    }
    return undefined;
  }
  if (callee.type !== T.MemberExpression || name === 'get') return undefined;
  const path = memberPath(callee);
  let root: Node = callee.object;
  while (root.type === T.MemberExpression || root.type === T.CallExpression) root = root.type === T.MemberExpression ? root.object : root.callee;
  root = unwrap(root);
  // res.cookie('sid', …), reply.setCookie('sid', …)
  if (path.length === 2 && (name === 'cookie' || name === 'setCookie') && root.type === T.Identifier && isResponseObject(root, ctx)) {
    return positional(call, name === 'setCookie' || /^(reply|rep)$/.test(root.name) ? 'fastify' : 'express', 0, ctx);
  }
  if (name !== 'set') return undefined;
  // Koa: ctx.cookies.set('sid', …): httpOnly by default, secure when the connection is
  if (path.length === 3 && path[1] === 'cookies' && /^(ctx|context)$/.test(path[0])) return positional(call, 'koa', 0, ctx, HTTP_ONLY, SECURE_BY_CONNECTION);
  // Next.js: cookies().set(…), (await cookies()).set(…), response.cookies.set(…), cookieStore.set(…)
  const obj = unwrap(callee.object);
  const nextImport = [...ctx.index.imports.values()].some((r) => r.source === 'next/headers' || r.source === 'next/server');
  if (!nextImport) return undefined;
  if (obj.type === T.CallExpression && calleeName(obj) === 'cookies') return positional(call, 'next', 0, ctx);
  if (path.length >= 3 && path[path.length - 2] === 'cookies') return positional(call, 'next', 0, ctx);
  if (obj.type === T.Identifier) {
    const def = findVariable(ctx.sourceCode.getScope(obj), obj.name)?.defs[0];
    const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : undefined;
    if (init && unwrap(init).type === T.CallExpression && calleeName(unwrap(init) as Call) === 'cookies') return positional(call, 'next', 0, ctx);
  }
  return undefined;
}

/** Callee names `cookieWrite` can classify, besides imported functions: rules prefilter with it. */
export const COOKIE_METHODS: ReadonlySet<string> = new Set(['cookie', 'setCookie', 'set']);

/** Cookies that carry a session or a credential: `sid`, `session`, `access_token`, `jwt`, `remember_me`, CSRF tokens. */
export function isSensitiveCookieName(name: string): boolean {
  if (/^__(host|secure)-/i.test(name)) return true;
  return words(name).some((w) => SENSITIVE_WORDS.has(w));
}

const SENSITIVE_WORDS = new Set(['sess', 'session', 'sessionid', 'sid', 'ssid', 'token', 'auth', 'authtoken', 'jwt', 'refresh', 'remember', 'rememberme', 'login', 'identity', 'credential', 'credentials', 'csrf', 'xsrf', 'apikey', 'bearer', 'connect', 'secret']);

/** CSRF double-submit cookies are read by the page's JavaScript on purpose. */
export function isCsrfCookieName(name: string): boolean {
  return /csrf|xsrf/i.test(name);
}
