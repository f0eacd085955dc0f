import assert from 'node:assert/strict';
import type { TSESTree } from '@typescript-eslint/utils';
import { inTransaction, sqlText, type DbCall } from '../../../src/engine/model';
import { T } from '../../../src/engine/model/ast';
import { mayBothRun } from '../../../src/engine/model/control-flow';
import { findSqlTemplates, readBehind } from '../../../src/engine/model/db-calls';
import { dataOf, filterOf, isSideRecord, readLocks, unfilteredWrite } from '../../../src/engine/model/db-shape';
import { hasConstantBound, iterationOf } from '../../../src/engine/model/loops';
import { sqlIsBounded } from '../../../src/engine/model/sql';
import { sqlChecksVersion, sqlLocksRows, sqlSelectsStar, sqlSetParams, sqlWritesEveryRow, temporaryTables } from '../../../src/engine/model/sql-shape';
import { withModel } from '../support/model';

/** `library kind operation target` for every call, in source order. */
function summary(code: string, fileName = 'src/app.ts'): string[] {
  return withModel(code, (m) => m.dbCalls().map((d) => `${d.library} ${d.kind} ${d.operation}${d.target ? ` ${d.target}` : ''}`), fileName);
}

function calls(code: string): DbCall[] {
  return withModel(code, (m) => [...m.dbCalls()]);
}

