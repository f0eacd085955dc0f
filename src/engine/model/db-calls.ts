/**
 * Every database operation in a file, read or write, across Prisma, TypeORM, Sequelize, Mongoose, the MongoDB
 * driver, Knex, Drizzle and raw SQL (pg, mysql2, sqlite3, better-sqlite3); and whether a node runs inside a
 * transaction. The query rules, the N+1 rule, the transaction and dual-write rules all read this one list.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, isFunction, memberPath, property, staticText, unwrap, walk, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';
import { chainAfter, chainBefore, isComposedSubquery } from './query-chain';
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
  /**
   * What the call reads or writes, when the code names it: the Prisma model (`order`), the model or repository
   * (`User`, `ordersRepository`), the collection, Knex or SQL table (`orders`), the Drizzle table variable.
   */
  target?: string;
}

/** A SQL statement written as a tagged template: `` sql`UPDATE …` `` (postgres.js, @vercel/postgres, slonik), `` prisma.$executeRaw`…` ``. */
export interface SqlTemplate {
  node: TSESTree.TaggedTemplateExpression;
  kind: DbKind;
  /** The statement's first keyword (`SELECT`, `UPDATE`). */
  operation: string;
  /** The template's text with `?` for each substitution. */
  sql: string;
  target?: string;
}

