/**
 * Every database operation in a file, read or write, across Prisma, TypeORM, Sequelize, Mongoose, the MongoDB
 * driver, Knex, Drizzle and raw SQL; and whether a node runs inside a transaction. The query rules, the N+1 rule,
 * the transaction and dual-write rules all read this one list.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { T, calleeName, isFunction, memberPath, staticText, unwrap, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';
import { chainAfter } from './query-chain';
import { KNEX_NAMES, SQL_METHODS, knexInstances, receiverKind, type QueryLibrary } from './queries';

export type DbKind = 'read' | 'write';

export interface DbCall {
  call: Call;
  library: QueryLibrary;
  kind: DbKind;
  /** The method (`findMany`, `updateMany`, `query`) or, for SQL, the statement's first keyword (`UPDATE`). */
  operation: string;
  /** The SQL text when it is static (string or template literal quasis joined with `?`). */
  sql?: string;
  /** The argument that holds the SQL text, when there is one. */
  sqlNode?: Node;
}

const PRISMA_READ = new Set(['findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow', 'count', 'aggregate', 'groupBy']);
const PRISMA_WRITE = new Set(['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany']);
const MODEL_READ = new Set(['find', 'findOne', 'findById', 'findAll', 'findAndCountAll', 'findByPk', 'findOneBy', 'findBy', 'findAndCount', 'findOneOrFail', 'findOneByOrFail', 'aggregate', 'countDocuments', 'count', 'distinct', 'exists', 'findByIds', 'estimatedDocumentCount']);
const MODEL_WRITE = new Set(['create', 'insertMany', 'insertOne', 'save', 'update', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'remove', 'destroy', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndDelete', 'findByIdAndDelete', 'findOneAndReplace', 'findByIdAndRemove', 'bulkWrite', 'bulkCreate', 'increment', 'decrement', 'upsert', 'insert', 'delete', 'softDelete', 'replaceOne', 'restore']);
const KNEX_WRITES = new Set(['insert', 'update', 'del', 'delete', 'increment', 'decrement', 'truncate', 'upsert', 'merge']);
const DRIZZLE_ROOTS = new Set(['select', 'selectDistinct', 'insert', 'update', 'delete']);
const SQL_KEYWORD = /^\s*(?:\/\*[\s\S]*?\*\/\s*|--[^\n]*\n\s*)*(SELECT|INSERT|UPDATE|DELETE|WITH|MERGE|REPLACE|UPSERT)\b/i;
const SQL_RECEIVER = /(pool|client|db|conn|connection|knex|sequelize|prisma|database|trx|tx|manager|queryRunner|sql|pg|mysql|sqlite|datasource|dataSource)$/i;
const PRISMA_ROOT = /^(prisma|tx|trx|db|client|prismaClient|database)$/i;

/** The SQL text of a literal: a string, or a template literal with `?` for each substitution. */
export function sqlText(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === T.TemplateLiteral) return n.quasis.map((q) => q.value.cooked ?? q.value.raw).join('?');
  return staticText(n);
}

function sqlKind(sql: string): { kind: DbKind; op: string } | undefined {
  const m = SQL_KEYWORD.exec(sql);
  if (!m) return undefined;
  const op = m[1].toUpperCase();
  if (op === 'SELECT') return { kind: 'read', op };
  if (op === 'WITH') return { kind: /\b(INSERT|UPDATE|DELETE)\b/i.test(sql) ? 'write' : 'read', op: 'WITH' };
  return { kind: 'write', op };
}

export function findDbCalls(ctx: ModelContext): DbCall[] {
  const out: DbCall[] = [];
  const knexVars = knexInstances(ctx);
  const importsDrizzle = [...ctx.index.imports.values()].some((i) => i.source.startsWith('drizzle-orm'));
  for (const call of ctx.index.calls) {
    const name = calleeName(call);
    if (!name) continue;
    if (call.callee.type === T.Identifier) {
      // knex('orders').where(…).update(…)
      if ((KNEX_NAMES.test(name) || knexVars.has(name)) && call.arguments.length === 1 && staticText(call.arguments[0]) !== undefined) {
        const after = chainAfter(call).after;
        const write = after.find((m) => KNEX_WRITES.has(m));
        out.push({ call, library: 'knex', kind: write ? 'write' : 'read', operation: write ?? 'select' });
      }
      continue;
    }
    const path = memberPath(call.callee);
    const obj = (call.callee as TSESTree.MemberExpression).object;
    // SQL text first: pool.query('UPDATE …'), sequelize.query(…), prisma.$executeRaw…
    if (SQL_METHODS.has(name) || name === '$executeRaw' || name === '$executeRawUnsafe' || name === 'exec' || name === 'run' || name === 'get') {
      const sqlNode = call.arguments[0] as Node | undefined;
      const sql = sqlText(sqlNode);
      const kind = sql !== undefined ? sqlKind(sql) : undefined;
      const receiver = path.slice(0, -1).join('.');
      if (kind && (SQL_RECEIVER.test(path[path.length - 2] ?? '') || SQL_RECEIVER.test(receiver) || path.length === 1)) {
        out.push({ call, library: 'sql', kind: kind.kind, operation: kind.op, sql, sqlNode });
        continue;
      }
      if (sql === undefined && sqlNode && SQL_RECEIVER.test(path[path.length - 2] ?? '') && SQL_METHODS.has(name) && name !== 'all' && name !== 'get') {
        // a query built elsewhere: still a database call, kind unknown → read
        out.push({ call, library: 'sql', kind: 'read', operation: name, sqlNode });
        continue;
      }
    }
    // prisma.order.findMany, this.prisma.user.update, tx.payment.create
    if (path.length >= 3 && (PRISMA_READ.has(name) || PRISMA_WRITE.has(name))) {
      const root = path[path.length - 3];
      if (PRISMA_ROOT.test(root) || /prisma/i.test(root)) {
        out.push({ call, library: 'prisma', kind: PRISMA_WRITE.has(name) ? 'write' : 'read', operation: name });
        continue;
      }
    }
    // drizzle: db.select().from(t), db.insert(t).values(…), db.update(t).set(…), db.delete(t)
    if (importsDrizzle && path.length === 2 && DRIZZLE_ROOTS.has(name) && /^(db|tx|trx|database)$/.test(path[0])) {
      out.push({ call, library: 'drizzle', kind: name.startsWith('select') ? 'read' : 'write', operation: name });
      continue;
    }
    if (MODEL_READ.has(name) || MODEL_WRITE.has(name)) {
      const kind = receiverKind(ctx, obj as Node);
      if (!kind) continue;
      const library: QueryLibrary = kind === 'collection' ? 'mongodb' : kind === 'repository' ? 'typeorm' : libraryOfModel(ctx);
      out.push({ call, library, kind: MODEL_WRITE.has(name) ? 'write' : 'read', operation: name });
    }
  }
  return out;
}

function libraryOfModel(ctx: ModelContext): QueryLibrary {
  for (const ref of ctx.index.imports.values()) {
    if (ref.source === 'sequelize' || ref.source === 'sequelize-typescript') return 'sequelize';
    if (ref.source === 'typeorm') return 'typeorm';
  }
  return 'mongoose';
}

const TX_CALLS = /^(\$transaction|transaction|withTransaction|startTransaction|runInTransaction|transactional|inTransaction|tx)$/;

/**
 * Whether a node runs inside a transaction: in the callback of `prisma.$transaction`, `sequelize.transaction`,
 * `knex.transaction`, `dataSource.transaction`, `session.withTransaction`; in an array given to `$transaction([…])`;
 * in a method decorated `@Transactional()`; or in a function that starts one (`BEGIN`, `startTransaction()`).
 */
export function inTransaction(node: Node): boolean {
  for (let n: Node | undefined = node.parent; n; n = n.parent) {
    if (n.type === T.CallExpression) {
      const name = calleeName(n);
      if (name && TX_CALLS.test(name) && n.arguments.some((a) => contains(a as Node, node))) return true;
    }
    if (n.type === T.MethodDefinition && n.decorators?.some((d) => /Transactional|Transaction/.test(calleeName(d.expression as Call) ?? (d.expression.type === T.Identifier ? d.expression.name : '')))) return true;
    if (isFunction(n) && startsTransaction(n)) return true;
  }
  return false;
}

function contains(outer: Node, inner: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

const started = new WeakMap<Node, boolean>();

/** A function body that opens a transaction itself: `BEGIN`, `queryRunner.startTransaction()`, `sequelize.transaction()` kept in a variable. */
function startsTransaction(fn: Node): boolean {
  const cached = started.get(fn);
  if (cached !== undefined) return cached;
  let found = false;
  const body = (fn as { body?: Node }).body;
  if (body && body.type === T.BlockStatement) {
    for (const stmt of body.body) {
      const text = stmtCall(stmt);
      if (!text) continue;
      const name = calleeName(text);
      const sql = sqlText(text.arguments[0] as Node | undefined);
      if ((name && /^(startTransaction|beginTransaction|begin|transaction|\$begin|startSession)$/.test(name) && text.arguments.every((a) => !isFunction(unwrap(a as Node)))) || (sql && /^\s*(BEGIN|START TRANSACTION)\b/i.test(sql))) {
        found = true;
        break;
      }
    }
  }
  started.set(fn, found);
  return found;
}

function stmtCall(stmt: Node): Call | undefined {
  let e: Node | undefined;
  if (stmt.type === T.ExpressionStatement) e = stmt.expression;
  else if (stmt.type === T.VariableDeclaration) e = stmt.declarations[0]?.init ?? undefined;
  else return undefined;
  if (!e) return undefined;
  e = unwrap(e);
  return e.type === T.CallExpression ? e : undefined;
}
