/**
 * How a handler answers: the status code and the body of every response written in a file, across frameworks.
 * Express and Next.js pages (`res.status(n).json()`, `res.json()`, `res.send()`, `res.sendStatus(n)`), Fastify
 * (`reply.code(n).send()`), Koa (`ctx.status = n; ctx.body = …`, `ctx.throw(n)`), Hono (`c.json(body, n)`),
 * the Fetch API as Next.js app routes use it (`NextResponse.json(body, { status })`, `new Response(…)`), and NestJS
 * (thrown `HttpException`s, `@HttpCode(n)`). The status-code rules read this list; for the content type a response
 * declares, see response-writes.ts.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { T, calleeName, isFunction, memberPath, property, staticText, unwrap, walk, type Call, type FunctionNode, type Node } from './ast';
import type { ModelContext } from './file-index';

/** Which way of answering a response uses; fixes differ per style. */
export type ResponseStyle =
  /** `res.status(n).json(body)` (Express, Next.js pages, Node) and `reply.code(n).send(body)` (Fastify). */
  | 'chain'
  /** Koa: `ctx.body = body` with `ctx.status = n` before it, or `ctx.throw(n, msg)`. */
  | 'koa'
  /** Hono: `c.json(body, n)`. */
  | 'hono'
  /** Fetch API: `NextResponse.json(body, { status })`, `Response.json(…)`, `new Response(body, { status })`. */
  | 'fetch'
  /** NestJS: `throw new BadRequestException(…)`, `throw new HttpException(body, n)`; Hono's `HTTPException`. */
  | 'exception';

export interface HttpResponse {
  style: ResponseStyle;
  /** The node that answers: the `.json()` call, the `ctx.body = …` assignment, the `new Response(…)`, the `new XException(…)`. */
  node: Node;
  /** The status the client gets when it is static: the literal written, or the framework's default when none is. */
  status?: number;
  /** A status is written in code (a literal, a constant, an expression). When false, `status` is the default. */
  explicit: boolean;
  /** The node holding the written status (`400`, `HttpStatus.BAD_REQUEST`, the exception's class name). */
  statusNode?: Node;
  /** The body sent, when there is one. */
  body?: Node;
  /** A redirect (`res.redirect()`, `NextResponse.redirect()`, `c.redirect()`). */
  redirect?: boolean;
  /** The response object (`res`, `reply`, `ctx`) for chain and Koa styles. */
  receiver?: string;
  /** Chain style on Fastify's reply (`reply.code(n)` rather than `res.status(n)`). */
  fastify?: boolean;
}

const CHAIN_ROOT = /^(res|response|reply|rep|resp|_res|_reply|_response|httpResponse)$/;
const CHAIN_SENDS = new Set(['json', 'send', 'jsonp', 'end', 'sendStatus', 'redirect', 'render', 'sendFile', 'download', 'serialize']);
/** Calls that may sit in a response chain before the send: `res.status(400).type('json').set('X', y).json(…)`. */
const CHAIN_LINKS = new Set(['status', 'code', 'type', 'set', 'header', 'headers', 'setHeader', 'cookie', 'clearCookie', 'location', 'vary', 'append', 'contentType', 'links', 'attachment', 'format']);
const HONO_ROOT = /^(c|ctx|context)$/;
const HONO_SENDS = new Set(['json', 'text', 'html', 'body', 'newResponse', 'redirect', 'notFound']);
const FETCH_CLASSES = /^(Response|NextResponse)$/;
const KOA_ROOT = /^(ctx|context)$/;