describe('model: database calls', () => {
  it('reads Prisma reads and writes, on the client, this.prisma and a transaction client', () => {
    assert.deepEqual(
      summary(`
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export class Orders {
  constructor(private readonly prisma: PrismaClient) {}
  async place(userId: string) {
    const user = await this.prisma.user.findUnique({ where: { id: userId } });
    await prisma.$transaction(async (tx) => {
      await tx.order.create({ data: { userId } });
      await tx.user.update({ where: { id: userId }, data: { orders: { increment: 1 } } });
    });
    return prisma.order.count({ where: { userId } });
  }
}
`),
      ['prisma read findUnique user', 'prisma write create order', 'prisma write update user', 'prisma read count order'],
    );
  });

  it('reads TypeORM repositories and query builders built in place', () => {
    assert.deepEqual(
      summary(`
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';
@Injectable()
export class OrdersService {
  constructor(@InjectRepository(Order) private readonly orders: Repository<Order>) {}
  async archive(id: string) {
    const order = await this.orders.findOneBy({ id });
    await this.orders.save({ ...order, archived: true });
    await this.orders.createQueryBuilder().update(Order).set({ archived: true }).where('customerId = :id', { id }).execute();
    return this.orders.createQueryBuilder('o').where('o.id = :id', { id }).getOne();
  }
}
`),
      ['typeorm read findOneBy orders', 'typeorm write save orders', 'typeorm write update Order', 'typeorm read getOne o'],
    );
  });

  it('reads Sequelize and Mongoose models, and writes through a record loaded earlier', () => {
    assert.deepEqual(
      summary(`
const { Invoice } = require('../models');
const { Sequelize } = require('sequelize');
async function pay(id) {
  const invoice = await Invoice.findByPk(id);
  invoice.status = 'paid';
  await invoice.save();
  await Invoice.update({ reminded: false }, { where: { id } });
}
module.exports = { pay };
`),
      ['sequelize read findByPk Invoice', 'sequelize write save Invoice', 'sequelize write update Invoice'],
    );
    assert.deepEqual(
      summary(`
import { Product } from '../models/product';
export async function restock(sku: string) {
  const products = await Product.find({ sku }).limit(10);
  for (const p of products) {
    p.stock += 10;
    await p.save();
  }
  const plain = await Product.findOne({ sku }).lean();
  return plain;
}
`),
      ['mongoose read find Product', 'mongoose write save Product', 'mongoose read findOne Product'],
    );
  });

  it('does not treat a lean object, a DTO or a cache as a record that writes', () => {
    assert.deepEqual(
      summary(`
import { Product } from '../models/product';
import { cache } from '../cache';
export async function touch(sku: string, dto: { save(): Promise<void> }) {
  const plain = await Product.findOne({ sku }).lean();
  await dto.save();
  await cache.set(sku, plain);
}
`),
      ['mongoose read findOne Product'],
    );
  });

  it('reads the MongoDB driver through db.collection() and typed collections', () => {
    assert.deepEqual(
      summary(`
import { MongoClient } from 'mongodb';
const client = new MongoClient(process.env.MONGO_URL!);
const db = client.db('shop');
export async function closeCart(cartId: string) {
  const cart = await db.collection('carts').findOne({ _id: cartId });
  await db.collection('orders').insertOne({ items: cart?.items });
  await db.collection('carts').deleteOne({ _id: cartId });
}
`),
      ['mongodb read findOne carts', 'mongodb write insertOne orders', 'mongodb write deleteOne carts'],
    );
  });

  it('reads Knex chains and Drizzle builders', () => {
    assert.deepEqual(
      summary(`
import knexFactory from 'knex';
const db = knexFactory({ client: 'pg' });
export async function ship(id: number) {
  const order = await db('orders').where({ id }).first();
  await db('orders').where({ id }).update({ status: 'shipped' });
  await db('shipments').insert({ orderId: id });
  return order;
}
`),
      ['knex read select orders', 'knex write update orders', 'knex write insert shipments'],
    );
    assert.deepEqual(
      summary(`
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { users, sessions } from '../db/schema';
export async function logout(userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await db.update(users).set({ lastSeen: new Date() }).where(eq(users.id, userId));
  return user;
}
`),
      ['drizzle read select', 'drizzle write delete sessions', 'drizzle write update users'],
    );
  });

  it('reads raw SQL on pg, mysql2, sqlite3 and better-sqlite3 clients, including a client named anything', () => {
    assert.deepEqual(
      summary(`
import { Pool } from 'pg';
import mysql from 'mysql2/promise';
import Database from 'better-sqlite3';
const pool = new Pool();
const shop = mysql.createPool({ uri: process.env.MYSQL_URL });
const cache = new Database('./cache.db');
export async function sync(id: string) {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query({ text: 'UPDATE orders SET synced = true WHERE id = $1', values: [id] });
  await client.query('COMMIT');
  const [rows] = await shop.execute('SELECT id, sku FROM products WHERE id = ?', [id]);
  const DELETE_STALE = 'DELETE FROM prices WHERE sku = ?';
  cache.prepare(DELETE_STALE).run(id);
  return rows;
}
`),
      ['sql write UPDATE orders', 'sql read SELECT products', 'sql write DELETE prices'],
    );
  });

  it('finds SQL tagged templates that are statements, not Drizzle fragments', () => {
    const found = withModel(
      `
import postgres from 'postgres';
import { sql as dsql } from 'drizzle-orm';
const sql = postgres(process.env.DATABASE_URL!);
export async function expire(prisma: any) {
  await sql\`DELETE FROM sessions WHERE expires_at < now()\`;
  await prisma.$executeRaw\`UPDATE accounts SET locked = true WHERE id = \${1}\`;
  const total = sql\`count(*)\`;
  return total;
}
`,
      (m) => findSqlTemplates(m.ctx).map((t) => `${t.kind} ${t.operation} ${t.target}`),
    );
    assert.deepEqual(found, ['write DELETE sessions', 'write UPDATE accounts']);
  });

  it('gives the SQL text of literals, templates and tagged templates', () => {
    withModel('const a = `SELECT * FROM t WHERE id = ${id}`; const b = sql`DELETE FROM t`;', (m) => {
      const decls = (m.ctx.index.program.body as TSESTree.VariableDeclaration[]).map((s) => s.declarations[0].init!);
      assert.equal(sqlText(decls[0]), 'SELECT * FROM t WHERE id = ?');
      assert.equal(sqlText(decls[1]), 'DELETE FROM t');
      assert.equal(sqlText(undefined), undefined);
    });
  });
});

describe('model: inTransaction', () => {
  const txOf = (code: string) => calls(code).map((d) => `${d.operation}:${inTransaction(d.call)}`);

  it('knows transaction callbacks, arrays and decorators', () => {
    assert.deepEqual(
      txOf(`
import { prisma } from '../db';
import { Transactional } from 'typeorm-transactional';
export async function a(id: string) {
  await prisma.$transaction([prisma.order.delete({ where: { id } }), prisma.audit.create({ data: { id } })]);
  await prisma.user.update({ where: { id }, data: { n: 1 } });
}
export class S {
  @Transactional()
  async b(id: string) { await prisma.order.create({ data: { id } }); }
}
`),
      ['delete:true', 'create:true', 'update:false', 'create:true'],
    );
  });

  it('knows calls given a transaction or a session, and clients handed in as tx/trx', () => {
    assert.deepEqual(
      txOf(`
import { Order, AuditLog } from '../models';
import { sequelize } from '../db';
export async function a(id: string, trx: any, session: any) {
  const t = await sequelize.transaction();
  await Order.destroy({ where: { id }, transaction: t });
}
export async function b(id: string, session: any) {
  await Order.updateOne({ _id: id }, { $set: { paid: true } }, { session });
  await AuditLog.create({ id });
  await Order.deleteOne({ _id: id }).session(session);
}
export async function c(trx: any, id: string) {
  await trx('orders').where({ id }).del();
}
`),
      ['destroy:true', 'updateOne:true', 'create:false', 'deleteOne:true', 'del:true'],
    );
  });

  it('knows BEGIN on a pg client, also inside try', () => {
    assert.deepEqual(
      txOf(`
import { pool } from '../db';
export async function move(id: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE a SET n = n - 1 WHERE id = $1', [id]);
    await client.query('COMMIT');
  } finally { client.release(); }
}
export async function plain(id: string) {
  await pool.query('UPDATE a SET n = n - 1 WHERE id = $1', [id]);
}
`),
      ['UPDATE:true', 'UPDATE:false'],
    );
  });
});

