import type { TSESTree } from '@typescript-eslint/utils';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, isFunction, memberPath, unwrap, walk, words, type Node } from './ast';
import type { TeamSettings } from '../settings';

/** What a piece of middleware (or a guard, a hook, a handler's body) does for a route. */
export interface Protection {
  auth: boolean;
  rateLimit: boolean;
}

export const NONE: Protection = Object.freeze({ auth: false, rateLimit: false });

export function merge(a: Protection, b: Protection): Protection {
  return { auth: a.auth || b.auth, rateLimit: a.rateLimit || b.rateLimit };
}

const LIMIT_WORDS = new Set(['limiter', 'ratelimit', 'ratelimiter', 'throttle', 'throttler', 'throttled', 'throttling', 'slowdown', 'brute', 'bruteforce', 'expressbrute']);
const NOT_AUTH_WORDS = new Set(['csrf', 'csurf', 'cors', 'helmet', 'body', 'parser', 'json', 'urlencoded', 'multer', 'upload', 'validate', 'validator', 'validation', 'schema', 'logger', 'compression', 'static', 'controller', 'service', 'routes', 'router']);
const AUTH_WORDS = new Set([
  'auth', 'authn', 'authz', 'authenticate', 'authenticated', 'authentication', 'authorize', 'authorized', 'authorization',
  'jwt', 'expressjwt', 'koajwt', 'bearer', 'protect', 'protected', 'guard', 'guarded', 'passport', 'clerk', 'loggedin',
  'signedin', 'permission', 'permissions', 'acl', 'rbac', 'firebase', 'supabase', 'keycloak', 'okta', 'auth0', 'cognito',
]);
/** Verbs that, with an object below, make an auth check: `verifyToken`, `requireUser`, `isAdmin`, `checkScopes`. */
const CHECK_VERBS = new Set(['require', 'requires', 'ensure', 'verify', 'validate', 'check', 'is', 'has', 'must', 'only', 'assert', 'needs']);
const CHECK_OBJECTS = new Set([
  'token', 'jwt', 'user', 'admin', 'role', 'roles', 'scope', 'scopes', 'apikey', 'api', 'key', 'session', 'login', 'logged', 'signin', 'owner',
  'member', 'staff', 'superuser', 'access', 'signature', 'signed', 'hmac', 'webhook',
]);
/** Verbs and owners of a middleware that loads who the caller is: `loadMemberSession`, `populateCurrentUser`. */
const SESSION_LOADERS = new Set(['load', 'attach', 'populate', 'restore', 'hydrate', 'resolve', 'set']);
const SESSION_OWNERS = new Set(['user', 'member', 'account', 'customer', 'staff', 'admin']);
/** Middleware whose name marks the route public on purpose: `publicAdminApi`, `allowAnonymous`, `skipAuth`. */
const PUBLIC_MARKER = /^(public|anonymous|unauthenticated|(allow|skip|no|without)(anonymous|public|auth))$/;

/** A middleware in a route's chain that says the route is public by design (`mw.publicAdminApi`). */
export function declaresPublic(expr: Node): boolean {
  const n = unwrap(expr);
  const path = n.type === T.Identifier || n.type === T.MemberExpression ? memberPath(n) : [];
  const name = path[path.length - 1];
  const w = name ? words(name) : [];
  return w.length > 0 && (PUBLIC_MARKER.test(w[0]) || PUBLIC_MARKER.test(w.slice(0, 2).join('')));
}

/** Packages whose default export builds a limiter or an authenticator, whatever the local name. */
const LIMIT_PACKAGES = /(^|\/)(express-rate-limit|express-slow-down|rate-limiter-flexible|express-brute|koa-ratelimit|koa2-ratelimit|hono-rate-limiter|@fastify\/rate-limit|@upstash\/ratelimit|@nestjs\/throttler)$/;
const AUTH_PACKAGES = /(^|\/)(passport|express-jwt|koa-jwt|express-oauth2-jwt-bearer|express-openid-connect|@clerk\/[\w-]+|@auth0\/[\w-]+|next-auth(\/[\w-]+)?|@supabase\/[\w-]+|firebase-admin(\/auth)?|keycloak-connect|jose|jsonwebtoken|@fastify\/jwt|@fastify\/auth|hono\/jwt|hono\/bearer-auth|hono\/basic-auth)$/;

