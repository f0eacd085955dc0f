/**
 * CORS configuration: the `cors` package (Express, Nest's `enableCors`), @koa/cors, @fastify/cors, Hono's `cors`
 * middleware and Nest's `NestFactory.create(AppModule, { cors })`; and hand-written `Access-Control-Allow-*`
 * headers. For each: which origins it lets read responses, and whether it sends credentials. An origin check is
 * permissive when any site passes it: `true`, `'*'`, `/.*\/`, a regex with an unescaped dot or no end anchor
 * (`/example.com/` lets `example.com.evil.net` in), or a function that accepts every origin (`(o) => o`,
 * `cb(null, true)`). Allow-lists, env-driven values and functions that check a list are not.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, isFunction, memberPath, property, staticText, unwrap, walk, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';
import { requestSource } from './request-data';

export type CorsLibrary = 'cors' | 'koa' | 'fastify' | 'hono' | 'nest';

export interface CorsConfig {
  call: Call;
  library: CorsLibrary;
  /** The options object, when the file shows it. */
  options?: TSESTree.ObjectExpression;
  /** The `origin` option, when set. */
  origin?: TSESTree.Property;
  /** `credentials: true`. */
  credentials: boolean;
  /** Why the origin check lets any site in, or undefined when it does not (or cannot be seen). */
  permissive?: PermissiveOrigin;
}

export type PermissiveOrigin = 'reflect' | 'wildcard' | 'any-regex' | 'weak-regex' | 'accept-all-function' | 'koa-default';

const PACKAGES: Record<string, CorsLibrary> = { cors: 'cors', '@koa/cors': 'koa', kcors: 'koa', '@fastify/cors': 'fastify', 'fastify-cors': 'fastify', 'hono/cors': 'hono' };

function objectOf(node: Node | undefined, ctx: ModelContext): TSESTree.ObjectExpression | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === T.ObjectExpression) return n;
  if (n.type === T.Identifier) {
    const def = findVariable(ctx.sourceCode.getScope(n), n.name)?.defs[0];
    const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : undefined;
    if (init && unwrap(init).type === T.ObjectExpression) return unwrap(init) as TSESTree.ObjectExpression;
  }
  return undefined;
}

