import type { TSESLint } from '@typescript-eslint/utils';
import type { TeamSettings } from '../settings';
import type { FileFacts } from '../types';
import { buildExpressModel } from './express';
import { buildFastifyModel } from './fastify';
import { buildIndex, type ModelContext } from './file-index';
import { NONE, merge } from './middleware';
import { buildNestModel, nestGlobalGuards } from './nest';
import { buildNextModel, nextMiddlewareFacts } from './next';
import { findUnboundedReads, type UnboundedRead } from './queries';
import { findDbCalls, type DbCall } from './db-calls';
import { findHandlers, type Handlers } from './handlers';
import { registersHealthRoute } from './health';
import { routesConsoleToLogger } from './loggers';
import type { Route } from './route';
import type { Node } from './ast';

export type { Route } from './route';
export type { UnboundedRead } from './queries';
export type { DbCall, DbKind } from './db-calls';
export type { Handlers } from './handlers';
export type { LogCall } from './loggers';
export { inTransaction, sqlText } from './db-calls';
export { requestSource, isRequestData } from './request-data';
export { logCall, usesStructuredLogger } from './loggers';
export { looksLikeHandler } from './handlers';
export { outboundCalls, outboundCall, targetOptionNodes } from './outbound-http';
export type { OutboundCall, OutboundClient } from './outbound-http';

/** What the framework model knows about one file. Built once per file, shared by every rule. */
export interface FileModel {
  ctx: ModelContext;
  routes: Route[];
  /** Middleware and guards written in this file's chains: what a fix can reuse. */
  usedMiddleware: Node[];
  /** Auth or a limiter applied app-wide in this file (app.use before every route, a global guard). */
  facts: FileFacts;
  /** Built on first use: only the query rule needs it. */
  unboundedReads(): UnboundedRead[];
  /** Every database read and write in the file (built on first use). */
  dbCalls(): readonly DbCall[];
  /** The functions that answer requests (route handlers and `(req, res)`-shaped functions), built on first use. */
  handlers(): Handlers;
}

const cache = new WeakMap<object, FileModel>();

/**
 * The model of the file ESLint is linting. Every rule calls this; the first call builds it
 * and the rest get the same object, so rules share one pass over the file.
 */
export function getModel(sourceCode: Readonly<TSESLint.SourceCode>, fileName: string, team: TeamSettings): FileModel {
  const key = sourceCode.ast;
  const cached = cache.get(key);
  if (cached) return cached;
  const index = buildIndex(sourceCode.ast, fileName, sourceCode as unknown as Parameters<typeof buildIndex>[2]);
  const ctx: ModelContext = { fileName, index, team, sourceCode, imports: index.imports };
  const globalGuard = nestGlobalGuards(ctx);
  const fastify = buildFastifyModel(ctx);
  const express = buildExpressModel(ctx);
  const seen = new Set(fastify.routes.map((r) => r.reportNode));
  const usedMiddleware: Node[] = [...express.used];
  const routes = [...fastify.routes, ...express.routes.filter((r) => !seen.has(r.reportNode)), ...buildNestModel(ctx, globalGuard, usedMiddleware), ...buildNextModel(ctx)];
  let reads: UnboundedRead[] | undefined;
  let db: DbCall[] | undefined;
  let handlers: Handlers | undefined;
  const model: FileModel = {
    ctx,
    routes,
    usedMiddleware,
    facts: {
      mounts: [...express.mounts, ...fastify.mounts],
      globalGuard: merge(NONE, globalGuard),
      nextMiddleware: nextMiddlewareFacts(ctx),
      ...(registersHealthRoute(ctx, routes) ? { healthRoute: true } : {}),
      ...(routesConsoleToLogger(ctx) ? { consoleRouted: true } : {}),
    },
    unboundedReads: () => (reads ??= findUnboundedReads(ctx)),
    dbCalls: () => (db ??= findDbCalls(ctx)),
    handlers: () => (handlers ??= findHandlers(ctx, routes)),
  };
  cache.set(key, model);
  return model;
}
