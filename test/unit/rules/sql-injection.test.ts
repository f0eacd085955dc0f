import rule from '../../../src/engine/rules/sql-injection';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('sql-injection', rule, {
  valid: [
    {
      name: 'the items of a constant list mapped into quoted text are fixed text',
      filename: 'dist/lib/features/access/access-store.js',
      code: `
import { ROOT_ROLE_TYPES } from '../../util/constants.js';
export default class AccessStore {
  constructor(db) { this.db = db; }
  async rootRoleUsers() {
    return this.db.raw(\`SELECT user_id FROM role_user ru JOIN roles r ON r.id = ru.role_id
      WHERE r.type IN (\${ROOT_ROLE_TYPES.map((type) => \`'\${type}'\`).join(',')})\`);
  }
}
`,
    },
    {
      name: 'an injected TypeORM repository running raw SQL with the value as a parameter',
      filename: 'src/users/users.controller.ts',
      code: `
import { Controller, Get, Query } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity';
@Controller('users')
export class UsersController {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}
  @Get('search')
  search(@Query('name') name: string) {
    return this.users.query('SELECT id, name FROM users WHERE name = $1 LIMIT 20', [name]);
  }
}
`,
    },
    {
      name: 'pg: parameterised query with a values array',
      filename: 'src/routes/users.ts',
      code: `
import { Router } from 'express';
import { Pool } from 'pg';
const pool = new Pool();
export const router = Router();
router.get('/users', async (req, res) => {
  const { rows } = await pool.query('SELECT id, email FROM users WHERE email = $1', [req.query.email]);
  res.json(rows);
});
`,
    },
    {
      name: 'knex whereRaw with an IN list of ? placeholders, the list stringified without join',
      filename: 'src/services/users.js',
      code: `
export class UsersService {
  async emailsTaken(emails) {
    const rows = await this.knex
      .select('email')
      .from('directus_users')
      .whereRaw(\`LOWER(??) IN (\${emails.map(() => '?')})\`, ['email', ...emails]);
    return rows.length > 0;
  }
}
`,
    },
    {
      name: 'knex.raw with a fragment from a local helper that only ever returns fixed text',
      filename: 'src/database/helpers/fn/sqlite.js',
      code: `
const localtime = (columnType) => {
  if (columnType === 'timestamp') {
    return '';
  }
  return \`, 'localtime'\`;
};
export class FnHelperSQLite {
  year(table, column, options) {
    return this.knex.raw(\`CAST(strftime('%Y', ??.?? / 1000, 'unixepoch'\${localtime(options?.type)}) AS INTEGER)\`, [table, column]);
  }
}
`,
    },
    {
      name: 'mysql2: ? placeholders with execute',
      filename: 'src/routes/orders.js',
      code: `
const mysql = require('mysql2/promise');
const connection = await mysql.createConnection(process.env.DATABASE_URL);
app.post('/orders/:id/cancel', async (req, res) => {
  await connection.execute('UPDATE orders SET status = ? WHERE id = ? AND user_id = ?', ['cancelled', req.params.id, req.user.id]);
  res.sendStatus(204);
});
`,
    },
    {
      name: 'prisma.$queryRaw tagged template parameterises its values',
      filename: 'src/services/search.ts',
      code: `
import { prisma } from '../db';
export async function search(req) {
  return prisma.$queryRaw\`SELECT id, title FROM posts WHERE title ILIKE \${'%' + req.query.q + '%'} LIMIT 20\`;
}
`,
    },
    {
      name: 'postgres.js and slonik sql tagged templates',
      filename: 'src/repo/accounts.ts',
      code: `
import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!);
export async function accountByEmail(email: string) {
  const [account] = await sql\`SELECT * FROM accounts WHERE email = \${email}\`;
  return account;
}
`,
    },
    {
      name: 'sort column from a fixed map, value as parameter',
      filename: 'src/routes/products.ts',
      code: `
import { pool } from '../db';
const SORTS = { price: 'price ASC', newest: 'created_at DESC' };
router.get('/products', async (req, res) => {
  const orderBy = SORTS[req.query.sort] ?? 'created_at DESC';
  const { rows } = await pool.query(\`SELECT id, name FROM products WHERE category = $1 ORDER BY \${orderBy} LIMIT 50\`, [req.query.category]);
  res.json(rows);
});
`,
    },
    {
      name: 'numbers parsed from the request',
      filename: 'src/routes/feed.ts',
      code: `
import { pool } from '../db';
router.get('/feed', async (req, res) => {
  const limit = Math.min(Number(req.query.limit) || 20, 100);
  const offset = parseInt(req.query.offset, 10) || 0;
  const { rows } = await pool.query(\`SELECT * FROM posts ORDER BY id DESC LIMIT \${limit} OFFSET \${offset}\`);
  res.json(rows);
});
`,
    },
    {
      name: 'IN list of generated placeholders',
      filename: 'src/repo/users.ts',
      code: `
import { pool } from '../db';
export async function usersByIds(ids: string[]) {
  const placeholders = ids.map((_, i) => \`$\${i + 1}\`).join(', ');
  const { rows } = await pool.query(\`SELECT id, name FROM users WHERE id IN (\${placeholders})\`, ids);
  return rows;
}
`,
    },
    {
      name: 'knex.raw with ?? identifier and ? value bindings',
      filename: 'src/repo/stats.ts',
      code: `
import knex from '../knex';
export function countBy(column: 'status' | 'region', value: string) {
  return knex('orders').select(knex.raw('?? as key, count(*)', [column])).whereRaw('?? = ?', [column, value]);
}
`,
    },
    {
      name: 'sequelize.query with replacements',
      filename: 'src/services/report.js',
      code: `
const { sequelize } = require('../models');
router.get('/report', async (req, res) => {
  const rows = await sequelize.query('SELECT * FROM invoices WHERE customer_id = :customerId', { replacements: { customerId: req.query.customerId }, type: QueryTypes.SELECT });
  res.json(rows);
});
`,
    },
    {
      name: 'table name from a constant and an environment schema',
      filename: 'src/repo/audit.ts',
      code: `
import { pool } from '../db';
const TABLE = 'audit_events';
export async function recent() {
  return pool.query(\`SELECT * FROM \${process.env.DB_SCHEMA}.\${TABLE} ORDER BY created_at DESC LIMIT 100\`);
}
`,
    },
    {
      name: 'TypeORM query builder with named parameters',
      filename: 'src/users/users.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
@Injectable()
export class UsersService {
  constructor(private readonly usersRepository: Repository<User>) {}
  search(name: string) {
    return this.usersRepository.createQueryBuilder('u').where('u.name ILIKE :name', { name: \`%\${name}%\` }).getMany();
  }
}
`,
    },
    {
      name: 'not SQL: redis and child_process look-alikes',
      filename: 'src/routes/cache.ts',
      code: `
router.get('/cache/:key', async (req, res) => {
  const value = await client.get(\`session:\${req.params.key}\`);
  const out = await db.get(\`user:\${req.query.id}\`);
  res.json({ value, out });
});
`,
    },
    {
      name: 'identifier position with an internal column name',
      filename: 'src/repo/generic.ts',
      code: `
import { pool } from '../db';
export async function findBy(table: string, column: string, value: unknown) {
  return pool.query(\`SELECT * FROM \${table} WHERE \${column} = $1\`, [value]);
}
`,
    },
    {
      name: 'tests and migrations are not checked',
      filename: 'migrations/20240101-add-index.ts',
      code: `
export async function up(knex, tableName) {
  await knex.raw(\`CREATE INDEX idx ON \${tableName} (email) WHERE deleted = '\${'false'}'\`);
}
`,
    },
    {
      name: 'TypeORM: an entity alias qualifying a column and a builder\'s own SQL as a subquery are not values',
      filename: 'src/service/list-query-builder.ts',
      code: `
import { DataSource, SelectQueryBuilder } from 'typeorm';

export function onlyDefaultTranslation<T>(dataSource: DataSource, qb: SelectQueryBuilder<T>, alias: string, translationEntity: Function) {
  const fallback = dataSource
    .createQueryBuilder(translationEntity, 'translation')
    .where(\`translation.base = \${alias}.id\`)
    .andWhere('translation.languageCode = :defaultLanguageCode');
  qb.andWhere(\`EXISTS (\${fallback.getQuery()})\`);
}

export async function trimCache(dataSource: DataSource, keep: number) {
  const oldest = dataSource.createQueryBuilder().select('item.id').from('cache_item', 'item').orderBy('item.createdAt', 'DESC').offset(keep);
  await dataSource.createQueryBuilder().delete().from('cache_item').where(\`id IN (\${oldest.getQuery()})\`).execute();
}
`,
    },
    {
      name: 'helpers kept for migrations (migration-utils/) are migration code',
      filename: 'src/migration-utils/copy-asset-names.ts',
      code: `
import { QueryRunner } from 'typeorm';

export async function copyAssetNames(queryRunner: QueryRunner) {
  const rows = await queryRunner.query("SELECT defaultLanguageCode FROM channel WHERE code = '__default_channel__'");
  const languageCode = rows[0].defaultLanguageCode;
  await queryRunner.query(\`INSERT INTO asset_translation (languageCode, name, baseId) SELECT '\${languageCode}', name, id FROM asset\`);
}
`,
    },
  ],
  invalid: [
    {
      name: 'a JavaScript parameter with a numeric default is still whatever the caller passes (`list(req.query.days)` is a string)',
      filename: 'src/stores/metrics-store.js',
      code: `
export async function clearOldMetrics(db, daysAgo = 30) {
  return db('client_metrics').whereRaw(\`date <= CURRENT_DATE - INTERVAL '\${daysAgo} days'\`).del();
}
`,
      errors: [{ messageId: 'nonConstant', line: 3 }],
    },
    {
      name: 'a request value qualifying a column is still client text in the SQL',
      filename: 'src/routes/reports.ts',
      code: `
import { DataSource } from 'typeorm';
declare const dataSource: DataSource;
router.get('/reports', async (req, res) => {
  res.json(await dataSource.createQueryBuilder('orders', 'o').where(\`o.customer_id = \${req.query.table}.id\`).getMany());
});
`,
      errors: [{ messageId: 'sqlInjection', line: 5 }],
    },
    {
      name: 'a local helper that wraps its argument in quotes is not fixed text',
      filename: 'src/routes/users.js',
      code: `
const quoted = (value) => {
  if (!value) return "''";
  return \`'\${value}'\`;
};
router.get('/users', async (req, res) => {
  res.json(await knex.raw(\`SELECT id FROM users WHERE email = \${quoted(req.query.email)}\`));
});
`,
      errors: [{ messageId: 'nonConstant', line: 7, column: 27 }],
    },
    {
      name: 'Express + pg: template with req.query, rewritten to $1',
      filename: 'src/routes/users.ts',
      code: `
import { Pool } from 'pg';
const pool = new Pool();
router.get('/users', async (req, res) => {
  const { rows } = await pool.query(\`SELECT id, email FROM users WHERE email = '\${req.query.email}'\`);
  res.json(rows);
});
`,
      errors: [
        {
          messageId: 'sqlInjection',
          line: 5,
          column: 37,
          data: { source: 'req.query.email', api: 'pool.query' },
          suggestions: [
            {
              messageId: 'parameterize',
              data: { placeholder: '$1' },
              output: `
import { Pool } from 'pg';
const pool = new Pool();
router.get('/users', async (req, res) => {
  const { rows } = await pool.query(\`SELECT id, email FROM users WHERE email = $1\`, [req.query.email]);
  res.json(rows);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'mysql: concatenation with req.params, rewritten to ?',
      filename: 'src/routes/orders.js',
      code: `
const mysql = require('mysql2');
const connection = mysql.createConnection(process.env.DATABASE_URL);
app.delete('/orders/:id', (req, res) => {
  connection.query('DELETE FROM orders WHERE id = ' + req.params.id);
  res.sendStatus(204);
});
`,
      errors: [
        {
          messageId: 'sqlInjection',
          line: 5,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `
const mysql = require('mysql2');
const connection = mysql.createConnection(process.env.DATABASE_URL);
app.delete('/orders/:id', (req, res) => {
  connection.query('DELETE FROM orders WHERE id = ?', [req.params.id]);
  res.sendStatus(204);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'sqlite: SQL kept in a variable, LIKE pattern (message only)',
      filename: 'src/routes/notes.js',
      code: `
const sqlite3 = require('sqlite3');
const db = new sqlite3.Database('app.db');
app.get('/notes', (req, res) => {
  const sql = "SELECT * FROM notes WHERE title LIKE '%" + req.query.q + "%'";
  db.all(sql, (err, rows) => res.json(rows));
});
`,
      errors: [{ messageId: 'sqlInjection', line: 6, data: { source: 'req.query.q', api: 'db.all' }, suggestions: [] }],
    },
    {
      name: 'Prisma $queryRawUnsafe with a Next.js searchParam',
      filename: 'app/api/search/route.ts',
      code: `
import { NextRequest, NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams.get('q');
  const rows = await prisma.$queryRawUnsafe(\`SELECT id, title FROM "Post" WHERE title = '\${q}'\`);
  return NextResponse.json(rows);
}
`,
      errors: [{ messageId: 'sqlInjection', line: 6, data: { source: "request.nextUrl.searchParams.get('q')", api: 'prisma.$queryRawUnsafe' }, suggestions: [] }],
    },
    {
      name: 'Sequelize query with a Koa body field, rewritten to replacements',
      filename: 'src/routes/invoices.js',
      code: `
const { sequelize } = require('../models');
router.post('/invoices/search', async (ctx) => {
  ctx.body = await sequelize.query(\`SELECT * FROM invoices WHERE number = \${ctx.request.body.number}\`);
});
`,
      errors: [
        {
          messageId: 'sqlInjection',
          line: 4,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `
const { sequelize } = require('../models');
router.post('/invoices/search', async (ctx) => {
  ctx.body = await sequelize.query(\`SELECT * FROM invoices WHERE number = ?\`, { replacements: [ctx.request.body.number] });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'knex whereRaw with a Fastify query value',
      filename: 'src/routes/products.ts',
      code: `
import Fastify from 'fastify';
import knex from '../knex';
const app = Fastify();
app.get('/products', async (request) => {
  return knex('products').whereRaw(\`name = '\${request.query.name}'\`);
});
`,
      errors: [
        {
          messageId: 'sqlInjection',
          line: 6,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `
import Fastify from 'fastify';
import knex from '../knex';
const app = Fastify();
app.get('/products', async (request) => {
  return knex('products').whereRaw(\`name = ?\`, [request.query.name]);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'NestJS @Query into TypeORM dataSource.query (no mechanical fix for TypeORM)',
      filename: 'src/reports/reports.controller.ts',
      code: `
import { Controller, Get, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
@Controller('reports')
export class ReportsController {
  constructor(private readonly dataSource: DataSource) {}
  @Get()
  byRegion(@Query('region') region: string) {
    return this.dataSource.query(\`SELECT sum(total) FROM orders WHERE region = '\${region}'\`);
  }
}
`,
      errors: [{ messageId: 'sqlInjection', line: 9, data: { source: "@Query('region') region", api: 'dataSource.query' }, suggestions: [] }],
    },
    {
      name: 'an injected TypeORM repository whose name says nothing (`users`) runs raw SQL through `query` too',
      filename: 'src/users/users.controller.ts',
      code: `
import { Controller, Get, Query } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity';
@Controller('users')
export class UsersController {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}
  @Get('search')
  search(@Query('name') name: string) {
    return this.users.query(\`SELECT id, name FROM users WHERE name = '\${name}' LIMIT 20\`);
  }
}
`,
      errors: [{ messageId: 'sqlInjection', line: 11, data: { source: "@Query('name') name", api: 'users.query' }, suggestions: [] }],
    },
    {
      name: 'sort direction from the request in ORDER BY (identifier position still flagged for request data)',
      filename: 'src/routes/posts.ts',
      code: `
import { pool } from '../db';
router.get('/posts', async (req, res) => {
  const { rows } = await pool.query(\`SELECT * FROM posts ORDER BY \${req.query.sort} LIMIT 20\`);
  res.json(rows);
});
`,
      errors: [{ messageId: 'sqlInjection', line: 4, suggestions: [] }],
    },
    {
      name: 'conditions appended with += in a Hono handler',
      filename: 'src/routes/search.ts',
      code: `
import { Hono } from 'hono';
import { pool } from '../db';
const app = new Hono();
app.get('/search', async (c) => {
  let sql = 'SELECT * FROM listings WHERE active = true';
  const city = c.req.query('city');
  if (city) sql += \` AND city = '\${city}'\`;
  const { rows } = await pool.query(sql);
  return c.json(rows);
});
`,
      errors: [{ messageId: 'sqlInjection', line: 9, data: { source: "c.req.query('city')", api: 'pool.query' } }],
    },
    {
      name: 'a service parameter spliced into a value position',
      filename: 'src/repo/orders.ts',
      code: `
import { pool } from '../db';
export async function ordersFor(customerId: string) {
  const { rows } = await pool.query(\`SELECT * FROM orders WHERE customer_id = '\${customerId}' LIMIT 50\`);
  return rows;
}
`,
      errors: [{ messageId: 'nonConstant', line: 4, data: { value: 'customerId', api: 'pool.query' } }],
    },
    {
      name: 'TypeORM query builder where with interpolation',
      filename: 'src/users/users.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
@Injectable()
export class UsersService {
  constructor(private readonly usersRepository: Repository<User>) {}
  byEmail(email: string) {
    return this.usersRepository.createQueryBuilder('u').where(\`u.email = '\${email}'\`).getOne();
  }
}
`,
      errors: [{ messageId: 'nonConstant', line: 7 }],
    },
  ],
});
