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

/** Knex builder methods that take another builder (or a callback building one) as a subquery. */
const COMPOSING = /^(whereIn|whereNotIn|orWhereIn|orWhereNotIn|andWhereIn|andWhereNotIn|whereExists|whereNotExists|orWhereExists|orWhereNotExists|union|unionAll|intersect|except|from|join|innerJoin|leftJoin|leftOuterJoin|rightJoin|rightOuterJoin|fullOuterJoin|crossJoin|with|withRecursive|withMaterialized|as|insert|select|where|andWhere|orWhere)$/;

/** Whether `node` is an argument of a builder method that nests it as a subquery: `q.whereIn('id', sub)`, `q.leftJoin(sub.as('s'), …)`. */
function nestedInBuilder(node: Node): boolean {
  const p = node.parent;
  return p?.type === T.CallExpression && p.arguments.includes(node as TSESTree.CallExpressionArgument) && p.callee.type === T.MemberExpression && COMPOSING.test(calleeName(p) ?? '');
}

/**
 * A Knex chain that builds a subquery for another query instead of running: `knex('search').select('entity_id')`
 * passed to `q.whereIn(col, sub)`, aliased with `.as('s')`, built in a callback handed to a builder
 * (`q.whereNotExists((qb) => qb.from('search')…)`), or kept in a variable that is only nested that way or handed
 * on in an object (`return { sql: sub }`). Such a chain costs no round trip of its own.
 */
export function isComposedSubquery(ctx: ModelContext, call: Call): boolean {
  const chain = chainAfter(call);
  if (chain.after.includes('as')) return true;
  const top = chain.top;
  if (nestedInBuilder(top)) return true;
  // (qb) => qb.from('search')…, function (builder) { return builder.from(…) }
  const p = top.parent;
  const fn = p?.type === T.ArrowFunctionExpression && p.body === top ? p : p?.type === T.ReturnStatement ? enclosingFn(p) : undefined;
  if (fn && nestedInBuilder(fn)) return true;
  const stored = storedIn(top);
  if (!stored || stored.type !== T.VariableDeclarator) return false;
  const variables = ctx.sourceCode.scopeManager?.getDeclaredVariables(stored as TSESTree.VariableDeclarator) ?? [];
  let nested = false;
  for (const v of variables) {
    for (const ref of v.references) {
      if (ref.init) continue;
      const id = ref.identifier as Node;
      const use = id.parent;
      if (!use) continue;
      if (use.type === T.AwaitExpression || use.type === T.ReturnStatement || use.type === T.YieldExpression || (use.type === T.ArrowFunctionExpression && use.body === id)) return false;
      if (use.type === T.MemberExpression && use.object === id) {
        const after = chainAfter(id);
        if (after.after.includes('as') || nestedInBuilder(after.top)) nested = true;
        else if (after.after.some((m) => /^(then|catch|finally|first|pluck|stream|pipe)$/.test(m)) || after.top.parent?.type === T.AwaitExpression) return false;
      } else if (nestedInBuilder(id) || (use.type === T.Property && use.value === id)) {
        nested = true;
      }
    }
  }
  return nested;
}

function enclosingFn(n: Node): Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.type === T.ArrowFunctionExpression || p.type === T.FunctionExpression || p.type === T.FunctionDeclaration) return p;
  return undefined;
}