describe('model: database call shapes', () => {
  it('tells writes that reach every row from filtered and explicit ones', () => {
    const found = calls(`
import { prisma } from '../db';
import mongoose from 'mongoose';
import { User, Session } from '../models';
export async function run(where: any) {
  await prisma.session.deleteMany();
  await prisma.session.deleteMany({ where: {} });
  await prisma.session.deleteMany({ where });
  await prisma.user.updateMany({ data: { active: false } });
  await User.deleteMany({});
  await User.updateMany({}, { $set: { flag: true } });
  await User.deleteMany({ banned: true });
  await Session.destroy({ where: {}, truncate: true });
}
`).map((d) => unfilteredWrite(d) ?? '-');
    assert.deepEqual(found, ['`deleteMany()`', '`deleteMany({ where: {} })`', '-', '`updateMany` without `where`', '`deleteMany({})`', '`updateMany({})`', '-', '-']);
  });

  it('reads filters, data and locks', () => {
    const [read, write] = calls(`
import { Repository } from 'typeorm';
export async function f(repo: Repository<any>, prisma: any, id: string) {
  const acc = await prisma.account.findUnique({ where: { id }, lock: true });
  await prisma.account.update({ where: { id, version: acc.version }, data: { balance: 1 } });
}
`);
    assert.equal(readLocks(read), true);
    assert.equal(filterOf(write)?.type, T.ObjectExpression);
    assert.equal(dataOf(write).length, 1);
  });

  it('follows a record back to the read it came from', () => {
    const origins = withModel(
      `
import { pool } from '../db';
import { prisma } from '../db';
export async function f(id: string) {
  const { rows: [row] } = await pool.query('SELECT stock FROM products WHERE id = $1', [id]);
  const acc = await prisma.account.findUnique({ where: { id } });
  const first = (await pool.query('SELECT n FROM c WHERE id = $1', [id])).rows[0];
  const other = { stock: 1 };
  return [row, acc, first, other];
}
`,
      (m) => {
        const reads = new Map(m.dbCalls().map((d) => [d.call as TSESTree.Node, d]));
        const ret = m.ctx.index.functions[0].body as TSESTree.BlockStatement;
        const arr = (ret.body[ret.body.length - 1] as TSESTree.ReturnStatement).argument as TSESTree.ArrayExpression;
        return arr.elements.map((e) => readBehind(m.ctx, e as TSESTree.Identifier, reads)?.operation ?? '-');
      },
    );
    assert.deepEqual(origins, ['SELECT', 'findUnique', 'SELECT', '-']);
  });

  it('names side records', () => {
    assert.deepEqual(['auditLog', 'ActivityModel', 'order_history', 'catalog', 'blogPosts', 'orders'].map(isSideRecord), [true, true, true, false, false, false]);
  });
});