/** `HttpStatus.X` names (NestJS, http-status-codes), by value. */
export const HTTP_STATUS_NAMES: Readonly<Record<string, number>> = {
  OK: 200, CREATED: 201, ACCEPTED: 202, NO_CONTENT: 204, MOVED_PERMANENTLY: 301, FOUND: 302, SEE_OTHER: 303, NOT_MODIFIED: 304,
  TEMPORARY_REDIRECT: 307, PERMANENT_REDIRECT: 308, BAD_REQUEST: 400, UNAUTHORIZED: 401, PAYMENT_REQUIRED: 402, FORBIDDEN: 403,
  NOT_FOUND: 404, METHOD_NOT_ALLOWED: 405, NOT_ACCEPTABLE: 406, REQUEST_TIMEOUT: 408, CONFLICT: 409, GONE: 410, PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415, UNPROCESSABLE_ENTITY: 422, TOO_MANY_REQUESTS: 429, INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501, BAD_GATEWAY: 502, SERVICE_UNAVAILABLE: 503, GATEWAY_TIMEOUT: 504,
};

/** NestJS built-in exceptions and the status each answers with. */
export const NEST_EXCEPTIONS: Readonly<Record<string, number>> = {
  BadRequestException: 400, UnauthorizedException: 401, ForbiddenException: 403, NotFoundException: 404, MethodNotAllowedException: 405,
  NotAcceptableException: 406, RequestTimeoutException: 408, ConflictException: 409, GoneException: 410, PreconditionFailedException: 412,
  PayloadTooLargeException: 413, UnsupportedMediaTypeException: 415, ImATeapotException: 418, MisdirectedException: 421,
  UnprocessableEntityException: 422, InternalServerErrorException: 500, NotImplementedException: 501, BadGatewayException: 502,
  ServiceUnavailableException: 503, GatewayTimeoutException: 504, HttpVersionNotSupportedException: 505,
};

/**
 * The numeric value of a status expression: `400`, `HttpStatus.BAD_REQUEST`, `StatusCodes.BAD_REQUEST`
 * (http-status-codes), `httpStatus.BAD_REQUEST` (http-status). Undefined when it is computed.
 */
export function statusValue(node: Node | undefined): number | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === T.Literal && typeof n.value === 'number') return n.value;
  if (n.type === T.MemberExpression && !n.computed && n.property.type === T.Identifier) {
    const value = HTTP_STATUS_NAMES[n.property.name];
    if (value !== undefined && /^(HttpStatus|StatusCodes|httpStatus|HTTP_STATUS|HttpStatusCode|status)$/.test(memberPath(n.object)[0] ?? '')) return value;
  }
  return undefined;
}

/** Walks `res.status(400).type('json')` inward to its root, collecting the status call. */
function chainStatus(obj: Node): { root?: string; statusCall?: Call; fastify: boolean; ok: boolean } {
  let n = unwrap(obj);
  let statusCall: Call | undefined;
  let fastify = false;
  while (n.type === T.CallExpression && n.callee.type === T.MemberExpression) {
    const name = calleeName(n);
    if (!name || !CHAIN_LINKS.has(name)) return { fastify, ok: false };
    if ((name === 'status' || name === 'code') && !statusCall) statusCall = n;
    if (name === 'code') fastify = true;
    n = unwrap(n.callee.object);
  }
  if (n.type === T.MemberExpression) {
    // this.res; Koa's ctx.res is Node's raw response, not Express
    const path = memberPath(n);
    return { root: path[path.length - 1], statusCall, fastify, ok: path[0] === 'this' && path.length === 2 };
  }
  if (n.type !== T.Identifier) return { fastify, ok: false };
  if (n.name === 'reply') fastify = true;
  return { root: n.name, statusCall, fastify, ok: true };
}

/** The statements before `node`'s statement in its block, nearest first. */
function previousStatements(node: Node): Node[] {
  let stmt: Node = node;
  while (stmt.parent && stmt.parent.type !== T.BlockStatement && stmt.parent.type !== T.Program && stmt.parent.type !== T.SwitchCase && !isFunction(stmt.parent)) stmt = stmt.parent;
  const parent = stmt.parent;
  const list: Node[] = parent?.type === T.BlockStatement || parent?.type === T.Program ? parent.body : parent?.type === T.SwitchCase ? parent.consequent : [];
  const at = list.indexOf(stmt);
  return at > 0 ? list.slice(0, at).reverse() : [];
}

