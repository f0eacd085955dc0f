import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

/**
 * The node-type enum, read once. The package's CommonJS build exposes it through a getter, so `T.X`
 * in a hot loop pays a function call per access; a local constant does not.
 */
export const T: typeof AST_NODE_TYPES = AST_NODE_TYPES;
export type Node = TSESTree.Node;
export type Expr = TSESTree.Expression;
export type Call = TSESTree.CallExpression;
export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** Depth-first walk over every node; `visit` returning false skips the node's children. */
export function walk(root: Node, visit: (node: Node) => boolean | void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const keys = visitorKeys[node.type];
    if (!keys) continue;
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]];
      if (!child) continue;
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) if (child[i]) stack.push(child[i] as Node);
      } else if (typeof (child as Node).type === 'string') {
        stack.push(child as Node);
      }
    }
  }
}

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    !!node &&
    (node.type === T.FunctionExpression ||
      node.type === T.ArrowFunctionExpression ||
      node.type === T.FunctionDeclaration)
  );
}

/** Strips TypeScript-only wrappers (`x as T`, `x!`, `<T>x`, `x satisfies T`) and parentheses. */
export function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    if (
      n.type === T.TSAsExpression ||
      n.type === T.TSNonNullExpression ||
      n.type === T.TSTypeAssertion ||
      n.type === T.TSSatisfiesExpression
    ) {
      n = n.expression;
    } else if (n.type === T.AwaitExpression) {
      n = n.argument;
    } else {
      return n;
    }
  }
}

/** `a.b.c` → ['a','b','c']; `this.repo.find` → ['this','repo','find']; calls in the chain become `name()`. */
export function memberPath(node: Node): string[] {
  const parts: string[] = [];
  let n: Node = unwrap(node);
  for (;;) {
    if (n.type === T.MemberExpression) {
      const p = n.property;
      if (!n.computed && p.type === T.Identifier) parts.unshift(p.name);
      else if (p.type === T.Literal && typeof p.value === 'string') parts.unshift(p.value);
      else parts.unshift('[]');
      n = unwrap(n.object);
    } else if (n.type === T.Identifier) {
      parts.unshift(n.name);
      return parts;
    } else if (n.type === T.ThisExpression) {
      parts.unshift('this');
      return parts;
    } else if (n.type === T.CallExpression) {
      const inner = memberPath(n.callee);
      if (inner.length > 0) inner[inner.length - 1] += '()';
      return [...inner, ...parts];
    } else {
      return parts;
    }
  }
}

/** The last name of a callee: `router.post` → `post`, `rateLimit` → `rateLimit`. */
export function calleeName(call: Call | TSESTree.NewExpression): string | undefined {
  const c = unwrap(call.callee);
  if (c.type === T.Identifier) return c.name;
  if (c.type === T.MemberExpression && !c.computed && c.property.type === T.Identifier) return c.property.name;
  return undefined;
}

/**
 * The name of a called function, seen through the `(0, mod.fn)(…)` form TypeScript and Babel compile an imported
 * function's call to: `(0, typeorm_1.In)(ids)` → `In`.
 */
export function importedCalleeName(call: Call | TSESTree.NewExpression): string | undefined {
  const c = unwrap(call.callee);
  if (c.type === T.SequenceExpression && c.expressions.length === 2 && c.expressions[0].type === T.Literal) {
    const fn = unwrap(c.expressions[1]);
    if (fn.type === T.Identifier) return fn.name;
    if (fn.type === T.MemberExpression && !fn.computed && fn.property.type === T.Identifier) return fn.property.name;
    return undefined;
  }
  return calleeName(call);
}

/** The object a method is called on: `router.post(...)` → `router`. */
export function calleeObject(call: Call): Node | undefined {
  const c = unwrap(call.callee);
  return c.type === T.MemberExpression ? unwrap(c.object) : undefined;
}

/**
 * The text of a string literal or template literal. Template expressions become `${}` so
 * SQL keywords stay visible; returns undefined for anything else.
 */
export function staticText(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === T.Literal && typeof n.value === 'string') return n.value;
  if (n.type === T.TemplateLiteral) {
    let out = '';
    n.quasis.forEach((q, i) => {
      out += q.value.cooked ?? q.value.raw;
      if (i < n.expressions.length) out += '${}';
    });
    return out;
  }
  if (n.type === T.BinaryExpression && n.operator === '+') {
    const l = staticText(n.left);
    const r = staticText(n.right);
    if (l !== undefined || r !== undefined) return (l ?? '${}') + (r ?? '${}');
  }
  return undefined;
}

/** Splits an identifier into lower-case words: `ensureLoggedIn` → ['ensure','logged','in']. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The property of an object literal by key name. */
export function property(obj: Node | undefined, name: string): TSESTree.Property | undefined {
  if (!obj || obj.type !== T.ObjectExpression) return undefined;
  for (const p of obj.properties) {
    if (p.type !== T.Property) continue;
    const k = p.key;
    if ((k.type === T.Identifier && !p.computed && k.name === name) || (k.type === T.Literal && k.value === name)) return p;
  }
  return undefined;
}

export function hasSpread(obj: Node | undefined): boolean {
  return !!obj && obj.type === T.ObjectExpression && obj.properties.some((p) => p.type === T.SpreadElement);
}

export function enclosingFunction(node: Node): FunctionNode | undefined {
  let n: Node | undefined = node.parent;
  while (n) {
    if (isFunction(n)) return n;
    n = n.parent;
  }
  return undefined;
}

/** True when `inner` lies within `outer` (by source range). */
export function contains(outer: Node, inner: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}