describe('model: SQL shapes', () => {
  it('finds UPDATE/DELETE without WHERE', () => {
    assert.equal(sqlWritesEveryRow("UPDATE orders SET status = 'x'"), 'UPDATE');
    assert.equal(sqlWritesEveryRow('DELETE FROM sessions RETURNING id'), 'DELETE');
    assert.equal(sqlWritesEveryRow('UPDATE users SET name = ${}'), 'UPDATE');
    assert.equal(sqlWritesEveryRow('DELETE FROM sessions WHERE id IN (SELECT id FROM x)'), undefined);
    assert.equal(sqlWritesEveryRow('DELETE FROM sessions ${}'), undefined);
    assert.equal(sqlWritesEveryRow('DELETE FROM logs LIMIT 1000'), undefined);
    assert.equal(sqlWritesEveryRow("UPDATE t SET note = 'where' -- no where\n"), 'UPDATE');
    assert.equal(sqlWritesEveryRow('SELECT * FROM t'), undefined);
  });

  it('names the temporary tables a file creates', () => {
    const source = "await knex.raw('CREATE TEMPORARY TABLE IF NOT EXISTS `_desired_search` (k TEXT)'); db.exec('create temp table Scratch (id int)');";
    assert.deepEqual([...temporaryTables(source)], ['_desired_search', 'scratch']);
    assert.equal(temporaryTables('CREATE TABLE orders (id int)').size, 0);
  });

  it('reads a WITH whose CTEs write as a write, not an unbounded read', () => {
    assert.equal(sqlIsBounded('WITH d AS (DELETE FROM relations WHERE entity_id = ? RETURNING source) SELECT source FROM d'), true);
    assert.equal(sqlIsBounded('WITH u AS (UPDATE jobs j SET state = 1 WHERE id = ? RETURNING id) SELECT id FROM u'), true);
    assert.equal(sqlIsBounded('WITH recent AS (SELECT * FROM orders WHERE status = ?) SELECT * FROM recent'), false);
  });

  it('finds SELECT * at the top level only', () => {
    assert.equal(sqlSelectsStar('SELECT * FROM orders WHERE id = $1'), true);
    assert.equal(sqlSelectsStar('select o.*, c.email from orders o join customers c on c.id = o.customer_id'), true);
    assert.equal(sqlSelectsStar('SELECT COUNT(*) FROM orders'), false);
    assert.equal(sqlSelectsStar('SELECT EXISTS (SELECT * FROM orders WHERE id = $1)'), false);
    assert.equal(sqlSelectsStar('WITH x AS (SELECT id FROM t) SELECT * FROM x'), false);
    assert.equal(sqlSelectsStar('SELECT id, total FROM orders'), false);
  });

  it('reads locks, version checks and SET parameters', () => {
    assert.equal(sqlLocksRows('SELECT * FROM a WHERE id = $1 FOR UPDATE'), true);
    assert.equal(sqlLocksRows('SELECT * FROM a WHERE id = $1'), false);
    assert.equal(sqlChecksVersion('UPDATE a SET n = $1, version = version + 1 WHERE id = $2 AND version = $3'), true);
    assert.equal(sqlChecksVersion('UPDATE a SET version = $1 WHERE id = $2'), false);
    assert.deepEqual([...sqlSetParams('UPDATE p SET stock = $1, name = $2 WHERE id = $3')], [['stock', 0], ['name', 1]]);
    assert.deepEqual([...sqlSetParams('UPDATE p SET stock = ?, sold = sold + 1 WHERE id = ?')], [['stock', 0]]);
    assert.deepEqual([...sqlSetParams('UPDATE p SET stock = stock - $1 WHERE id = $2')], []);
  });
});

describe('model: loops and control flow', () => {
  it('finds the iteration around a call and its constant bounds', () => {
    const kinds = withModel(
      `
export async function f(items: any[], db: any) {
  for (const i of items) await db.a(i);
  for (const s of ['a', 'b']) await db.b(s);
  items.map(async (i) => db.c(i));
  for (let attempt = 0; attempt < 3; attempt++) await db.d();
  await new Promise((resolve) => items.forEach((i) => db.e(i, resolve)));
  for (const row of await db.f()) row.x = 1;
  await db.g();
}
`,
      (m, sc) =>
        m.ctx.index.calls
          .filter((c) => c.callee.type === T.MemberExpression && (c.callee.object as TSESTree.Identifier).name === 'db')
          .map((c) => {
            const it = iterationOf(c);
            return it ? `${it.kind}${hasConstantBound(it, sc) ? '/const' : ''}` : '-';
          }),
    );
    assert.deepEqual(kinds, ['for-of', 'for-of/const', 'callback', 'for/const', 'callback', '-', '-']);
  });

  it('knows branches that exclude each other', () => {
    const pairs = withModel(
      `
export async function f(x: boolean, db: any) {
  if (x) { await db.a(); return; }
  await db.b();
  if (x) await db.c(); else await db.d();
  try { await db.e(); } catch { await db.f(); }
  await db.g();
}
`,
      (m) => {
        const by = new Map(m.ctx.index.calls.map((c) => [((c.callee as TSESTree.MemberExpression).property as TSESTree.Identifier).name, c]));
        return ['ab', 'bc', 'cd', 'ef', 'eg'].map((p) => mayBothRun(by.get(p[0])!, by.get(p[1])!));
      },
    );
    assert.deepEqual(pairs, [false, true, false, false, true]);
  });
});
