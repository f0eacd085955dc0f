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
const NOT_AUTH_WORDS = new Set(['csrf', 'csurf', 'cors', 'helmet', 'limiter', 'limit', 'throttle', 'throttler', 'body', 'parser', 'json', 'urlencoded', 'multer', 'upload', 'validate', 'validator', 'validation', 'schema', 'logger', 'compression', 'static']);
const AUTH_WORDS = new Set([
  'auth', 'authn', 'authz', 'authenticate', 'authenticated', 'authentication', 'authorize', 'authorized', 'authorization',
  'jwt', 'expressjwt', 'koajwt', 'bearer', 'protect', 'protected', 'guard', 'guarded', 'passport', 'clerk', 'loggedin',
  'signedin', 'permission', 'permissions', 'acl', 'rbac', 'firebase', 'supabase', 'keycloak', 'okta', 'auth0', 'cognito',
]);
/** Verbs that, with an object below, make an auth check: `verifyToken`, `requireUser`, `isAdmin`, `checkScopes`. */
const CHECK_VERBS = new Set(['require', 'requires', 'ensure', 'verify', 'validate', 'check', 'is', 'has', 'must', 'only', 'assert', 'needs']);
const CHECK_OBJECTS = new Set(['token', 'user', 'admin', 'role', 'roles', 'scope', 'scopes', 'apikey', 'api', 'key', 'session', 'login', 'logged', 'signin', 'owner', 'member', 'staff', 'superuser', 'access']);

/** Classifies a name by its words; team names from the settings file always win. */
export function classifyName(name: string, team: TeamSettings): Protection {
  if (team.rateLimitNames.has(name)) return { auth: false, rateLimit: true };
  if (team.authNames.has(name)) return { auth: true, rateLimit: false };
  const w = words(name);
  const rateLimit = w.some((x) => LIMIT_WORDS.has(x)) || (w.includes('rate') && w.includes('limit')) || (w.includes('slow') && w.includes('down'));
  if (rateLimit) return { auth: false, rateLimit: true };
  if (w.some((x) => NOT_AUTH_WORDS.has(x))) return NONE;
  if (w.some((x) => AUTH_WORDS.has(x) || x.endsWith('auth') || x.startsWith('auth'))) return { auth: true, rateLimit: false };
  if (w.length >= 2 && CHECK_VERBS.has(w[0]) && w.slice(1).some((x) => CHECK_OBJECTS.has(x))) return { auth: true, rateLimit: false };
  if (w.join('') === 'loginrequired') return { auth: true, rateLimit: false };
  return NONE;
}

/** Calls and member reads inside a handler that show the request is authenticated there. */
const AUTH_CALLS = new Set([
  'getServerSession', 'getSession', 'auth', 'currentUser', 'getAuth', 'getToken', 'jwtVerify', 'getUser', 'requireUser',
  'isAuthenticated', 'validateRequest', 'getServerAuthSession', 'verifyIdToken', 'verifySessionCookie', 'getKindeServerSession',
]);
const USER_PROPS = new Set(['user', 'auth', 'userId', 'currentUser', 'principal', 'claims', 'jwtPayload']);

/** Calls inside a limiter middleware or handler that consume a rate-limit budget. */
function isLimiterCall(path: string[]): boolean {
  const last = path[path.length - 1];
  const owner = path[path.length - 2] ?? '';
  if ((last === 'consume' || last === 'limit' || last === 'penalty' || last === 'check') && /limit|throttl|bucket/i.test(owner)) return true;
  return false;
}

export interface ClassifyContext {
  team: TeamSettings;
  sourceCode: Readonly<TSESLint.SourceCode>;
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
      if (byName.auth || byName.rateLimit) return byName;
      return classifyDefinition(n, ctx, depth);
    }
    case T.MemberExpression: {
      const path = memberPath(n);
      // `fastify.auth([...])`, `passport.authenticate`, `middlewares.requireAuth`, `limiters.login`
      let result = NONE;
      for (const part of path.slice(1)) result = merge(result, classifyName(part.replace('()', ''), ctx.team));
      if (path[0] && path[0] !== 'this') result = merge(result, onlyLimit(classifyName(path[0], ctx.team)));
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

/** Follows an identifier to its declaration: `const limiter = rateLimit(...)`, `function requireAuth(req, res, next) {...}`. */
function classifyDefinition(id: Node & { type: T.Identifier }, ctx: ClassifyContext, depth: number): Protection {
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
      if (name) {
        if (isLimiterCall(path)) rateLimit = true;
        else if (AUTH_CALLS.has(name) || (name === 'verify' && path.some((p) => /jwt|token|jose/i.test(p)))) auth = true;
        else {
          const p = classifyName(name, ctx.team);
          if (p.auth && !/^(passport)$/.test(name)) auth = true;
          if (p.rateLimit) rateLimit = true;
        }
      }
      // res.status(401), res.sendStatus(403), reply.code(401), ctx.throw(401), createError(401)
      const first = node.arguments[0];
      if (first?.type === T.Literal) {
        if ((first.value === 401 || first.value === 403) && name && /^(status|sendStatus|code|throw|createError|assert)$/.test(name)) auth = true;
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
      if (name && /^(Unauthorized|Forbidden)(Exception|Error)$/.test(name)) auth = true;
    }
    return undefined;
  });
  return { auth, rateLimit };
}
