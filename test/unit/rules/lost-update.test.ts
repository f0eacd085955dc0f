import rule from '../../../src/engine/rules/lost-update';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('lost-update', rule, {
  valid: [
    {
      name: 'prisma atomic decrement with the check in the where',
      filename: 'src/services/wallet.ts',
      code: `
import { prisma } from '../db';

export async function withdraw(accountId: string, amount: number) {
  const { count } = await prisma.account.updateMany({
    where: { id: accountId, balance: { gte: amount } },
    data: { balance: { decrement: amount } },
  });
  if (count === 0) throw new Error('Insufficient funds');
}
`,
    },
    {
      name: 'prisma optimistic lock: version in the where',
      filename: 'src/services/customers.ts',
      code: `
import { prisma } from '../db';

export async function addCredit(id: string, cents: number) {
  const customer = await prisma.customer.findUniqueOrThrow({ where: { id } });
  const { count } = await prisma.customer.updateMany({
    where: { id, version: customer.version },
    data: { credit: customer.credit + cents, version: { increment: 1 } },
  });
  if (count === 0) throw new Error('conflict');
}
`,
    },
    {
      name: 'SELECT … FOR UPDATE through $queryRaw in the same transaction',
      filename: 'src/services/seats.ts',
      code: `
import { prisma } from '../db';

export async function reserve(seatId: string, count: number) {
  await prisma.$transaction(async (tx) => {
    const [seat] = await tx.$queryRaw<{ id: string; left: number }[]>\`SELECT id, "left" FROM "Seat" WHERE id = \${seatId} FOR UPDATE\`;
    const row = await tx.seat.findUniqueOrThrow({ where: { id: seat.id } });
    await tx.seat.update({ where: { id: seatId }, data: { left: row.left - count } });
  });
}
`,
    },
    {
      name: 'pg read FOR UPDATE then write',
      filename: 'src/repositories/stock.ts',
      code: `
import { pool } from '../db';

export async function take(productId: string, qty: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows: [product] } = await client.query('SELECT stock FROM products WHERE id = $1 FOR UPDATE', [productId]);
    await client.query('UPDATE products SET stock = $1 WHERE id = $2', [product.stock - qty, productId]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}
`,
    },
    {
      name: 'SQL does the arithmetic',
      filename: 'src/repositories/stock.ts',
      code: `
import { pool } from '../db';

export async function take(productId: string, qty: number) {
  const { rows } = await pool.query('SELECT stock FROM products WHERE id = $1', [productId]);
  if (rows[0].stock < qty) throw new Error('out of stock');
  await pool.query('UPDATE products SET stock = stock - $1 WHERE id = $2 AND stock >= $1', [qty, productId]);
}
`,
    },
    {
      name: 'typeorm pessimistic_write lock',
      filename: 'src/accounts/accounts.service.ts',
      code: `
import { DataSource } from 'typeorm';
import { Account } from './account.entity';

export async function withdraw(dataSource: DataSource, id: string, amount: number) {
  await dataSource.transaction(async (manager) => {
    const repo = manager.getRepository(Account);
    const account = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    account!.balance = account!.balance - amount;
    await repo.save(account!);
  });
}
`,
    },
    {
      name: 'sequelize lock: t.LOCK.UPDATE',
      filename: 'src/services/stock.js',
      code: `
const { sequelize, Product } = require('../models');

async function take(id, qty) {
  await sequelize.transaction(async (t) => {
    const product = await Product.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    product.stock -= qty;
    await product.save({ transaction: t });
  });
}

module.exports = { take };
`,
    },
    {
      name: 'mongoose $inc',
      filename: 'src/services/posts.ts',
      code: `
import { Post } from '../models/post';

export async function like(postId: string) {
  const post = await Post.findById(postId);
  if (!post) throw new Error('not found');
  await Post.updateOne({ _id: postId }, { $inc: { likes: 1 } });
}
`,
    },
    {
      name: 'a value computed from a different field is not read-modify-write of the same field',
      filename: 'src/services/invoices.ts',
      code: `
import { prisma } from '../db';

export async function finalize(id: string, taxRate: number) {
  const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id } });
  await prisma.invoice.update({ where: { id }, data: { totalCents: invoice.subtotalCents + Math.round(invoice.subtotalCents * taxRate) } });
}
`,
    },
    {
      name: 'string building is not a counter',
      filename: 'src/services/profiles.ts',
      code: `
import { prisma } from '../db';

export async function tag(id: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id } });
  await prisma.user.update({ where: { id }, data: { displayName: user.displayName + ' (admin)' } });
}
`,
    },
    {
      name: 'mongoose optimisticConcurrency on the schema in this file',
      filename: 'src/models/account.ts',
      code: `
import { Schema, model } from 'mongoose';

const accountSchema = new Schema({ balance: Number }, { optimisticConcurrency: true });
export const Account = model('Account', accountSchema);

export async function deposit(id: string, cents: number) {
  const account = await Account.findById(id);
  account!.balance += cents;
  await account!.save();
}
`,
    },
    {
      name: 'a Mongo transaction aborts on a write conflict',
      filename: 'src/services/wallet.ts',
      code: `
import mongoose from 'mongoose';
import { Wallet } from '../models/wallet';

export async function pay(walletId: string, cents: number) {
  const session = await mongoose.startSession();
  await session.withTransaction(async () => {
    const wallet = await Wallet.findById(walletId).session(session);
    await Wallet.updateOne({ _id: walletId }, { $set: { cents: wallet!.cents - cents } }, { session });
  });
}
`,
    },
    {
      name: 'knex decrement',
      filename: 'src/services/stock.js',
      code: `
const knex = require('../knex');

async function take(id, qty) {
  const product = await knex('products').where({ id }).first();
  if (product.stock < qty) throw new Error('out of stock');
  await knex('products').where({ id }).andWhere('stock', '>=', qty).decrement('stock', qty);
}

module.exports = { take };
`,
    },
  ],
  invalid: [
    {
      name: 'prisma balance read then written back (decrement suggested)',
      filename: 'src/services/wallet.ts',
      code: `
import { prisma } from '../db';

export async function withdraw(accountId: string, amount: number) {
  const account = await prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  if (account.balance < amount) throw new Error('Insufficient funds');
  await prisma.account.update({ where: { id: accountId }, data: { balance: account.balance - amount } });
}
`,
      errors: [{ messageId: 'lostUpdate', line: 7, column: 67, data: { record: 'account', field: 'balance', atomic: '`{ increment: n }` / `{ decrement: n }`' }, suggestions: [{ messageId: 'useAtomicUpdate', output: `
import { prisma } from '../db';

export async function withdraw(accountId: string, amount: number) {
  const account = await prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  if (account.balance < amount) throw new Error('Insufficient funds');
  await prisma.account.update({ where: { id: accountId }, data: { balance: { decrement: amount } } });
}
` }] }],
    },
    {
      name: 'prisma in a plain $transaction still loses updates (increment suggested)',
      filename: 'src/routes/points.ts',
      code: `
import { Router } from 'express';
import { prisma } from '../db';

export const router = Router();

router.post('/users/:id/points', async (req, res) => {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: req.params.id } });
    await tx.user.update({ where: { id: req.params.id }, data: { points: user!.points + 10 } });
  });
  res.status(204).end();
});
`,
      errors: [{ messageId: 'lostUpdate', line: 10, column: 66, suggestions: [{ messageId: 'useAtomicUpdate', output: `
import { Router } from 'express';
import { prisma } from '../db';

export const router = Router();

router.post('/users/:id/points', async (req, res) => {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: req.params.id } });
    await tx.user.update({ where: { id: req.params.id }, data: { points: { increment: 10 } } });
  });
  res.status(204).end();
});
` }] }],
    },
    {
      name: 'mongoose document counter += then save()',
      filename: 'src/services/counters.ts',
      code: `
import { Counter } from '../models/counter';

export async function next(name: string) {
  const doc = await Counter.findOne({ name });
  doc!.value += 1;
  await doc!.save();
  return doc!.value;
}
`,
      errors: [{ messageId: 'lostUpdate', line: 6, column: 3, data: { record: 'doc', field: 'value', atomic: '`$inc`' } }],
    },
    {
      name: 'mongoose $set from the read value ($inc suggested)',
      filename: 'src/services/inventory.ts',
      code: `
import { Product } from '../models/product';

export async function sell(id: string, qty: number) {
  const product = await Product.findById(id);
  await Product.updateOne({ _id: id }, { $set: { stock: product!.stock - qty } });
}
`,
      errors: [{ messageId: 'lostUpdate', line: 6, column: 50, suggestions: [{ messageId: 'useAtomicUpdate', output: `
import { Product } from '../models/product';

export async function sell(id: string, qty: number) {
  const product = await Product.findById(id);
  await Product.updateOne({ _id: id }, { $inc: { stock: -qty } });
}
` }] }],
    },
    {
      name: 'sequelize instance stock = stock - qty then save()',
      filename: 'src/services/stock.js',
      code: `
const { Product } = require('../models');

async function take(id, qty) {
  const product = await Product.findByPk(id);
  product.stock = product.stock - qty;
  await product.save();
}

module.exports = { take };
`,
      errors: [{ messageId: 'lostUpdate', line: 6, column: 3 }],
    },
    {
      name: 'typeorm repository save after balance -=',
      filename: 'src/accounts/accounts.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Account } from './account.entity';

@Injectable()
export class AccountsService {
  constructor(@InjectRepository(Account) private readonly accounts: Repository<Account>) {}

  async withdraw(id: string, amount: number) {
    const account = await this.accounts.findOneByOrFail({ id });
    account.balance -= amount;
    return this.accounts.save(account);
  }
}
`,
      errors: [{ messageId: 'lostUpdate', line: 13, column: 5, data: { record: 'account', field: 'balance', atomic: '`repository.increment()` / `decrement()`' } }],
    },
    {
      name: 'pg SELECT then UPDATE with a value computed in code',
      filename: 'src/repositories/stock.ts',
      code: `
import { pool } from '../db';

export async function take(productId: string, qty: number) {
  const { rows: [product] } = await pool.query('SELECT stock FROM products WHERE id = $1', [productId]);
  await pool.query('UPDATE products SET stock = $1 WHERE id = $2', [product.stock - qty, productId]);
}
`,
      errors: [{ messageId: 'lostUpdate', line: 6, column: 69, data: { record: 'product', field: 'stock', atomic: '`SET col = col - $1`' } }],
    },
    {
      name: 'mysql2 with ? placeholders and a local variable',
      filename: 'src/repositories/wallet.ts',
      code: `
import mysql from 'mysql2/promise';

const shop = mysql.createPool({ uri: process.env.MYSQL_URL });

export async function spend(userId: number, cents: number) {
  const [rows]: any = await shop.execute('SELECT balance FROM wallets WHERE user_id = ?', [userId]);
  const wallet = rows[0];
  const balance = wallet.balance - cents;
  await shop.execute('UPDATE wallets SET balance = ? WHERE user_id = ?', [balance, userId]);
}
`,
      errors: [{ messageId: 'lostUpdate', line: 10, column: 75 }],
    },
    {
      name: 'knex update from the read value',
      filename: 'src/services/seats.js',
      code: `
const knex = require('../knex');

async function book(eventId, n) {
  const event = await knex('events').where({ id: eventId }).first();
  await knex('events').where({ id: eventId }).update({ seats_left: event.seats_left - n });
}

module.exports = { book };
`,
      errors: [{ messageId: 'lostUpdate', line: 6, column: 56, data: { record: 'event', field: 'seats_left', atomic: '`.increment()` / `.decrement()`' } }],
    },
    {
      name: 'drizzle set from the read value (Hono)',
      filename: 'src/routes/credits.ts',
      code: `
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { accounts } from '../db/schema';

export const app = new Hono();

app.post('/credits/:id/use', async (c) => {
  const id = c.req.param('id');
  const [account] = await db.select().from(accounts).where(eq(accounts.id, id));
  await db.update(accounts).set({ credits: account.credits - 1 }).where(eq(accounts.id, id));
  return c.json({ ok: true });
});
`,
      errors: [{ messageId: 'lostUpdate', line: 12, column: 35 }],
    },
  ],
});