/** A regex that only matches the origins it names: anchored at the end, dots escaped, starting at a boundary. */
export function isStrictOriginRegex(pattern: string): boolean {
  if (/^(\^?\.\*|\^?\.\+)\$?$/.test(pattern)) return false;
  const outsideClasses = pattern.replace(/\[(?:\\.|[^\]])*\]/g, 'X');
  if (/(^|[^\\])\.(?![*+?])/.test(outsideClasses.replace(/\\\\/g, ''))) return false;
  if (!pattern.endsWith('$')) return false;
  return /^(\^|\\\.|\\\/|\(\^|\(\?:\^)/.test(pattern);
}

function regexOf(n: Node): { pattern: string } | undefined {
  if (n.type === T.Literal && 'regex' in n && n.regex) return { pattern: n.regex.pattern };
  if (n.type === T.NewExpression && n.callee.type === T.Identifier && n.callee.name === 'RegExp') {
    const p = staticText(n.arguments[0]);
    return p !== undefined ? { pattern: p } : undefined;
  }
  return undefined;
}

/** Whether a function accepts every origin: no test in it, and it answers `true` or the origin it was given. */
function acceptsAll(fn: Node, ctx: ModelContext): boolean {
  if (!isFunction(fn)) return false;
  let checks = false;
  walk(fn.body, (n) => {
    if (n.type === T.IfStatement || n.type === T.ConditionalExpression || n.type === T.SwitchStatement || n.type === T.BinaryExpression) checks = true;
    else if (n.type === T.LogicalExpression && n.operator === '&&') checks = true;
    else if (n.type === T.CallExpression && /^(includes|test|indexOf|has|some|find|match|endsWith|startsWith|exec|get)$/.test(calleeName(n) ?? '') && !isOriginRead(n, ctx)) checks = true;
    return checks ? false : undefined;
  });
  if (checks) return false;
  const params = fn.params.map((p) => (p.type === T.Identifier ? p.name : ''));
  const accepting = (v: Node | null | undefined): boolean => {
    if (!v) return false;
    const u = unwrap(v);
    if (u.type === T.Literal && (u.value === true || u.value === '*')) return true;
    if (u.type === T.Identifier && params[0] === u.name) return true;
    return isOriginRead(u, ctx);
  };
  if (fn.body.type !== T.BlockStatement) {
    if (accepting(fn.body)) return true;
  }
  let accepts = false;
  walk(fn.body, (n) => {
    if (n.type === T.ReturnStatement && accepting(n.argument)) accepts = true;
    // callback(null, true), cb(null, origin)
    if (n.type === T.CallExpression && n.callee.type === T.Identifier && params.includes(n.callee.name) && accepting(n.arguments[1] as Node | undefined)) accepts = true;
    if (n.type === T.CallExpression && fn.body.type !== T.BlockStatement && n === fn.body && accepting(n.arguments[1] as Node | undefined)) accepts = true;
    return undefined;
  });
  return accepts;
}

/** `req.headers.origin`, `req.get('Origin')`, `ctx.get('Origin')`, `c.req.header('origin')`, `ctx.request.header.origin`. */
export function isOriginRead(node: Node, ctx: ModelContext): boolean {
  const n = unwrap(node);
  if (n.type === T.MemberExpression) {
    // not Koa's ctx.origin, which is this server's own origin
    const path = memberPath(n);
    return /^origin$/i.test(path[path.length - 1]) && (path.includes('headers') || path.includes('header')) && !!requestSource(n, ctx);
  }
  if (n.type === T.CallExpression && /^(get|header)$/.test(calleeName(n) ?? '') && /^origin$/i.test(staticText(n.arguments[0]) ?? '')) return true;
  return false;
}

/** Why an `origin` value lets any site read responses, or undefined. */
export function permissiveOrigin(value: Node, ctx: ModelContext, depth = 0): PermissiveOrigin | undefined {
  const v = unwrap(value);
  if (v.type === T.Literal && v.value === true) return 'reflect';
  if (v.type === T.Literal && v.value === '*') return 'wildcard';
  const re = regexOf(v);
  if (re) return /^\^?(\.\*|\.\+)\$?$/.test(re.pattern) ? 'any-regex' : isStrictOriginRegex(re.pattern) ? undefined : 'weak-regex';
  if (v.type === T.ArrayExpression) {
    for (const e of v.elements) {
      if (!e || e.type === T.SpreadElement) continue;
      const p = permissiveOrigin(e, ctx, depth + 1);
      if (p) return p;
    }
    return undefined;
  }
  if (isFunction(v)) return acceptsAll(v, ctx) ? 'accept-all-function' : undefined;
  if (v.type === T.Identifier && depth < 2) {
    const def = findVariable(ctx.sourceCode.getScope(v), v.name)?.defs[0];
    if (def?.type === 'FunctionName') return acceptsAll(def.node as Node, ctx) ? 'accept-all-function' : undefined;
    const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : undefined;
    if (init) return permissiveOrigin(init, ctx, depth + 1);
  }
  return undefined;
}

function config(call: Call, library: CorsLibrary, optionsNode: Node | undefined, ctx: ModelContext): CorsConfig {
  const options = objectOf(optionsNode, ctx);
  const origin = options ? property(options, 'origin') : undefined;
  const cred = options ? property(options, 'credentials') : undefined;
  const credentials = !!cred && unwrap(cred.value).type === T.Literal && (unwrap(cred.value) as TSESTree.Literal).value === true;
  let permissive = origin ? permissiveOrigin(origin.value, ctx) : undefined;
  // @koa/cors reflects the request's Origin when no origin is given
  if (!origin && library === 'koa' && (options || !optionsNode)) permissive = 'koa-default';
  return { call, library, options, origin, credentials, permissive };
}

/** The CORS configuration a call makes, or undefined. */
export function corsConfig(call: Call, ctx: ModelContext): CorsConfig | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) {
    const ref = ctx.index.imports.get(callee.name);
    const library = ref ? PACKAGES[ref.source] : undefined;
    if (!library || library === 'fastify') return undefined;
    if (library === 'hono' && ref!.imported !== 'cors') return undefined;
    return config(call, library, call.arguments[0], ctx);
  }
  const name = calleeName(call);
  if (name === 'enableCors') return config(call, 'nest', call.arguments[0], ctx);
  // fastify.register(cors, { … })
  if (name === 'register' && call.arguments[0]?.type === T.Identifier) {
    const ref = ctx.index.imports.get(call.arguments[0].name);
    if (ref && PACKAGES[ref.source] === 'fastify') return config(call, 'fastify', call.arguments[1], ctx);
  }
  // NestFactory.create(AppModule, { cors: { origin: true, credentials: true } })
  if (name === 'create' && memberPath(callee)[0] === 'NestFactory') {
    const opts = objectOf(call.arguments[call.arguments.length - 1], ctx);
    const cors = opts ? property(opts, 'cors') : undefined;
    if (cors && unwrap(cors.value).type === T.ObjectExpression) return config(call, 'nest', cors.value, ctx);
  }
  return undefined;
}

/** Callee names to prefilter with (imported `cors` factories are checked by import). */
export const CORS_METHODS: ReadonlySet<string> = new Set(['enableCors', 'register', 'create']);

/** `res.setHeader('Access-Control-Allow-Origin', …)` and friends: the header name and value, or undefined. */
export function headerSet(call: Call): { name: string; value: Node } | undefined {
  const name = calleeName(call);
  if (!name || !/^(setHeader|header|set|append)$/.test(name) || call.arguments.length < 2) return undefined;
  const header = staticText(call.arguments[0]);
  return header ? { name: header.toLowerCase(), value: call.arguments[1] as Node } : undefined;
}
