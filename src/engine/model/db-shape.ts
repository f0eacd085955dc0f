/**
 * The parts of a database call that rules reason about, per library: a write's filter and its data, whether a
 * write reaches every row, whether a read locks its rows. Works on the calls of {@link findDbCalls}.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { T, calleeName, hasSpread, property, staticText, unwrap, words, type Call, type Node } from './ast';
import type { DbCall } from './db-calls';
import { chainAfter, storedIn } from './query-chain';
import { sqlLocksRows, sqlWritesEveryRow } from './sql-shape';

const arg = (call: Call, i: number): Node | undefined => (call.arguments[i] ? unwrap(call.arguments[i] as Node) : undefined);

/** An object literal with no properties: `{}`. */
function isEmptyObject(n: Node | undefined): boolean {
  return !!n && n.type === T.ObjectExpression && n.properties.length === 0;
}

/**
 * How a write reaches every row, or undefined when it has a filter, a filter we cannot see (a variable, a spread),
 * or says so explicitly (`TRUNCATE`, Sequelize `truncate: true`, TypeORM `clear()`).
 */
export function unfilteredWrite(d: DbCall): string | undefined {
  if (d.kind !== 'write') return undefined;
  const { call, operation: op } = d;
  switch (d.library) {
    case 'sql': {
      const text = d.sqlNode ? staticText(d.sqlNode) : undefined;
      const every = text !== undefined ? sqlWritesEveryRow(text) : undefined;
      return every ? `\`${every}\` without \`WHERE\`` : undefined;
    }
    case 'prisma': {
      if (op !== 'deleteMany' && op !== 'updateMany' && op !== 'updateManyAndReturn') return undefined;
      const a = arg(call, 0);
      if (!a) return `\`${op}()\``;
      if (a.type !== T.ObjectExpression || hasSpread(a)) return undefined;
      const where = property(a, 'where');
      if (!where) return `\`${op}\` without \`where\``;
      return isEmptyObject(unwrap(where.value as Node)) ? `\`${op}({ where: {} })\`` : undefined;
    }
    case 'sequelize': {
      const opts = op === 'destroy' ? arg(call, 0) : op === 'update' ? arg(call, 1) : undefined;
      if (!opts || opts.type !== T.ObjectExpression || hasSpread(opts)) return undefined;
      const where = property(opts, 'where');
      return where && isEmptyObject(unwrap(where.value as Node)) && !property(opts, 'truncate') ? `\`${op}({ where: {} })\`` : undefined;
    }
    case 'knex': {
      const chain = chainAfter(call);
      const at = chain.after.findIndex((m) => /^(del|delete|update|increment|decrement)$/.test(m));
      if (at < 0) return undefined;
      // Knex builds until the query runs: `.update(data).where(...)` filters as well as `.where(...).update(data)`
      const promiseAt = chain.after.findIndex((m) => m === 'then' || m === 'catch' || m === 'finally');
      const builder = promiseAt >= 0 ? chain.after.slice(0, promiseAt) : chain.after;
      if (builder.some((m, i) => i !== at && /where|join|modify|using|from|limit/i.test(m))) return undefined;
      return `\`.${chain.after[at]}()\` without \`.where()\``;
    }
    case 'drizzle': {
      if (op !== 'delete' && op !== 'update') return undefined;
      const chain = chainAfter(call);
      if (chain.after.some((m) => m === 'where' || m === '$dynamic')) return undefined;
      // a builder kept in a variable may get its `.where()` later
      if (storedIn(chain.top)) return undefined;
      if (op === 'update' && !chain.after.includes('set')) return undefined;
      return `\`db.${op}()\` without \`.where()\``;
    }
    case 'typeorm': {
      if (call.callee.type === T.MemberExpression && calleeName(call) === 'execute') {
        const methods: string[] = [];
        for (let n: Node | undefined = unwrap(call.callee.object); n?.type === T.CallExpression; n = n.callee.type === T.MemberExpression ? unwrap(n.callee.object) : undefined) methods.push(calleeName(n) ?? '');
        if (!methods.some((m) => m === 'delete' || m === 'update')) return undefined;
        return methods.some((m) => /where|whereInIds/i.test(m)) ? undefined : `query builder \`${methods.includes('delete') ? 'delete' : 'update'}\` without \`.where()\``;
      }
      // MongoRepository deleteMany/updateMany take a Mongo filter; `delete({})` and `update({}, …)` throw in TypeORM
      return mongoStyle(call, op);
    }
    case 'mongoose':
    case 'mongodb':
      return mongoStyle(call, op);
    default:
      return undefined;
  }
}

