/** Coarse control flow inside one function body: whether two nodes can both run in one call of it. */
import { T, type Node } from './ast';

function ancestors(node: Node): Set<Node> {
  const out = new Set<Node>();
  for (let n: Node | undefined = node; n; n = n.parent) out.add(n);
  return out;
}

function childToward(lca: Node, from: Node): Node | undefined {
  let n: Node | undefined = from;
  while (n && n.parent !== lca) n = n.parent;
  return n;
}

/** Between `node` and `stop`, a `return`/`throw` ends the path after `node` runs: `if (x) { await a(); return; }`. */
function exitsAfter(node: Node, stop: Node): boolean {
  let child: Node = node;
  for (let n: Node | undefined = node.parent; n && n !== stop; child = n, n = n.parent) {
    if (n.type === T.ReturnStatement || n.type === T.ThrowStatement) return true;
    if (n.type === T.BlockStatement || n.type === T.SwitchCase) {
      const body = n.type === T.BlockStatement ? n.body : n.consequent;
      const last = body[body.length - 1];
      if (last && last !== child && (last.type === T.ReturnStatement || last.type === T.ThrowStatement)) return true;
    }
  }
  return false;
}

/**
 * Whether `a` and then `b` (later in the source) can both run in one pass: not in the two branches of one `if`,
 * `?:` or `switch`, not one in a `try` block and the other in its `catch` (a compensation), and `a` is not followed
 * by a `return`/`throw` that leaves before `b`.
 */
export function mayBothRun(a: Node, b: Node): boolean {
  const up = ancestors(a);
  let lca: Node | undefined = b;
  while (lca && !up.has(lca)) lca = lca.parent;
  if (!lca) return false;
  const ca = childToward(lca, a);
  const cb = childToward(lca, b);
  switch (lca.type) {
    case T.IfStatement:
    case T.ConditionalExpression:
      if (ca !== lca.test && cb !== lca.test && ca !== cb) return false;
      break;
    case T.SwitchStatement:
      if (ca !== cb && ca !== lca.discriminant && cb !== lca.discriminant) return false;
      break;
    case T.TryStatement:
      if ((ca === lca.block && cb === lca.handler) || (ca === lca.handler && cb === lca.block)) return false;
      break;
    case T.LogicalExpression:
      if (lca.operator === '||' || lca.operator === '??') return false;
      break;
    default:
      break;
  }
  return !exitsAfter(a, lca);
}

/** The name a call's awaited result is kept in: `const deleted = await knex('q').where(…).delete()`. */
function resultName(call: Node): string | undefined {
  let top: Node = call;
  // through the chain (`.where().delete()`) and an `await`
  while (top.parent && ((top.parent.type === T.MemberExpression && top.parent.object === top) || (top.parent.type === T.CallExpression && top.parent.callee === top) || top.parent.type === T.AwaitExpression)) top = top.parent;
  const p = top.parent;
  if (p?.type === T.VariableDeclarator && p.init === top && p.id.type === T.Identifier) return p.id.name;
  if (p?.type === T.AssignmentExpression && p.right === top && p.left.type === T.Identifier) return p.left.name;
  return undefined;
}

/** `!x`, `x === 0`, `x == 0`, `!x.length`, `x.rowCount === 0`, `x.changes === 0`: the write `x` came from changed nothing. */
function testsNothingChanged(test: Node, name: string): boolean {
  const isResult = (n: Node): boolean => (n.type === T.Identifier && n.name === name) || (n.type === T.MemberExpression && n.object.type === T.Identifier && n.object.name === name && n.property.type === T.Identifier && /^(length|rowCount|affectedRows|changes|count|numAffectedRows|modifiedCount|deletedCount|matchedCount)$/.test(n.property.name));
  if (test.type === T.UnaryExpression && test.operator === '!') return isResult(test.argument as Node);
  if (test.type === T.BinaryExpression && /^(===|==|<|<=)$/.test(test.operator)) {
    const none = (n: Node) => n.type === T.Literal && n.value === (test.operator === '<' ? 1 : 0);
    return (isResult(test.left as Node) && none(test.right as Node)) || (/^(===|==)$/.test(test.operator) && isResult(test.right as Node) && none(test.left as Node));
  }
  return false;
}

/**
 * Whether `b` runs only when the write `a` changed nothing: `const deleted = await …delete(); if (!deleted) await …update()`.
 * A fallback like this never leaves half of a change behind, so it needs no transaction to stay consistent.
 */
export function runsOnlyIfNoEffect(a: Node, b: Node): boolean {
  const name = resultName(a);
  if (!name) return false;
  let child: Node = b;
  for (let n: Node | undefined = b.parent; n; child = n, n = n.parent) {
    if (n.type === T.IfStatement && n.consequent === child && testsNothingChanged(n.test as Node, name)) return true;
    if (n.type === T.FunctionDeclaration || n.type === T.FunctionExpression || n.type === T.ArrowFunctionExpression) return false;
  }
  return false;
}
