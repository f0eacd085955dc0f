import specData from '../../../rules/query-in-loop.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, type DbCall } from '../model';
import { T, memberPath, unwrap, type Node } from '../model/ast';
import { findSqlTemplates } from '../model/db-calls';
import { dataOf, filterOf } from '../model/db-shape';
import { chainAfter } from '../model/query-chain';
import { countsOverCollection, hasConstantBound, iterationOf, mentions, stepsInChunks, walksChunks, type Iteration } from '../model/loops';
import { isScriptOrTestFile } from '../model/paths';
import { isKeyList, type QueryLibrary } from '../model/queries';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'queryInLoop' | 'queryPerItemConcurrent' | 'writePerItem';
type Options = [];

const spec = specData as RuleSpec;

export const queryInLoopSpec = spec;

type Shape = 'read' | 'insert' | 'delete' | 'update';

const HINTS: Record<QueryLibrary, Record<Shape, string>> = {
  prisma: { read: '`findMany({ where: { id: { in: ids } } })`', insert: '`createMany({ data: rows })`', delete: '`deleteMany({ where: { id: { in: ids } } })`', update: '`updateMany({ where: { id: { in: ids } }, data })`' },
  mongoose: { read: '`find({ _id: { $in: ids } })`', insert: '`insertMany(docs)`', delete: '`deleteMany({ _id: { $in: ids } })`', update: '`updateMany({ _id: { $in: ids } }, update)` or `bulkWrite`' },
  mongodb: { read: '`find({ _id: { $in: ids } })`', insert: '`insertMany(docs)`', delete: '`deleteMany({ _id: { $in: ids } })`', update: '`updateMany({ _id: { $in: ids } }, update)` or `bulkWrite`' },
  sequelize: { read: '`findAll({ where: { id: ids } })`', insert: '`bulkCreate(rows)`', delete: '`destroy({ where: { id: ids } })`', update: '`update(values, { where: { id: ids } })`' },
  typeorm: { read: '`findBy({ id: In(ids) })`', insert: '`insert(rows)` or `save(entities)`', delete: '`delete({ id: In(ids) })`', update: '`update({ id: In(ids) }, values)`' },
  knex: { read: "`.whereIn('id', ids)`", insert: '`.insert(rows)`', delete: "`.whereIn('id', ids).del()`", update: "`.whereIn('id', ids).update(values)`" },
  drizzle: { read: '`where(inArray(table.id, ids))`', insert: '`.values(rows)`', delete: '`.where(inArray(table.id, ids))`', update: '`.where(inArray(table.id, ids))`' },
  sql: { read: '`WHERE id = ANY($1)` or `IN (…)`', insert: 'a multi-row `INSERT … VALUES (…), (…)`', delete: '`WHERE id = ANY($1)`', update: '`WHERE id = ANY($1)`' },
};

/** Records from queues arrive in small batches and are handled one by one on purpose (per-message failure). */
const MESSAGE_BATCH = /(^|\.)(Records|messages)$/;

function shapeOf(operation: string, kind: 'read' | 'write'): Shape {
  if (kind === 'read') return 'read';
  if (/^(create|createMany|insert|insertOne|insertMany|bulkCreate|INSERT|REPLACE)$/i.test(operation)) return 'insert';
  if (/delete|destroy|remove|del$|DELETE/i.test(operation)) return 'delete';
  return 'update';
}

/**
 * A write inside a `try` within the loop body whose `catch` carries on (logs, collects, skips) instead of
 * rethrowing: one item's failure must not sink the others, which a single batched statement cannot promise.
 */
function isolatesEachItem(node: Node, it: Iteration): boolean {
  let child: Node = node;
  for (let n: Node | undefined = node.parent; n && n !== it.node; child = n, n = n.parent) {
    if (n.type !== T.TryStatement || n.block !== child || !n.handler) continue;
    const body = n.handler.body.body;
    const last = body[body.length - 1];
    if (!last || last.type !== T.ThrowStatement) return true;
  }
  return false;
}