/** `res.status(400);`, `c.status(400);`, `res.writeHead(400);`, `res.statusCode = 400;`, `ctx.status = 400;` as a statement before the answer. */
function statusSetBefore(node: Node, root: string): { statusNode: Node } | undefined {
  for (const stmt of previousStatements(node)) {
    if (stmt.type !== T.ExpressionStatement) continue;
    const e = unwrap(stmt.expression);
    // res.writeHead(err.statusCode || 500, { … }) before res.end(…): Node's own way to set the status
    if (e.type === T.CallExpression && /^(status|code|writeHead)$/.test(calleeName(e) ?? '') && memberPath(e.callee)[0] === root && e.arguments[0]) return { statusNode: e.arguments[0] };
    if (e.type === T.AssignmentExpression && e.operator === '=') {
      const path = memberPath(e.left);
      if (path.length === 2 && path[0] === root && /^(status|statusCode)$/.test(path[1])) return { statusNode: e.right };
    }
  }
  // res.status(500); res.format({ 'application/json': () => res.send({ error: true }) }): each branch answers with the status set before
  const branchOf = formatCallOf(node, root);
  return branchOf ? statusSetBefore(branchOf, root) : undefined;
}

/** The `res.format({ … })` call whose content-type branch (a function in its object) holds `node`. */
function formatCallOf(node: Node, root: string): Call | undefined {
  let fn: Node | undefined = node.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  const prop = fn?.parent;
  const obj = prop?.type === T.Property && prop.value === fn ? prop.parent : undefined;
  const call = obj?.type === T.ObjectExpression ? obj.parent : undefined;
  if (call?.type !== T.CallExpression || call.arguments[0] !== obj || calleeName(call) !== 'format') return undefined;
  return memberPath(call.callee)[0] === root ? call : undefined;
}

function chainResponse(call: Call): HttpResponse | undefined {
  if (call.callee.type !== T.MemberExpression) return undefined;
  const name = calleeName(call);
  if (!name || !CHAIN_SENDS.has(name)) return undefined;
  const chain = chainStatus(call.callee.object);
  if (!chain.ok || !chain.root || !CHAIN_ROOT.test(chain.root)) return undefined;
  // `await response.json()` reads a fetch response: an answer carries a body or a status
  if ((name === 'json' || name === 'send') && call.arguments.length === 0 && !chain.statusCall && chain.root !== 'reply') return undefined;
  const base = { style: 'chain' as const, node: call, receiver: chain.root, fastify: chain.fastify };
  if (name === 'redirect') {
    const written = statusValue(call.arguments[0]);
    return { ...base, status: written ?? 302, explicit: written !== undefined, redirect: true };
  }
  if (name === 'sendStatus') return { ...base, status: statusValue(call.arguments[0]), explicit: true, statusNode: call.arguments[0] };
  const statusNode = chain.statusCall?.arguments[0] ?? statusSetBefore(call, chain.root)?.statusNode;
  // Fastify answers `reply.send(err)` with the error's own statusCode (500 by default), not 200
  if (chain.fastify && !statusNode && isErrorValue(call.arguments[0] as Node | undefined)) return { ...base, explicit: true, body: call.arguments[0] as Node };
  return {
    ...base,
    status: statusNode ? statusValue(statusNode) : 200,
    explicit: !!statusNode,
    statusNode,
    body: call.arguments[0] as Node | undefined,
  };
}

/** An Error object: the parameter of the enclosing `catch`, or `new SomeError(…)`. */
function isErrorValue(node: Node | undefined): boolean {
  if (!node) return false;
  const n = unwrap(node);
  if (n.type === T.NewExpression) return /Error$/.test(calleeName(n) ?? '');
  return n.type === T.Identifier && catchParamNamed(n, n.name);
}

function catchParamNamed(from: Node, name: string): boolean {
  for (let p: Node | undefined = from.parent; p; p = p.parent) {
    if (p.type === T.CatchClause) return p.param?.type === T.Identifier && p.param.name === name;
    if (isFunction(p)) return false;
  }
  return false;
}