/** What a package import gives, by the package's name: `import limit from 'express-rate-limit'` builds limiters. */
export function classifyPackage(source: string | undefined): Protection {
  if (!source) return NONE;
  if (LIMIT_PACKAGES.test(source)) return { auth: false, rateLimit: true };
  if (AUTH_PACKAGES.test(source)) return { auth: true, rateLimit: false };
  return NONE;
}

/** Classifies a name by its words; team names from the settings file always win. */
export function classifyName(name: string, team: TeamSettings): Protection {
  if (team.rateLimitNames.has(name)) return { auth: false, rateLimit: true };
  if (team.authNames.has(name) || team.authGuards.has(name)) return { auth: true, rateLimit: false };
  const w = words(name);
  const rateLimit = w.some((x) => LIMIT_WORDS.has(x)) || (w.includes('rate') && w.includes('limit')) || (w.includes('slow') && w.includes('down'));
  if (rateLimit) return { auth: false, rateLimit: true };
  const joined = w.join('');
  if (w.length >= 2 && CHECK_VERBS.has(w[0]) && w.slice(1).some((x) => CHECK_OBJECTS.has(x))) return { auth: true, rateLimit: false };
  if (/loggedin|signedin|loginrequired|authrequired/.test(joined)) return { auth: true, rateLimit: false };
  // `loadMemberSession`, `attachUserSession`, `loadCurrentUser`: the caller's identity, read from the session
  if (SESSION_LOADERS.has(w[0]) && ((w.includes('session') && w.some((x) => SESSION_OWNERS.has(x))) || (w.includes('current') && w.some((x) => SESSION_OWNERS.has(x))))) {
    return { auth: true, rateLimit: false };
  }
  if (w.some((x) => NOT_AUTH_WORDS.has(x))) return NONE;
  if (w.some((x) => AUTH_WORDS.has(x) || x.endsWith('auth') || x.startsWith('auth'))) return { auth: true, rateLimit: false };
  return NONE;
}

/** Calls and member reads inside a handler that show the request is authenticated there. */
const AUTH_CALLS = new Set([
  'getServerSession', 'getSession', 'auth', 'currentUser', 'getAuth', 'getToken', 'jwtVerify', 'getUser', 'requireUser',
  'isAuthenticated', 'getServerAuthSession', 'verifyIdToken', 'verifySessionCookie', 'getKindeServerSession', 'getIronSession',
  'withIronSessionApiRoute', 'withApiAuthRequired', 'getAccessToken',
]);
/** A handler that checks the caller's password itself (`if (!checkPassword(req.body.password)) return res.status(400)…`). Not `validatePassword`: that is often a strength check. */
const PASSWORD_CHECK = /^(check|verify|compare)(User|Admin|Owner|Server|Current|Account)?Password$/;
const USER_PROPS = new Set(['user', 'auth', 'userId', 'currentUser', 'principal', 'claims', 'jwtPayload']);

/** Calls inside a limiter middleware or handler that consume a rate-limit budget: `limiter.consume(ip)`, `ratelimit.limit(ip)`. */
function isLimiterCall(path: string[], owner: Node | undefined, ctx: ClassifyContext): boolean {
  const last = path[path.length - 1];
  if (!/^(consume|limit|penalty|check|hit|take|removeTokens|tryRemoveTokens)$/.test(last ?? '')) return false;
  const ownerName = path[path.length - 2] ?? '';
  if (/limit|throttl|bucket/i.test(ownerName)) return true;
  // const rl = new Ratelimit({...}); const attempts = new RateLimiterRedis({...})
  if (owner?.type === T.Identifier) {
    const def = findVariable(ctx.sourceCode.getScope(owner), owner.name)?.defs[0]?.node as Node | undefined;
    if (def?.type === T.VariableDeclarator && def.init) {
      const init = unwrap(def.init);
      if ((init.type === T.NewExpression || init.type === T.CallExpression) && (classifyName(calleeName(init) ?? '', ctx.team).rateLimit || classifyPackage(importSource(memberPath(init.callee)[0] ?? '', ctx)).rateLimit)) return true;
    }
  }
  return false;
}

