/**
 * Which functions in a file answer HTTP requests: the handlers of the routes the framework model found,
 * plus functions shaped like handlers or middleware (`(req, res)`, `(req, reply)`, Koa's `(ctx, next)`),
 * which is how controllers kept in their own files look.
 */
import { T, isFunction, type FunctionNode, type Node } from './ast';
import type { ModelContext } from './file-index';
import { resolveFunction } from './handler';
import type { Route } from './route';

const REQ = /^(req|request|_req|_request)$/;
const RES = /^(res|reply|response|rep|_res|_reply)$/;
const KOA_CTX = /^(ctx|context)$/;

function paramName(p: Node | undefined): string | undefined {
  if (!p) return undefined;
  if (p.type === T.Identifier) return p.name;
  if (p.type === T.AssignmentPattern && p.left.type === T.Identifier) return p.left.name;
  return undefined;
}

/** `(req, res)`, `(req, res, next)`, `(request, reply)`, `(err, req, res, next)`, Koa `(ctx, next)`. */
export function looksLikeHandler(fn: FunctionNode, koaOrHono: boolean): boolean {
  const names = fn.params.map((p) => paramName(p as Node));
  const at = names[0] === 'err' || names[0] === 'error' ? 1 : 0;
  if (names[at] && REQ.test(names[at]!) && names[at + 1] && RES.test(names[at + 1]!)) return true;
  if (koaOrHono && names.length >= 1 && names.length <= 2 && names[0] && KOA_CTX.test(names[0]) && (names.length === 1 || names[1] === 'next')) return true;
  return false;
}

export interface Handlers {
  /** Every function that handles a request in this file. */
  functions: ReadonlySet<FunctionNode>;
  /** The handler a node runs in (callbacks inside a handler count), or undefined outside any handler. */
  enclosing(node: Node): FunctionNode | undefined;
}

export function findHandlers(ctx: ModelContext, routes: readonly Route[]): Handlers {
  const functions = new Set<FunctionNode>();
  for (const route of routes) {
    const fn = route.handler ? resolveFunction(route.handler, ctx) : undefined;
    if (fn && isFunction(fn)) functions.add(fn);
  }
  const koaOrHono = [...ctx.index.imports.values()].some((i) => /^(koa|@koa\/|koa-|hono)/.test(i.source));
  for (const fn of ctx.index.functions) if (looksLikeHandler(fn, koaOrHono)) functions.add(fn);
  return {
    functions,
    enclosing(node) {
      for (let n: Node | undefined = node.parent; n; n = n.parent) {
        if (isFunction(n) && functions.has(n)) return n;
      }
      return undefined;
    },
  };
}