/** The status in a `ResponseInit`-like object: `{ status: 400 }`. */
function initStatus(init: Node | undefined): Node | undefined {
  return init ? (property(unwrap(init), 'status')?.value as Node | undefined) : undefined;
}

function honoResponse(call: Call, hono: boolean): HttpResponse | undefined {
  if (!hono || call.callee.type !== T.MemberExpression) return undefined;
  const name = calleeName(call);
  const obj = unwrap(call.callee.object);
  if (!name || !HONO_SENDS.has(name) || obj.type !== T.Identifier || !HONO_ROOT.test(obj.name)) return undefined;
  if (name === 'redirect') return { style: 'hono', node: call, status: statusValue(call.arguments[1]) ?? 302, explicit: !!call.arguments[1], redirect: true };
  if (name === 'notFound') return { style: 'hono', node: call, status: 404, explicit: true };
  const second = call.arguments[1] as Node | undefined;
  const statusNode = second && unwrap(second).type === T.ObjectExpression ? initStatus(second) : (second ?? statusSetBefore(call, obj.name)?.statusNode);
  return { style: 'hono', node: call, status: statusNode ? statusValue(statusNode) : 200, explicit: !!statusNode, statusNode, body: call.arguments[0] as Node | undefined, receiver: obj.name };
}

function fetchResponse(node: Call | TSESTree.NewExpression): HttpResponse | undefined {
  if (node.type === T.NewExpression) {
    if (node.callee.type !== T.Identifier || !FETCH_CLASSES.test(node.callee.name)) return undefined;
  } else {
    const path = memberPath(node.callee);
    if (path.length !== 2 || !FETCH_CLASSES.test(path[0]) || !/^(json|redirect)$/.test(path[1])) return undefined;
    if (path[1] === 'redirect') return { style: 'fetch', node, status: statusValue(node.arguments[1]) ?? 307, explicit: !!node.arguments[1], redirect: true };
  }
  const statusNode = initStatus(node.arguments[1] as Node | undefined);
  return { style: 'fetch', node, status: statusNode ? statusValue(statusNode) : 200, explicit: !!statusNode, statusNode, body: node.arguments[0] as Node | undefined };
}

function exceptionResponse(node: TSESTree.NewExpression): HttpResponse | undefined {
  if (node.callee.type !== T.Identifier) return undefined;
  const name = node.callee.name;
  if (name === 'HttpException' || name === 'HTTPException') {
    // Nest: new HttpException(body, status); Hono: new HTTPException(status, { message })
    const nest = name === 'HttpException';
    const statusNode = (nest ? node.arguments[1] : node.arguments[0]) as Node | undefined;
    return { style: 'exception', node, status: statusValue(statusNode), explicit: true, statusNode, body: (nest ? node.arguments[0] : node.arguments[1]) as Node | undefined };
  }
  const status = NEST_EXCEPTIONS[name];
  if (status === undefined) return undefined;
  return { style: 'exception', node, status, explicit: true, statusNode: node.callee, body: node.arguments[0] as Node | undefined };
}

function koaThrow(call: Call): HttpResponse | undefined {
  const path = memberPath(call.callee);
  if (path.length !== 2 || !KOA_ROOT.test(path[0]) || (path[1] !== 'throw' && path[1] !== 'assert')) return undefined;
  const isThrow = path[1] === 'throw';
  const statusNode = (isThrow ? call.arguments[0] : call.arguments[1]) as Node | undefined;
  if (statusValue(statusNode) === undefined) return undefined;
  return { style: 'koa', node: call, status: statusValue(statusNode), explicit: true, statusNode, body: (isThrow ? call.arguments[1] : call.arguments[2]) as Node | undefined, receiver: path[0] };
}

