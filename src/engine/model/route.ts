import type { Node } from './ast';
import type { Protection } from './middleware';

export type Framework = 'express' | 'koa' | 'hono' | 'fastify' | 'nest' | 'next';

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One HTTP route, with everything in this file that runs before its handler. */
export interface Route {
  framework: Framework;
  /** Upper-case methods; `ALL` when the route answers any method. */
  methods: string[];
  /** The full path as far as this file knows (mount prefixes included). */
  path?: string;
  /** Where a finding about the route is reported. */
  reportNode: Node;
  handler?: Node;
  /** Auth and rate limiting known in this file: chain, router-level, mounts, guards, hooks, the handler's body. */
  protection: Protection;
  /** The route's router or plugin leaves the file under this export; another file may protect it. */
  exportName?: string;
  /** In-file mounts exist for the route's router, so other files cannot add protection. */
  mountedHere?: boolean;
  /** Marked public on purpose (Nest `@Public()`, settings `publicRoutes`). */
  declaredPublic?: boolean;
  /** The rate limit was switched off on purpose (`@SkipThrottle()`). */
  rateLimitSkipped?: boolean;
  /** A name that says what the route does when its path says nothing (a Nest method name). */
  operationName?: string;
  /** The handler writes to a database (create/update/delete/insert/save…): used when the method is `ALL`. */
  writes?: boolean;
  /** The handler verifies a webhook signature. */
  verifiesSignature?: boolean;
  /** The handler signs the caller in with credentials (`authService.login(...)`), so it is the auth flow itself. */
  signsIn?: boolean;
}