/** Whether the loop is one the N+1 rule should speak about at all. */
function perItemLoop(it: Iteration, sourceCode: Parameters<typeof hasConstantBound>[1]): boolean {
  // while/do-while: pagination (`while (cursor)`), polling, retries and queue draining, not per-item lookups
  if (it.kind === 'while') return false;
  // a counter loop is per item only over a collection's indexes, and not when it walks chunks
  if (it.kind === 'for' && (!countsOverCollection(it) || stepsInChunks(it))) return false;
  if (it.over && MESSAGE_BATCH.test(memberPath(it.over).join('.'))) return false;
  if (walksChunks(it)) return false;
  return !hasConstantBound(it, sourceCode);
}

export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'problem',
    ...metaFromSpec<MessageIds>(spec),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;

    /** Inside `Promise.all(…)`: the callbacks' queries all start at once. */
    function concurrent(it: Iteration): boolean {
      if (it.kind !== 'callback' || (it.method !== 'map' && it.method !== 'flatMap')) return false;
      let n: Node | undefined = it.node.parent;
      for (let i = 0; n && i < 4; i++, n = n.parent) {
        if (n.type === T.CallExpression && /^Promise\.(all|allSettled)$/.test(memberPath(n.callee).join('.'))) return true;
      }
      return false;
    }

    /**
     * A per-item update whose new values come from the item (`data: { qty: item.qty }`) has no one-statement form in
     * most ORMs; one whose values are the same for every item (`data: { status: 'SHIPPED' }`) is an `updateMany`.
     */
    function perItemValues(d: DbCall, it: Iteration): boolean {
      const data = dataOf(d);
      if (data.length === 0) return true;
      return data.some((o) => mentions(o, it.bound));
    }

    /**
     * A read that already takes a list of keys (`{ id: { in: group.ids } }`, `.whereIn('id', ids)`) is the batched
     * form: one query per group, such as one per table or per tenant, not one per row.
     */
    function readsByKeyList(d: DbCall): boolean {
      if (d.kind !== 'read') return false;
      if (d.library === 'knex' && chainAfter(d.call).after.some((m) => /^(whereIn|andWhereIn)$/.test(m))) return true;
      const filter = filterOf(d);
      const f = filter ? unwrap(filter) : undefined;
      return f?.type === T.ObjectExpression && f.properties.some((p) => p.type === T.Property && isKeyList(p.value as Node));
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const candidates: { node: Node; report: Node; library: QueryLibrary; kind: 'read' | 'write'; operation: string; d?: DbCall }[] = [];
        for (const d of model.dbCalls()) {
          const report = d.library === 'sql' && d.sqlNode ? d.sqlNode : d.call.callee.type === T.MemberExpression ? (d.call.callee.property as Node) : d.call;
          candidates.push({ node: d.call, report, library: d.library, kind: d.kind, operation: d.operation, d });
        }
        for (const t of findSqlTemplates(model.ctx)) candidates.push({ node: t.node, report: t.node.quasi, library: 'sql', kind: t.kind, operation: t.operation });
        for (const c of candidates) {
          const it = iterationOf(c.node);
          if (!it || !perItemLoop(it, sourceCode)) continue;
          if (c.d && readsByKeyList(c.d)) continue;
          if (c.kind === 'write' && isolatesEachItem(c.node, it)) continue;
          const shape = shapeOf(c.operation, c.kind);
          if (shape === 'update' && (!c.d || perItemValues(c.d, it))) continue;
          const operation = c.library === 'sql' ? c.operation : `\`${c.operation}\``;
          const hint = HINTS[c.library][shape];
          const messageId: MessageIds = c.kind === 'write' ? 'writePerItem' : concurrent(it) ? 'queryPerItemConcurrent' : 'queryInLoop';
          context.report({ node: unwrap(c.report), messageId, data: { operation, hint } });
        }
      },
    };
  },
});
