import rule from '../../../src/engine/rules/write-without-where';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('write-without-where', rule, {
  valid: [
    {
      name: 'knex filters after the write: .update(data).where(...), .delete().where(...)',
      filename: 'src/services/collections.js',
      code: `
export class CollectionsService {
  async deleteOne(trx, collectionKey) {
    await trx('app_collections').update({ group: null }).where({ group: collectionKey });
    await trx('app_fields').delete().where('collection', '=', collectionKey);
    await trx('app_revisions').update({ parent: null }).whereIn('parent', [1, 2]).then(() => undefined);
  }
}
`,
    },
    {
      name: 'prisma deleteMany scoped to the user',
      filename: 'src/services/sessions.ts',
      code: `
import { prisma } from '../db';

export async function logout(userId: string) {
  await prisma.session.deleteMany({ where: { userId } });
}
`,
    },
    {
      name: 'prisma updateMany with a where built elsewhere',
      filename: 'src/services/notifications.ts',
      code: `
import { Prisma } from '@prisma/client';
import { prisma } from '../db';

export async function markRead(where: Prisma.NotificationWhereInput) {
  await prisma.notification.updateMany({ where, data: { readAt: new Date() } });
}
`,
    },
    {
      name: 'pg UPDATE and DELETE with WHERE',
      filename: 'src/repositories/orders.ts',
      code: `
import { pool } from '../db';

export async function cancel(id: string) {
  await pool.query("UPDATE orders SET status = 'cancelled' WHERE id = $1", [id]);
  await pool.query('DELETE FROM sessions WHERE expires_at < now()');
}
`,
    },
    {
      name: 'SQL with the WHERE clause built in a variable',
      filename: 'src/repositories/search.ts',
      code: `
import { pool } from '../db';

export async function purge(whereSql: string, params: unknown[]) {
  await pool.query(\`DELETE FROM drafts \${whereSql}\`, params);
}
`,
    },
    {
      name: 'TRUNCATE is explicit',
      filename: 'src/admin/reset.ts',
      code: `
import { pool } from '../db';

export async function resetDemoData() {
  await pool.query('TRUNCATE demo_orders RESTART IDENTITY');
}
`,
    },
    {
      name: 'sequelize destroy with truncate: true is explicit',
      filename: 'src/services/cache.js',
      code: `
const { CacheEntry } = require('../models');

async function flushCache() {
  await CacheEntry.destroy({ where: {}, truncate: true });
}

module.exports = { flushCache };
`,
    },
    {
      name: 'typeorm clear() is explicit',
      filename: 'src/stats/stats.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DailyStat } from './daily-stat.entity';

@Injectable()
export class StatsService {
  constructor(@InjectRepository(DailyStat) private readonly stats: Repository<DailyStat>) {}

  async rebuild() {
    await this.stats.clear();
  }
}
`,
    },
    {
      name: 'mongoose deleteMany with a filter',
      filename: 'src/services/carts.ts',
      code: `
import { Cart } from '../models/cart';

export async function dropAbandoned(before: Date) {
  await Cart.deleteMany({ updatedAt: { $lt: before } });
}
`,
    },
    {
      name: 'knex update and del after where',
      filename: 'src/services/users.js',
      code: `
const knex = require('../knex');

async function deactivate(id) {
  await knex('users').where({ id }).update({ active: false });
  await knex('sessions').whereIn('user_id', [id]).del();
}

module.exports = { deactivate };
`,
    },
    {
      name: 'drizzle delete with where, and a builder kept for a conditional where',
      filename: 'src/services/tokens.ts',
      code: `
import { and, eq, lt } from 'drizzle-orm';
import { db } from '../db';
import { tokens } from '../db/schema';

export async function revoke(userId: string, olderThan?: Date) {
  await db.delete(tokens).where(eq(tokens.userId, userId));
  const q = db.update(tokens).set({ revoked: true });
  await (olderThan ? q.where(and(eq(tokens.userId, userId), lt(tokens.createdAt, olderThan))) : q.where(eq(tokens.userId, userId)));
}
`,
    },
    {
      name: 'a test clears collections between cases',
      filename: 'src/__tests__/orders.test.ts',
      code: `
import { Order } from '../models/order';

afterEach(async () => {
  await Order.deleteMany({});
});
`,
    },
    {
      name: 'a migration updates every row on purpose',
      filename: 'migrations/20240101_backfill_currency.ts',
      code: `
import { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw("UPDATE orders SET currency = 'EUR'");
}
`,
    },
    {
      name: 'a typeorm query builder delete with where',
      filename: 'src/orders/orders.service.ts',
      code: `
import { DataSource } from 'typeorm';
import { Order } from './order.entity';

export async function deleteDrafts(dataSource: DataSource, userId: string) {
  await dataSource.getRepository(Order).createQueryBuilder().delete().from(Order).where('userId = :userId AND status = :s', { userId, s: 'draft' }).execute();
}
`,
    },
    {
      name: 'emptying a temporary table the same code creates is how a scratch table is reused; seen in Backstage',
      filename: 'src/database/syncSearch.ts',
      code: `
import { Knex } from 'knex';

export async function syncMysql(knex: Knex, entityId: string) {
  await knex.raw('CREATE TEMPORARY TABLE IF NOT EXISTS \`_desired_search\` (\`key\` VARCHAR(255) NOT NULL)');
  await knex.raw('DELETE FROM \`_desired_search\`');
  await knex.raw('DELETE s FROM search s WHERE s.entity_id = ?', [entityId]);
}
`,
    },
  ],
  invalid: [
    {
      name: 'prisma deleteMany with an empty where',
      filename: 'src/services/sessions.ts',
      code: `
import { prisma } from '../db';

export async function logout(userId: string) {
  await prisma.session.deleteMany({ where: {} });
}
`,
      errors: [{ messageId: 'writeWithoutWhere', line: 5, column: 24, data: { what: '`deleteMany({ where: {} })`' } }],
    },
    {
      name: 'prisma updateMany with no where at all (Fastify route)',
      filename: 'src/routes/notifications.ts',
      code: `
import type { FastifyInstance } from 'fastify';

export default async function routes(fastify: FastifyInstance) {
  fastify.post('/notifications/read', async (request) => {
    await fastify.prisma.notification.updateMany({ data: { readAt: new Date() } });
    return { ok: true };
  });
}
`,
      errors: [{ messageId: 'writeWithoutWhere', line: 6, column: 39, data: { what: '`updateMany` without `where`' } }],
    },
    {
      name: 'pg UPDATE with no WHERE',
      filename: 'src/repositories/orders.js',
      code: `
const { pool } = require('../db');

async function cancelOrder(id) {
  await pool.query("UPDATE orders SET status = 'cancelled'");
}

module.exports = { cancelOrder };
`,
      errors: [{ messageId: 'writeWithoutWhere', line: 5, column: 20, data: { what: '`UPDATE` without `WHERE`' } }],
    },
    {
      name: 'mysql2 DELETE with no WHERE, only a RETURNING-less statement',
      filename: 'src/repositories/carts.ts',
      code: `
import mysql from 'mysql2/promise';

const shop = mysql.createPool({ uri: process.env.MYSQL_URL });

export async function emptyCart(cartId: number) {
  await shop.execute('DELETE FROM cart_items');
}
`,
      errors: [{ messageId: 'writeWithoutWhere', line: 7, column: 22, data: { what: '`DELETE` without `WHERE`' } }],
    },
    {
      name: 'mongoose deleteMany({}) in an Express handler',
      filename: 'src/routes/comments.ts',
      code: `
import { Router } from 'express';
import { Comment } from '../models/comment';

export const router = Router();

router.delete('/posts/:id/comments', async (req, res) => {
  await Comment.deleteMany({});
  res.status(204).end();
});
`,
      errors: [{ messageId: 'writeWithoutWhere', line: 8, column: 17, data: { what: '`deleteMany({})`' } }],
    },
    {
      name: 'mongodb updateMany({}, …)',
      filename: 'src/services/flags.ts',
      code: `
import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL!);

export async function disableBeta(userId: string) {
  await client.db('app').collection('users').updateMany({}, { $set: { beta: false } });
}
`,
      errors: [{ messageId: 'writeWithoutWhere', line: 7, column: 46, data: { what: '`updateMany({})`' } }],
    },
    {
      name: 'sequelize destroy with where: {}',
      filename: 'src/services/invites.js',
      code: `
const { sequelize, Invite } = require('../models');

async function revokeInvites(teamId) {
  await Invite.destroy({ where: {} });
}

module.exports = { revokeInvites };
`,
      errors: [{ messageId: 'writeWithoutWhere', line: 5, column: 16, data: { what: '`destroy({ where: {} })`' } }],
    },
    {
      name: 'knex del() without where (Koa)',
      filename: 'src/routes/tokens.js',
      code: `
const Router = require('@koa/router');
const knex = require('../knex');

const router = new Router();

router.post('/logout', async (ctx) => {
  await knex('refresh_tokens').del();
  ctx.status = 204;
});

module.exports = router;
`,
      errors: [{ messageId: 'writeWithoutWhere', line: 8, column: 9, data: { what: '`.del()` without `.where()`' } }],
    },
    {
      name: 'drizzle update without where',
      filename: 'src/routes/profile.ts',
      code: `
import { Hono } from 'hono';
import { db } from '../db';
import { users } from '../db/schema';

export const app = new Hono();

app.patch('/me', async (c) => {
  const body = await c.req.json();
  await db.update(users).set({ displayName: body.displayName });
  return c.json({ ok: true });
});
`,
      errors: [{ messageId: 'writeWithoutWhere', line: 10, column: 12, data: { what: '`db.update()` without `.where()`' } }],
    },
    {
      name: 'typeorm query builder delete without where',
      filename: 'src/orders/orders.service.ts',
      code: `
import { DataSource } from 'typeorm';
import { Order } from './order.entity';

export async function deleteDrafts(dataSource: DataSource, userId: string) {
  await dataSource.getRepository(Order).createQueryBuilder().delete().from(Order).execute();
}
`,
      errors: [{ messageId: 'writeWithoutWhere', line: 6, column: 83, data: { what: 'query builder `delete` without `.where()`' } }],
    },
    {
      name: 'postgres.js tagged UPDATE whose substitution is a value, not a clause',
      filename: 'src/services/users.ts',
      code: `
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL!);

export async function rename(id: string, name: string) {
  await sql\`UPDATE users SET name = \${name}\`;
}
`,
      errors: [{ messageId: 'writeWithoutWhere', line: 7, column: 12, data: { what: '`UPDATE` without `WHERE`' } }],
    },
  ],
});
