import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import specData from '../../../rules/insecure-jwt.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, type FileModel } from '../model';
import { T, calleeName, enclosingFunction, hasSpread, isFunction, memberPath, property, unwrap, words, type Node } from '../model/ast';
import { classifyMiddleware } from '../model/middleware';
import { jwtCalls, type JwtCall } from '../model/jwt';
import { isScriptOrTestFile } from '../model/paths';
import { createRule, metaFromSpec } from './create-rule';
import { FixText } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'insecureJwt' | 'unpinnedSecret' | 'decodeAsAuth' | 'noneAlgorithm' | 'pinAlgorithms' | 'removeNone';
type Options = [];

const spec = specData as RuleSpec;

export const insecureJwtSpec = spec;

/** Claims a client reads from its own token without trusting them: when to refresh, which key to fetch. */
const NON_AUTH_CLAIMS = new Set(['exp', 'iat', 'nbf', 'header', 'kid', 'alg']);
/** Names of functions that decide who the caller is. */
const AUTH_NAME_WORDS = new Set(['auth', 'authenticate', 'authenticated', 'authorize', 'authorise', 'authorization', 'guard', 'protect', 'require', 'ensure', 'identify', 'principal', 'can', 'activate', 'validate', 'middleware']);
/** A key that is asymmetric by its name: RS256 rather than HS256 as the suggested pin. */
const ASYMMETRIC_KEY = /public|pub|pem|cert|jwks|getkey|getsigningkey|secretprovider|keyset|rsa|ecdsa|spki/i;

function nameOf(fn: Node): string | undefined {
  if (fn.type === T.FunctionDeclaration && fn.id) return fn.id.name;
  const p = fn.parent;
  if (p?.type === T.VariableDeclarator && p.id.type === T.Identifier) return p.id.name;
  if ((p?.type === T.MethodDefinition || p?.type === T.Property || p?.type === T.PropertyDefinition) && p.key.type === T.Identifier) return p.key.name;
  return undefined;
}

/** The decoded value is only used for claims that decide nothing: `jwt.decode(t).exp`, `const { exp } = jwtDecode(t)`, a variable only read for `.exp`. */
function onlyNonAuthClaims(call: TSESTree.CallExpression, scope?: TSESLint.Scope.Scope): boolean {
  let n: Node = call;
  while (n.parent && (n.parent.type === T.TSAsExpression || n.parent.type === T.TSNonNullExpression || n.parent.type === T.ChainExpression || n.parent.type === T.AwaitExpression)) n = n.parent;
  const p = n.parent;
  if (p?.type === T.MemberExpression && p.object === n && p.property.type === T.Identifier) return NON_AUTH_CLAIMS.has(p.property.name);
  if (p?.type === T.VariableDeclarator && p.id.type === T.ObjectPattern) {
    return p.id.properties.every((prop) => prop.type === T.Property && prop.key.type === T.Identifier && NON_AUTH_CLAIMS.has(prop.key.name));
  }
  // const decoded = jwt.verify(t, key); if (typeof decoded !== 'object' || !decoded.exp) …: only when it expires
  if (p?.type === T.VariableDeclarator && p.id.type === T.Identifier && scope) {
    const refs = findVariable(scope, p.id.name)?.references.filter((r) => r.identifier !== p.id) ?? [];
    return (
      refs.length > 0 &&
      refs.every((r) => {
        const u = r.identifier.parent;
        if (u?.type === T.MemberExpression && u.object === r.identifier && !u.computed && u.property.type === T.Identifier) return NON_AUTH_CLAIMS.has(u.property.name);
        return u?.type === T.UnaryExpression && u.operator === 'typeof';
      })
    );
  }
  return false;
}

/**
 * Auth middleware runs before this handler: in its registration (`router.get('/x', requireAuth, handler)`) or in a
 * `router.use(requireAuth)` on the same router earlier in the file. (Route protection also counts the handler's own
 * body, which is the code being judged here, so it cannot be used.)
 */
