/**
 * Response writes: the places where a handler sends a body to the client. Express/Node `res.send/json/write/end`,
 * Fastify `reply.send`, Koa `ctx.body = …`, Hono `c.html/json/text/body`, fetch-style `new Response(…)`,
 * `Response.json`, `NextResponse.json`. For each: the body, the status when the code gives one, and the content
 * type the code declares (`res.type('html')`, `reply.header('content-type', …)`, `ctx.type = 'html'`, `c.html`,
 * a `Content-Type` header in the init). A response object is a handler parameter (`res`, `reply`, `c`, `ctx`) or
 * Nest's `host.switchToHttp().getResponse()`, never a local `const res = await fetch(…)`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, enclosingFunction, memberPath, property, staticText, unwrap, type Call, type FunctionNode, type Node } from './ast';
import type { ModelContext } from './file-index';

export type ResponseApi = 'express' | 'node' | 'fastify' | 'koa' | 'hono' | 'fetch';
export type ContentKind = 'html' | 'json' | 'text' | 'other';

export interface ResponseWrite {
  /** The call, `new Response(…)` or `ctx.body = …` assignment. */
  node: Node;
  /** What is sent. */
  body?: Node;
  api: ResponseApi;
  /** `send`, `json`, `write`, `end`, `html`, `text`, `body`, `Response`. */
  method: string;
  /** The content type the code declares for this response, when it declares one. */
  declared?: ContentKind;
  /** The status, when the code gives it as a number. */
  status?: number;
  /** The status expression when the code gives one that is not a literal (`err.status || 500`). */
  statusNode?: Node;
}

const RES_NAMES = /^(res|reply|response|rep|resp|_res|_reply|reply_|ctx|c|context)$/;
const EXPRESS_SENDS = new Set(['send', 'json', 'jsonp', 'write', 'end']);
const HONO_SENDS = new Set(['html', 'json', 'text', 'body', 'newResponse']);
const TYPE_CALLS = new Set(['type', 'contentType']);
const HEADER_CALLS = new Set(['header', 'set', 'setHeader', 'headers']);
/** Every callee name `responseWrite` can classify: rules prefilter calls with it. */
export const RESPONSE_METHODS: ReadonlySet<string> = new Set([...EXPRESS_SENDS, ...HONO_SENDS]);

/** What a content-type string says: `text/html` → html, `application/json` → json. */
export function contentKind(value: string | undefined): ContentKind | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase().trim();
  if (/html|xhtml|svg/.test(v)) return 'html';
  if (/json/.test(v)) return 'json';
  if (/^(text\/plain|text|txt|plain)\b/.test(v)) return 'text';
  return v ? 'other' : undefined;
}

/** The object a response is written through: a handler parameter, or Nest's `ctx.getResponse()`. */
export function isResponseObject(id: TSESTree.Identifier, ctx: ModelContext): boolean {
  if (!RES_NAMES.test(id.name)) return false;
  const def = findVariable(ctx.sourceCode.getScope(id), id.name)?.defs[0];
  if (!def) return false;
  if (def.type === 'Parameter') return true;
  if (def.type === 'Variable') {
    const init = (def.node as TSESTree.VariableDeclarator).init;
    return !!init && init.type === T.CallExpression && /^getResponse$/.test(calleeName(init) ?? '');
  }
  return false;
}

function honoFile(ctx: ModelContext): boolean {
  for (const ref of ctx.index.imports.values()) if (ref.source === 'hono' || ref.source.startsWith('hono/') || ref.source.startsWith('@hono/')) return true;
  return false;
}

function statusOf(arg: Node | undefined, into: { status?: number; statusNode?: Node }): void {
  if (!arg) return;
  const a = unwrap(arg);
  if (a.type === T.Literal && typeof a.value === 'number') into.status = a.value;
  else if (a.type === T.MemberExpression && a.property.type === T.Identifier && memberPath(a)[0] === 'HttpStatus') into.status = HTTP_STATUS_NAMES[a.property.name];
  else into.statusNode = a;
}

const HTTP_STATUS_NAMES: Record<string, number> = {
  BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, UNPROCESSABLE_ENTITY: 422, TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500, BAD_GATEWAY: 502, SERVICE_UNAVAILABLE: 503, OK: 200, CREATED: 201,
};

/** A content type given in a header call: `res.set('Content-Type', 'text/html')`, `res.writeHead(200, { 'Content-Type': … })`. */
function headerCallKind(call: Call): ContentKind | undefined {
  const name = calleeName(call);
  if (!name) return undefined;
  if (TYPE_CALLS.has(name)) return contentKind(staticText(call.arguments[0]) ?? '');
  if (HEADER_CALLS.has(name) && (staticText(call.arguments[0]) ?? '').toLowerCase() === 'content-type') return contentKind(staticText(call.arguments[1]) ?? '');
  if (name === 'writeHead') return headersObjectKind(call.arguments[call.arguments.length - 1]);
  return undefined;
}

function headersObjectKind(obj: Node | undefined): ContentKind | undefined {
  if (!obj || unwrap(obj).type !== T.ObjectExpression) return undefined;
  for (const p of (unwrap(obj) as TSESTree.ObjectExpression).properties) {
    if (p.type !== T.Property) continue;
    const key = p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : '';
    if (key.toLowerCase() === 'content-type') return contentKind(staticText(p.value) ?? '');
  }
  return undefined;
}

