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