function chainAuthenticates(handler: Node, model: FileModel): boolean {
  const reg = handler.parent;
  if (reg?.type !== T.CallExpression || !reg.arguments.includes(handler as TSESTree.CallExpressionArgument)) return false;
  const before = reg.arguments.slice(0, reg.arguments.indexOf(handler as TSESTree.CallExpressionArgument));
  if (before.some((a) => a.type !== T.Literal && a.type !== T.SpreadElement && classifyMiddleware(a, model.ctx).auth)) return true;
  const router = reg.callee.type === T.MemberExpression ? memberPath(reg.callee.object).join('.') : undefined;
  if (!router) return false;
  return model.ctx.index.calls.some(
    (c) =>
      c.range[1] < reg.range[0] &&
      calleeName(c) === 'use' &&
      c.callee.type === T.MemberExpression &&
      memberPath(c.callee.object).join('.') === router &&
      c.arguments.some((a) => a.type !== T.Literal && a.type !== T.SpreadElement && classifyMiddleware(a, model.ctx).auth),
  );
}

export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'problem',
    ...metaFromSpec<MessageIds>(spec),
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (isScriptOrTestFile(context.filename)) return {};
    const sourceCode = context.sourceCode;

    /** The options object literal, following a `const options = {...}` in this file. */
    function optionsObject(node: Node | undefined): Node | undefined {
      if (!node) return undefined;
      const n = unwrap(node);
      if (n.type === T.ObjectExpression) return n;
      if (n.type === T.Identifier) {
        const def = findVariable(sourceCode.getScope(n), n.name)?.defs[0]?.node as Node | undefined;
        if (def?.type === T.VariableDeclarator && def.init && unwrap(def.init).type === T.ObjectExpression) return unwrap(def.init);
      }
      return undefined;
    }

    function pinSuggestion(call: TSESTree.CallExpression, optionsAt: number, keyNode: Node | undefined): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const alg = keyNode && ASYMMETRIC_KEY.test(sourceCode.getText(keyNode)) ? 'RS256' : 'HS256';
      const algText = () => FixText.for(context).text("algorithms: ['").choice(alg).text("']");
      const arg = call.arguments[optionsAt] as Node | undefined;
      const data = { alg };
      if (!arg) {
        const before = call.arguments[optionsAt - 1];
        if (!before) return undefined;
        return { messageId: 'pinAlgorithms', data, fix: (fixer) => fixer.insertTextAfter(before, `, { ${algText().toString()} }`) };
      }
      const a = unwrap(arg);
      if (isFunction(a)) return { messageId: 'pinAlgorithms', data, fix: (fixer) => fixer.insertTextBefore(arg, `{ ${algText().toString()} }, `) };
      if (a.type !== T.ObjectExpression) return undefined;
      if (a.properties.length === 0) return { messageId: 'pinAlgorithms', data, fix: (fixer) => fixer.replaceText(a, `{ ${algText().toString()} }`) };
      const last = a.properties[a.properties.length - 1];
      return { messageId: 'pinAlgorithms', data, fix: (fixer) => fixer.insertTextAfter(last, `, ${algText().toString()}`) };
    }

    function checkVerify(jwt: JwtCall): void {
      // the token is only asked when it expires (a client scheduling its refresh): nothing is trusted on it
      if (onlyNonAuthClaims(jwt.call, sourceCode.getScope(jwt.call))) return;
      const at = jwt.optionsIndex ?? 2;
      const arg = jwt.call.arguments[at] as Node | undefined;
      if (jwt.library === 'jsonwebtoken' && jwt.call.arguments.length < 2) return;
      if (arg && arg.type === T.SpreadElement) return;
      if (arg && !isFunction(unwrap(arg))) {
        const obj = optionsObject(arg);
        // An options object built elsewhere, or spread from a shared config: assume it pins.
        if (!obj || hasSpread(obj) || property(obj, 'algorithms')) return;
      }
      const keyNode = jwt.library === 'jsonwebtoken' ? (jwt.call.arguments[1] as Node | undefined) : (property(optionsObject(arg), 'secret')?.value as Node | undefined);
      const s = pinSuggestion(jwt.call, at, keyNode);
      const alg = keyNode && ASYMMETRIC_KEY.test(sourceCode.getText(keyNode)) ? 'RS256' : 'HS256';
      // jsonwebtoken derives the allowed algorithms from the key: a shared secret admits only HS*, so no key confusion
      const shared = jwt.library === 'jsonwebtoken' && alg === 'HS256' && !!keyNode && !isFunction(unwrap(keyNode));
      context.report({ node: jwt.call.callee, messageId: shared ? 'unpinnedSecret' : 'insecureJwt', data: { alg }, suggest: s ? [s] : [] });
    }

    function verifiesIn(fn: Node, model: FileModel, all: readonly JwtCall[]): boolean {
      if (all.some((j) => j.op === 'verify' && j.call.range[0] >= fn.range[0] && j.call.range[1] <= fn.range[1])) return true;
      // a project helper: verifyToken(token), this.auth.verifyAccessToken(token)
      return model.ctx.index.calls.some((c) => c.range[0] >= fn.range[0] && c.range[1] <= fn.range[1] && /^verify|Verify/.test(calleeName(c) ?? ''));
    }

    /** `await this.auth.authenticate(token)` before `decodeJwt(token)`: the same token was checked first, the decode only reads its claims. */
    function checkedBefore(jwt: JwtCall, fn: Node, model: FileModel): boolean {
      const token = jwt.call.arguments[0];
      if (!token || token.type === T.SpreadElement) return false;
      const text = sourceCode.getText(token);
      return model.ctx.index.calls.some(
        (c) =>
          c.range[0] >= fn.range[0] &&
          c.range[1] <= jwt.call.range[0] &&
          /^(authenticate|validate|introspect)/i.test(calleeName(c) ?? '') &&
          c.arguments.some((a) => a.type !== T.SpreadElement && sourceCode.getText(a) === text),
      );
    }

    function checkDecode(jwt: JwtCall, model: FileModel, all: readonly JwtCall[]): void {
      if (onlyNonAuthClaims(jwt.call, sourceCode.getScope(jwt.call))) return;
      const fn = enclosingFunction(jwt.call);
      if (!fn || checkedBefore(jwt, fn, model)) return;
      const handlers = model.handlers();
      const handler = handlers.enclosing(jwt.call);
      const name = nameOf(fn);
      const authNamed = !!name && (words(name).some((w) => AUTH_NAME_WORDS.has(w)) || /^(current|get|load|resolve)User|UserFrom/.test(name));
      if (!handler && !authNamed) return;
      if (verifiesIn(fn, model, all) || (handler && handler !== fn && verifiesIn(handler, model, all))) return;
      // A route whose chain already verified the token (auth middleware) only reads the claims again.
      if (handler && chainAuthenticates(handler, model)) return;
      const callee = sourceCode.getText(jwt.call.callee);
      context.report({ node: jwt.call.callee, messageId: 'decodeAsAuth', data: { callee: `${callee}()` } });
    }

    return {
      'Property[key.name="algorithms"]'(node: TSESTree.Property) {
        const v = unwrap(node.value as Node);
        if (v.type !== T.ArrayExpression) return;
        const none = v.elements.find((e) => e?.type === T.Literal && typeof e.value === 'string' && e.value.toLowerCase() === 'none');
        if (!none) return;
        const others = v.elements.filter((e) => e !== none);
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
          others.length > 0 ? [{ messageId: 'removeNone', fix: (fixer) => fixer.replaceText(v, `[${others.map((e) => (e ? sourceCode.getText(e) : '')).join(', ')}]`) }] : [];
        context.report({ node: none, messageId: 'noneAlgorithm', suggest });
      },
      'Program:exit'() {
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const all = jwtCalls(model.ctx);
        for (const jwt of all) {
          if (jwt.op === 'verify' && jwt.library === 'jsonwebtoken') checkVerify(jwt);
          else if (jwt.op === 'middleware' && (jwt.library === 'express-jwt' || jwt.library === 'koa-jwt')) checkVerify(jwt);
          else if (jwt.op === 'decode') checkDecode(jwt, model, all);
          else if (jwt.op === 'sign') {
            const alg = property(optionsObject(jwt.call.arguments[jwt.optionsIndex ?? 2] as Node | undefined), 'algorithm');
            if (alg && unwrap(alg.value as Node).type === T.Literal && String((unwrap(alg.value as Node) as TSESTree.Literal).value).toLowerCase() === 'none') {
              context.report({ node: alg.value, messageId: 'noneAlgorithm' });
            }
          }
        }
      },
    };
  },
});