function mongoStyle(call: Call, op: string): string | undefined {
  if (op !== 'deleteMany' && op !== 'updateMany' && op !== 'remove') return undefined;
  const filter = arg(call, 0);
  if (op === 'updateMany' && !call.arguments[1]) return undefined;
  if (!filter) return op === 'updateMany' ? undefined : `\`${op}()\``;
  return isEmptyObject(filter) ? `\`${op}({})\`` : undefined;
}

/** The filter of a write or read: Prisma `where`, a Mongo filter, Sequelize `options.where`, TypeORM criteria. */
export function filterOf(d: DbCall): Node | undefined {
  const { call, operation: op } = d;
  switch (d.library) {
    case 'prisma':
    case 'drizzle':
      return d.library === 'prisma' ? (property(arg(call, 0), 'where')?.value as Node | undefined) : chainArg(call, 'where');
    case 'sequelize': {
      const opts = op === 'update' ? arg(call, 1) : arg(call, 0);
      return property(opts, 'where')?.value as Node | undefined;
    }
    case 'typeorm':
      if (/^find/.test(op)) return (property(arg(call, 0), 'where')?.value as Node | undefined) ?? arg(call, 0);
      return arg(call, 0);
    case 'mongoose':
    case 'mongodb':
      return arg(call, 0);
    case 'knex':
      return chainArg(call, 'where');
    default:
      return undefined;
  }
}

function chainArg(call: Call, method: string): Node | undefined {
  const chain = chainAfter(call);
  const i = chain.after.indexOf(method);
  return i >= 0 ? arg(chain.afterCalls[i], 0) : undefined;
}

/**
 * The objects a write takes its new values from: Prisma `data` (and `update` of an upsert), a Mongo update
 * document or its `$set`, Sequelize `Model.update(values)` / `instance.update(values)`, TypeORM `update(criteria,
 * values)`, Knex `.update(values)`, Drizzle `.set(values)`.
 */
export function dataOf(d: DbCall): TSESTree.ObjectExpression[] {
  const { call, operation: op } = d;
  const objects: (Node | undefined)[] = [];
  switch (d.library) {
    case 'prisma':
      objects.push(property(arg(call, 0), 'data')?.value as Node | undefined, property(arg(call, 0), 'update')?.value as Node | undefined);
      break;
    case 'mongoose':
    case 'mongodb': {
      if (!/^(updateOne|updateMany|findOneAndUpdate|findByIdAndUpdate|replaceOne|findOneAndReplace|update)$/.test(op)) break;
      // Model.updateOne(filter, update); a document's own doc.updateOne(update)
      const update = call.arguments.length >= 2 ? arg(call, 1) : arg(call, 0);
      objects.push(update, property(update, '$set')?.value as Node | undefined);
      break;
    }
    case 'typeorm':
      if (op === 'update') objects.push(arg(call, 1));
      break;
    case 'sequelize':
      if (op === 'update') objects.push(arg(call, 0));
      break;
    case 'knex':
      objects.push(chainArg(call, 'update'));
      break;
    case 'drizzle':
      objects.push(chainArg(call, 'set'));
      break;
    default:
      break;
  }
  return objects.map((o) => (o ? unwrap(o) : undefined)).filter((o): o is TSESTree.ObjectExpression => o?.type === T.ObjectExpression);
}

/**
 * A read that locks its rows until the transaction ends: SQL `FOR UPDATE`, TypeORM `lock: { mode: 'pessimistic_write' }`
 * or `.setLock(…)`, Sequelize `lock: true` / `t.LOCK.UPDATE`, Knex `.forUpdate()`; a TypeORM `lock: { mode: 'optimistic' }`
 * checks the version instead.
 */
export function readLocks(d: DbCall): boolean {
  if (d.sql && sqlLocksRows(d.sql)) return true;
  for (const a of d.call.arguments) {
    const o = unwrap(a as Node);
    if (o.type === T.ObjectExpression && property(o, 'lock')) return true;
  }
  return chainAfter(d.call).after.some((m) => /^(forUpdate|forShare|forNoKeyUpdate|forKeyShare|setLock|lock)$/.test(m));
}

const SIDE_WORDS = new Set(['audit', 'audits', 'activity', 'activities', 'analytics', 'metric', 'metrics', 'telemetry', 'history', 'histories', 'notification', 'notifications', 'log', 'logs', 'tracking', 'pageview', 'pageviews']);

/**
 * Records written beside the business change, best effort: audit and activity logs, analytics, history,
 * notifications (`auditLog`, `ActivityModel`, `order_history`). Losing one on a crash is tolerable, and their
 * failure should not roll back the change itself.
 */
export function isSideRecord(target: string | undefined): boolean {
  if (!target) return false;
  return words(target).some((w) => SIDE_WORDS.has(w));
}
