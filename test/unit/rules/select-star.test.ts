import rule from '../../../src/engine/rules/select-star';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('select-star', rule, {
  valid: [
    {
      name: 'pg query listing its columns',
      filename: 'src/repositories/orders.ts',
      code: `
import { pool } from '../db';

export async function orderById(id: string) {
  const { rows } = await pool.query('SELECT id, status, total_cents FROM orders WHERE id = $1', [id]);
  return rows[0] ?? null;
}
`,
    },
    {
      name: 'COUNT(*) is not SELECT *',
      filename: 'src/repositories/orders.ts',
      code: `
import { pool } from '../db';

export async function openOrders(customerId: string) {
  const { rows } = await pool.query('SELECT COUNT(*)::int AS n FROM orders WHERE customer_id = $1', [customerId]);
  return rows[0].n;
}
`,
    },
    {
      name: 'EXISTS (SELECT * …) selects nothing',
      filename: 'src/repositories/customers.ts',
      code: `
import { pool } from '../db';

export async function hasOrders(customerId: string) {
  const { rows } = await pool.query('SELECT EXISTS (SELECT * FROM orders WHERE customer_id = $1) AS found', [customerId]);
  return rows[0].found as boolean;
}
`,
    },
    {
      name: 'a CTE names its columns; the outer SELECT * reads them',
      filename: 'src/repositories/reports.ts',
      code: `
import { pool } from '../db';

export async function topCustomers() {
  const { rows } = await pool.query(\`
    WITH totals AS (SELECT customer_id, SUM(total_cents) AS cents FROM orders GROUP BY customer_id)
    SELECT * FROM totals ORDER BY cents DESC LIMIT 10\`);
  return rows;
}
`,
    },
    {
      name: 'INSERT … SELECT * copies a table inside the database',
      filename: 'src/repositories/archive.ts',
      code: `
import { pool } from '../db';

export async function archiveOrders(before: Date) {
  await pool.query('INSERT INTO orders_archive SELECT * FROM orders WHERE created_at < $1', [before]);
}
`,
    },
    {
      name: 'knex select with named columns',
      filename: 'src/services/users.js',
      code: `
const knex = require('../knex');

async function userById(id) {
  return knex('users').select('id', 'email', 'name').where({ id }).first();
}

module.exports = { userById };
`,
    },
    {
      name: 'drizzle select() reads the typed columns of the table',
      filename: 'src/services/users.ts',
      code: `
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { users } from '../db/schema';

export async function userById(id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}
`,
    },
    {
      name: 'typeorm query builder selecting columns',
      filename: 'src/orders/orders.service.ts',
      code: `
import { DataSource } from 'typeorm';
import { Order } from './order.entity';

export async function recent(dataSource: DataSource) {
  return dataSource.getRepository(Order).createQueryBuilder('o').select(['o.id', 'o.status']).take(20).getMany();
}
`,
    },
    {
      name: 'a script dumps whole tables',
      filename: 'scripts/export-orders.ts',
      code: `
import { pool } from '../src/db';

async function main() {
  const { rows } = await pool.query('SELECT * FROM orders');
  console.log(JSON.stringify(rows));
}

main();
`,
    },
    {
      name: 'a string that is not a query',
      filename: 'src/docs/examples.ts',
      code: `
export const EXAMPLE_QUERY = 'SELECT * FROM orders';
export function describe() {
  return \`Run \${EXAMPLE_QUERY} in psql\`;
}
`,
    },
    {
      name: 'array select() that is not a query builder',
      filename: 'src/ui/table.ts',
      code: `
import { selection } from '../ui/selection';

export function selectAll() {
  return selection.select('*');
}
`,
    },
    {
      name: 'prisma $queryRaw with columns',
      filename: 'src/services/invoices.ts',
      code: `
import { prisma } from '../db';

export function invoiceTotals(customerId: string) {
  return prisma.$queryRaw\`SELECT id, total_cents FROM "Invoice" WHERE "customerId" = \${customerId} LIMIT 50\`;
}
`,
    },
  ],
  invalid: [
    {
      name: 'pg SELECT * by id',
      filename: 'src/repositories/orders.ts',
      code: `
import { pool } from '../db';

export async function orderById(id: string) {
  const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [id]);
  return rows[0] ?? null;
}
`,
      errors: [{ messageId: 'selectStar', line: 5, column: 37, data: { what: 'SELECT *' } }],
    },
    {
      name: 'mysql2 SELECT t.* with a join',
      filename: 'src/repositories/carts.ts',
      code: `
import mysql from 'mysql2/promise';

const shop = mysql.createPool({ uri: process.env.MYSQL_URL });

export async function cartLines(cartId: number) {
  const [rows] = await shop.execute(
    'SELECT ci.*, p.name FROM cart_items ci JOIN products p ON p.id = ci.product_id WHERE ci.cart_id = ? LIMIT 100',
    [cartId],
  );
  return rows;
}
`,
      errors: [{ messageId: 'selectStar', line: 8, column: 5 }],
    },
    {
      name: 'prisma $queryRaw SELECT *',
      filename: 'src/services/invoices.ts',
      code: `
import { prisma } from '../db';

export function invoice(id: string) {
  return prisma.$queryRaw\`SELECT * FROM "Invoice" WHERE id = \${id}\`;
}
`,
      errors: [{ messageId: 'selectStar', line: 5, column: 26 }],
    },
    {
      name: 'knex select("*")',
      filename: 'src/services/users.js',
      code: `
const knex = require('../knex');

async function userById(id) {
  return knex('users').select('*').where({ id }).first();
}

module.exports = { userById };
`,
      errors: [{ messageId: 'selectStar', line: 5, column: 24, data: { what: ".select('*')" } }],
    },
    {
      name: 'knex.select("*").from(table)',
      filename: 'src/services/products.ts',
      code: `
import knexFactory from 'knex';

const knex = knexFactory({ client: 'pg' });

export async function product(id: number) {
  return knex.select('*').from('products').where({ id }).first();
}
`,
      errors: [{ messageId: 'selectStar', line: 7, column: 15 }],
    },
    {
      name: 'typeorm createQueryBuilder().select("*")',
      filename: 'src/orders/orders.service.ts',
      code: `
import { DataSource } from 'typeorm';
import { Order } from './order.entity';

export async function recent(dataSource: DataSource) {
  return dataSource.getRepository(Order).createQueryBuilder('o').select('*').limit(20).getRawMany();
}
`,
      errors: [{ messageId: 'selectStar', line: 6, column: 66, data: { what: ".select('*')" } }],
    },
    {
      name: 'sqlite3 SELECT * in an Express handler',
      filename: 'src/routes/audit.ts',
      code: `
import express from 'express';
import sqlite3 from 'sqlite3';

const db = new sqlite3.Database('./audit.sqlite');
const app = express();

app.get('/audit/:id', (req, res) => {
  db.get('SELECT * FROM audit_log WHERE id = ?', [req.params.id], (err, row) => res.json(row));
});
`,
      errors: [{ messageId: 'selectStar', line: 9, column: 10 }],
    },
    {
      name: 'better-sqlite3 prepared SELECT *',
      filename: 'src/cache/prices.ts',
      code: `
import Database from 'better-sqlite3';

const cache = new Database('./cache.db');

export function cachedPrice(sku: string) {
  return cache.prepare('SELECT * FROM prices WHERE sku = ?').get(sku);
}
`,
      errors: [{ messageId: 'selectStar', line: 7, column: 24 }],
    },
    {
      name: 'sequelize.query with SELECT DISTINCT *',
      filename: 'src/services/reports.js',
      code: `
const { sequelize } = require('../models');

async function activeTenants() {
  const [rows] = await sequelize.query('SELECT DISTINCT * FROM tenants WHERE active = true LIMIT 100');
  return rows;
}

module.exports = { activeTenants };
`,
      errors: [{ messageId: 'selectStar', line: 5, column: 40 }],
    },
    {
      name: 'postgres.js template SELECT * in a Next.js route',
      filename: 'app/api/orders/[id]/route.ts',
      code: `
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL!);

export async function GET(_req: Request, { params }: { params: { id: string } }) {
  const [order] = await sql\`select * from orders where id = \${params.id}\`;
  return Response.json(order);
}
`,
      errors: [{ messageId: 'selectStar', line: 7, column: 28 }],
    },
  ],
});