/** Koa's `ctx.body = …`, found by walking the file's Koa-shaped functions (`(ctx)`, `(ctx, next)`). */
function koaResponses(fns: readonly FunctionNode[], out: HttpResponse[]): void {
  for (const fn of fns) {
    const first = fn.params[0];
    if (!first || first.type !== T.Identifier || !KOA_ROOT.test(first.name)) continue;
    const root = first.name;
    walk(fn.body, (node) => {
      if (node !== fn.body && isFunction(node)) return false;
      if (node.type !== T.AssignmentExpression || node.operator !== '=') return undefined;
      const path = memberPath(node.left);
      if (path.length === 2 && path[0] === root && path[1] === 'body') {
        const set = statusSetBefore(node, root);
        out.push({ style: 'koa', node, status: set ? statusValue(set.statusNode) : 200, explicit: !!set, statusNode: set?.statusNode, body: node.right, receiver: root });
      }
      return undefined;
    });
  }
}

const cache = new WeakMap<object, HttpResponse[]>();

/** Every response written in the file. Built once per file, on first use. */
export function findResponses(ctx: ModelContext): readonly HttpResponse[] {
  const cached = cache.get(ctx.index);
  if (cached) return cached;
  const out: HttpResponse[] = [];
  const imports = [...ctx.index.imports.values()];
  const hono = imports.some((i) => /^hono(\/|$)/.test(i.source));
  const koa = imports.some((i) => /^(koa|@koa\/|koa-)/.test(i.source));
  for (const call of ctx.index.calls) {
    const r = chainResponse(call) ?? honoResponse(call, hono) ?? fetchResponse(call) ?? (koa ? koaThrow(call) : undefined);
    if (r) out.push(r);
  }
  for (const n of ctx.index.news) {
    const r = fetchResponse(n) ?? (n.parent?.type === T.ThrowStatement ? exceptionResponse(n) : undefined);
    if (r) out.push(r);
  }
  if (koa) koaResponses(ctx.index.functions, out);
  cache.set(ctx.index, out);
  return out;
}

/** NestJS `@HttpCode(n)` on a controller method: the status its return value is sent with. */
export function nestHttpCode(method: TSESTree.MethodDefinition): number | undefined {
  for (const d of method.decorators ?? []) {
    const e = unwrap(d.expression);
    if (e.type === T.CallExpression && calleeName(e) === 'HttpCode') return statusValue(e.arguments[0]);
  }
  return undefined;
}

const ERROR_KEYS = /^(error|err|errorMessage|error_message|errorCode|error_code|errorDescription|error_description)$/;
const DATA_KEYS = /^(data|result|results|items|succeeded|processed|created|updated|jsonrpc|valid|isValid|available|exists)$/;
function isEmptyValue(v: Node): boolean {
  const n = unwrap(v);
  return (n.type === T.Literal && (n.value === null || n.value === false || n.value === '')) || (n.type === T.Identifier && n.name === 'undefined') || (n.type === T.ArrayExpression && n.elements.length === 0);
}

/**
 * Whether a response body reports a failure: `{ error: … }`, `{ success: false }`, `{ ok: false }`,
 * `{ status: 'error' }`, or the error a `catch` caught, sent as is. `error: null` and an empty `errors: []` say
 * nothing went wrong; errors beside data are a partial success (bulk APIs, GraphQL, a check endpoint's `valid: false`).
 */
export function bodyReportsError(body: Node | undefined): boolean {
  if (!body) return false;
  const n = unwrap(body);
  if (n.type === T.ObjectExpression) {
    let error = false;
    let data = false;
    for (const p of n.properties) {
      if (p.type !== T.Property) continue;
      const key = p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : '';
      const v = p.value as Node;
      if ((ERROR_KEYS.test(key) || key === 'errors') && !isEmptyValue(v)) error = true;
      else if (/^(success|ok)$/.test(key) && v.type === T.Literal && v.value === false) error = true;
      else if (key === 'status' && /^(error|fail|failed|failure)$/i.test(staticText(v) ?? '')) error = true;
      else if (DATA_KEYS.test(key)) data = true;
    }
    return error && !data;
  }
  // catch (err) { res.json(err) } / res.send(err.message)
  const root = n.type === T.MemberExpression ? memberPath(n)[0] : n.type === T.Identifier ? n.name : undefined;
  return !!root && catchParamNamed(n, root);
}
