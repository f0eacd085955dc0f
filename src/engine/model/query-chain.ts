/** How a database call is used after it is made: the methods chained on it and what happens to a builder kept in a variable. */
import type { TSESTree } from '@typescript-eslint/utils';
import { T, calleeName, unwrap, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';

export interface Chain {
  /** Method names called on the result, in order: `find().sort().limit()` → ['sort','limit']. */
  after: string[];
  /** The calls in `after`, in the same order. */
  afterCalls: Call[];
  /** The outermost expression of the chain. */
  top: Node;
}

/** Walks outward from a call through `.method(...)` links. */
export function chainAfter(call: Node): Chain {
  const after: string[] = [];
  const afterCalls: Call[] = [];
  let node: Node = call;
  for (;;) {
    let parent = node.parent;
    while (parent && (parent.type === T.TSNonNullExpression || parent.type === T.TSAsExpression)) {
      node = parent;
      parent = node.parent;
    }
    if (parent?.type === T.MemberExpression && parent.object === node && parent.parent?.type === T.CallExpression && parent.parent.callee === parent) {
      const name = calleeName(parent.parent);
      after.push(name ?? '?');
      afterCalls.push(parent.parent);
      node = parent.parent;
      continue;
    }
    return { after, afterCalls, top: node };
  }
}

/** Walks inward from a call through its callee objects: `a.where().take().getMany()` → the calls before `getMany`. */
export function chainBefore(call: Call): Call[] {
  const out: Call[] = [];
  let n: Node | undefined = call.callee.type === T.MemberExpression ? unwrap(call.callee.object) : undefined;
  while (n && n.type === T.CallExpression) {
    out.push(n);
    n = n.callee.type === T.MemberExpression ? unwrap(n.callee.object) : undefined;
  }
  return out;
}

/** The identifier a chain starts from (`qb` in `qb.where().getMany()`). */
export function chainRootIdentifier(call: Call): TSESTree.Identifier | undefined {
  let n: Node | undefined = call;
  while (n && n.type === T.CallExpression && n.callee.type === T.MemberExpression) n = unwrap(n.callee.object);
  return n?.type === T.Identifier ? n : undefined;
}

export type LaterUse = 'bounded' | 'handed-off' | 'none';

/**
 * For a query builder stored in a variable (`let q = User.find(f)`), whether later code bounds it
 * (`q = q.limit(n)`, `qb.take(20)`) or hands it to a helper (`paginate(q, req.query)`), which may.
 */
export function laterUse(ctx: ModelContext, declarator: Node, bounding: ReadonlySet<string>): LaterUse {
  const variables = ctx.sourceCode.scopeManager?.getDeclaredVariables(declarator as TSESTree.VariableDeclarator) ?? [];
  let result: LaterUse = 'none';
  for (const v of variables) {
    for (const ref of v.references) {
      const id = ref.identifier as Node;
      if (ref.init) continue;
      const parent = id.parent;
      if (parent?.type === T.MemberExpression && parent.object === id) {
        const chain = chainAfter(id);
        if (chain.after.some((m) => bounding.has(m))) return 'bounded';
      } else if ((parent?.type === T.CallExpression || parent?.type === T.NewExpression) && parent.arguments.includes(id as TSESTree.Expression)) {
        result = 'handed-off';
      } else if (parent?.type === T.ReturnStatement || parent?.type === T.Property || parent?.type === T.ArrayExpression) {
        result = 'handed-off';
      }
    }
  }
  return result;
}

/** The variable declarator a chain is stored in without being awaited, if any. */
export function storedIn(top: Node): Node | undefined {
  const p = top.parent;
  if (p?.type === T.VariableDeclarator && p.init === top) return p;
  if (p?.type === T.AssignmentExpression && p.right === top && p.left.type === T.Identifier) return p;
  return undefined;
}
