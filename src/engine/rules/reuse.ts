/**
 * What a fix may reuse from the file: the auth middleware, guard or limiter the team already wrote.
 * A fix never names something that is not in scope, so applying it leaves code that runs.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FileModel, Route } from '../model';
import { T, isFunction, staticText, unwrap, type Node } from '../model/ast';
import { classifyMiddleware, classifyName, type Protection } from '../model/middleware';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

function topLevelNames(program: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  for (const stmt of program.body) {
    const decl = stmt.type === T.ExportNamedDeclaration && stmt.declaration ? stmt.declaration : stmt;
    if (decl.type === T.VariableDeclaration) for (const d of decl.declarations) if (d.id.type === T.Identifier) names.add(d.id.name);
    if ((decl.type === T.FunctionDeclaration || decl.type === T.ClassDeclaration) && decl.id) names.add(decl.id.name);
  }
  return names;
}

function inScope(model: FileModel, name: string): boolean {
  return model.ctx.index.imports.has(name) || topLevelNames(model.ctx.index.program).has(name);
}

function reusable(node: Node): boolean {
  const n = unwrap(node);
  return !isFunction(n) && n.type !== T.ArrayExpression && n.type !== T.ObjectExpression;
}

/** A `const` used before its declaration throws (temporal dead zone): only reuse what is declared above the route. */
function declaredBefore(model: FileModel, node: Node, before: number): boolean {
  let root: Node = unwrap(node);
  while (root.type === T.MemberExpression || root.type === T.CallExpression) root = unwrap(root.type === T.MemberExpression ? root.object : root.callee);
  if (root.type !== T.Identifier) return true;
  const def = findVariable(model.ctx.sourceCode.getScope(root as TSESTree.Identifier), root.name)?.defs[0];
  if (!def || def.type !== 'Variable') return true;
  return def.node.range[1] <= before;
}

function fromUsed(model: FileModel, kind: keyof Protection, before: number): string | undefined {
  for (const node of model.usedMiddleware) {
    if (!declaredBefore(model, node, before)) continue;
    // A limiter call (`rateLimit({...})`) would start a second budget with the app-wide numbers: reuse named limiters only.
    if (kind === 'rateLimit' && unwrap(node).type === T.CallExpression) continue;
    if (reusable(node) && classifyMiddleware(node, model.ctx)[kind]) return model.ctx.sourceCode.getText(node as TSESTree.Node);
  }
  return undefined;
}

/** The auth middleware to put on a route: one already used in this file, the team's, or one imported by name. */
export function authMiddlewareToReuse(model: FileModel, before: number): string | undefined {
  const used = fromUsed(model, 'auth', before);
  if (used && !/Guard\b/.test(used)) return used;
  for (const name of model.ctx.team.authNames) if (inScope(model, name)) return name;
  for (const [local, ref] of model.ctx.index.imports) {
    if (ref.source.startsWith('.') && ref.imported !== 'default' && ref.imported !== '*' && !/Guard$/.test(local) && classifyName(local, model.ctx.team).auth) return local;
  }
  return undefined;
}

/** The Nest guard to put on a route, written as it must be called (`AuthGuard('jwt')` for Passport's). */
export function authGuardToReuse(model: FileModel): string | undefined {
  const used = fromUsed(model, 'auth', Infinity);
  if (used) return used;
  for (const name of model.ctx.team.authGuards) if (inScope(model, name)) return name;
  for (const [local, ref] of model.ctx.index.imports) {
    if (local === 'AuthGuard' && ref.source === '@nestjs/passport') return "AuthGuard('jwt')";
    if (/Guard$/.test(local) && ref.source !== '@nestjs/throttler' && classifyName(local, model.ctx.team).auth) return local;
  }
  return undefined;
}

/** A limiter already defined, used or imported in this file (never a limiter library's factory function). */
export function limiterToReuse(model: FileModel, before: number): string | undefined {
  const used = fromUsed(model, 'rateLimit', before);
  if (used) return used;
  for (const stmt of model.ctx.index.program.body) {
    const decl = stmt.type === T.ExportNamedDeclaration && stmt.declaration ? stmt.declaration : stmt;
    if (decl.type !== T.VariableDeclaration) continue;
    for (const d of decl.declarations) {
      // `rateLimit({...})` returns middleware; `new RateLimiterRedis({...})` returns an object that is not one
      if (d.id.type === T.Identifier && d.init && d.range[1] <= before && unwrap(d.init).type === T.CallExpression && classifyMiddleware(d.init, model.ctx).rateLimit) return d.id.name;
    }
  }
  for (const name of model.ctx.team.rateLimitNames) if (inScope(model, name)) return name;
  for (const [local, ref] of model.ctx.index.imports) {
    if (ref.source.startsWith('.') && ref.imported !== '*' && classifyName(local, model.ctx.team).rateLimit) return local;
  }
  return undefined;
}

/**
 * Puts middleware first in a route's chain, right after the path: a limiter must count failed logins
 * before `passport.authenticate` answers 401, and auth must run before validation touches the body.
 */
export function insertFirstInChain(route: Route, text: string): TSESLint.ReportFixFunction | undefined {
  const call = route.reportNode.parent?.parent;
  if (call?.type !== T.CallExpression || call.arguments.length === 0) return undefined;
  const args = call.arguments;
  let pathIndex = -1;
  if (args.length >= 2 && (staticText(args[0]) !== undefined || unwrap(args[0]).type === T.Identifier || unwrap(args[0]).type === T.ArrayExpression)) pathIndex = 0;
  // Koa named routes: router.post('create-order', '/orders', handler)
  if (args.length >= 3 && staticText(args[0]) !== undefined && staticText(args[1])?.startsWith('/')) pathIndex = 1;
  if (pathIndex >= 0) {
    const after = args[pathIndex];
    return (fixer) => fixer.insertTextAfter(after, `, ${text}`);
  }
  const first = args[0];
  return (fixer) => fixer.insertTextBefore(first, `${text}, `);
}