const PRISMA_READ = new Set(['findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow', 'count', 'aggregate', 'groupBy']);
const PRISMA_WRITE = new Set(['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany']);
const MODEL_READ = new Set(['find', 'findOne', 'findById', 'findAll', 'findAndCountAll', 'findByPk', 'findOneBy', 'findBy', 'findAndCount', 'findOneOrFail', 'findOneByOrFail', 'aggregate', 'countDocuments', 'count', 'distinct', 'exists', 'findByIds', 'estimatedDocumentCount']);
const MODEL_WRITE = new Set(['create', 'insertMany', 'insertOne', 'save', 'update', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'remove', 'destroy', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndDelete', 'findByIdAndDelete', 'findOneAndReplace', 'findByIdAndRemove', 'bulkWrite', 'bulkCreate', 'increment', 'decrement', 'upsert', 'insert', 'delete', 'softDelete', 'replaceOne', 'restore', 'clear']);
const KNEX_WRITES = new Set(['insert', 'update', 'del', 'delete', 'increment', 'decrement', 'truncate', 'upsert', 'merge']);
const DRIZZLE_ROOTS = new Set(['select', 'selectDistinct', 'insert', 'update', 'delete']);
const QB_TERMINALS = new Set(['execute', 'getMany', 'getOne', 'getOneOrFail', 'getRawMany', 'getRawOne', 'getManyAndCount', 'getCount', 'getExists', 'getRawAndEntities']);
const QB_WRITES = new Set(['update', 'delete', 'insert', 'softDelete', 'restore']);
/** Methods on a record loaded earlier that write it back: Mongoose `doc.save()`, Sequelize `instance.update({…})`. */
const INSTANCE_WRITES = new Set(['save', 'destroy', 'remove', 'update', 'increment', 'decrement', 'deleteOne', 'updateOne', 'softRemove']);
const SQL_KEYWORD = /^\s*(?:\/\*[\s\S]*?\*\/\s*|--[^\n]*\n\s*)*\(?\s*(SELECT|INSERT|UPDATE|DELETE|WITH|MERGE|REPLACE|UPSERT)\b/i;
const SQL_RECEIVER = /(pool|client|db|conn|connection|knex|sequelize|prisma|database|trx|tx|manager|queryRunner|sql|pg|mysql|sqlite|datasource|dataSource)$/i;
const PRISMA_ROOT = /^(prisma|tx|trx|db|client|prismaClient|database)$/i;
const SQL_TAGS = /^(sql|SQL|\$queryRaw|\$executeRaw|queryRaw|executeRaw)$/;
/** Constructors and factories of SQL clients: `new Pool()`, `mysql.createPool()`, `new Database(file)`, `postgres(url)`. */
const SQL_CLIENT_FACTORY = /^(Pool|Client|Database|createPool|createConnection|createClient|connect|getConnection|postgres|open|neon|drizzle)$/;
const SQL_DRIVERS = /^(pg|mysql|mysql2|mysql2\/promise|sqlite3|better-sqlite3|sqlite|postgres|@neondatabase\/serverless|@vercel\/postgres|@planetscale\/database|mssql|oracledb|tedious)$/;

/** The SQL text of a literal: a string, a template literal with `?` for each substitution, or a tagged template's text. */
export function sqlText(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === T.TemplateLiteral) return n.quasis.map((q) => q.value.cooked ?? q.value.raw).join('?');
  if (n.type === T.TaggedTemplateExpression) return sqlText(n.quasi);
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

/** The table a statement names first: `UPDATE orders`, `DELETE FROM "orders"`, `INSERT INTO orders`, `FROM orders`. */
function sqlTable(sql: string): string | undefined {
  const m = /\b(?:UPDATE|INTO|FROM)\s+(?:ONLY\s+)?[`"[]?(?:\w+[`"\]]?\.[`"[]?)?(\w+)/i.exec(sql);
  return m?.[1];
}

/** A Drizzle table imported from the project's schema module: `import { users } from '../db/schema'`. */
function schemaTable(ctx: ModelContext, node: Node | undefined): boolean {
  const n = node ? unwrap(node) : undefined;
  if (n?.type !== T.Identifier) return false;
  const ref = ctx.index.imports.get(n.name);
  return !!ref && /(^|\/)(schema|tables?)(\.\w+)?$/.test(ref.source);
}

/** Variables that hold a SQL client made in this file: `const pool = new Pool()`, `const db = new Database(file)`, `const client = await pool.connect()`. */
function sqlClients(ctx: ModelContext): Set<string> {
  const names = new Set<string>();
  const drivers = [...ctx.index.imports.values()].some((i) => SQL_DRIVERS.test(i.source));
  if (!drivers) return names;
  const consider = (expr: Node, declarator: Node | undefined) => {
    if (declarator?.type !== T.VariableDeclarator || declarator.id.type !== T.Identifier) return;
    const name = calleeName(expr as Call);
    if (name && SQL_CLIENT_FACTORY.test(name)) names.add(declarator.id.name);
  };
  for (const n of ctx.index.news) consider(n, n.parent);
  for (const c of ctx.index.calls) {
    let p: Node | undefined = c.parent;
    if (p?.type === T.AwaitExpression) p = p.parent;
    consider(c, p);
  }
  return names;
}

const templateCache = new WeakMap<ModelContext, SqlTemplate[]>();

/**
 * SQL statements written as tagged templates, which are not calls: `` await sql`DELETE FROM sessions` ``,
 * `` prisma.$executeRaw`UPDATE …` ``. A Drizzle `` sql`…` `` fragment that is no statement (`` sql`count(*)` ``)
 * is left out, and so is a template passed to a call already in {@link findDbCalls} (`` db.execute(sql`…`) ``).
 */
export function findSqlTemplates(ctx: ModelContext): SqlTemplate[] {
  const cached = templateCache.get(ctx);
  if (cached) return cached;
  const out: SqlTemplate[] = [];
  for (const tagged of ctx.index.tagged) {
    const tag = memberPath(tagged.tag);
    if (!SQL_TAGS.test(tag[tag.length - 1] ?? '')) continue;
    const sql = sqlText(tagged.quasi);
    const kind = sql !== undefined ? sqlKind(sql) : undefined;
    if (!sql || !kind) continue;
    const parent = tagged.parent;
    if (parent?.type === T.CallExpression && parent.arguments[0] === tagged && SQL_METHODS.has(calleeName(parent) ?? '')) continue;
    out.push({ node: tagged, kind: kind.kind, operation: kind.op, sql, target: sqlTable(sql) });
  }
  templateCache.set(ctx, out);
  return out;
}

/** The SQL node of a call's first argument: the literal, `{ text: '…' }` (pg), or a `const sql = '…'` declared in scope. */
function sqlArgument(ctx: ModelContext, arg: Node | undefined): Node | undefined {
  if (!arg) return undefined;
  const n = unwrap(arg);
  if (n.type === T.ObjectExpression) return (property(n, 'text')?.value ?? property(n, 'sql')?.value) as Node | undefined;
  if (n.type === T.Identifier) {
    const v = findVariable(ctx.sourceCode.getScope(n), n.name);
    const def = v?.defs[0]?.node as Node | undefined;
    if (v && v.defs.length === 1 && def?.type === T.VariableDeclarator && def.init && (def.parent as TSESTree.VariableDeclaration).kind === 'const' && sqlText(def.init) !== undefined) return def.init;
  }
  return n;
}

export function findDbCalls(ctx: ModelContext): DbCall[] {
  const out: DbCall[] = [];
  const knexVars = knexInstances(ctx);
  const clients = sqlClients(ctx);
  const importsDrizzle = [...ctx.index.imports.values()].some((i) => i.source.startsWith('drizzle-orm'));
  for (const call of ctx.index.calls) {
    const name = calleeName(call);
    if (!name) continue;
    if (call.callee.type === T.Identifier) {
      // knex('orders').where(…).update(…)
      // a subquery nested in another builder is part of that query, not a round trip of its own
      if ((KNEX_NAMES.test(name) || knexVars.has(name)) && call.arguments.length === 1 && staticText(call.arguments[0]) !== undefined && !isComposedSubquery(ctx, call)) {
        const after = chainAfter(call).after;
        const write = after.find((m) => KNEX_WRITES.has(m));
        out.push({ call, library: 'knex', kind: write ? 'write' : 'read', operation: write ?? 'select', target: staticText(call.arguments[0])!.split(/\s+/)[0] });
      }
      continue;
    }
    const path = memberPath(call.callee);
    const obj = (call.callee as TSESTree.MemberExpression).object;
    // SQL text first: pool.query('UPDATE …'), sequelize.query(…), prisma.$executeRaw…
    if (SQL_METHODS.has(name) || name === '$executeRaw' || name === '$executeRawUnsafe' || name === 'exec' || name === 'run' || name === 'get') {
      const owner = path[path.length - 2] ?? '';
      const knownClient = SQL_RECEIVER.test(owner) || clients.has(path[0]) || clients.has(owner);
      // sql text is looked up only for receivers that can be SQL clients, so `cache.get(key)` costs nothing
      const sqlNode = knownClient || path.length === 1 || SQL_RECEIVER.test(path.slice(0, -1).join('.')) ? sqlArgument(ctx, call.arguments[0] as Node | undefined) : undefined;
      const sql = sqlText(sqlNode);
      const kind = sql !== undefined ? sqlKind(sql) : undefined;
      if (kind) {
        out.push({ call, library: 'sql', kind: kind.kind, operation: kind.op, sql, sqlNode, target: sqlTable(sql!) });
        continue;
      }
      // `strapi.db.query(uid).findMany(…)`: an accessor whose methods are the calls, not a statement of its own
      const accessor = call.parent?.type === T.MemberExpression && call.parent.object === call && call.parent.parent?.type === T.CallExpression && (MODEL_READ.has(calleeName(call.parent.parent) ?? '') || MODEL_WRITE.has(calleeName(call.parent.parent) ?? '') || /^(findMany|findFirst|findPage|load|createMany|updateMany|deleteMany|populate)$/.test(calleeName(call.parent.parent) ?? ''));
      if (sql === undefined && sqlNode && knownClient && SQL_METHODS.has(name) && name !== 'all' && name !== 'get' && !accessor) {
        // a query built elsewhere: still a database call, kind unknown → read
        out.push({ call, library: 'sql', kind: 'read', operation: name, sqlNode });
        continue;
      }
    }
    // prisma.order.findMany, this.prisma.user.update, tx.payment.create
    if (path.length >= 3 && (PRISMA_READ.has(name) || PRISMA_WRITE.has(name))) {
      const root = path[path.length - 3];
      if (PRISMA_ROOT.test(root) || /prisma/i.test(root)) {
        out.push({ call, library: 'prisma', kind: PRISMA_WRITE.has(name) ? 'write' : 'read', operation: name, target: path[path.length - 2] });
        continue;
      }
    }
    // drizzle: db.select().from(t), db.insert(t).values(…), db.update(t).set(…), db.delete(t)
    if (path.length === 2 && DRIZZLE_ROOTS.has(name) && /^(db|tx|trx|database)$/.test(path[0]) && (importsDrizzle || schemaTable(ctx, call.arguments[0] as Node | undefined))) {
      const table = call.arguments[0] ? memberPath(call.arguments[0] as Node).join('.') : undefined;
      out.push({ call, library: 'drizzle', kind: name.startsWith('select') ? 'read' : 'write', operation: name, target: table || undefined });
      continue;
    }
    // TypeORM query builder built here: repo.createQueryBuilder('o').update(Order).set(…).where(…).execute()
    if (QB_TERMINALS.has(name)) {
      const before = chainBefore(call);
      const qb = before.find((c) => calleeName(c) === 'createQueryBuilder');
      if (qb) {
        const write = before.map((c) => calleeName(c) ?? '').find((m) => QB_WRITES.has(m));
        if (write || name !== 'execute') {
          const from = before.find((c) => /^(from|update|into|delete)$/.test(calleeName(c) ?? '') && c.arguments.length > 0) ?? qb;
          const target = from.arguments[0] ? (staticText(from.arguments[0]) ?? memberPath(from.arguments[0] as Node).join('.')) : undefined;
          out.push({ call, library: 'typeorm', kind: write ? 'write' : 'read', operation: write ?? name, target: target || undefined });
          continue;
        }
      }
    }
    if (MODEL_READ.has(name) || MODEL_WRITE.has(name)) {
      const kind = receiverKind(ctx, obj as Node);
      if (!kind) continue;
      if (kind === 'model' && name === 'create' && (usedAsPlainValue(ctx, call) || namesComponent(obj as Node))) continue;
      const library: QueryLibrary = kind === 'collection' ? 'mongodb' : kind === 'repository' ? 'typeorm' : libraryOfModel(ctx);
      const o = unwrap(obj as Node);
      const target = o.type === T.CallExpression ? (staticText(o.arguments[0]) ?? memberPath(o.arguments[0] as Node).join('.')) : memberPath(o).slice(-1)[0];
      out.push({ call, library, kind: MODEL_WRITE.has(name) ? 'write' : 'read', operation: name, target: target || undefined });
    }
  }
  addInstanceWrites(ctx, out);
  return out;
}

/** Class names of a program's parts rather than its records: `CatalogBuilder`, `DatabaseTaskStore`, `TaskWorker`, `OidcDatabase`. */
const COMPONENT_CLASS = /[a-z](Builder|Store|Database|Db|Worker|Router|Service|Holder|Manager|Client|Factory|Provider|Registry|Broker|Handler|Controller|Server|Engine|Processor|Scheduler|Plugin|Module|Api|Context|Loader|Runner|Emitter|Adapter|Connector)$/;

/**
 * `await CatalogBuilder.create({ config, logger })`: the static factory of one of the program's components, not an
 * insert through a data model.
 */
function namesComponent(obj: Node): boolean {
  const last = memberPath(unwrap(obj)).pop();
  return !!last && COMPONENT_CLASS.test(last);
}

/**
 * A `X.create(…)` whose result is used straight away as a value, never awaited: a domain factory
 * (`MemberCreatedEvent.create({…})`, `OfferName.create(name)`), not an ORM insert, which answers a promise.
 */
function usedAsPlainValue(ctx: ModelContext, call: Call): boolean {
  let top: Node = call;
  while (top.parent && (top.parent.type === T.TSAsExpression || top.parent.type === T.TSNonNullExpression || top.parent.type === T.ChainExpression)) top = top.parent;
  const p = top.parent;
  if (!p) return false;
  const promiseCall = (n: Node): boolean => (n.type === T.CallExpression || n.type === T.NewExpression) && memberPath(n.callee)[0] === 'Promise';
  switch (p.type) {
    case T.MemberExpression:
      return p.object === top && !(p.property.type === T.Identifier && /^(then|catch|finally)$/.test(p.property.name));
    case T.CallExpression:
    case T.NewExpression:
      return p.arguments.includes(top as TSESTree.CallExpressionArgument) && !promiseCall(p);
    case T.Property:
      return p.value === top && p.parent?.type === T.ObjectExpression && !(p.parent.parent && promiseCall(p.parent.parent));
    case T.AssignmentExpression:
    case T.VariableDeclarator: {
      // activeFlows[id] = Flow.create(…): kept in a map as is, never awaited
      if (p.type === T.AssignmentExpression && p.right === top && p.left.type === T.MemberExpression) return true;
      const id = p.type === T.VariableDeclarator ? p.id : p.right === top ? p.left : undefined;
      if (id?.type !== T.Identifier) return false;
      const variable = findVariable(ctx.sourceCode.getScope(p), id.name);
      if (!variable) return false;
      return variable.references.every((ref) => {
        if (ref.init || ref.isWrite()) return true;
        const use = (ref.identifier as Node).parent;
        if (!use) return true;
        if (use.type === T.AwaitExpression || use.type === T.ReturnStatement || use.type === T.ArrayExpression || use.type === T.YieldExpression) return false;
        if (use.type === T.MemberExpression && use.property.type === T.Identifier && /^(then|catch|finally)$/.test(use.property.name)) return false;
        return !((use.type === T.CallExpression || use.type === T.NewExpression) && promiseCall(use));
      });
    }
    default:
      return false;
  }
}

/**
 * `const order = await Order.findById(id); order.status = 'paid'; await order.save()`: writes through a record
 * loaded by an earlier read (Mongoose documents, Sequelize instances, TypeORM active records), including records
 * iterated from a read's result (`for (const o of orders) await o.save()`).
 */
function addInstanceWrites(ctx: ModelContext, out: DbCall[]): void {
  const reads = new Map<Node, DbCall>();
  for (const d of out) if (d.kind === 'read') reads.set(d.call, d);
  if (reads.size === 0) return;
  const seen = new Set<Node>(out.map((d) => d.call));
  let added = false;
  for (const call of ctx.index.calls) {
    const name = calleeName(call);
    if (!name || !INSTANCE_WRITES.has(name) || call.callee.type !== T.MemberExpression || seen.has(call)) continue;
    const obj = unwrap(call.callee.object);
    if (obj.type !== T.Identifier) continue;
    const read = recordOrigin(ctx, obj, reads, 0, false);
    if (!read) continue;
    out.push({ call, library: read.library, kind: 'write', operation: name, target: read.target });
    added = true;
  }
  if (added) out.sort((a, b) => a.call.range[0] - b.call.range[0]);
}

/**
 * The read a variable's value came from: `const x = await Model.findOne(…)`, `const [row] = await db.select()…`,
 * `const { rows: [row] } = await pool.query(…)`, `const row = result.rows[0]`, a loop variable over a read's result
 * (`for (const x of rows)`) or the parameter of a per-item callback over one (`rows.map((x) => …)`).
 * `reads` maps each read call to its {@link DbCall}; SQL rows count only when `sqlRows` is set (they have no `save()`).
 */
export function readBehind(ctx: ModelContext, id: TSESTree.Identifier, reads: ReadonlyMap<Node, DbCall>, sqlRows = true): DbCall | undefined {
  return recordOrigin(ctx, id, reads, 0, sqlRows);
}

function recordOrigin(ctx: ModelContext, id: TSESTree.Identifier, reads: ReadonlyMap<Node, DbCall>, depth: number, sqlRows = false): DbCall | undefined {
  if (depth > 3) return undefined;
  const v = findVariable(ctx.sourceCode.getScope(id), id.name);
  const def = v?.defs[0];
  if (!def) return undefined;
  if (def.type === 'Variable') {
    const decl = def.node as TSESTree.VariableDeclarator;
    if (decl.init) return valueOrigin(ctx, decl.init, reads, depth, sqlRows);
    // for (const order of orders)
    const loop = decl.parent?.parent;
    if (loop?.type === T.ForOfStatement) return valueOrigin(ctx, loop.right, reads, depth, sqlRows);
    return undefined;
  }
  if (def.type === 'Parameter') {
    // orders.map(async (order) => { …; await order.save(); })
    const fn = def.node as Node;
    const p = fn.parent;
    if (isFunction(fn) && p?.type === T.CallExpression && p.arguments[0] === fn && /^(map|forEach|flatMap)$/.test(calleeName(p) ?? '') && p.callee.type === T.MemberExpression) {
      return valueOrigin(ctx, p.callee.object, reads, depth, sqlRows);
    }
  }
  return undefined;
}

function valueOrigin(ctx: ModelContext, expr: Node, reads: ReadonlyMap<Node, DbCall>, depth: number, sqlRows: boolean): DbCall | undefined {
  let n = unwrap(expr);
  // result.rows[0], rows[0]
  while (n.type === T.MemberExpression) n = unwrap(n.object);
  if (n.type === T.Identifier) return recordOrigin(ctx, n, reads, depth + 1, sqlRows);
  const read = readOf(n, reads);
  return read && (sqlRows || read.library !== 'sql') ? read : undefined;
}

/** The read whose result an expression is: the call itself or the head of its chain (`.populate().exec()`); not `.lean()` objects. */
function readOf(expr: Node, reads: ReadonlyMap<Node, DbCall>): DbCall | undefined {
  const n = unwrap(expr);
  if (n.type !== T.CallExpression) return undefined;
  const chain = [n, ...chainBefore(n)];
  if (chain.some((c) => calleeName(c) === 'lean' || calleeName(c) === 'toArray')) return undefined;
  for (const c of chain) {
    const read = reads.get(c);
    if (read) return read;
  }
  return undefined;
}

const modelLibrary = new WeakMap<ModelContext, QueryLibrary>();
const SEQUELIZE_ONLY = new Set(['findByPk', 'findAll', 'findAndCountAll', 'bulkCreate', 'destroy', 'findOrCreate']);
const MONGOOSE_ONLY = new Set(['findById', 'findByIdAndUpdate', 'findByIdAndDelete', 'lean', 'populate', 'exec', 'countDocuments', 'insertMany']);

/**
 * Which ORM a file's models belong to: the ORM it imports, else the models' own vocabulary (`findByPk`, `{ where }`
 * options and a `sequelize` instance for Sequelize; `findById`, `.lean()`, `.populate()` for Mongoose), models
 * being usually imported from the project's own `models/` folder.
 */
function libraryOfModel(ctx: ModelContext): QueryLibrary {
  const cached = modelLibrary.get(ctx);
  if (cached) return cached;
  let lib: QueryLibrary | undefined;
  for (const [local, ref] of ctx.index.imports) {
    if (ref.source === 'sequelize' || ref.source === 'sequelize-typescript') lib = 'sequelize';
    else if (ref.source === 'typeorm') lib = 'typeorm';
    else if (ref.source === 'mongoose') lib = 'mongoose';
    else if (/^(sequelize|Op)$/.test(local)) lib ??= 'sequelize';
    if (lib && lib !== 'sequelize') break;
  }
  if (!lib) {
    let sequelize = 0;
    let mongoose = 0;
    for (const call of ctx.index.calls) {
      const name = calleeName(call);
      if (!name) continue;
      if (SEQUELIZE_ONLY.has(name)) sequelize++;
      else if (MONGOOSE_ONLY.has(name)) mongoose++;
    }
    lib = sequelize > mongoose ? 'sequelize' : 'mongoose';
  }
  modelLibrary.set(ctx, lib);
  return lib;
}

const TX_CALLS = /^(\$transaction|transaction|withTransaction|startTransaction|runInTransaction|transactional|inTransaction|tx)$/;
/** Receivers that are a transaction handed in by the caller: `tx.order.create`, `trx('orders').insert`. */
const TX_ROOTS = /^(tx|trx|txn|transaction|transactionClient|transactionalEntityManager|t)$/;
/** Options that run one call in a transaction: Sequelize `{ transaction: t }`, Mongo `{ session }`, TypeORM `{ transaction: true }` is not one. */
const TX_OPTIONS = /^(transaction|session)$/;

/**
 * Whether a node runs inside a transaction: in the callback of `prisma.$transaction`, `sequelize.transaction`,
 * `knex.transaction`, `dataSource.transaction`, `session.withTransaction`; in an array given to `$transaction([…])`;
 * in a method decorated `@Transactional()`; or in a function that starts one (`BEGIN`, `startTransaction()`).
 * For a database call itself, also: a call given a transaction (`{ transaction: t }`, `{ session }`,
 * `.transacting(trx)`, `.session(s)`) or made on one (`tx.order.create`, `trx('orders')`).
 */
export function inTransaction(node: Node): boolean {
  if (node.type === T.CallExpression && (callUsesTransaction(node) || clientIsTransaction(node))) return true;
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

function callUsesTransaction(call: Call): boolean {
  const root = memberPath(call.callee)[0];
  if (root && TX_ROOTS.test(root)) return true;
  if (scopedToCallerContext(call)) return true;
  for (const a of call.arguments) {
    const arg = unwrap(a as Node);
    if (arg.type !== T.ObjectExpression) continue;
    for (const p of arg.properties) {
      if (p.type !== T.Property || p.key.type !== T.Identifier || !TX_OPTIONS.test(p.key.name)) continue;
      const v = unwrap(p.value as Node);
      if (!(v.type === T.Literal && (v.value === null || v.value === false)) && !(v.type === T.Identifier && v.name === 'undefined')) return true;
    }
  }
  const after = chainAfter(call).after;
  return after.includes('transacting') || after.includes('session');
}

/**
 * A client the same function hands to `.transacting(client)` is a transaction (Knex accepts nothing else there):
 * `async function sync(knex) { await knex.raw('DELETE …'); await knex.batchInsert(…).transacting(knex); }`.
 */
function clientIsTransaction(call: Call): boolean {
  let root: Node | undefined = call;
  while (root && root.type === T.CallExpression) root = root.callee.type === T.MemberExpression ? unwrap(root.callee.object) : unwrap(root.callee);
  if (root?.type !== T.Identifier) return false;
  const name = root.name;
  let fn: Node | undefined = call.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  if (!fn) return false;
  let names = transacted.get(fn);
  if (!names) {
    const found = new Set<string>();
    walk(fn, (n) => {
      if (n.type === T.CallExpression && calleeName(n) === 'transacting' && n.arguments.length === 1) {
        const a = unwrap(n.arguments[0] as Node);
        if (a.type === T.Identifier) found.add(a.name);
      }
      return undefined;
    });
    transacted.set(fn, (names = found));
  }
  return names.has(name);
}

const transacted = new WeakMap<Node, Set<string>>();

/** Calls that hand back a repository or entity manager bound to the context they are given. */
const SCOPED_HANDLE_CALLS = /^(getRepository|getTreeRepository|getEntityManager|getManager|getCustomRepository)$/;
/** Parameters that carry the caller's request context or transaction. */
const CONTEXT_PARAMS = /^(ctx|context|reqCtx|requestContext|requestCtx|tx|trx|txn|manager|entityManager|em|queryRunner)$/;

/**
 * A write through a repository bound to a context the caller handed in, e.g. Vendure's
 * `this.connection.getRepository(ctx, Order).save(order)` in a service method taking `ctx`: the `RequestContext`
 * carries the transaction the calling resolver opened (`@Transaction()`), so the boundary is the caller's and
 * several such writes in one method commit together. Also a write on a `queryRunner` parameter (a TypeORM
 * migration or a helper given the runner whose owner starts the transaction). A context built in the function
 * itself (`RequestContext.deserialize(job.data)`) is not the caller's and does not count.
 */
function scopedToCallerContext(call: Call): boolean {
  let r: Node | undefined = call.callee.type === T.MemberExpression ? unwrap(call.callee.object) : undefined;
  for (let hops = 0; r && hops < 8; hops++) {
    if (r.type === T.CallExpression) {
      const name = calleeName(r);
      const first = r.arguments[0] ? unwrap(r.arguments[0] as Node) : undefined;
      if (name && SCOPED_HANDLE_CALLS.test(name) && r.arguments.length >= 2 && first?.type === T.Identifier && CONTEXT_PARAMS.test(first.name) && isParameterOfEnclosing(first, first.name)) return true;
      r = r.callee.type === T.MemberExpression ? unwrap(r.callee.object) : undefined;
    } else if (r.type === T.MemberExpression) {
      r = unwrap(r.object);
    } else if (r.type === T.Identifier) {
      if (r.name === 'queryRunner' && isParameterOfEnclosing(r, r.name)) return true;
      const init = constInit(r);
      r = init ? unwrap(init) : undefined;
    } else {
      return false;
    }
  }
  return false;
}

/**
 * Whether `name` is a parameter of a function enclosing `at`, directly (`(ctx) =>`), destructured in the
 * parameter list (`({ ctx, input }) =>`) or destructured from one at the top of the body (`const { ctx } = options`).
 */
function isParameterOfEnclosing(at: Node, name: string): boolean {
  for (let n: Node | undefined = at.parent; n; n = n.parent) {
    if (!isFunction(n)) continue;
    const params = new Set<string>();
    for (const p of n.params as Node[]) {
      let id: Node = p;
      if (id.type === T.TSParameterProperty) id = id.parameter;
      if (id.type === T.AssignmentPattern) id = id.left;
      if (id.type === T.Identifier) params.add(id.name);
      if (id.type === T.Identifier && id.name === name) return true;
      if (id.type === T.ObjectPattern && patternBinds(id, name)) return true;
    }
    if (n.body.type !== T.BlockStatement) continue;
    for (const stmt of n.body.body) {
      if (stmt.type !== T.VariableDeclaration) continue;
      for (const d of stmt.declarations) {
        const init = d.init ? unwrap(d.init) : undefined;
        if (d.id.type === T.ObjectPattern && init?.type === T.Identifier && params.has(init.name) && patternBinds(d.id, name)) return true;
      }
    }
  }
  return false;
}

function patternBinds(pattern: TSESTree.ObjectPattern, name: string): boolean {
  return pattern.properties.some((p) => p.type === T.Property && (p.value.type === T.Identifier ? p.value.name === name : p.value.type === T.AssignmentPattern && p.value.left.type === T.Identifier && p.value.left.name === name));
}

/** The initialiser of a `const` of that name declared in a function enclosing `id`: `const repo = conn.getRepository(ctx, X)`. */
function constInit(id: TSESTree.Identifier): Node | undefined {
  for (let n: Node | undefined = id.parent; n; n = n.parent) {
    if (!isFunction(n) || n.body.type !== T.BlockStatement) continue;
    for (const stmt of n.body.body) {
      if (stmt.type !== T.VariableDeclaration || stmt.kind !== 'const') continue;
      for (const d of stmt.declarations) if (d.id.type === T.Identifier && d.id.name === id.name && d.init && d.range[1] <= id.range[0]) return d.init;
    }
  }
  return undefined;
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
    // `BEGIN` usually sits at the top of the body or first thing in its `try` block
    const stmts = body.body.flatMap((s) => (s.type === T.TryStatement ? [s, ...s.block.body] : [s]));
    for (const stmt of stmts) {
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

/** Whether a function is the callback of a transaction call: `prisma.$transaction(async (tx) => …)`, `sequelize.transaction(async (t) => …)`. */
export function isTransactionCallback(fn: Node): boolean {
  const parent = fn.parent;
  if (parent?.type !== T.CallExpression || !parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const name = calleeName(parent);
  return !!name && TX_CALLS.test(name);
}
