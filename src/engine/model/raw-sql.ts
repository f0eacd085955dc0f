/**
 * Raw SQL calls: the APIs that take SQL text and have a parameterised form beside it. pg/mysql/sqlite
 * `query`/`execute`/`all`/`run`, `sequelize.query`, `knex.raw` and the `*Raw` builder methods, Prisma's
 * `$queryRawUnsafe`/`$executeRawUnsafe`, TypeORM's `dataSource.query`/`manager.query`/`queryRunner.query` and
 * query-builder `where` strings, postgres.js `sql.unsafe`, drizzle `sql.raw`, Sequelize `literal`.
 * Tagged templates (`sql\`…\``, `prisma.$queryRaw\`…\``) are not here: they send their values as parameters.
 */
import { T, calleeName, memberPath, staticText, unwrap, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';
import { receiverKind } from './queries';

/** How values are passed: `$1` (pg), `?` (mysql, sqlite, knex, sequelize), or unknown (no mechanical rewrite). */
export type SqlDialect = 'pg' | 'mysql' | 'sqlite' | 'knex' | 'sequelize' | 'prisma' | 'typeorm' | 'unknown';

export interface RawSqlCall {
  call: Call;
  /** The argument that holds the SQL text. */
  sqlNode: Node;
  /** `pool.query`, `knex.raw`, `$queryRawUnsafe`… as written. */
  api: string;
  dialect: SqlDialect;
}

const TEXT_METHODS = new Set(['query', 'execute', 'all', 'get', 'run', 'exec', 'prepare', 'each', 'unsafe', 'none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result']);
const RAW_METHODS = new Set(['raw', 'whereRaw', 'orWhereRaw', 'andWhereRaw', 'havingRaw', 'orHavingRaw', 'orderByRaw', 'joinRaw', 'fromRaw', 'selectRaw', 'groupByRaw', 'onRaw', '$queryRawUnsafe', '$executeRawUnsafe', 'literal']);
const BUILDER_WHERE = new Set(['where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving']);
const DB_RECEIVER = /(pool|client|db|conn|connection|sequelize|datasource|manager|queryrunner|repository|repo|trx|tx|database|mysql|pg|postgres|sqlite|knex|sql|em|entityManager)$/i;
const SQL_WORDS = /\b(SELECT|INSERT\s+INTO|UPDATE|DELETE\s+FROM|WITH|FROM|WHERE|VALUES|CREATE|DROP|ALTER|TRUNCATE|CALL|EXEC|MERGE|REPLACE\s+INTO|PRAGMA|GRANT|SET)\b/i;
const DIALECT_OF_MODULE: Record<string, SqlDialect> = {
  pg: 'pg',
  'pg-pool': 'pg',
  'pg-promise': 'pg',
  postgres: 'pg',
  '@neondatabase/serverless': 'pg',
  '@vercel/postgres': 'pg',
  mysql: 'mysql',
  mysql2: 'mysql',
  'mysql2/promise': 'mysql',
  mariadb: 'mysql',
  sqlite3: 'sqlite',
  sqlite: 'sqlite',
  'better-sqlite3': 'sqlite',
  'bun:sqlite': 'sqlite',
  'node:sqlite': 'sqlite',
};

const cache = new WeakMap<object, RawSqlCall[]>();

/** Every raw SQL call in the file (built once per file). */
export function rawSqlCalls(ctx: ModelContext): readonly RawSqlCall[] {
  const cached = cache.get(ctx.index);
  if (cached) return cached;
  const out: RawSqlCall[] = [];
  let fileDialect: SqlDialect | undefined;
  const dialectOfFile = (): SqlDialect => (fileDialect ??= importedDialect(ctx));
  for (const call of ctx.index.calls) {
    const name = calleeName(call);
    if (!name || call.arguments.length === 0) continue;
    const first = call.arguments[0] as Node;
    if (first.type === T.SpreadElement) continue;
    const path = call.callee.type === T.MemberExpression ? memberPath(call.callee) : [name];
    const owner = path[path.length - 2] ?? '';
    const api = path.slice(-2).join('.');
    if (RAW_METHODS.has(name)) {
      if (name === 'literal' && !(/^(sequelize|Sequelize)$/.test(owner) || ctx.index.imports.get(name)?.source === 'sequelize')) continue;
      if (name === 'raw' && !(DB_RECEIVER.test(owner) || owner === 'Prisma' || owner === 'Knex')) continue;
      const dialect: SqlDialect = name.startsWith('$') ? 'prisma' : name === 'literal' ? 'sequelize' : 'knex';
      out.push({ call, sqlNode: first, api, dialect: owner === 'sql' || owner === 'Prisma' ? 'unknown' : dialect });
      continue;
    }
    if (call.callee.type !== T.MemberExpression) continue;
    // `this.users.query(sql)` where `users` is an injected TypeORM repository: the declaration says what the name does not
    const repository = name === 'query' && receiverKind(ctx, call.callee.object) === 'repository';
    if (TEXT_METHODS.has(name) && (DB_RECEIVER.test(owner) || (path[0] === 'this' && DB_RECEIVER.test(path[1] ?? '')) || repository) && looksLikeSql(first)) {
      out.push({ call, sqlNode: first, api, dialect: repository ? 'typeorm' : dialectFor(owner, dialectOfFile) });
      continue;
    }
    // TypeORM: createQueryBuilder('u').where(`u.name = '${name}'`)
    if (BUILDER_WHERE.has(name) && builderChain(call) && (unwrap(first).type === T.TemplateLiteral || unwrap(first).type === T.BinaryExpression)) {
      out.push({ call, sqlNode: first, api: `createQueryBuilder().${name}`, dialect: 'typeorm' });
    }
  }
  cache.set(ctx.index, out);
  return out;
}

/** The static text of the argument, or of the variable it names, reads as SQL (or is unknown). */
function looksLikeSql(node: Node): boolean {
  const n = unwrap(node);
  const text = staticText(n);
  if (text !== undefined) return SQL_WORDS.test(text);
  // pool.query(sql), pool.query({ text, values }): the SQL was written elsewhere; the rule follows the name
  return n.type === T.Identifier || n.type === T.ObjectExpression;
}

/**
 * SQL a query builder generated, spliced in as a subquery: `WHERE id IN (${sub.getQuery()})` with TypeORM's
 * `getQuery()`/`getSql()`. The builder binds its values as parameters, so the text holds no client data.
 */
export function isBuilderSql(node: Node): boolean {
  const n = unwrap(node);
  return n.type === T.CallExpression && n.arguments.length === 0 && /^(getQuery|getSql)$/.test(calleeName(n) ?? '');
}

function builderChain(call: Call): boolean {
  for (let n: Node = call.callee; ; ) {
    const u = unwrap(n);
    if (u.type === T.MemberExpression) n = u.object;
    else if (u.type === T.CallExpression) {
      const name = calleeName(u);
      if (name === 'createQueryBuilder' || name === 'getRepository' || name === 'subQuery') return true;
      n = u.callee;
    } else return false;
  }
}

function dialectFor(owner: string, fileDialect: () => SqlDialect): SqlDialect {
  if (/sequelize/i.test(owner)) return 'sequelize';
  if (/knex/i.test(owner)) return 'knex';
  if (/(datasource|manager|queryrunner|repository|repo|em)$/i.test(owner)) return 'typeorm';
  return fileDialect();
}

function importedDialect(ctx: ModelContext): SqlDialect {
  for (const ref of ctx.index.imports.values()) {
    const d = DIALECT_OF_MODULE[ref.source];
    if (d) return d;
  }
  return 'unknown';
}

/** The placeholder a dialect uses for its first value (`$1` or `?`), when a mechanical rewrite is safe. */
export function placeholderOf(dialect: SqlDialect): string | undefined {
  if (dialect === 'pg') return '$1';
  if (dialect === 'mysql' || dialect === 'sqlite' || dialect === 'knex' || dialect === 'sequelize') return '?';
  return undefined;
}