/** Content types declared in the function before the write, on the same response object (`res.type('html')`; …; `res.send(x)`). */
function declaredInFunction(fn: FunctionNode | undefined, root: string, before: number, ctx: ModelContext, assignments: readonly TSESTree.AssignmentExpression[]): ContentKind | undefined {
  if (!fn) return undefined;
  let kind: ContentKind | undefined;
  for (const c of ctx.index.calls) {
    if (c.range[0] < fn.range[0] || c.range[0] > before) continue;
    const path = memberPath(c.callee);
    if (path[0] !== root || path.length !== 2) continue;
    kind = headerCallKind(c) ?? kind;
  }
  for (const a of assignments) {
    if (a.range[0] < fn.range[0] || a.range[0] > before) continue;
    const path = memberPath(a.left);
    if (path[0] === root && /^(type|contentType)$/.test(path[path.length - 1])) kind = contentKind(staticText(a.right) ?? '') ?? kind;
  }
  return kind;
}

/** The response write a call is, or undefined. `assignments` are the file's `x.type = …` assignments (Koa), if the caller has them. */
export function responseWrite(call: Call, ctx: ModelContext, assignments: readonly TSESTree.AssignmentExpression[] = []): ResponseWrite | undefined {
  const name = calleeName(call);
  if (!name) return undefined;
  const callee = unwrap(call.callee);
  // Response.json(body, init), NextResponse.json(body, init)
  if (name === 'json' && callee.type === T.MemberExpression && callee.object.type === T.Identifier && /^(Response|NextResponse)$/.test(callee.object.name)) {
    return fetchWrite(call, call.arguments[0], call.arguments[1], 'json', 'json');
  }
  if (callee.type !== T.MemberExpression) return undefined;
  // Walk the chain down to its root: res.status(500).type('html').send(x)
  const write: ResponseWrite = { node: call, body: call.arguments[0], api: 'express', method: name };
  let obj = unwrap(callee.object);
  let declared: ContentKind | undefined;
  while (obj.type === T.CallExpression && obj.callee.type === T.MemberExpression) {
    const link = calleeName(obj);
    if (link === 'status' || link === 'code') statusOf(obj.arguments[0], write);
    declared = declared ?? headerCallKind(obj);
    obj = unwrap(obj.callee.object);
  }
  if (obj.type !== T.Identifier || !isResponseObject(obj, ctx)) return undefined;
  const root = obj.name;
  if (/^(c|ctx|context)$/.test(root)) {
    if (!HONO_SENDS.has(name) || !honoFile(ctx)) return undefined;
    write.api = 'hono';
    statusOf(call.arguments[1], write);
    if (name === 'html') declared = 'html';
    else if (name === 'json') declared = 'json';
    else if (name === 'text') declared = 'text';
    if (write.status === undefined && write.statusNode === undefined) delete write.statusNode;
  } else {
    if (!EXPRESS_SENDS.has(name)) return undefined;
    write.api = /^(reply|rep|reply_)$/.test(root) ? 'fastify' : name === 'write' || name === 'end' ? 'node' : 'express';
    if (name === 'json' || name === 'jsonp') declared = 'json';
  }
  write.declared = declared ?? declaredInFunction(enclosingFunction(call), root, call.range[0], ctx, assignments);
  return write;
}

function fetchWrite(node: Node, body: Node | undefined, init: Node | undefined, method: string, declared?: ContentKind): ResponseWrite {
  const write: ResponseWrite = { node, body, api: 'fetch', method, declared };
  const i = init ? unwrap(init) : undefined;
  if (i?.type === T.ObjectExpression) {
    const status = property(i, 'status');
    if (status) statusOf(status.value, write);
    const headers = property(i, 'headers');
    write.declared = headersObjectKind(headers?.value) ?? write.declared;
  }
  return write;
}

/** `new Response(body, init)` / `new NextResponse(body, init)`, or undefined. */
export function responseConstruction(node: TSESTree.NewExpression): ResponseWrite | undefined {
  if (node.callee.type !== T.Identifier || !/^(Response|NextResponse)$/.test(node.callee.name)) return undefined;
  return fetchWrite(node, node.arguments[0], node.arguments[1], 'Response');
}

/** `ctx.body = x` / `ctx.response.body = x` in Koa, or undefined. */
export function koaBodyWrite(node: TSESTree.AssignmentExpression, ctx: ModelContext, assignments: readonly TSESTree.AssignmentExpression[] = []): ResponseWrite | undefined {
  if (node.operator !== '=' || node.left.type !== T.MemberExpression) return undefined;
  const path = memberPath(node.left);
  if (path[path.length - 1] !== 'body' || !(path.length === 2 || (path.length === 3 && path[1] === 'response'))) return undefined;
  let root: Node = node.left.object;
  while (root.type === T.MemberExpression) root = root.object;
  if (root.type !== T.Identifier || !/^(ctx|context)$/.test(root.name) || !isResponseObject(root, ctx)) return undefined;
  const write: ResponseWrite = { node, body: node.right, api: 'koa', method: 'body' };
  write.declared = declaredInFunction(enclosingFunction(node), root.name, node.range[0], ctx, assignments);
  const fn = enclosingFunction(node);
  if (fn) {
    for (const a of assignments) {
      if (a.range[0] < fn.range[0] || a.range[0] > node.range[0]) continue;
      if (memberPath(a.left).join('.') === `${root.name}.status`) statusOf(a.right, write);
    }
  }
  return write;
}

/** Selector for the assignments `koaBodyWrite` and content-type detection need: register it and collect. */
export const RESPONSE_ASSIGNMENT_SELECTOR = 'AssignmentExpression[left.type="MemberExpression"][left.property.name=/^(body|type|status|contentType)$/]';
