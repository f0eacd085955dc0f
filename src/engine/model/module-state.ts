/**
 * Module-level state and what writes it: `let` bindings and module-level arrays, objects, Maps and Sets, which live
 * once per process and are shared by every request it serves; and whether a value belongs to one request.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, isFunction, unwrap, type FunctionNode, type Node } from './ast';
import type { ModelContext } from './file-index';
import { isRequestData } from './request-data';

export type StateKind = 'let' | 'array' | 'object' | 'map' | 'set';

export interface ModuleState {
  name: string;
  declarator: TSESTree.VariableDeclarator;
  kind: StateKind;
}

/**
 * Module-level bindings that can hold changing state: every `let`/`var`, and `const`s made from `[]`, `{}`,
 * `new Map()`, `new Set()`, `new Array()`. Instances of other classes (an LRU cache, a prom-client counter, a
 * pool) manage their own state and bounds, so they are not listed.
 */
export function moduleState(program: TSESTree.Program): ModuleState[] {
  const out: ModuleState[] = [];
  for (const stmt of program.body) {
    const decl = stmt.type === T.ExportNamedDeclaration ? stmt.declaration : stmt;
    if (decl?.type !== T.VariableDeclaration) continue;
    for (const d of decl.declarations) {
      if (d.id.type !== T.Identifier) continue;
      if (decl.kind === 'let' || decl.kind === 'var') {
        // `let app = express()`-style bindings holding functions are wiring, not state
        if (d.init && isFunction(unwrap(d.init))) continue;
        out.push({ name: d.id.name, declarator: d, kind: 'let' });
        continue;
      }
      const init = d.init ? unwrap(d.init) : undefined;
      if (!init) continue;
      if (init.type === T.ArrayExpression) out.push({ name: d.id.name, declarator: d, kind: 'array' });
      else if (init.type === T.ObjectExpression && !init.properties.some((p) => p.type === T.Property && isFunction(unwrap(p.value as Node)))) out.push({ name: d.id.name, declarator: d, kind: 'object' });
      else if (init.type === T.NewExpression && init.callee.type === T.Identifier) {
        const cls = init.callee.name;
        if (cls === 'Map') out.push({ name: d.id.name, declarator: d, kind: 'map' });
        else if (cls === 'Set') out.push({ name: d.id.name, declarator: d, kind: 'set' });
        else if (cls === 'Array') out.push({ name: d.id.name, declarator: d, kind: 'array' });
      }
    }
  }
  return out;
}

/** Objects that can only live in this process: the response or socket of an open connection (SSE clients, WebSockets). */
const CONNECTION = /^(res|reply|response|ws|socket|client|stream|controller|writer|connection|conn|sse)$/i;

/** A connection object, or a record holding one (`{ id, res }`): registries of open connections are process-local by nature. */
export function isConnectionValue(node: Node | undefined): boolean {
  if (!node) return false;
  const n = unwrap(node);
  if (n.type === T.Identifier) return CONNECTION.test(n.name);
  if (n.type === T.ObjectExpression) return n.properties.some((p) => p.type === T.Property && isConnectionValue(p.value as Node));
  return false;
}

/**
 * A value that belongs to the request being handled: client data ({@link isRequestData}), anything read from the
 * handler's own parameters (`req.user`, `ctx.state.user`, `request.headers`), and local values built from them.
 */
export function isRequestScoped(node: Node | undefined, handler: FunctionNode, ctx: ModelContext, depth = 0): boolean {
  if (!node || depth > 4) return false;
  const n = unwrap(node);
  switch (n.type) {
    case T.Identifier: {
      if (handler.params.some((p) => p.type === T.Identifier && p.name === n.name)) return true;
      const v = findVariable(ctx.sourceCode.getScope(n), n.name);
      const def = v?.defs[0];
      if (!def || def.type !== 'Variable') return def?.type === 'Parameter' && isRequestData(n, ctx);
      const decl = def.node as TSESTree.VariableDeclarator;
      // only values made inside the handler: a module constant is not the request's
      if (decl.range[0] < handler.range[0] || decl.range[1] > handler.range[1]) return false;
      return !!decl.init && isRequestScoped(decl.init, handler, ctx, depth + 1);
    }
    case T.MemberExpression:
      // `cache[req.params.id]` reads module data under a request key: the value is the module's, not the request's
      return isRequestScoped(n.object, handler, ctx, depth);
    case T.ChainExpression:
      return isRequestScoped(n.expression, handler, ctx, depth);
    case T.CallExpression:
      // req.get('x'), String(req.params.id), JSON.parse(body)
      if (n.callee.type === T.MemberExpression && isRequestScoped(n.callee.object, handler, ctx, depth)) return true;
      return /^(String|Number|parseInt|JSON\.parse|parse|trim|toLowerCase)$/.test(calleeName(n) ?? '') && n.arguments.some((a) => isRequestScoped(a as Node, handler, ctx, depth + 1));
    case T.TemplateLiteral:
      return n.expressions.some((e) => isRequestScoped(e, handler, ctx, depth + 1));
    case T.BinaryExpression:
    case T.LogicalExpression:
      return isRequestScoped(n.left as Node, handler, ctx, depth + 1) || isRequestScoped(n.right, handler, ctx, depth + 1);
    case T.ObjectExpression:
      return n.properties.some((p) => (p.type === T.Property ? isRequestScoped(p.value as Node, handler, ctx, depth + 1) : isRequestScoped(p.argument, handler, ctx, depth + 1)));
    case T.ArrayExpression:
      return n.elements.some((e) => !!e && isRequestScoped(e.type === T.SpreadElement ? e.argument : e, handler, ctx, depth + 1));
    case T.ConditionalExpression:
      return isRequestScoped(n.consequent, handler, ctx, depth + 1) || isRequestScoped(n.alternate, handler, ctx, depth + 1);
    default:
      return isRequestData(n, ctx);
  }
}