/** `401`/`403` in a call's arguments (`res.status(401)`, `c.json(body, 401)`, `new HTTPException(401)`) or `{ status: 401 }`. */
function answersUnauthorized(args: readonly Node[]): boolean {
  for (const a of args) {
    if (a.type === T.Literal && (a.value === 401 || a.value === 403)) return true;
    if (a.type === T.ObjectExpression) {
      for (const p of a.properties) {
        if (p.type === T.Property && p.key.type === T.Identifier && /^(status|statusCode|code)$/.test(p.key.name) && p.value.type === T.Literal && (p.value.value === 401 || p.value.value === 403)) return true;
      }
    }
  }
  return false;
}

export interface ClassifyContext {
  team: TeamSettings;
  sourceCode: Readonly<TSESLint.SourceCode>;
  /** Local name → module it comes from, when known. */
  imports?: ReadonlyMap<string, { source: string }>;
}

/**
 * Classifies a middleware expression as written in a route chain: an identifier, a member (`fastify.authenticate`),
 * a call that builds one (`rateLimit({...})`, `passport.authenticate('jwt')`), or an inline function.
 * Identifiers are followed to their declaration in the same file.
 */
export function classifyMiddleware(expr: Node, ctx: ClassifyContext, depth = 0): Protection {
  const n = unwrap(expr);
  if (depth > 4) return NONE;
  switch (n.type) {
    case T.ArrayExpression:
      return n.elements.reduce<Protection>((acc, el) => (el && el.type !== T.SpreadElement ? merge(acc, classifyMiddleware(el, ctx, depth + 1)) : acc), NONE);
    case T.Identifier: {
      const byName = classifyName(n.name, ctx.team);
      if (byName.rateLimit) return byName;
      // A name can say one thing and the body another: `checkLoginAttempts` consumes a rate limit.
      return merge(byName, classifyDefinition(n, ctx, depth));
    }
    case T.MemberExpression: {
      const path = memberPath(n);
      // `fastify.auth([...])`, `passport.authenticate`, `middlewares.requireAuth`, `limiters.login`
      let result = NONE;
      for (const part of path.slice(1)) result = merge(result, classifyName(part.replace('()', ''), ctx.team));
      if (path[0] && path[0] !== 'this') {
        const root = classifyName(path[0], ctx.team);
        result = merge(result, onlyLimit(root));
        // RealWorld's `auth.required`: an auth module's "required" member
        if (root.auth && /^(required|require|mandatory|ensure|verify|check|protect|user|loggedIn|authenticated)$/.test(path[path.length - 1] ?? '')) result = merge(result, { auth: true, rateLimit: false });
      }
      return result;
    }
    case T.NewExpression:
    case T.CallExpression: {
      const name = calleeName(n);
      let result = name ? classifyName(name, ctx.team) : NONE;
      // `expressjwt({...}).unless({ path })`, `requireRole('admin')`, `guard(authenticate)`
      if (n.type === T.CallExpression && n.callee.type === T.MemberExpression) result = merge(result, classifyMiddleware(n.callee.object, ctx, depth + 1));
      if (!result.auth && !result.rateLimit && name && /^(compose|combine|chain|all|series)$/i.test(name)) {
        for (const a of n.arguments) result = merge(result, classifyMiddleware(a, ctx, depth + 1));
      }
      if (!result.auth && !result.rateLimit && n.type === T.CallExpression && n.callee.type === T.Identifier) result = classifyDefinition(n.callee, ctx, depth);
      // `limit({...})` where limit is imported from express-rate-limit
      const root = memberPath(n.callee)[0];
      if (!result.auth && !result.rateLimit && root) result = classifyPackage(importSource(root, ctx));
      return result;
    }
    case T.FunctionExpression:
    case T.ArrowFunctionExpression:
      return inspectBody(n, ctx);
    default:
      return NONE;
  }
}

