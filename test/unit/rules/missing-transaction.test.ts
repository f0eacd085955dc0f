import rule from '../../../src/engine/rules/missing-transaction';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('missing-transaction', rule, {
  valid: [
    {
      name: 'domain factories (value objects, events) named create are not inserts',
      filename: 'src/services/offers/OffersAPI.js',
      code: `
const OfferName = require('./domain/OfferName');
const OfferCode = require('./domain/OfferCode');
const OfferAmount = require('./domain/OfferAmount');
const OfferCreatedEvent = require('./domain/OfferCreatedEvent');

class OffersAPI {
  async updateOffer(data, repository) {
    const offer = await repository.getById(data.id);
    const name = OfferName.create(data.name);
    await offer.updateName(name);
    offer.setCode(OfferCode.create(data.code));
    let amount;
    if (data.type === 'percent') amount = OfferAmount.create(data.amount);
    else amount = OfferAmount.create(0);
    offer.setAmount(amount);
    this.dispatchEvent(OfferCreatedEvent.create({ offerId: offer.id }));
    return offer;
  }
}

module.exports = OffersAPI;
`,
    },
    {
      name: 'prisma interactive transaction',
      filename: 'src/services/checkout.ts',
      code: `
import { prisma } from '../db';

export async function placeOrder(userId: string, items: { sku: string; qty: number }[]) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: { userId, status: 'PENDING' } });
    await tx.orderItem.createMany({ data: items.map((i) => ({ ...i, orderId: order.id })) });
    return order;
  });
}
`,
    },
    {
      name: 'prisma batch transaction of an array',
      filename: 'src/services/transfers.ts',
      code: `
import { prisma } from '../db';

export async function transfer(from: string, to: string, cents: number) {
  await prisma.$transaction([
    prisma.account.update({ where: { id: from }, data: { balance: { decrement: cents } } }),
    prisma.account.update({ where: { id: to }, data: { balance: { increment: cents } } }),
  ]);
}
`,
    },
    {
      name: 'a single nested write is one statement',
      filename: 'src/services/checkout.ts',
      code: `
import { prisma } from '../db';

export async function placeOrder(userId: string, items: { sku: string; qty: number }[]) {
  return prisma.order.create({ data: { userId, items: { create: items } } });
}
`,
    },
    {
      name: 'sequelize writes given { transaction: t }',
      filename: 'src/services/orders.js',
      code: `
const { sequelize, Order, Stock } = require('../models');

async function placeOrder(userId, sku) {
  const t = await sequelize.transaction();
  try {
    await Order.create({ userId, sku }, { transaction: t });
    await Stock.decrement('qty', { by: 1, where: { sku }, transaction: t });
    await t.commit();
  } catch (err) {
    await t.rollback();
    throw err;
  }
}

module.exports = { placeOrder };
`,
    },
    {
      name: 'mongoose writes with { session } inside withTransaction',
      filename: 'src/services/wallet.ts',
      code: `
import mongoose from 'mongoose';
import { Wallet, Ledger } from '../models';

export async function credit(walletId: string, cents: number) {
  const session = await mongoose.startSession();
  await session.withTransaction(async () => {
    await Wallet.updateOne({ _id: walletId }, { $inc: { cents } }, { session });
    await Ledger.create([{ walletId, cents }], { session });
  });
}
`,
    },
    {
      name: 'knex transaction with trx',
      filename: 'src/services/invoices.js',
      code: `
const knex = require('../knex');

async function issue(invoice, lines) {
  await knex.transaction(async (trx) => {
    const [id] = await trx('invoices').insert(invoice).returning('id');
    await trx('invoice_lines').insert(lines.map((l) => ({ ...l, invoice_id: id })));
  });
}

module.exports = { issue };
`,
    },
    {
      name: 'pg client with BEGIN and COMMIT',
      filename: 'src/repositories/transfers.ts',
      code: `
import { pool } from '../db';

export async function transfer(from: string, to: string, cents: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [cents, from]);
    await client.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [cents, to]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
`,
    },
    {
      name: 'typeorm @Transactional method',
      filename: 'src/orders/orders.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Transactional } from 'typeorm-transactional';
import { Repository } from 'typeorm';
import { Order } from './order.entity';
import { OrderEvent } from './order-event.entity';

@Injectable()
export class OrdersService {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(OrderEvent) private readonly events: Repository<OrderEvent>,
  ) {}

  @Transactional()
  async cancel(id: string) {
    await this.orders.update(id, { status: 'cancelled' });
    await this.events.insert({ orderId: id, type: 'cancelled' });
  }
}
`,
    },
    {
      name: 'an audit log write beside the business write',
      filename: 'src/routes/users.ts',
      code: `
import { Router } from 'express';
import { prisma } from '../db';

export const router = Router();

router.patch('/users/:id/role', async (req, res) => {
  const user = await prisma.user.update({ where: { id: req.params.id }, data: { role: req.body.role } });
  await prisma.auditLog.create({ data: { actorId: req.user.id, action: 'role.change', targetId: user.id } });
  res.json(user);
});
`,
    },
    {
      name: 'writes in exclusive branches',
      filename: 'src/services/subscriptions.ts',
      code: `
import { prisma } from '../db';

export async function upsertSubscription(userId: string, plan: string) {
  const existing = await prisma.subscription.findFirst({ where: { userId } });
  if (existing) {
    await prisma.subscription.update({ where: { id: existing.id }, data: { plan } });
    return;
  }
  await prisma.subscription.create({ data: { userId, plan } });
}
`,
    },
    {
      name: 'a compensating delete in catch',
      filename: 'src/services/uploads.ts',
      code: `
import { prisma } from '../db';
import { storage } from '../storage';

export async function upload(userId: string, file: Buffer) {
  const record = await prisma.upload.create({ data: { userId, status: 'pending' } });
  try {
    await storage.put(record.id, file);
  } catch (err) {
    await prisma.upload.delete({ where: { id: record.id } });
    throw err;
  }
}
`,
    },
    {
      name: 'a function handed a transaction client by its caller',
      filename: 'src/services/ledger.ts',
      code: `
import type { Prisma } from '@prisma/client';

export async function post(tx: Prisma.TransactionClient, accountId: string, cents: number) {
  await tx.ledgerEntry.create({ data: { accountId, cents } });
  await tx.account.update({ where: { id: accountId }, data: { balance: { increment: cents } } });
}
`,
    },
    {
      name: 'a seed script',
      filename: 'prisma/seed.ts',
      code: `
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

async function main() {
  const user = await prisma.user.create({ data: { email: 'demo@example.com' } });
  await prisma.project.create({ data: { ownerId: user.id, name: 'Demo' } });
}

main();
`,
    },
    {
      name: 'knex: an update that runs only when the delete changed nothing leaves nothing half done; seen in Backstage',
      filename: 'src/database/stitchQueue.ts',
      code: `
import { Knex } from 'knex';

export async function markCompleted(knex: Knex, entityRef: string, ticket: string) {
  const deleted = await knex('stitch_queue').where('entity_ref', '=', entityRef).andWhere('stitch_ticket', '=', ticket).delete();
  if (!deleted) {
    await knex('stitch_queue').where('entity_ref', '=', entityRef).update({ next_stitch_at: knex.fn.now() });
  }
}

export async function touch(knex: Knex, id: string) {
  const updated = await knex('sessions').where({ id }).update({ seen_at: knex.fn.now() });
  if (updated === 0) await knex('sessions').insert({ id, seen_at: knex.fn.now() });
}
`,
    },
    {
      name: 'knex: a client the function hands to .transacting() is a transaction; seen in Backstage',
      filename: 'src/database/syncSearch.ts',
      code: `
import { Knex } from 'knex';

export async function syncSearch(knex: Knex, entityId: string, rows: { key: string; value: string }[]) {
  await knex.raw('DELETE FROM search WHERE entity_id = ?', [entityId]);
  await knex.batchInsert('search', rows.map((r) => ({ entity_id: entityId, ...r })), 100).transacting(knex);
}
`,
    },
    {
      name: 'static factories of components (a builder, a store, a database wrapper) are not inserts; seen in Backstage',
      filename: 'src/service/plugin.ts',
      code: `
import { CatalogBuilder } from './CatalogBuilder';
import { DatabaseTaskStore } from './DatabaseTaskStore';

export async function init(config: unknown, database: unknown, logger: unknown) {
  const store = await DatabaseTaskStore.create({ database });
  const builder = await CatalogBuilder.create({ config, logger, store });
  return builder.build();
}
`,
    },
    {
      name: 'Node-RED: Flow.create(…) kept in a map of running flows is an object factory',
      filename: 'lib/flows/index.js',
      code: `
var Flow = require('./Flow');
var activeFlows = {};

function start(flowAPI, config) {
  activeFlows['global'] = Flow.create(flowAPI, config);
  for (var id in config.flows) {
    activeFlows[id] = Flow.create(activeFlows['global'], config, config.flows[id]);
  }
}

module.exports = { start };
`,
    },
    {
      name: 'Vendure-style service: writes through a repository bound to the caller\'s RequestContext join its transaction',
      filename: 'src/plugins/loyalty/loyalty.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionalConnection, Customer } from '@vendure/core';
import { LoyaltyAccount, LoyaltyTier, LoyaltyTierTranslation, TierInput } from './loyalty-account.entity';

@Injectable()
export class LoyaltyService {
  constructor(private connection: TransactionalConnection) {}

  async enrol(ctx: RequestContext, customer: Customer) {
    const account = await this.connection.getRepository(ctx, LoyaltyAccount).save(new LoyaltyAccount({ customer, points: 0 }));
    customer.customFields.loyaltyAccountId = account.id;
    await this.connection.getRepository(ctx, Customer).save(customer, { reload: false });
    return account;
  }

  async createTier(options: { ctx: RequestContext; input: TierInput }) {
    const { ctx, input } = options;
    const tier = await this.connection.getRepository(ctx, LoyaltyTier).save(new LoyaltyTier(input));
    await this.connection.getRepository(ctx, LoyaltyTierTranslation).save(input.translations.map((t) => ({ ...t, base: tier })));
    return tier;
  }

  async reset(ctx: RequestContext, accountId: string) {
    const accounts = this.connection.getRepository(ctx, LoyaltyAccount);
    await accounts.update(accountId, { points: 0 });
    await accounts.delete({ parentId: accountId });
  }
}
`,
    },
    {
      name: 'a migration helper writing through the QueryRunner its migration hands in (migrations run in a transaction)',
      filename: 'src/migration-utils/split-addresses.ts',
      code: `
import { QueryRunner } from 'typeorm';

export async function splitAddresses(queryRunner: QueryRunner) {
  await queryRunner.query('INSERT INTO billing_address (customer_id, line1) SELECT id, address FROM customer');
  await queryRunner.query('INSERT INTO shipping_address (customer_id, line1) SELECT id, address FROM customer');
}
`,
    },
  ],
  invalid: [
    {
      name: 'a RequestContext rebuilt in a worker job is not a caller\'s transaction',
      filename: 'src/plugins/search/indexer.controller.ts',
      code: `
import { RequestContext, TransactionalConnection } from '@vendure/core';
import { SearchItem } from './search-item.entity';

export class IndexerController {
  constructor(private connection: TransactionalConnection) {}

  async deleteAsset(data: { ctx: unknown; assetId: string }) {
    const ctx = RequestContext.deserialize(data.ctx);
    await this.connection.getRepository(ctx, SearchItem).update({ productAssetId: data.assetId }, { productAssetId: null });
    await this.connection.getRepository(ctx, SearchItem).update({ variantAssetId: data.assetId }, { variantAssetId: null });
  }
}
`,
      errors: [{ messageId: 'missingTransaction', line: 11, column: 58 }],
    },
    {
      name: 'the raw connection bypasses the request transaction',
      filename: 'src/plugins/loyalty/loyalty.service.ts',
      code: `
import { RequestContext, TransactionalConnection } from '@vendure/core';
import { LoyaltyAccount, LoyaltyTier } from './entities';

export class LoyaltyService {
  constructor(private connection: TransactionalConnection) {}

  async ensureDefaults(ctx: RequestContext) {
    const tier = await this.connection.rawConnection.getRepository(LoyaltyTier).save(new LoyaltyTier({ name: 'base' }));
    await this.connection.rawConnection.getRepository(LoyaltyAccount).save(new LoyaltyAccount({ tier, points: 0 }));
  }
}
`,
      errors: [{ messageId: 'missingTransaction', line: 10, column: 71 }],
    },
    {
      name: 'knex: a second write that runs whether or not the first changed anything still needs the transaction',
      filename: 'src/services/orders.ts',
      code: `
import { Knex } from 'knex';

export async function cancel(knex: Knex, id: string) {
  const updated = await knex('orders').where({ id }).update({ status: 'cancelled' });
  if (updated) {
    await knex('order_events').insert({ order_id: id, type: 'cancelled' });
  }
}
`,
      errors: [{ messageId: 'missingTransaction', line: 7, column: 11, data: { count: '2', first: '`update`', line: '5', operation: '`insert`' } }],
    },
    {
      name: 'prisma order and items created separately (no wrap offered: `order` is used after)',
      filename: 'src/services/checkout.ts',
      code: `
import { prisma } from '../db';

export async function placeOrder(userId: string, items: { sku: string; qty: number }[]) {
  const order = await prisma.order.create({ data: { userId, status: 'PENDING' } });
  await prisma.orderItem.createMany({ data: items.map((i) => ({ ...i, orderId: order.id })) });
  return order;
}
`,
      errors: [{ messageId: 'missingTransaction', line: 6, column: 26, data: { count: '2', first: '`create`', line: '5', operation: '`createMany`' } }],
    },
    {
      name: 'prisma debit and credit in an Express handler',
      filename: 'src/routes/transfers.ts',
      code: `
import { Router } from 'express';
import { prisma } from '../db';

export const router = Router();

router.post('/transfers', async (req, res) => {
  const { from, to, cents } = req.body;
  await prisma.account.update({ where: { id: from }, data: { balance: { decrement: cents } } });
  await prisma.account.update({ where: { id: to }, data: { balance: { increment: cents } } });
  res.status(201).json({ ok: true });
});
`,
      errors: [{ messageId: 'missingTransaction', line: 10, column: 24, suggestions: [{ messageId: 'wrapInTransaction', data: { client: 'prisma' }, output: `
import { Router } from 'express';
import { prisma } from '../db';

export const router = Router();

router.post('/transfers', async (req, res) => {
  const { from, to, cents } = req.body;
  await prisma.$transaction(async (tx) => {
    await tx.account.update({ where: { id: from }, data: { balance: { decrement: cents } } });
    await tx.account.update({ where: { id: to }, data: { balance: { increment: cents } } });
  });
  res.status(201).json({ ok: true });
});
` }] }],
    },
    {
      name: 'Promise.all of two inserts is not atomic',
      filename: 'src/services/signup.ts',
      code: `
import { prisma } from '../db';

export async function signUp(email: string, teamName: string) {
  const [user, team] = await Promise.all([
    prisma.user.create({ data: { email } }),
    prisma.team.create({ data: { name: teamName } }),
  ]);
  return { user, team };
}
`,
      errors: [{ messageId: 'missingTransaction', line: 7, column: 17 }],
    },
    {
      name: 'sequelize writes without the transaction option',
      filename: 'src/services/orders.js',
      code: `
const { Order, Stock } = require('../models');

async function placeOrder(userId, sku) {
  const order = await Order.create({ userId, sku });
  await Stock.decrement('qty', { by: 1, where: { sku } });
  return order;
}

module.exports = { placeOrder };
`,
      errors: [{ messageId: 'missingTransaction', line: 6, column: 15 }],
    },
    {
      name: 'mongoose writes in a Koa handler',
      filename: 'src/routes/wallet.js',
      code: `
const Router = require('@koa/router');
const { Wallet, Payout } = require('../models');

const router = new Router();

router.post('/payouts', async (ctx) => {
  const payout = await Payout.create({ walletId: ctx.state.user.walletId, cents: ctx.request.body.cents });
  await Wallet.updateOne({ _id: ctx.state.user.walletId }, { $inc: { cents: -ctx.request.body.cents } });
  ctx.body = payout;
});

module.exports = router;
`,
      errors: [{ messageId: 'missingTransaction', line: 9, column: 16 }],
    },
    {
      name: 'knex inserts outside a transaction',
      filename: 'src/services/invoices.js',
      code: `
const knex = require('../knex');

async function issue(invoice, lines) {
  const [id] = await knex('invoices').insert(invoice).returning('id');
  await knex('invoice_lines').insert(lines.map((l) => ({ ...l, invoice_id: id })));
  return id;
}

module.exports = { issue };
`,
      errors: [{ messageId: 'missingTransaction', line: 6, column: 9 }],
    },
    {
      name: 'pg pool queries without BEGIN',
      filename: 'src/repositories/transfers.ts',
      code: `
import { pool } from '../db';

export async function transfer(from: string, to: string, cents: number) {
  await pool.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [cents, from]);
  await pool.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [cents, to]);
}
`,
      errors: [{ messageId: 'missingTransaction', line: 6, column: 14, data: { count: '2', first: 'UPDATE', line: '5', operation: 'UPDATE' } }],
    },
    {
      name: 'typeorm repositories in a Nest service',
      filename: 'src/orders/orders.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';
import { Shipment } from './shipment.entity';

@Injectable()
export class OrdersService {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(Shipment) private readonly shipments: Repository<Shipment>,
  ) {}

  async ship(id: string, carrier: string) {
    await this.orders.update(id, { status: 'shipped' });
    await this.shipments.insert({ orderId: id, carrier });
  }
}
`,
      errors: [{ messageId: 'missingTransaction', line: 17, column: 26 }],
    },
    {
      name: 'drizzle writes in a Hono handler',
      filename: 'src/routes/orders.ts',
      code: `
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { orders, stock } from '../db/schema';

export const app = new Hono();

app.post('/orders', async (c) => {
  const body = await c.req.json();
  await db.insert(orders).values({ sku: body.sku, userId: body.userId });
  await db.update(stock).set({ reserved: true }).where(eq(stock.sku, body.sku));
  return c.json({ ok: true }, 201);
});
`,
      errors: [{ messageId: 'missingTransaction', line: 12, column: 12 }],
    },
    {
      name: 'prisma writes with a non-write call between them (suggestion keeps it)',
      filename: 'src/services/accounts.ts',
      code: `
import { prisma } from '../db';
import { hashPassword } from '../crypto';

export async function resetPassword(userId: string, password: string) {
  await prisma.passwordResetToken.deleteMany({ where: { userId } });
  const hash = await hashPassword(password);
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: hash } });
}
`,
      errors: [{ messageId: 'missingTransaction', line: 8, column: 21, suggestions: [{ messageId: 'wrapInTransaction', data: { client: 'prisma' }, output: `
import { prisma } from '../db';
import { hashPassword } from '../crypto';

export async function resetPassword(userId: string, password: string) {
  await prisma.$transaction(async (tx) => {
    await tx.passwordResetToken.deleteMany({ where: { userId } });
    const hash = await hashPassword(password);
    await tx.user.update({ where: { id: userId }, data: { passwordHash: hash } });
  });
}
` }] }],
    },
  ],
});
