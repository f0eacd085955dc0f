import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, isFunction, memberPath, unwrap, walk, type Node } from './ast';
import { NONE, classifyName, inspectBody, merge, type Protection } from './middleware';
import type { ModelContext } from './file-index';

const WRITE_CALLS = /^(create|createMany|insert|insertOne|insertMany|update|updateOne|updateMany|upsert|delete|deleteOne|deleteMany|destroy|remove|save|del|bulkCreate|findOneAndUpdate|findByIdAndUpdate|findOneAndDelete|findByIdAndDelete|increment|decrement|softDelete|restore)$/;
/** Methods that check a caller's credentials and start a session: the handler is the sign-in itself. */
const SIGN_IN_CALLS = /^(login|logIn|signIn|signin|signInWithPassword|loginWithPassword|authenticateUser|verifyCredentials)$/;
const SIGNATURE_CALLS = /^(constructEvent|constructEventAsync|verifySignature|verifyWebhook|validateWebhook|verifyWebhookSignature|timingSafeEqual|validateRequest|verifyRequestSignature|isValidSignature|checkSignature|verifyHmac|unwrap)$/;

export interface HandlerFacts {
  protection: Protection;
  writes: boolean;
  verifiesSignature: boolean;
  /** The handler signs the caller in (`authService.login(provider, req.body)`): it is the sign-in, public by nature. */
  signsIn: boolean;
}

/** Follows a handler reference to a function in this file: an inline function, a local function, `asyncHandler(fn)`. */
export function resolveFunction(node: Node | undefined, ctx: ModelContext, depth = 0): Node | undefined {
  if (!node || depth > 3) return undefined;
  const n = unwrap(node);
  if (isFunction(n)) return n;
  if (n.type === T.Identifier) {
    const variable = findVariable(ctx.sourceCode.getScope(n), n.name);
    const def = variable?.defs[0]?.node as Node | undefined;
    if (!def) return undefined;
    if (def.type === T.FunctionDeclaration) return def;
    if (def.type === T.VariableDeclarator && def.init) return resolveFunction(def.init, ctx, depth + 1);
    return undefined;
  }
  // asyncHandler(async (req, res) => ...), catchAsync(fn), withAuth(handler)
  if (n.type === T.CallExpression) {
    for (let i = n.arguments.length - 1; i >= 0; i--) {
      const fn = resolveFunction(n.arguments[i], ctx, depth + 1);
      if (fn) return fn;
    }
  }
  return undefined;
}

/** A wrapper around a handler that itself authenticates or limits: `withAuth(handler)`, `requireAuth(async () => …)`. */
export function wrapperProtection(node: Node | undefined, ctx: ModelContext): Protection {
  let result = NONE;
  let n = node ? unwrap(node) : undefined;
  while (n && n.type === T.CallExpression) {
    const path = memberPath(n.callee);
    for (const part of path) result = merge(result, classifyName(part.replace('()', ''), ctx.team));
    n = n.arguments.length > 0 ? unwrap(n.arguments[n.arguments.length - 1]) : undefined;
  }
  return result;
}

/** What a handler does, as far as its body in this file shows. */
export function handlerFacts(handler: Node | undefined, ctx: ModelContext): HandlerFacts {
  const fn = resolveFunction(handler, ctx);
  const wrapped = wrapperProtection(handler, ctx);
  if (!fn) return { protection: wrapped, writes: false, verifiesSignature: false, signsIn: false };
  let writes = false;
  let verifiesSignature = false;
  let signsIn = false;
  walk(fn, (node) => {
    if (node.type === T.CallExpression) {
      const path = memberPath(node.callee);
      const name = path[path.length - 1];
      if (name && path.length >= 2 && WRITE_CALLS.test(name)) writes = true;
      if (name && path.length >= 2 && SIGN_IN_CALLS.test(name)) signsIn = true;
      if (name && (SIGNATURE_CALLS.test(name) || (name === 'createHmac' && path.length <= 2) || (name === 'verify' && path.some((p) => /webhook|signature|svix|wh$/i.test(p))))) {
        verifiesSignature = true;
      }
    }
    return undefined;
  });
  // A verified signature authenticates the caller: that is how webhooks prove who sent them.
  const signed: Protection = { auth: verifiesSignature, rateLimit: false };
  return { protection: merge(merge(wrapped, inspectBody(fn, ctx)), signed), writes, verifiesSignature, signsIn };
}

/** A value that is one instance-wide bit: `count > 0`, `!list.length`, `true`, or an object of fixed texts (`{ error: 'Failed' }`). */
function isFlagOrFixed(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === T.Literal) return true;
  if (n.type === T.BinaryExpression) return /^(===|!==|==|!=|<|<=|>|>=)$/.test(n.operator);
  if (n.type === T.UnaryExpression) return n.operator === '!';
  if (n.type === T.ObjectExpression) return n.properties.every((p) => p.type === T.Property && unwrap(p.value as Node).type === T.Literal);
  return false;
}

/**
 * The handler reads nothing from the request and answers only yes or no (`res.json(ownerCount > 0)`): the same single
 * bit for every caller, no record of anyone's (a sign-in page asking whether the instance has an owner yet).
 */
export function answersOnlyFlag(handler: Node | undefined, ctx: ModelContext): boolean {
  const fn = resolveFunction(handler, ctx);
  if (!fn || !isFunction(fn)) return false;
  const req = fn.params[0];
  if (req && req.type === T.Identifier) {
    const used = findVariable(ctx.sourceCode.getScope(fn), req.name)?.references.length ?? 0;
    if (used > 0) return false;
  } else if (req) return false;
  let answers = 0;
  let other = false;
  walk(fn, (node) => {
    if (node.type !== T.CallExpression || node.callee.type !== T.MemberExpression) return undefined;
    const name = memberPath(node.callee).pop();
    if (!name || !/^(json|send|jsonp|end)$/.test(name)) return undefined;
    answers++;
    if (node.arguments.some((a) => a.type === T.SpreadElement || !isFlagOrFixed(a))) other = true;
    return undefined;
  });
  return answers > 0 && !other;
}