function onlyLimit(p: Protection): Protection {
  return p.rateLimit ? { auth: false, rateLimit: true } : NONE;
}

function importSource(local: string, ctx: ClassifyContext): string | undefined {
  return ctx.imports?.get(local)?.source;
}

/** Follows an identifier to its declaration: `const limiter = rateLimit(...)`, `function requireAuth(req, res, next) {...}`. */
function classifyDefinition(id: TSESTree.Identifier, ctx: ClassifyContext, depth: number): Protection {
  const variable = findVariable(ctx.sourceCode.getScope(id), id.name);
  const def = variable?.defs[0];
  if (!def) return NONE;
  const node = def.node as Node;
  if (node.type === T.FunctionDeclaration) return inspectBody(node, ctx);
  if (node.type === T.VariableDeclarator && node.init) {
    const init = unwrap(node.init);
    if (isFunction(init)) return inspectBody(init, ctx);
    return classifyMiddleware(init, ctx, depth + 1);
  }
  return NONE;
}

/**
 * Looks inside a function for evidence that it authenticates the request or consumes a rate limit:
 * `req.user`, `jwt.verify(...)`, `getServerSession(...)`, `limiter.consume(ip)`, a 401 answer.
 */
export function inspectBody(fn: Node, ctx: ClassifyContext): Protection {
  let auth = false;
  let rateLimit = false;
  walk(fn, (node) => {
    if (auth && rateLimit) return false;
    if (node.type === T.CallExpression) {
      const path = memberPath(node.callee);
      const name = path[path.length - 1];
      const owner = node.callee.type === T.MemberExpression ? unwrap(node.callee.object) : undefined;
      if (answersUnauthorized(node.arguments as Node[])) auth = true;
      if (name) {
        if (isLimiterCall(path, owner, ctx)) rateLimit = true;
        else if (AUTH_CALLS.has(name) || (name === 'verify' && path.some((p) => /jwt|token|jose/i.test(p))) || PASSWORD_CHECK.test(name)) auth = true;
        else {
          const p = classifyName(name, ctx.team);
          if (p.auth && !/^(passport)$/.test(name)) auth = true;
          if (p.rateLimit) rateLimit = true;
        }
      }
      const first = node.arguments[0];
      if (first?.type === T.Literal) {
        // Hono: c.get('jwtPayload'), c.get('user')
        if (name === 'get' && typeof first.value === 'string' && /jwt|user|session|auth/i.test(first.value) && path.length === 2) auth = true;
      }
    } else if (node.type === T.MemberExpression && !node.computed && node.property.type === T.Identifier) {
      const prop = node.property.name;
      const obj = unwrap(node.object);
      const objPath = memberPath(obj);
      const root = objPath.join('.');
      if (USER_PROPS.has(prop) && /^(req|request|ctx|context|c|event)(\.state|\.locals|\.session|\.raw)?$/.test(root)) {
        auth = true;
      } else if (/^(req|request)\.session$/.test(root) && /user|account|member/i.test(prop)) {
        auth = true;
      } else if (root === 'res.locals' && USER_PROPS.has(prop)) {
        auth = true;
      } else if (prop === 'authorization' && /headers$/.test(root)) {
        auth = true;
      }
    } else if (node.type === T.NewExpression) {
      const name = calleeName(node);
      if ((name && /^(Unauthorized|Forbidden)(Exception|Error)$/.test(name)) || answersUnauthorized(node.arguments as Node[])) auth = true;
    }
    return undefined;
  });
  return { auth, rateLimit };
}
