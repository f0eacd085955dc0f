import rule from '../../../src/engine/rules/query-in-loop';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('query-in-loop', rule, {
  valid: [
    {
      name: 'strapi query engine: db.query(uid) picks a model, the method after it is the one query',
      filename: 'src/services/document-service/id-map.js',
      code: `
async function loadIds(strapi, groups) {
  const loaded = new Map();
  for (const { uid, documentIds } of groups) {
    const rows = await strapi.db.query(uid).findMany({ select: ['id', 'documentId'], where: { documentId: { $in: documentIds } }, limit: 1000 });
    loaded.set(uid, rows);
  }
  return loaded;
}

module.exports = { loadIds };
`,
    },
    {
      name: 'prisma: one findMany with in, then a Map lookup in the loop',
      filename: 'src/services/orders.ts',
      code: `
import { prisma } from '../db';

export async function ordersWithCustomers() {
  const orders = await prisma.order.findMany({ take: 50 });
  const customers = await prisma.customer.findMany({ where: { id: { in: orders.map((o) => o.customerId) } } });
  const byId = new Map(customers.map((c) => [c.id, c]));
  return orders.map((order) => ({ ...order, customer: byId.get(order.customerId) }));
}
`,
    },
    {
      name: 'cursor pagination: while (cursor) fetches page after page',
      filename: 'src/jobs/export-users.ts',
      code: `
import { prisma } from '../db';
import { writeRows } from '../lib/csv';

export async function exportUsers() {
  let cursor: string | undefined;
  do {
    const page = await prisma.user.findMany({ take: 500, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}), orderBy: { id: 'asc' } });
    await writeRows(page);
    cursor = page.length === 500 ? page[page.length - 1].id : undefined;
  } while (cursor);
}
`,
    },
    {
      name: 'a retry loop with a constant bound',
      filename: 'src/services/ledger.ts',
      code: `
import { pool } from '../db';

const MAX_ATTEMPTS = 3;

export async function recordEntry(accountId: string, cents: number) {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      return await pool.query('INSERT INTO ledger (account_id, cents) VALUES ($1, $2)', [accountId, cents]);
    } catch (err) {
      if (attempt === MAX_ATTEMPTS) throw err;
    }
  }
}
`,
    },
    {
      name: 'a loop over a literal list of statuses',
      filename: 'src/services/dashboard.ts',
      code: `
import { Order } from '../models/order';

export async function countsByStatus() {
  const counts: Record<string, number> = {};
  for (const status of ['pending', 'paid', 'shipped']) {
    counts[status] = await Order.countDocuments({ status });
  }
  return counts;
}
`,
    },
    {
      name: 'DataLoader batches the per-item loads',
      filename: 'src/graphql/loaders.ts',
      code: `
import DataLoader from 'dataloader';
import { prisma } from '../db';

export const userLoader = new DataLoader(async (ids: readonly string[]) => {
  const users = await prisma.user.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(users.map((u) => [u.id, u]));
  return ids.map((id) => byId.get(id) ?? null);
});

export const resolvers = {
  Order: {
    customer: (order: { customerId: string }) => userLoader.load(order.customerId),
  },
};
`,
    },
    {
      name: 'a queue consumer handling one message per callback',
      filename: 'src/consumers/payments.ts',
      code: `
import amqp from 'amqplib';
import { Payment } from '../models/payment';

export async function start(url: string) {
  const channel = await (await amqp.connect(url)).createChannel();
  await channel.consume('payments', async (msg) => {
    if (!msg) return;
    const event = JSON.parse(msg.content.toString());
    await Payment.create({ externalId: event.id, amountCents: event.amount });
    channel.ack(msg);
  });
}
`,
    },
    {
      name: 'SQS records are handled one by one for partial batch failures',
      filename: 'src/lambda/orders.ts',
      code: `
import type { SQSHandler } from 'aws-lambda';
import { prisma } from './db';

export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    const order = JSON.parse(record.body);
    await prisma.order.create({ data: { externalId: order.id, totalCents: order.total } });
  }
};
`,
    },
    {
      name: 'chunked inserts: a counter loop stepping by the chunk size',
      filename: 'src/services/import.ts',
      code: `
import { knex } from '../db';

export async function importRows(rows: { sku: string; price: number }[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await knex('prices').insert(rows.slice(i, i + 1000));
  }
}
`,
    },
    {
      name: 'per-item updates whose values come from the item (no one-statement form)',
      filename: 'src/services/cart.ts',
      code: `
import { prisma } from '../db';

export async function saveQuantities(lines: { id: string; qty: number }[]) {
  await prisma.$transaction(async (tx) => {
    for (const line of lines) {
      await tx.cartLine.update({ where: { id: line.id }, data: { qty: line.qty } });
    }
  });
}
`,
    },
    {
      name: 'the query is in the loop header, so it runs once',
      filename: 'src/services/reminders.ts',
      code: `
import { Invoice } from '../models/invoice';
import { sendReminder } from '../mail';

export async function remind() {
  for (const invoice of await Invoice.find({ status: 'overdue' }).limit(100)) {
    await sendReminder(invoice.email, invoice.number);
  }
}
`,
    },
    {
      name: 'a seed script inserts row by row on purpose',
      filename: 'prisma/seed.ts',
      code: `
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const products = [{ sku: 'A' }, { sku: 'B' }];

async function main() {
  for (const p of products) {
    await prisma.product.create({ data: p });
  }
}

main();
`,
    },
    {
      name: 'array callbacks that only work in memory',
      filename: 'src/services/report.ts',
      code: `
import { pool } from '../db';

export async function totals(customerId: string) {
  const { rows } = await pool.query('SELECT id, total_cents FROM orders WHERE customer_id = $1 LIMIT 100', [customerId]);
  return rows.map((r) => r.total_cents).reduce((a, b) => a + b, 0);
}
`,
    },
    {
      name: 'a polling worker loop',
      filename: 'src/worker.ts',
      code: `
import { db } from './db';
import { jobs } from './db/schema';
import { eq } from 'drizzle-orm';

export async function work(signal: AbortSignal) {
  while (!signal.aborted) {
    const [job] = await db.select().from(jobs).where(eq(jobs.status, 'queued')).limit(1);
    if (job) await db.update(jobs).set({ status: 'done' }).where(eq(jobs.id, job.id));
  }
}
`,
    },
    {
      name: 'knex: one delete per chunk of lodash.chunk(refs, 1000) is the batched form; seen in Backstage',
      filename: 'src/database/deleteEntities.ts',
      code: `
import { Knex } from 'knex';
import lodash from 'lodash';

export async function deleteEntities(knex: Knex, entityRefs: string[]) {
  for (const refs of lodash.chunk(entityRefs, 1000)) {
    await knex.delete().from('refresh_state').whereIn('entity_ref', refs);
  }
  for (const chunk of lodash(entityRefs).chunk(50).value()) {
    await knex('relations').whereIn('target_entity_ref', chunk).delete();
  }
}
`,
    },
    {
      name: 'knex: subquery builders made per filter and nested in the outer query are not round trips; seen in Backstage',
      filename: 'src/service/applyFilter.ts',
      code: `
import { Knex } from 'knex';

export function applyFilter(knex: Knex, rootQuery: Knex.QueryBuilder, filters: Record<string, string>[]) {
  for (const filter of filters) {
    const setQuery = knex('search as s').distinct('s.entity_id').whereNotNull('s.entity_id');
    applyCondition(setQuery, filter);
    rootQuery.leftJoin(setQuery.as('in_set'), 'in_set.entity_id', 'final_entities.entity_id');
  }
  return rootQuery.andWhere((inner) => {
    for (const [key, value] of Object.entries(filters[0] ?? {})) {
      const sub = knex('search').select('entity_id').where({ key, value });
      inner.whereIn('final_entities.entity_id', sub);
    }
  });
}

export function compileSet(knex: Knex, filter: Record<string, string>) {
  return Object.entries(filter).map(([key, value]) => {
    const sql = knex('search').select('entity_id').where({ key });
    const present = applyCondition(sql, { [key]: value });
    return { comp: !present, sql };
  });
}

declare function applyCondition(q: Knex.QueryBuilder, f: Record<string, string>): boolean;
`,
    },
    {
      name: 'knex: per-item writes each in a try whose catch logs and carries on, the slow path after a batch failed; seen in Backstage',
      filename: 'src/database/upsertEntities.ts',
      code: `
import { Knex } from 'knex';

export async function upsertSlowly(tx: Knex, items: { ref: string; body: string }[], logger: { error(m: string): void }) {
  for (const item of items) {
    try {
      await tx('refresh_state_references').where('target_entity_ref', item.ref).delete();
      await tx('refresh_state_references').insert({ target_entity_ref: item.ref, body: item.body });
    } catch (error) {
      logger.error(\`Failed to add \${item.ref}: \${error}\`);
    }
  }
}
`,
    },
    {
      name: 'typeorm findBy with In(ids) per group is already the batched read; seen in Vendure',
      filename: 'src/service/orders.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionalConnection } from '../connection/transactional-connection';
import { Order } from '../entity/order.entity';

@Injectable()
export class OrdersService {
  constructor(private connection: TransactionalConnection) {}

  async refresh(ctx: RequestContext, groups: { channelId: string; orderIds: string[] }[]) {
    for (const group of groups) {
      const orders = await this.connection.getRepository(ctx, Order).find({ where: { id: In(group.orderIds) } });
      await this.recalculate(ctx, orders);
    }
  }
}
`,
    },
    {
      name: 'a lookup per relation custom field the app configures: the loop is sized by configuration; seen in Vendure',
      filename: 'src/service/custom-field-relation.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { ConfigService } from '../config/config.service';
import { TransactionalConnection } from '../connection/transactional-connection';

@Injectable()
export class CustomFieldRelationService {
  constructor(private connection: TransactionalConnection, private configService: ConfigService) {}

  async updateRelations(ctx: RequestContext, entityType: EntityType, input: any, entity: any) {
    const relationFields = this.configService.customFields[entityType.name].filter((f) => f.type === 'relation');
    for (const field of relationFields) {
      const id = input.customFields[field.name + 'Id'];
      if (id) {
        entity.customFields[field.name] = await this.connection.getRepository(ctx, field.entity).findOne({ where: { id } });
      }
    }
    return entity;
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'knex: a loop over production batches (records, not chunks) reads once per batch',
      filename: 'src/services/inventory.ts',
      code: `
import { Knex } from 'knex';

export async function lotsPerBatch(knex: Knex, batches: { id: string }[]) {
  const out = [];
  for (const batch of batches) {
    out.push(await knex('lots').where({ batch_id: batch.id }).select('id', 'qty').limit(100));
  }
  return out;
}
`,
      errors: [{ messageId: 'queryInLoop', line: 7, column: 20 }],
    },
    {
      name: 'knex: a try whose catch rethrows does not isolate the items',
      filename: 'src/jobs/importPrices.ts',
      code: `
import { Knex } from 'knex';

export async function importPrices(knex: Knex, rows: { sku: string; cents: number }[]) {
  for (const row of rows) {
    try {
      await knex('prices').insert(row);
    } catch (error) {
      throw new Error('import failed', { cause: error });
    }
  }
}
`,
      errors: [{ messageId: 'writePerItem', line: 7, column: 13 }],
    },
    {
      name: 'knex: an insert per row inside a loop over chunks is still one write per row',
      filename: 'src/jobs/importPrices.ts',
      code: `
import { Knex } from 'knex';
import lodash from 'lodash';

export async function importPrices(knex: Knex, rows: { sku: string; cents: number }[]) {
  for (const batch of lodash.chunk(rows, 100)) {
    for (const row of batch) {
      await knex('prices').insert(row);
    }
  }
}
`,
      errors: [{ messageId: 'writePerItem', line: 8, column: 13 }],
    },
    {
      name: 'prisma findUnique per order in a for...of',
      filename: 'src/services/orders.ts',
      code: `
import { prisma } from '../db';

export async function ordersWithCustomers() {
  const orders = await prisma.order.findMany({ take: 50 });
  for (const order of orders) {
    const customer = await prisma.customer.findUnique({ where: { id: order.customerId } });
    console.log(order.id, customer?.email);
  }
}
`,
      errors: [{ messageId: 'queryInLoop', line: 7, column: 44, data: { operation: '`findUnique`', hint: '`findMany({ where: { id: { in: ids } } })`' } }],
    },
    {
      name: 'Promise.all over items.map with a Prisma read',
      filename: 'src/routes/cart.ts',
      code: `
import { Router } from 'express';
import { prisma } from '../db';

export const router = Router();

router.get('/cart', async (req, res) => {
  const lines = await prisma.cartLine.findMany({ where: { userId: req.user.id }, take: 100 });
  const products = await Promise.all(lines.map(async (line) => prisma.product.findUnique({ where: { id: line.productId } })));
  res.json({ lines, products });
});
`,
      errors: [{ messageId: 'queryPerItemConcurrent', line: 9, column: 79 }],
    },
    {
      name: 'mongoose findById in forEach',
      filename: 'src/services/feed.js',
      code: `
const Post = require('../models/post');
const User = require('../models/user');

async function feed(userId) {
  const posts = await Post.find({ authorId: userId }).limit(20);
  const authors = [];
  posts.forEach(async (post) => {
    authors.push(await User.findById(post.authorId));
  });
  return { posts, authors };
}

module.exports = { feed };
`,
      errors: [{ messageId: 'queryInLoop', line: 9, column: 29, data: { operation: '`findById`', hint: '`find({ _id: { $in: ids } })`' } }],
    },
    {
      name: 'pg query per id in a classic for loop over the array',
      filename: 'src/repositories/products.ts',
      code: `
import { pool } from '../db';

export async function pricesFor(ids: string[]) {
  const prices = [];
  for (let i = 0; i < ids.length; i++) {
    const { rows } = await pool.query('SELECT price_cents FROM prices WHERE product_id = $1', [ids[i]]);
    prices.push(rows[0]);
  }
  return prices;
}
`,
      errors: [{ messageId: 'queryInLoop', line: 7, column: 39, data: { operation: 'SELECT', hint: '`WHERE id = ANY($1)` or `IN (…)`' } }],
    },
    {
      name: 'sequelize create per line inside a transaction is still N round trips',
      filename: 'src/services/orders.js',
      code: `
const { sequelize, Order, OrderLine } = require('../models');

async function placeOrder(userId, lines) {
  return sequelize.transaction(async (t) => {
    const order = await Order.create({ userId }, { transaction: t });
    for (const line of lines) {
      await OrderLine.create({ orderId: order.id, sku: line.sku, qty: line.qty }, { transaction: t });
    }
    return order;
  });
}

module.exports = { placeOrder };
`,
      errors: [{ messageId: 'writePerItem', line: 8, column: 23, data: { operation: '`create`', hint: '`bulkCreate(rows)`' } }],
    },
    {
      name: 'typeorm findOneBy per item in for await',
      filename: 'src/orders/orders.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Product } from './product.entity';

@Injectable()
export class OrdersService {
  constructor(@InjectRepository(Product) private readonly products: Repository<Product>) {}

  async resolve(skus: AsyncIterable<string>) {
    const found = [];
    for await (const sku of skus) {
      found.push(await this.products.findOneBy({ sku }));
    }
    return found;
  }
}
`,
      errors: [{ messageId: 'queryInLoop', line: 14, column: 38, data: { operation: '`findOneBy`', hint: '`findBy({ id: In(ids) })`' } }],
    },
    {
      name: 'knex first() per user in a map',
      filename: 'src/services/teams.js',
      code: `
const knex = require('../knex');

async function teamsWithOwners(teamIds) {
  return Promise.all(
    teamIds.map(async (id) => {
      const team = await knex('teams').where({ id }).first();
      return team;
    }),
  );
}

module.exports = { teamsWithOwners };
`,
      errors: [{ messageId: 'queryPerItemConcurrent', line: 7, column: 26, data: { operation: '`select`', hint: "`.whereIn('id', ids)`" } }],
    },
    {
      name: 'the same status update for every id: one updateMany',
      filename: 'src/services/shipping.ts',
      code: `
import { prisma } from '../db';

export async function markShipped(orderIds: string[]) {
  for (const id of orderIds) {
    await prisma.order.update({ where: { id }, data: { status: 'SHIPPED' } });
  }
}
`,
      errors: [{ messageId: 'writePerItem', line: 6, column: 24, data: { operation: '`update`', hint: '`updateMany({ where: { id: { in: ids } }, data })`' } }],
    },
    {
      name: 'mongodb deleteOne per id',
      filename: 'src/services/cleanup.ts',
      code: `
import { MongoClient, ObjectId } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL!);

export async function removeDrafts(ids: string[]) {
  const drafts = client.db('cms').collection('drafts');
  for (const id of ids) {
    await drafts.deleteOne({ _id: new ObjectId(id) });
  }
}
`,
      errors: [{ messageId: 'writePerItem', line: 9, column: 18, data: { operation: '`deleteOne`', hint: '`deleteMany({ _id: { $in: ids } })`' } }],
    },
    {
      name: 'postgres.js tagged template per item in an Express handler',
      filename: 'src/routes/tags.ts',
      code: `
import express from 'express';
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL!);
const app = express();

app.post('/posts/:id/tags', async (req, res) => {
  for (const tag of req.body.tags as string[]) {
    await sql\`INSERT INTO post_tags (post_id, tag) VALUES (\${req.params.id}, \${tag})\`;
  }
  res.status(204).end();
});
`,
      errors: [{ messageId: 'writePerItem', line: 10, column: 14, data: { operation: 'INSERT', hint: 'a multi-row `INSERT … VALUES (…), (…)`' } }],
    },
    {
      name: 'drizzle select per row of an earlier query (Hono)',
      filename: 'src/routes/orders.ts',
      code: `
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { orders, customers } from '../db/schema';

export const app = new Hono();

app.get('/orders', async (c) => {
  const rows = await db.select().from(orders).limit(20);
  const result = [];
  for (const row of rows) {
    const [customer] = await db.select().from(customers).where(eq(customers.id, row.customerId));
    result.push({ ...row, customer });
  }
  return c.json(result);
});
`,
      errors: [{ messageId: 'queryInLoop', line: 13, column: 33, data: { operation: '`select`', hint: '`where(inArray(table.id, ids))`' } }],
    },
  ],
});
