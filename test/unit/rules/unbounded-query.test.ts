import rule from '../../../src/engine/rules/unbounded-query';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('unbounded-query', rule, {
  valid: [
    {
      name: 'knex: scalar subqueries in the select list, one value per row (Unleash environment counts)',
      filename: 'src/features/environments/environment-store.ts',
      code: `
import type { Knex } from 'knex';
export class EnvironmentStore {
  constructor(private db: Knex) {}
  async getAllWithCounts() {
    return this.db('environments')
      .select(
        '*',
        this.db.raw('(SELECT COUNT(*) FROM project_environments WHERE project_environments.environment_name = environments.name) as project_count'),
        this.db.raw('(SELECT MAX(e.created_at) FROM events e WHERE e.environment = environments.name) last_event_at'),
      )
      .whereIn('name', ['default', 'development', 'production']);
  }
}
`,
    },
    // ---------------------------------------------------------------- Prisma
    {
      name: 'prisma findMany with take and cursor pagination',
      filename: 'src/services/orders.ts',
      code: `
import { prisma } from '../db';

export async function listOrders(customerId: string, cursor?: string) {
  return prisma.order.findMany({
    where: { customerId },
    take: 50,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    orderBy: { id: 'asc' },
  });
}
`,
    },
    {
      name: 'prisma findUnique and findFirst read one row',
      filename: 'src/services/users.ts',
      code: `
import { prisma } from '../db';

export async function getUser(id: string) {
  return prisma.user.findUnique({ where: { id } });
}

export async function latestInvoice(userId: string) {
  return prisma.invoice.findFirst({ where: { userId }, orderBy: { createdAt: 'desc' } });
}
`,
    },
    {
      name: 'prisma count is not a list',
      filename: 'src/services/orders.ts',
      code: `
import { prisma } from '../db';

export async function openOrderCount(customerId: string) {
  return prisma.order.count({ where: { customerId, status: 'OPEN' } });
}
`,
    },
    {
      name: 'prisma findMany with a spread of pagination args',
      filename: 'src/services/products.ts',
      code: `
import { prisma } from '../db';
import { pageArgs } from '../lib/pagination';

export async function listProducts(categoryId: string, page: number) {
  return prisma.product.findMany({
    where: { categoryId },
    ...pageArgs(page),
  });
}
`,
    },
    {
      name: 'prisma findMany filtered on the unique email',
      filename: 'src/services/accounts.ts',
      code: `
import { prisma } from '../db';

export async function accountsForEmail(email: string) {
  return prisma.account.findMany({ where: { email } });
}
`,
    },
    {
      name: 'prisma $queryRaw with LIMIT',
      filename: 'src/services/reports.ts',
      code: `
import { prisma } from '../db';

export async function topCustomers(since: Date) {
  return prisma.$queryRaw\`SELECT customer_id, SUM(total) AS spent FROM orders WHERE created_at > \${since} GROUP BY customer_id ORDER BY spent DESC LIMIT 10\`;
}
`,
    },
    // ---------------------------------------------------------------- Mongoose
    {
      name: 'mongoose find with limit later in the chain',
      filename: 'src/services/posts.ts',
      code: `
import { Post } from '../models/post';

export async function recentPosts(authorId: string) {
  return Post.find({ author: authorId }).sort({ createdAt: -1 }).limit(20).lean();
}
`,
    },
    {
      name: 'mongoose single-document reads and counts',
      filename: 'src/services/users.ts',
      code: `
import { User } from '../models/user';

export async function getUser(id: string) {
  return User.findById(id).lean();
}

export async function userByEmail(email: string) {
  return User.findOne({ email }).exec();
}

export async function activeUsers() {
  return User.countDocuments({ active: true });
}
`,
    },
    {
      name: 'mongoose query kept in a variable and limited later',
      filename: 'src/services/orders.ts',
      code: `
import { Order } from '../models/order';

export async function searchOrders(status: string | undefined, pageSize: number) {
  let query = Order.find({ deletedAt: null });
  if (status) query = query.where('status').equals(status);
  query = query.limit(pageSize);
  return query.exec();
}
`,
    },
    {
      name: 'mongoose query handed to a pagination helper',
      filename: 'src/routes/comments.ts',
      code: `
import { Router } from 'express';
import { Comment } from '../models/comment';
import { paginate } from '../lib/paginate';

const router = Router();

router.get('/posts/:id/comments', async (req, res) => {
  const page = await paginate(Comment.find({ post: req.params.id }), req.query);
  res.json(page);
});

export default router;
`,
    },
    {
      name: 'mongoose cursor streams documents',
      filename: 'src/services/exports.ts',
      code: `
import { Order } from '../models/order';

export async function exportOrders(write: (line: string) => void) {
  const cursor = Order.find({ status: 'paid' }).cursor();
  for await (const order of cursor) {
    write(JSON.stringify(order));
  }
}
`,
    },
    {
      name: 'Array.prototype.find with a callback',
      filename: 'src/services/cart.ts',
      code: `
export function findLine(cart: { lines: { sku: string; qty: number }[] }, sku: string) {
  return cart.lines.find((line) => line.sku === sku);
}

export class PriceList {
  private readonly Prices = [{ sku: 'a', amount: 1 }];
  priceOf(sku: string) {
    return this.Prices.find((p) => p.sku === sku)?.amount;
  }
}
`,
    },
    {
      name: 'aggregation with a $limit stage',
      filename: 'src/services/analytics.ts',
      code: `
import { Order } from '../models/order';

export async function bestSellers() {
  return Order.aggregate([
    { $match: { status: 'paid' } },
    { $group: { _id: '$sku', sold: { $sum: '$qty' } } },
    { $sort: { sold: -1 } },
    { $limit: 10 },
  ]);
}
`,
    },
    {
      name: 'aggregation that groups everything into one document',
      filename: 'src/services/analytics.ts',
      code: `
import { Order } from '../models/order';

export async function revenue() {
  const [total] = await Order.aggregate([
    { $match: { status: 'paid' } },
    { $group: { _id: null, revenue: { $sum: '$total' } } },
  ]);
  return total;
}
`,
    },
    // ---------------------------------------------------------------- MongoDB driver
    {
      name: 'mongodb driver find with limit before toArray',
      filename: 'src/repositories/events.ts',
      code: `
import type { Db } from 'mongodb';

export async function latestEvents(db: Db, type: string) {
  return db.collection('events').find({ type }).sort({ at: -1 }).limit(100).toArray();
}
`,
    },
    {
      name: 'mongodb driver find with limit in the options and findOne',
      filename: 'src/repositories/events.ts',
      code: `
import type { Db } from 'mongodb';

export async function latestEvents(db: Db, type: string) {
  return db.collection('events').find({ type }, { limit: 50, sort: { at: -1 } }).toArray();
}

export async function eventById(db: Db, id: string) {
  return db.collection('events').findOne({ _id: id });
}
`,
    },
    {
      name: 'mongodb driver stream',
      filename: 'src/jobs/exporter.ts',
      code: `
import type { Db } from 'mongodb';

export function streamAudit(db: Db) {
  return db.collection('audit').find({}).stream();
}
`,
    },
    // ---------------------------------------------------------------- TypeORM
    {
      name: 'typeorm find and findBy by a list of ids with In(); seen in Vendure',
      filename: 'src/service/order-lines.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionalConnection } from '../connection/transactional-connection';
import { OrderLine } from '../entity/order-line.entity';

@Injectable()
export class OrderLinesService {
  constructor(private connection: TransactionalConnection) {}

  linesFor(ctx: RequestContext, input: { orderLineId: string }[]) {
    return this.connection.getRepository(ctx, OrderLine).find({
      where: { id: In(input.map((l) => l.orderLineId)) },
      relations: ['productVariant'],
    });
  }

  byIds(ctx: RequestContext, ids: string[]) {
    return this.connection.getRepository(ctx, OrderLine).findBy({ id: In(ids) });
  }
}
`,
    },
    {
      name: 'compiled typeorm find with (0, typeorm_1.In)(ids)',
      filename: 'dist/service/countries.service.js',
      code: `
const typeorm_1 = require("typeorm");
const country_entity_1 = require("../entity/country.entity");
class CountryService {
    getCountriesFromIds(ctx, ids) {
        return this.connection.getRepository(ctx, country_entity_1.Country).find({ where: { id: (0, typeorm_1.In)(ids) } });
    }
}
exports.CountryService = CountryService;
`,
    },
    {
      name: 'typeorm query builder filtered by a list of ids (alias.id IN (:...ids)); seen in Vendure',
      filename: 'src/service/variants.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '../connection/transactional-connection';
import { ProductVariant } from '../entity/product-variant.entity';

@Injectable()
export class VariantsService {
  constructor(private connection: TransactionalConnection) {}

  async available(ctx: RequestContext, variantIds: string[]) {
    const qb = this.connection
      .getRepository(ctx, ProductVariant)
      .createQueryBuilder('variant')
      .leftJoin('variant.product', 'product')
      .where('variant.deletedAt IS NULL')
      .andWhere('variant.id IN (:...variantIds)', { variantIds });
    return qb.getMany();
  }
}
`,
    },
    {
      name: 'a query builder made by a list-query helper from the list options (take/skip applied there); seen in Vendure',
      filename: 'src/service/assets.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { ListQueryBuilder } from '../helpers/list-query-builder';
import { Asset } from '../entity/asset.entity';

@Injectable()
export class AssetService {
  constructor(private listQueryBuilder: ListQueryBuilder) {}

  findAll(ctx: RequestContext, options?: AssetListOptions) {
    const qb = this.listQueryBuilder.build(Asset, options, { ctx, relations: ['tags'], channelId: ctx.channelId });
    if (options?.tags?.length) {
      qb.andWhere('tags.value IN (:...tags)', { tags: options.tags });
    }
    return qb.getManyAndCount().then(([items, totalItems]) => ({ items, totalItems }));
  }
}
`,
    },
    {
      name: 'typeorm reads of tables an administrator sizes (roles, zones, tax rates, payment methods); seen in Vendure',
      filename: 'src/service/config-tables.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { TransactionalConnection } from '../connection/transactional-connection';
import { Role, Zone, TaxRate, PaymentMethod, ShippingMethod, StockLocation, Country } from '../entity';

@Injectable()
export class ConfigTablesService {
  constructor(private connection: TransactionalConnection) {}

  roles(ctx: RequestContext) {
    return this.connection.getRepository(ctx, Role).find({ relations: ['channels'] });
  }

  zones(ctx: RequestContext) {
    return this.connection.getRepository(ctx, Zone).find({ relations: ['members'] });
  }

  activeTaxRates(ctx: RequestContext) {
    return this.connection.getRepository(ctx, TaxRate).find({ where: { enabled: true } });
  }

  paymentMethods(ctx: RequestContext) {
    return this.connection.getRepository(ctx, PaymentMethod).find({ where: { enabled: true } });
  }

  shippingMethods(ctx: RequestContext) {
    return this.connection.getRepository(ctx, ShippingMethod).find({ where: { deletedAt: IsNull() } });
  }

  stockLocations(ctx: RequestContext) {
    return this.connection.getRepository(ctx, StockLocation).find();
  }

  enabledCountries(ctx: RequestContext) {
    return this.connection.getRepository(ctx, Country).find({ where: { enabled: true } });
  }
}
`,
    },
    {
      name: 'typeorm builder counting per coarse group, or per collection id from a given list; seen in Vendure',
      filename: 'src/service/stats.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '../connection/transactional-connection';
import { Order } from '../entity/order.entity';
import { ProductVariant } from '../entity/product-variant.entity';

@Injectable()
export class StatsService {
  constructor(private connection: TransactionalConnection) {}

  ordersByType(ctx: RequestContext) {
    return this.connection
      .getRepository(ctx, Order)
      .createQueryBuilder('o')
      .select('o.type', 'type')
      .addSelect('COUNT(*)', 'count')
      .groupBy('o.type')
      .getRawMany();
  }

  variantCounts(ctx: RequestContext, collectionIds: string[]) {
    return this.connection
      .getRepository(ctx, ProductVariant)
      .createQueryBuilder('variant')
      .select('collection.id', 'collectionId')
      .addSelect('COUNT(DISTINCT variant.id)', 'count')
      .innerJoin('variant.collections', 'collection', 'collection.id IN (:...collectionIds)', { collectionIds })
      .groupBy('collection.id')
      .getRawMany();
  }
}
`,
    },
    {
      name: 'typeorm find of the parts of one parent named after it (an order\'s modifications, a variant\'s prices); seen in Vendure',
      filename: 'src/service/order-parts.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { TransactionalConnection } from '../connection/transactional-connection';
import { OrderModification, ProductVariant, ProductVariantPrice } from '../entity';

@Injectable()
export class OrderPartsService {
  constructor(private connection: TransactionalConnection) {}

  modifications(ctx: RequestContext, orderId: string) {
    return this.connection.getRepository(ctx, OrderModification).find({ where: { order: { id: orderId } }, relations: ['lines'] });
  }

  prices(ctx: RequestContext, productVariantId: string) {
    return this.connection.getRepository(ctx, ProductVariantPrice).find({ where: { variant: { id: productVariantId } } });
  }

  variants(ctx: RequestContext, productId: string) {
    return this.connection.getRepository(ctx, ProductVariant).find({ where: { productId, deletedAt: IsNull() } });
  }
}
`,
    },
    {
      name: 'typeorm repository find with take',
      filename: 'src/services/invoices.ts',
      code: `
import { AppDataSource } from '../data-source';
import { Invoice } from '../entities/invoice';

const invoices = AppDataSource.getRepository(Invoice);

export async function unpaidInvoices(page: number) {
  return invoices.find({ where: { paid: false }, order: { dueAt: 'ASC' }, take: 25, skip: page * 25 });
}
`,
    },
    {
      name: 'typeorm findOneBy and findBy on a unique key',
      filename: 'src/services/users.ts',
      code: `
import { Repository } from 'typeorm';
import { User } from '../entities/user';

export class UsersService {
  constructor(private readonly usersRepository: Repository<User>) {}

  byId(id: string) {
    return this.usersRepository.findOneBy({ id });
  }

  byEmail(email: string) {
    return this.usersRepository.findBy({ email });
  }
}
`,
    },
    {
      name: 'nestjs injected repository find with take',
      filename: 'src/orders/orders.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(@InjectRepository(Order) private readonly repo: Repository<Order>) {}

  list(customerId: string) {
    return this.repo.find({ where: { customerId }, take: 50 });
  }
}
`,
    },
    {
      name: 'typeorm query builder with take in the chain',
      filename: 'src/orders/orders.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(@InjectRepository(Order) private readonly repo: Repository<Order>) {}

  recent(customerId: string) {
    return this.repo
      .createQueryBuilder('o')
      .where('o.customerId = :customerId', { customerId })
      .orderBy('o.createdAt', 'DESC')
      .take(20)
      .getMany();
  }
}
`,
    },
    {
      name: 'typeorm query builder limited later on the same variable',
      filename: 'src/orders/orders.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(@InjectRepository(Order) private readonly repo: Repository<Order>) {}

  async search(status: string | undefined, limit: number) {
    const qb = this.repo.createQueryBuilder('o').where('o.deletedAt IS NULL');
    if (status) qb.andWhere('o.status = :status', { status });
    qb.take(limit);
    return qb.getMany();
  }
}
`,
    },
    {
      name: 'typeorm query builder single-row reads and counts',
      filename: 'src/orders/orders.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(@InjectRepository(Order) private readonly repo: Repository<Order>) {}

  byNumber(number: string) {
    return this.repo.createQueryBuilder('o').where('o.number = :number', { number }).getOne();
  }

  countOpen() {
    return this.repo.createQueryBuilder('o').where('o.status = :status', { status: 'open' }).getCount();
  }
}
`,
    },
    // ---------------------------------------------------------------- Sequelize
    {
      name: 'sequelize findAll with limit',
      filename: 'src/services/products.ts',
      code: `
import { Product } from '../models';

export async function productsInCategory(categoryId: number, offset = 0) {
  return Product.findAll({ where: { categoryId }, order: [['name', 'ASC']], limit: 50, offset });
}
`,
    },
    {
      name: 'sequelize findByPk, findOne and count',
      filename: 'src/services/products.ts',
      code: `
import { Product } from '../models';

export async function productById(id: number) {
  return Product.findByPk(id);
}

export async function productBySlug(slug: string) {
  return Product.findOne({ where: { slug } });
}

export async function productCount(categoryId: number) {
  return Product.count({ where: { categoryId } });
}
`,
    },
    // ---------------------------------------------------------------- Knex
    {
      name: 'knex select with limit',
      filename: 'src/repositories/orders.ts',
      code: `
import { knex } from '../db';

export async function recentOrders(customerId: string) {
  return knex('orders').where('customer_id', customerId).orderBy('created_at', 'desc').limit(20).select('*');
}
`,
    },
    {
      name: 'knex first, unique where and count',
      filename: 'src/repositories/users.ts',
      code: `
import { knex } from '../db';

export async function userByEmail(email: string) {
  return knex('users').where({ email }).first();
}

export async function userById(id: string) {
  return knex('users').where('id', id).select('id', 'email', 'name');
}

export async function userCount() {
  return knex('users').count('id as total');
}
`,
    },
    // ---------------------------------------------------------------- Drizzle
    {
      name: 'drizzle select with limit',
      filename: 'src/repositories/orders.ts',
      code: `
import { desc, eq } from 'drizzle-orm';
import { db } from '../db';
import { orders } from '../db/schema';

export async function recentOrders(customerId: string) {
  return db.select().from(orders).where(eq(orders.customerId, customerId)).orderBy(desc(orders.createdAt)).limit(20);
}
`,
    },
    {
      name: 'drizzle select by primary key and count',
      filename: 'src/repositories/users.ts',
      code: `
import { count, eq } from 'drizzle-orm';
import { db } from '../db';
import { users } from '../db/schema';

export async function userById(id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

export async function totalUsers() {
  const [row] = await db.select({ value: count() }).from(users);
  return row.value;
}
`,
    },
    {
      name: 'knex builder kept in a variable and limited later',
      filename: 'src/repositories/orders.ts',
      code: `
import { knex } from '../db';

export async function searchOrders(status?: string) {
  const query = knex('orders').select('id', 'status', 'total');
  if (status) query.where('status', status);
  return query.orderBy('created_at', 'desc').limit(20);
}
`,
    },
    {
      name: 'drizzle relational findMany with limit',
      filename: 'src/repositories/users.ts',
      code: `
import { db } from '../db';

export async function usersWithPosts() {
  return db.query.users.findMany({ with: { posts: true }, limit: 20 });
}
`,
    },
    // ---------------------------------------------------------------- Raw SQL
    {
      name: 'pg pool.query with LIMIT, by id, and a count',
      filename: 'src/repositories/users.js',
      code: `
const { pool } = require('../db');

async function recentUsers(limit) {
  const { rows } = await pool.query('SELECT id, email FROM users ORDER BY created_at DESC LIMIT $1', [limit]);
  return rows;
}

async function userById(id) {
  const { rows } = await pool.query('SELECT id, email FROM users WHERE id = $1', [id]);
  return rows[0];
}

async function activeUserCount() {
  const { rows } = await pool.query('SELECT COUNT(*) FROM users WHERE active = true');
  return Number(rows[0].count);
}

module.exports = { recentUsers, userById, activeUserCount };
`,
    },
    {
      name: 'pg existence check and writes',
      filename: 'src/repositories/sessions.ts',
      code: `
import { pool } from '../db';

export async function sessionExists(token: string) {
  const { rows } = await pool.query('SELECT EXISTS (SELECT 1 FROM sessions WHERE token = $1) AS found', [token]);
  return rows[0].found;
}

export async function revokeAll(userId: string) {
  await pool.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1', [userId]);
}
`,
    },
    {
      name: 'mysql2 execute with LIMIT',
      filename: 'src/repositories/products.ts',
      code: `
import { pool } from '../db';

export async function productsPage(categoryId: number, offset: number) {
  const [rows] = await pool.execute('SELECT id, name, price FROM products WHERE category_id = ? ORDER BY name LIMIT 50 OFFSET ?', [categoryId, offset]);
  return rows;
}
`,
    },
    {
      name: 'sqlite3 db.all with LIMIT and better-sqlite3 single-row get',
      filename: 'src/repositories/notes.ts',
      code: `
import { db, sqlite } from '../db';

export function latestNotes(userId: number, cb: (err: Error | null, rows: unknown[]) => void) {
  db.all('SELECT id, title FROM notes WHERE user_id = ? ORDER BY updated_at DESC LIMIT 20', [userId], cb);
}

export function noteTitle(slug: string) {
  return sqlite.prepare('SELECT title FROM notes WHERE slug = ?').get(slug);
}
`,
    },
    {
      name: 'FETCH FIRST and TOP bound a SELECT',
      filename: 'src/repositories/reports.ts',
      code: `
import { oracle, mssql } from '../db';

export async function firstTen() {
  return oracle.query('SELECT id, total FROM orders ORDER BY total DESC FETCH FIRST 10 ROWS ONLY');
}

export async function topTen() {
  return mssql.query('SELECT TOP 10 id, total FROM orders ORDER BY total DESC');
}
`,
    },
    // ---------------------------------------------------------------- Files that read whole tables on purpose
    {
      name: 'a migration reads the whole table',
      filename: 'migrations/2024_01_15_backfill_slugs.ts',
      code: `
import { prisma } from '../src/db';

export async function up() {
  const posts = await prisma.post.findMany();
  for (const post of posts) {
    await prisma.post.update({ where: { id: post.id }, data: { slug: post.title.toLowerCase() } });
  }
}
`,
    },
    {
      name: 'a data migration script reads the whole table',
      filename: 'src/migration-scripts/reconcile-reserved-quantity.ts',
      code: `
export async function findMismatched(knex: any) {
  const result = await knex.raw('SELECT id, reserved_quantity FROM inventory_level WHERE deleted_at IS NULL');
  return result.rows;
}
`,
    },
    {
      name: 'a one-off script reads the whole table',
      filename: 'scripts/backfill.ts',
      code: `
import { pool } from '../src/db';

async function main() {
  const { rows } = await pool.query('SELECT id, email FROM users');
  console.log(rows.length);
}

main();
`,
    },
    {
      name: 'a test reads the whole collection',
      filename: 'src/users.test.ts',
      code: `
import { User } from './models/user';

it('stores every user', async () => {
  const users = await User.find({});
  expect(users).toHaveLength(3);
});
`,
    },
    {
      name: 'a seed file reads the whole table',
      filename: 'src/db/seeds/02_orders.ts',
      code: `
import { knex } from '../index';

export async function seed() {
  const customers = await knex('customers').select('id');
  await knex('orders').insert(customers.map((c: { id: string }) => ({ customer_id: c.id, total: 10 })));
}
`,
    },
    // ---------------------------------------------------------------- Regressions
    {
      name: 'SQL by tenant and id reads one row',
      filename: 'src/repositories/documents.ts',
      code: `
import { pool } from '../db';

export async function getDocument(tenantId: string, id: string) {
  const { rows } = await pool.query('SELECT * FROM documents WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
  return rows[0];
}
`,
    },
    {
      name: 'drizzle where and(eq(tenantId), eq(id)) reads one row',
      filename: 'src/repositories/documents.ts',
      code: `
import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { documents } from '../db/schema';

export async function getDocument(t: string, id: string) {
  const [doc] = await db.select().from(documents).where(and(eq(documents.tenantId, t), eq(documents.id, id)));
  return doc;
}
`,
    },
    {
      name: 'SQL by id with an OR group on access reads one row',
      filename: 'src/repositories/documents.ts',
      code: `
import { pool } from '../db';

export async function visibleDocument(id: string, userId: string) {
  const { rows } = await pool.query('SELECT * FROM documents WHERE id = $1 AND (owner_id = $2 OR is_public = true)', [id, userId]);
  return rows[0];
}
`,
    },
    {
      name: 'SQL by lower(email) = lower($1) reads one row',
      filename: 'src/repositories/users.ts',
      code: `
import { pool } from '../db';

export async function credentialsFor(email: string) {
  const { rows } = await pool.query('SELECT id, password_hash FROM users WHERE lower(email) = lower($1)', [email]);
  return rows[0];
}
`,
    },
    {
      name: 'drizzle select of only a sql count(*) answers one row',
      filename: 'src/repositories/orders.ts',
      code: `
import { sql } from 'drizzle-orm';
import { db } from '../db';
import { orders } from '../db/schema';

export async function orderCount() {
  const [{ total }] = await db.select({ total: sql<number>\`count(*)\` }).from(orders);
  return total;
}
`,
    },
    {
      name: 'aggregation that matches one _id before a $lookup',
      filename: 'src/services/users.ts',
      code: `
import { Types } from 'mongoose';
import { User } from '../models/user';

export async function userWithOrders(id: string) {
  const [user] = await User.aggregate([
    { $match: { _id: new Types.ObjectId(id) } },
    { $lookup: { from: 'orders', localField: '_id', foreignField: 'userId', as: 'orders' } },
  ]);
  return user;
}
`,
    },
    {
      name: 'mongoose aggregation read through a cursor',
      filename: 'src/jobs/export-orders.ts',
      code: `
import { Order } from '../models/order';

export async function exportOrders(write: (line: string) => void) {
  const cursor = Order.aggregate([{ $match: { status: 'paid' } }, { $sort: { createdAt: 1 } }]).cursor({ batchSize: 500 });
  for await (const order of cursor) {
    write(JSON.stringify(order));
  }
}
`,
    },
    {
      name: 'mongodb driver aggregation iterated with for await',
      filename: 'src/jobs/close-orders.ts',
      code: `
import type { Db } from 'mongodb';

export async function closeOpenOrders(db: Db) {
  for await (const doc of db.collection('orders').aggregate([{ $match: { status: 'open' } }])) {
    await db.collection('orders').updateOne({ _id: doc._id }, { $set: { status: 'closed' } });
  }
}
`,
    },
    {
      name: 'postgres.js query read with .cursor()',
      filename: 'src/jobs/export-events.ts',
      code: `
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL!);

export async function exportEvents(write: (rows: unknown[]) => Promise<void>) {
  for await (const rows of sql\`SELECT * FROM events\`.cursor(100)) {
    await write(rows);
  }
}
`,
    },
    {
      name: 'mysql query read with .stream()',
      filename: 'src/jobs/export-events.js',
      code: `
const mysql = require('mysql');

const connection = mysql.createConnection(process.env.DATABASE_URL);

function exportEvents(out) {
  connection.query('SELECT * FROM events').stream().pipe(out);
}

module.exports = { exportEvents };
`,
    },
    {
      name: 'sqlite3 db.each reads rows one at a time',
      filename: 'src/jobs/export-events.js',
      code: `
const sqlite3 = require('sqlite3');

const db = new sqlite3.Database('app.db');

function exportEvents(write) {
  db.each('SELECT * FROM events', (err, row) => {
    if (err) throw err;
    write(row);
  });
}

module.exports = { exportEvents };
`,
    },
    {
      name: 'a test helper under test/ reads the whole table',
      filename: 'test/helpers/db.ts',
      code: `
import { prisma } from '../../src/db';

export async function allOrders() {
  return prisma.order.findMany();
}
`,
    },
    {
      name: 'an integration test under tests/ reads the whole table',
      filename: 'tests/integration/orders.ts',
      code: `
import { pool } from '../../src/db';

export async function allOrders() {
  const { rows } = await pool.query('SELECT * FROM orders');
  return rows;
}
`,
    },
    {
      name: 'typeorm ActiveRecord entity find with take, no typeorm import',
      filename: 'src/services/users.ts',
      code: `
import { User } from '../entities/user.entity';

export async function activeUsers() {
  return User.find({ where: { active: true }, take: 50 });
}
`,
    },
    {
      name: 'nestjs controller calling its own service findAll',
      filename: 'src/cats/cats.controller.ts',
      code: `
import { Controller, Get } from '@nestjs/common';
import { CatsService } from './cats.service';

@Controller('cats')
export class CatsController {
  constructor(private readonly catsService: CatsService) {}

  @Get()
  findAll() {
    return this.catsService.findAll();
  }
}
`,
    },
    {
      name: 'prisma findMany args bounded by an assignment to take',
      filename: 'src/services/orders.ts',
      code: `
import type { Prisma } from '@prisma/client';
import { prisma } from '../db';

export async function ordersForCustomer(customerId: string, limit: number) {
  const args: Prisma.OrderFindManyArgs = { where: { customerId } };
  args.take = Math.min(limit, 100);
  return prisma.order.findMany(args);
}
`,
    },
    {
      name: 'Ramda R.find is not a database read',
      filename: 'src/services/users.ts',
      code: `
import * as R from 'ramda';
import type { User } from '../types';

export function userById(users: User[], id: string) {
  return R.find(R.propEq(id, 'id'))(users);
}
`,
    },
    {
      name: 'find on an imported config constant is not a database read',
      filename: 'src/services/billing.ts',
      code: `
import { PLANS } from '../config/plans';

const sameTier = (tier: string) => (plan: { tier: string }) => plan.tier === tier;

export function planFor(tier: string) {
  return PLANS.find(sameTier(tier));
}
`,
    },
    {
      name: 'knex grouped aggregate over a coarse column is a report, one row per group',
      filename: 'src/services/stats/members-stats.js',
      code: `
class MembersStatsService {
  constructor({ knex }) {
    this.knex = knex;
  }

  async getCountByStatus() {
    const knex = this.knex;
    return knex('members').select('status').select(knex.raw('COUNT(id) AS total')).groupBy('status');
  }

  async getSignupsByDay(since) {
    const knex = this.knex;
    return knex('members_created_events')
      .select(knex.raw('DATE(created_at) as date'))
      .select(knex.raw('COUNT(*) as signups'))
      .select(knex.raw('referrer_source as source'))
      .where('created_at', '>=', since)
      .groupBy('date', 'referrer_source');
  }
}

module.exports = MembersStatsService;
`,
    },
    {
      name: 'SQL grouped aggregate over a coarse column',
      filename: 'src/repositories/reports.ts',
      code: `
import { pool } from '../db';

export async function revenueByCurrency() {
  const { rows } = await pool.query('SELECT currency, SUM(amount) AS total FROM payments GROUP BY currency ORDER BY currency');
  return rows;
}
`,
    },
    {
      name: 'the catalog and Oracle DUAL are sized by the schema',
      filename: 'src/database/health.ts',
      code: `
import { knex } from './connection';

export async function ping(client: string) {
  if (client === 'oracle') await knex.raw('select 1 from DUAL');
  else await knex.raw('SELECT 1');
}

export async function databaseExists(name: string) {
  const result = await knex.raw('SELECT 1 FROM pg_database WHERE datname = ?', [name]);
  return result.rows.length > 0;
}

export async function tableCollations(schema: string) {
  return knex('information_schema.tables').select({ name: 'TABLE_NAME', collation: 'TABLE_COLLATION' }).where({ TABLE_SCHEMA: schema });
}

export async function sqliteTables() {
  return knex.raw('select * from sqlite_master where type = "table"');
}

export async function pendingMigrations() {
  return (await knex.select('version').from('app_migrations')).map((r: { version: string }) => r.version);
}
`,
    },
    {
      name: 'a parenthesised COUNT subquery used as a value reads one row',
      filename: 'src/database/helpers/fn.ts',
      code: `
import type { Knex } from 'knex';

export function jsonCount(knex: Knex, table: string, column: string) {
  return knex.raw("(SELECT COUNT(*) FROM OPENJSON(??.??, '$'))", [table, column]);
}
`,
    },
    {
      name: 'knex select from a derived table is as big as its inner query',
      filename: 'src/database/helpers/sort.ts',
      code: `
import type { Knex } from 'knex';

export function rankRows(knex: Knex, inner: Knex.QueryBuilder) {
  const query = knex.select(knex.raw('??, 1 AS row_number', 'deep.*')).from(knex.raw('? as ??', [inner, 'deep']));
  return query;
}
`,
    },
    {
      name: 'reads by a list of keys the caller holds',
      filename: 'src/services/id-map.js',
      code: `
async function loadIds(strapi, uid, documentIds) {
  const rows = await strapi.db.query(uid).findMany({ select: ['id', 'documentId'], where: { documentId: { $in: documentIds } } });
  const users = await prisma.user.findMany({ where: { id: { in: documentIds } } });
  const orders = await Order.findAll({ where: { id: [1, 2, 3] } });
  return [rows, users, orders];
}

module.exports = { loadIds };
`,
    },
    {
      name: 'strapi document versions by documentId',
      filename: 'src/services/document-service/repository.js',
      code: `
async function publish(strapi, uid, documentId, lookup) {
  return strapi.db.query(uid).findMany({ where: { ...lookup, documentId, publishedAt: null } });
}

module.exports = { publish };
`,
    },
    {
      name: 'a configuration model read whole (roles, permissions)',
      filename: 'src/services/permissions/providers.js',
      code: `
const models = require('../../models');

async function memberPermissions() {
  const permissions = await models.Permission.findAll({ filter: 'object_type:comment' });
  return permissions.models;
}

module.exports = { memberPermissions };
`,
    },
    {
      name: 'knex: a subquery built in a whereNotExists callback runs as part of the outer query; seen in Backstage',
      filename: 'src/service/entities.ts',
      code: `
import { Knex } from 'knex';

export async function entitiesWithoutField(db: Knex, field: string, limit: number) {
  return db('final_entities')
    .select('final_entities.entity_id')
    .whereNotExists((qb) => qb.from('search').where('search.entity_id', db.ref('final_entities.entity_id')).andWhere('search.key', field))
    .limit(limit);
}
`,
    },
    {
      name: 'knex: reads keyed by each chunk of a lodash.chunk loop are the batched lookup; seen in Backstage',
      filename: 'src/database/markForStitching.ts',
      code: `
import { Knex } from 'knex';
import lodash from 'lodash';

export async function refsOf(knex: Knex, entityIds: string[], entityRefs: string[]) {
  const out: string[] = [];
  for (const chunk of lodash.chunk(entityIds, 100)) {
    await retryOnDeadlock(async () => {
      const rows = await knex('refresh_state').select('entity_ref').whereIn('entity_id', chunk);
      out.push(...rows.map((r) => r.entity_ref));
    });
  }
  for (const part of lodash.chunk(entityRefs, 1000)) {
    const refs = part.map((r) => r.toLowerCase());
    const rows = await knex('refresh_state').select(['entity_ref', 'location_key']).where(whereInArray('entity_ref', refs));
    out.push(...rows.map((r) => r.entity_ref));
  }
  return out;
}

declare function retryOnDeadlock(fn: () => Promise<void>): Promise<void>;
declare function whereInArray(col: string, values: string[]): (q: Knex.QueryBuilder) => void;
`,
    },
    {
      name: 'knex: whereIn on the id, and a column looked up by a list and selected alone, are bounded by the list',
      filename: 'src/database/orphans.ts',
      code: `
import { Knex } from 'knex';

export async function stillThere(tx: Knex, orphanIds: string[]) {
  const users = await tx('users').whereIn('id', orphanIds).select('id', 'email');
  await tx('refresh_state').select('entity_id').whereIn('entity_id', orphanIds).forUpdate();
  const remaining = await tx('refresh_state').select('entity_id').whereIn('entity_id', orphanIds);
  return { users, remaining };
}
`,
    },
    {
      name: 'SQL: a WITH whose CTEs delete and insert returns the rows it wrote; seen in Backstage',
      filename: 'src/database/syncRelations.ts',
      code: `
import { Knex } from 'knex';

export async function syncRelations(knex: Knex, entityId: string, sources: string[]) {
  const { rows } = await knex.raw(
    \`WITH desired AS (SELECT * FROM unnest(?::text[]) AS t(source)),
     deleted AS (DELETE FROM relations r WHERE r.entity_id = ? RETURNING r.source),
     inserted AS (INSERT INTO relations (entity_id, source) SELECT ?, d.source FROM desired d RETURNING source)
     SELECT 'd' AS op, source FROM deleted UNION ALL SELECT 'i' AS op, source FROM inserted\`,
    [sources, entityId, entityId],
  );
  return rows;
}
`,
    },
    {
      name: 'knex: count per kind, grouped by an aliased expression, and a distinct coarse column; seen in Backstage',
      filename: 'src/database/metrics.ts',
      code: `
import { Knex } from 'knex';

export async function countByKind(knex: Knex) {
  const kindExpr = knex.raw("split_part(entity_ref, ':', 1)");
  const rows = await knex('final_entities').whereNotNull('final_entity').select({ kind: kindExpr, count: knex.raw('count(*)') }).groupBy(kindExpr);
  return new Map(rows.map((row) => [String(row.kind), Number(row.count)]));
}

export async function sourceKeys(tx: Knex) {
  const rows = await tx('refresh_state_references').distinct('source_key').whereNotNull('source_key');
  return rows.map((row) => row.source_key);
}
`,
    },
    {
      name: 'knex: the one row destructured from an equality lookup; seen in Backstage',
      filename: 'src/providers/locationStore.ts',
      code: `
import { Knex } from 'knex';

export async function findConflict(tx: Knex, id: string, type: string, target: string) {
  const [conflict] = await tx('locations').where({ type, target }).whereNot({ id }).select();
  return conflict;
}
`,
    },
    {
      name: 'prisma: a data loader fetching the keys it was given, through an access-filter helper; seen in Keystone',
      filename: 'src/lib/fetchRelated.ts',
      code: `
import type { PrismaClient } from '@prisma/client';

export async function fetchRelatedItems(prisma: PrismaClient, idFieldKey: string, toFetch: string[]) {
  const resolvedWhere = await accessControlledFilter({ [idFieldKey]: { in: [...new Set(toFetch)] } });
  const results = await prisma.user.findMany({ where: resolvedWhere });
  const byId = new Map(results.map((x) => [x.id, x]));
  return toFetch.map((id) => byId.get(id));
}

declare function accessControlledFilter(where: object): Promise<object>;
`,
    },
    {
      name: 'knex: the same table read again by the keys of a limited batch already held (MySQL, no RETURNING); seen in Backstage',
      filename: 'src/database/stitchQueue.ts',
      code: `
import { Knex } from 'knex';

export async function lease(tx: Knex, batchSize: number) {
  const items = await tx('stitch_queue').select('entity_ref', 'failure_count').where('next_stitch_at', '<=', tx.fn.now()).orderBy('next_stitch_at').limit(batchSize);
  await tx('stitch_queue').whereIn('entity_ref', items.map((i) => i.entity_ref)).update({ next_stitch_at: tx.fn.now() });
  return tx('stitch_queue').select('entity_ref', 'next_stitch_at').whereIn('entity_ref', items.map((i) => i.entity_ref));
}
`,
    },
  ],
  invalid: [
    {
      name: 'prisma: a filter a helper builds from a status is as big as the table',
      filename: 'src/services/orders.ts',
      code: `
import type { PrismaClient } from '@prisma/client';

export async function openOrders(prisma: PrismaClient) {
  const where = await accessControlledFilter({ status: 'open' });
  return prisma.order.findMany({ where });
}

declare function accessControlledFilter(where: object): Promise<object>;
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 6,
          column: 23,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`take`' },
              output: `
import type { PrismaClient } from '@prisma/client';

export async function openOrders(prisma: PrismaClient) {
  const where = await accessControlledFilter({ status: 'open' });
  return prisma.order.findMany({ where, take: 100 });
}

declare function accessControlledFilter(where: object): Promise<object>;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'knex: the first row destructured from an ordered read still reads every row',
      filename: 'src/repositories/events.ts',
      code: `
import { Knex } from 'knex';

export async function latestEvent(knex: Knex, userId: string) {
  const [latest] = await knex('events').where({ user_id: userId }).orderBy('created_at', 'desc');
  return latest;
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 26,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import { Knex } from 'knex';

export async function latestEvent(knex: Knex, userId: string) {
  const [latest] = await knex('events').where({ user_id: userId }).orderBy('created_at', 'desc').limit(100);
  return latest;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'knex: distinct user ids is one row per user',
      filename: 'src/repositories/orders.ts',
      code: `
import { Knex } from 'knex';

export async function buyers(knex: Knex) {
  return knex('orders').distinct('user_id');
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import { Knex } from 'knex';

export async function buyers(knex: Knex) {
  return knex('orders').distinct('user_id').limit(100);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'knex aggregate grouped by an id returns one row per entity',
      filename: 'src/services/stats/customers.js',
      code: `
const { knex } = require('../../db');

async function spendPerCustomer() {
  return knex('orders').select('customer_id').select(knex.raw('SUM(total) AS spent')).groupBy('customer_id');
}

module.exports = { spendPerCustomer };
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
const { knex } = require('../../db');

async function spendPerCustomer() {
  return knex('orders').select('customer_id').select(knex.raw('SUM(total) AS spent')).groupBy('customer_id').limit(100);
}

module.exports = { spendPerCustomer };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'SQL aggregate grouped by a user id returns one row per user',
      filename: 'src/repositories/reports.ts',
      code: `
import { pool } from '../db';

export async function ordersPerUser() {
  const { rows } = await pool.query('SELECT user_id, COUNT(*) AS n FROM orders GROUP BY user_id');
  return rows;
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 37,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`LIMIT`' },
              output: `
import { pool } from '../db';

export async function ordersPerUser() {
  const { rows } = await pool.query('SELECT user_id, COUNT(*) AS n FROM orders GROUP BY user_id LIMIT 100');
  return rows;
}
`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- Prisma
    {
      name: 'prisma findMany with a where but no take',
      filename: 'src/services/orders.ts',
      code: `
import { prisma } from '../db';

export async function listOrders(customerId: string) {
  return prisma.order.findMany({ where: { customerId } });
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 23,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`take`' },
              output: `
import { prisma } from '../db';

export async function listOrders(customerId: string) {
  return prisma.order.findMany({ where: { customerId }, take: 100 });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'prisma findMany with no arguments',
      filename: 'src/services/tags.ts',
      code: `
import { prisma } from '../db';

export async function allTags() {
  const tags = await prisma.tag.findMany();
  return tags.map((t) => t.name);
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 33,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`take`' },
              output: `
import { prisma } from '../db';

export async function allTags() {
  const tags = await prisma.tag.findMany({ take: 100 });
  return tags.map((t) => t.name);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'prisma findMany with an empty options object in a route handler',
      filename: 'src/routes/products.ts',
      code: `
import { Router } from 'express';
import { prisma } from '../db';

const router = Router();

router.get('/products', async (_req, res) => {
  res.json(await prisma.product.findMany({}));
});

export default router;
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 8,
          column: 33,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`take`' },
              output: `
import { Router } from 'express';
import { prisma } from '../db';

const router = Router();

router.get('/products', async (_req, res) => {
  res.json(await prisma.product.findMany({ take: 100 }));
});

export default router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'prisma findMany with options kept in a const: no automatic fix',
      filename: 'src/services/orders.ts',
      code: `
import { prisma } from '../db';

export async function ordersByStatus(status: string) {
  const args = { where: { status }, orderBy: { createdAt: 'desc' as const } };
  return prisma.order.findMany(args);
}
`,
      errors: [{ messageId: 'unboundedQuery', line: 6, column: 23, suggestions: [] }],
    },
    {
      name: 'prisma $queryRaw without LIMIT',
      filename: 'src/services/reports.ts',
      code: `
import { prisma } from '../db';

export async function ordersSince(since: Date) {
  return prisma.$queryRaw\`SELECT id, total FROM orders WHERE created_at > \${since}\`;
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 26,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`LIMIT`' },
              output: `
import { prisma } from '../db';

export async function ordersSince(since: Date) {
  return prisma.$queryRaw\`SELECT id, total FROM orders WHERE created_at > \${since} LIMIT 100\`;
}
`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- Mongoose
    {
      name: 'mongoose find without limit',
      filename: 'src/services/posts.ts',
      code: `
import { Post } from '../models/post';

export async function postsByAuthor(authorId: string) {
  return Post.find({ author: authorId }).sort({ createdAt: -1 }).lean();
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 15,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import { Post } from '../models/post';

export async function postsByAuthor(authorId: string) {
  return Post.find({ author: authorId }).limit(100).sort({ createdAt: -1 }).lean();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nestjs injected mongoose model find without limit',
      filename: 'src/users/users.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { User } from './user.schema';

@Injectable()
export class UsersService {
  constructor(@InjectModel(User.name) private readonly users: Model<User>) {}

  async inactive() {
    return this.users.find({ lastLoginAt: { $lt: new Date(Date.now() - 90 * 864e5) } }).exec();
  }
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 12,
          column: 23,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { User } from './user.schema';

@Injectable()
export class UsersService {
  constructor(@InjectModel(User.name) private readonly users: Model<User>) {}

  async inactive() {
    return this.users.find({ lastLoginAt: { $lt: new Date(Date.now() - 90 * 864e5) } }).limit(100).exec();
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'mongoose aggregate without $limit',
      filename: 'src/services/analytics.ts',
      code: `
import { Order } from '../models/order';

export async function salesBySku() {
  return Order.aggregate([
    { $match: { status: 'paid' } },
    { $group: { _id: '$sku', sold: { $sum: '$qty' } } },
  ]);
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 16,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: 'a `$limit` stage' },
              output: `
import { Order } from '../models/order';

export async function salesBySku() {
  return Order.aggregate([
    { $match: { status: 'paid' } },
    { $group: { _id: '$sku', sold: { $sum: '$qty' } } }, { $limit: 100 },
  ]);
}
`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- MongoDB driver
    {
      name: 'mongodb driver find().toArray() without limit',
      filename: 'src/repositories/events.ts',
      code: `
import type { Db } from 'mongodb';

export async function eventsOfType(db: Db, type: string) {
  return db.collection('events').find({ type }).toArray();
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 34,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import type { Db } from 'mongodb';

export async function eventsOfType(db: Db, type: string) {
  return db.collection('events').find({ type }).limit(100).toArray();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'mongodb driver typed collection find().sort().toArray() without limit',
      filename: 'src/audit/audit.service.ts',
      code: `
import type { Collection } from 'mongodb';
import type { AuditEvent } from './audit-event';

export class AuditService {
  constructor(private readonly events: Collection<AuditEvent>) {}

  forUser(userId: string) {
    return this.events.find({ userId }).sort({ at: -1 }).toArray();
  }
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 9,
          column: 24,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import type { Collection } from 'mongodb';
import type { AuditEvent } from './audit-event';

export class AuditService {
  constructor(private readonly events: Collection<AuditEvent>) {}

  forUser(userId: string) {
    return this.events.find({ userId }).sort({ at: -1 }).limit(100).toArray();
  }
}
`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- TypeORM
    {
      name: 'typeorm find of the messages of one chat: a history that grows, though named after its parent',
      filename: 'src/chat/messages.service.ts',
      code: `
import { TransactionalConnection } from '../connection/transactional-connection';
import { ChatMessage } from '../entity/chat-message.entity';

export class MessagesService {
  constructor(private connection: TransactionalConnection) {}

  history(ctx: RequestContext, chatId: string) {
    return this.connection.getRepository(ctx, ChatMessage).find({ where: { chat: { id: chatId } } });
  }
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 9,
          column: 60,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`take`' },
              output: `
import { TransactionalConnection } from '../connection/transactional-connection';
import { ChatMessage } from '../entity/chat-message.entity';

export class MessagesService {
  constructor(private connection: TransactionalConnection) {}

  history(ctx: RequestContext, chatId: string) {
    return this.connection.getRepository(ctx, ChatMessage).find({ where: { chat: { id: chatId } }, take: 100 });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'typeorm find of a customer\'s orders: the owner\'s history grows',
      filename: 'src/service/customer-orders.service.ts',
      code: `
import { TransactionalConnection } from '../connection/transactional-connection';
import { CustomerOrder } from '../entity/customer-order.entity';

export class CustomerOrdersService {
  constructor(private connection: TransactionalConnection) {}

  orders(ctx: RequestContext, customerId: string) {
    return this.connection.getRepository(ctx, CustomerOrder).find({ where: { customerId } });
  }
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 9,
          column: 62,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`take`' },
              output: `
import { TransactionalConnection } from '../connection/transactional-connection';
import { CustomerOrder } from '../entity/customer-order.entity';

export class CustomerOrdersService {
  constructor(private connection: TransactionalConnection) {}

  orders(ctx: RequestContext, customerId: string) {
    return this.connection.getRepository(ctx, CustomerOrder).find({ where: { customerId }, take: 100 });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'typeorm repository find without take',
      filename: 'src/services/invoices.ts',
      code: `
import { AppDataSource } from '../data-source';
import { Invoice } from '../entities/invoice';

const invoices = AppDataSource.getRepository(Invoice);

export async function unpaidInvoices() {
  return invoices.find({ where: { paid: false }, order: { dueAt: 'ASC' } });
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 8,
          column: 19,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`take`' },
              output: `
import { AppDataSource } from '../data-source';
import { Invoice } from '../entities/invoice';

const invoices = AppDataSource.getRepository(Invoice);

export async function unpaidInvoices() {
  return invoices.find({ where: { paid: false }, order: { dueAt: 'ASC' }, take: 100 });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nestjs @InjectRepository this.repo.find() without take',
      filename: 'src/orders/orders.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(@InjectRepository(Order) private readonly repo: Repository<Order>) {}

  findAll() {
    return this.repo.find();
  }
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 12,
          column: 22,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`take`' },
              output: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(@InjectRepository(Order) private readonly repo: Repository<Order>) {}

  findAll() {
    return this.repo.find({ take: 100 });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'typeorm findBy on a non-unique column: no automatic fix',
      filename: 'src/services/orders.ts',
      code: `
import { AppDataSource } from '../data-source';
import { Order } from '../entities/order';

const ordersRepository = AppDataSource.getRepository(Order);

export async function ordersWithStatus(status: string) {
  return ordersRepository.findBy({ status });
}
`,
      errors: [{ messageId: 'unboundedQuery', line: 8, column: 27, suggestions: [] }],
    },
    {
      name: 'typeorm query builder getMany without take',
      filename: 'src/orders/orders.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(@InjectRepository(Order) private readonly repo: Repository<Order>) {}

  byCustomer(customerId: string) {
    return this.repo
      .createQueryBuilder('o')
      .where('o.customerId = :customerId', { customerId })
      .orderBy('o.createdAt', 'DESC')
      .getMany();
  }
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 16,
          column: 8,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.take()`' },
              output: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(@InjectRepository(Order) private readonly repo: Repository<Order>) {}

  byCustomer(customerId: string) {
    return this.repo
      .createQueryBuilder('o')
      .where('o.customerId = :customerId', { customerId })
      .orderBy('o.createdAt', 'DESC').take(100)
      .getMany();
  }
}
`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- Sequelize
    {
      name: 'sequelize findAll with a where but no limit',
      filename: 'src/services/products.ts',
      code: `
import { Product } from '../models';

export async function productsInCategory(categoryId: number) {
  return Product.findAll({ where: { categoryId }, order: [['name', 'ASC']] });
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 18,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`limit`' },
              output: `
import { Product } from '../models';

export async function productsInCategory(categoryId: number) {
  return Product.findAll({ where: { categoryId }, order: [['name', 'ASC']], limit: 100 });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'sequelize findAll() in an express handler',
      filename: 'src/routes/users.js',
      code: `
const express = require('express');
const { User } = require('../models');

const router = express.Router();

router.get('/users', async (req, res) => {
  const users = await User.findAll();
  res.json(users);
});

module.exports = router;
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 8,
          column: 28,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`limit`' },
              output: `
const express = require('express');
const { User } = require('../models');

const router = express.Router();

router.get('/users', async (req, res) => {
  const users = await User.findAll({ limit: 100 });
  res.json(users);
});

module.exports = router;
`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- Knex
    {
      name: 'knex select without limit',
      filename: 'src/repositories/orders.ts',
      code: `
import { knex } from '../db';

export async function ordersWithStatus(status: string) {
  return knex('orders').where('status', status).orderBy('created_at', 'desc').select('*');
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import { knex } from '../db';

export async function ordersWithStatus(status: string) {
  return knex('orders').where('status', status).orderBy('created_at', 'desc').select('*').limit(100);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'knex db.select().from() without limit',
      filename: 'src/repositories/customers.js',
      code: `
const db = require('knex')(require('../knexfile'));

async function customersInCountry(country) {
  const rows = await db.select('id', 'name').from('customers').where('country', country);
  return rows;
}

module.exports = { customersInCountry };
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 25,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
const db = require('knex')(require('../knexfile'));

async function customersInCountry(country) {
  const rows = await db.select('id', 'name').from('customers').where('country', country).limit(100);
  return rows;
}

module.exports = { customersInCountry };
`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- Drizzle
    {
      name: 'drizzle db.select().from(t) without limit',
      filename: 'src/repositories/orders.ts',
      code: `
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { orders } from '../db/schema';

export async function ordersForCustomer(customerId: string) {
  return db.select().from(orders).where(eq(orders.customerId, customerId));
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 7,
          column: 13,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { orders } from '../db/schema';

export async function ordersForCustomer(customerId: string) {
  return db.select().from(orders).where(eq(orders.customerId, customerId)).limit(100);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'prisma findMany whose only take is on a nested relation',
      filename: 'src/services/authors.ts',
      code: `
import { prisma } from '../db';

export async function authorsWithLatestPosts() {
  return prisma.user.findMany({
    include: { posts: { take: 5, orderBy: { createdAt: 'desc' } } },
  });
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 22,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`take`' },
              output: `
import { prisma } from '../db';

export async function authorsWithLatestPosts() {
  return prisma.user.findMany({
    include: { posts: { take: 5, orderBy: { createdAt: 'desc' } } }, take: 100,
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'prisma $queryRawUnsafe without LIMIT',
      filename: 'src/services/exports.ts',
      code: `
import { prisma } from '../db';

export async function exportOrders() {
  return prisma.$queryRawUnsafe('SELECT id, total, status FROM orders ORDER BY id');
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 33,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`LIMIT`' },
              output: `
import { prisma } from '../db';

export async function exportOrders() {
  return prisma.$queryRawUnsafe('SELECT id, total, status FROM orders ORDER BY id LIMIT 100');
}
`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- Mongoose (more)
    {
      name: 'mongoose query kept in a variable and awaited without a limit',
      filename: 'src/services/orders.ts',
      code: `
import { Order } from '../models/order';

export async function searchOrders(status?: string) {
  const query = Order.find({ deletedAt: null });
  if (status) query.where('status').equals(status);
  return await query;
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 23,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import { Order } from '../models/order';

export async function searchOrders(status?: string) {
  const query = Order.find({ deletedAt: null }).limit(100);
  if (status) query.where('status').equals(status);
  return await query;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'mongoose find inside Promise.all is still executed',
      filename: 'src/services/dashboard.ts',
      code: `
import { Order } from '../models/order';

export async function dashboard() {
  const [open, total] = await Promise.all([Order.find({ status: 'open' }).lean(), Order.countDocuments()]);
  return { open, total };
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 50,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import { Order } from '../models/order';

export async function dashboard() {
  const [open, total] = await Promise.all([Order.find({ status: 'open' }).limit(100).lean(), Order.countDocuments()]);
  return { open, total };
}
`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- TypeORM (more)
    {
      name: 'typeorm property-injected repository find without take',
      filename: 'src/tags/tags.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Tag } from './tag.entity';

@Injectable()
export class TagsService {
  @InjectRepository(Tag)
  private tags!: Repository<Tag>;

  all() {
    return this.tags.find({ order: { name: 'ASC' } });
  }
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 13,
          column: 22,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`take`' },
              output: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Tag } from './tag.entity';

@Injectable()
export class TagsService {
  @InjectRepository(Tag)
  private tags!: Repository<Tag>;

  all() {
    return this.tags.find({ order: { name: 'ASC' }, take: 100 });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'typeorm entity manager find without take',
      filename: 'src/services/orders.ts',
      code: `
import { AppDataSource } from '../data-source';
import { Order } from '../entities/order';

export async function allOrders() {
  return AppDataSource.manager.find(Order, { order: { createdAt: 'DESC' } });
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 6,
          column: 32,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`take`' },
              output: `
import { AppDataSource } from '../data-source';
import { Order } from '../entities/order';

export async function allOrders() {
  return AppDataSource.manager.find(Order, { order: { createdAt: 'DESC' }, take: 100 });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'typeorm findAndCount with skip but no take',
      filename: 'src/services/orders.ts',
      code: `
import { AppDataSource } from '../data-source';
import { Order } from '../entities/order';

const ordersRepository = AppDataSource.getRepository(Order);

export async function ordersPage(page: number) {
  const [items, total] = await ordersRepository.findAndCount({ order: { id: 'DESC' }, skip: page * 20 });
  return { items, total };
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 8,
          column: 49,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`take`' },
              output: `
import { AppDataSource } from '../data-source';
import { Order } from '../entities/order';

const ordersRepository = AppDataSource.getRepository(Order);

export async function ordersPage(page: number) {
  const [items, total] = await ordersRepository.findAndCount({ order: { id: 'DESC' }, skip: page * 20, take: 100 });
  return { items, total };
}
`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- Drizzle (more)
    {
      name: 'drizzle relational findMany without limit',
      filename: 'src/repositories/users.ts',
      code: `
import { db } from '../db';

export async function usersWithPosts() {
  return db.query.users.findMany({ with: { posts: true } });
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 25,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`limit`' },
              output: `
import { db } from '../db';

export async function usersWithPosts() {
  return db.query.users.findMany({ with: { posts: true }, limit: 100 });
}
`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- Raw SQL
    {
      name: 'pg pool.query SELECT without LIMIT',
      filename: 'src/repositories/users.js',
      code: `
const { pool } = require('../db');

async function activeUsers() {
  const { rows } = await pool.query('SELECT id, email FROM users WHERE active = true');
  return rows;
}

module.exports = { activeUsers };
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 37,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`LIMIT`' },
              output: `
const { pool } = require('../db');

async function activeUsers() {
  const { rows } = await pool.query('SELECT id, email FROM users WHERE active = true LIMIT 100');
  return rows;
}

module.exports = { activeUsers };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'pg pool.query with a config object and a trailing semicolon',
      filename: 'src/repositories/orders.ts',
      code: `
import { pool } from '../db';

export async function ordersForCustomer(customerId: string) {
  const result = await pool.query({ text: 'SELECT * FROM orders WHERE customer_id = $1 ORDER BY created_at DESC;', values: [customerId] });
  return result.rows;
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 43,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`LIMIT`' },
              output: `
import { pool } from '../db';

export async function ordersForCustomer(customerId: string) {
  const result = await pool.query({ text: 'SELECT * FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 100;', values: [customerId] });
  return result.rows;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'mysql2 execute SELECT without LIMIT',
      filename: 'src/repositories/products.ts',
      code: `
import { pool } from '../db';

export async function productsInCategory(categoryId: number) {
  const [rows] = await pool.execute('SELECT id, name, price FROM products WHERE category_id = ?', [categoryId]);
  return rows;
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 37,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`LIMIT`' },
              output: `
import { pool } from '../db';

export async function productsInCategory(categoryId: number) {
  const [rows] = await pool.execute('SELECT id, name, price FROM products WHERE category_id = ? LIMIT 100', [categoryId]);
  return rows;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'sqlite3 db.all SELECT without LIMIT',
      filename: 'src/repositories/notes.js',
      code: `
const db = require('../db');

function notesForUser(userId, cb) {
  db.all(\`SELECT id, title, body
          FROM notes
          WHERE user_id = ?\`, [userId], cb);
}

module.exports = { notesForUser };
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`LIMIT`' },
              output: `
const db = require('../db');

function notesForUser(userId, cb) {
  db.all(\`SELECT id, title, body
          FROM notes
          WHERE user_id = ? LIMIT 100\`, [userId], cb);
}

module.exports = { notesForUser };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'better-sqlite3 prepare().all() without LIMIT',
      filename: 'src/repositories/tasks.ts',
      code: `
import Database from 'better-sqlite3';

const db = new Database('app.db');

export function openTasks(projectId: number) {
  return db.prepare('SELECT id, title FROM tasks WHERE project_id = ? AND done = 0').all(projectId);
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 7,
          column: 21,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`LIMIT`' },
              output: `
import Database from 'better-sqlite3';

const db = new Database('app.db');

export function openTasks(projectId: number) {
  return db.prepare('SELECT id, title FROM tasks WHERE project_id = ? AND done = 0 LIMIT 100').all(projectId);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'SQL kept in a module constant: the report and fix land on the constant',
      filename: 'src/repositories/orders.ts',
      code: `
import { pool } from '../db';

const ORDERS_BY_STATUS = 'SELECT id, total FROM orders WHERE status = $1 ORDER BY created_at DESC';

export async function ordersByStatus(status: string) {
  const { rows } = await pool.query(ORDERS_BY_STATUS, [status]);
  return rows;
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 4,
          column: 26,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`LIMIT`' },
              output: `
import { pool } from '../db';

const ORDERS_BY_STATUS = 'SELECT id, total FROM orders WHERE status = $1 ORDER BY created_at DESC LIMIT 100';

export async function ordersByStatus(status: string) {
  const { rows } = await pool.query(ORDERS_BY_STATUS, [status]);
  return rows;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'pg SELECT built by concatenation: no automatic fix',
      filename: 'src/repositories/audit.ts',
      code: `
import { pool } from '../db';

const AUDIT_TABLE = process.env.AUDIT_TABLE ?? 'audit_log';

export async function auditFor(actorId: string) {
  const { rows } = await pool.query('SELECT * FROM ' + AUDIT_TABLE + ' WHERE actor_id = $1', [actorId]);
  return rows;
}
`,
      errors: [{ messageId: 'unboundedQuery', line: 7, column: 37, suggestions: [] }],
    },
    // ---------------------------------------------------------------- Regressions
    {
      name: 'prisma findMany on an id range (cursor) is a list, not one row',
      filename: 'src/services/orders.ts',
      code: `
import { prisma } from '../db';

export async function ordersAfter(cursor: string) {
  return prisma.order.findMany({ where: { id: { gt: cursor } } });
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 23,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`take`' },
              output: `
import { prisma } from '../db';

export async function ordersAfter(cursor: string) {
  return prisma.order.findMany({ where: { id: { gt: cursor } }, take: 100 });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'prisma findMany with contains on the email is a search, not one row',
      filename: 'src/services/users.ts',
      code: `
import { prisma } from '../db';

export async function searchUsers(q: string) {
  return prisma.user.findMany({ where: { email: { contains: q } } });
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 22,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`take`' },
              output: `
import { prisma } from '../db';

export async function searchUsers(q: string) {
  return prisma.user.findMany({ where: { email: { contains: q } }, take: 100 });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'mongoose find with a RegExp on the email is a search',
      filename: 'src/services/users.ts',
      code: `
import { User } from '../models/user';

export async function searchUsers(q: string) {
  return User.find({ email: new RegExp(q, 'i') });
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 15,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import { User } from '../models/user';

export async function searchUsers(q: string) {
  return User.find({ email: new RegExp(q, 'i') }).limit(100);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'mongoose find on an _id range is a list',
      filename: 'src/services/messages.ts',
      code: `
import { Message } from '../models/message';

export async function messagesAfter(last: string) {
  return Message.find({ _id: { $gt: last } }).sort({ _id: 1 });
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 18,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import { Message } from '../models/message';

export async function messagesAfter(last: string) {
  return Message.find({ _id: { $gt: last } }).limit(100).sort({ _id: 1 });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'knex where(\'id\', \'>\', cursor) is a range, not one row',
      filename: 'src/repositories/events.ts',
      code: `
import { knex } from '../db';

export async function eventsAfter(cursor: number) {
  return knex('events').where('id', '>', cursor).orderBy('id');
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import { knex } from '../db';

export async function eventsAfter(cursor: number) {
  return knex('events').where('id', '>', cursor).orderBy('id').limit(100);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'typeorm find where id is MoreThan(c) is a range',
      filename: 'src/services/orders.ts',
      code: `
import { MoreThan } from 'typeorm';
import { AppDataSource } from '../data-source';
import { Order } from '../entities/order';

const repo = AppDataSource.getRepository(Order);

export async function ordersAfter(c: number) {
  return repo.find({ where: { id: MoreThan(c) } });
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 9,
          column: 15,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`take`' },
              output: `
import { MoreThan } from 'typeorm';
import { AppDataSource } from '../data-source';
import { Order } from '../entities/order';

const repo = AppDataSource.getRepository(Order);

export async function ordersAfter(c: number) {
  return repo.find({ where: { id: MoreThan(c) }, take: 100 });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'sequelize define()d model findAll with Op.like on the email',
      filename: 'src/services/users.ts',
      code: `
import { DataTypes, Op } from 'sequelize';
import { sequelize } from '../db';

const User = sequelize.define('User', {
  email: { type: DataTypes.STRING, unique: true },
  name: DataTypes.STRING,
});

export async function usersWithEmailEnding(q: string) {
  return User.findAll({ where: { email: { [Op.like]: '%' + q } } });
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 11,
          column: 15,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`limit`' },
              output: `
import { DataTypes, Op } from 'sequelize';
import { sequelize } from '../db';

const User = sequelize.define('User', {
  email: { type: DataTypes.STRING, unique: true },
  name: DataTypes.STRING,
});

export async function usersWithEmailEnding(q: string) {
  return User.findAll({ where: { email: { [Op.like]: '%' + q } }, limit: 100 });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'sequelize model imported from \'../models\': findAll with Op.like on the email',
      filename: 'src/services/users.ts',
      code: `
import { Op } from 'sequelize';
import { User } from '../models';

export async function usersWithEmailEnding(q: string) {
  return User.findAll({ where: { email: { [Op.like]: '%' + q } } });
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 6,
          column: 15,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`limit`' },
              output: `
import { Op } from 'sequelize';
import { User } from '../models';

export async function usersWithEmailEnding(q: string) {
  return User.findAll({ where: { email: { [Op.like]: '%' + q } }, limit: 100 });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'SQL filtered on a joined table\'s email reads many rows of the FROM table',
      filename: 'src/repositories/orders.ts',
      code: `
import { pool } from '../db';

export async function ordersForEmail(email: string) {
  const { rows } = await pool.query('SELECT o.* FROM orders o JOIN users u ON u.id = o.user_id WHERE u.email = $1', [email]);
  return rows;
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 37,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`LIMIT`' },
              output: `
import { pool } from '../db';

export async function ordersForEmail(email: string) {
  const { rows } = await pool.query('SELECT o.* FROM orders o JOIN users u ON u.id = o.user_id WHERE u.email = $1 LIMIT 100', [email]);
  return rows;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'drizzle select filtered on a joined table\'s id reads many rows',
      filename: 'src/repositories/orders.ts',
      code: `
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { orders, users } from '../db/schema';

export async function ordersOfUser(id: string) {
  return db.select().from(orders).innerJoin(users, eq(users.id, orders.userId)).where(eq(users.id, id));
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 7,
          column: 13,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { orders, users } from '../db/schema';

export async function ordersOfUser(id: string) {
  return db.select().from(orders).innerJoin(users, eq(users.id, orders.userId)).where(eq(users.id, id)).limit(100);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'mongodb driver cursor kept in a variable and turned into an array later',
      filename: 'src/repositories/events.ts',
      code: `
import type { Db } from 'mongodb';

export async function eventsOfType(db: Db, type: string) {
  const cursor = db.collection('events').find({ type });
  return cursor.toArray();
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 42,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import type { Db } from 'mongodb';

export async function eventsOfType(db: Db, type: string) {
  const cursor = db.collection('events').find({ type }).limit(100);
  return cursor.toArray();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'typeorm query builder made from getRepository() in the same chain',
      filename: 'src/services/orders.ts',
      code: `
import { AppDataSource } from '../data-source';
import { Order } from '../entities/order';

export async function ordersWithStatus(s: string) {
  return AppDataSource.getRepository(Order).createQueryBuilder('o').where('o.status = :s', { s }).getMany();
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 6,
          column: 99,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.take()`' },
              output: `
import { AppDataSource } from '../data-source';
import { Order } from '../entities/order';

export async function ordersWithStatus(s: string) {
  return AppDataSource.getRepository(Order).createQueryBuilder('o').where('o.status = :s', { s }).take(100).getMany();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'typeorm query builder made from an EntityManager parameter',
      filename: 'src/services/orders.ts',
      code: `
import type { EntityManager } from 'typeorm';
import { Order } from '../entities/order';

export function openOrders(manager: EntityManager) {
  return manager.createQueryBuilder(Order, 'o').where('o.status = :status', { status: 'open' }).getMany();
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 6,
          column: 97,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.take()`' },
              output: `
import type { EntityManager } from 'typeorm';
import { Order } from '../entities/order';

export function openOrders(manager: EntityManager) {
  return manager.createQueryBuilder(Order, 'o').where('o.status = :status', { status: 'open' }).take(100).getMany();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'drizzle select executed with .execute(): the limit goes before it',
      filename: 'src/repositories/orders.ts',
      code: `
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { orders } from '../db/schema';

export async function openOrders() {
  return await db.select().from(orders).where(eq(orders.status, 'open')).execute();
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 7,
          column: 19,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { orders } from '../db/schema';

export async function openOrders() {
  return await db.select().from(orders).where(eq(orders.status, 'open')).limit(100).execute();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'SQL whose only LIMIT is inside a subquery',
      filename: 'src/repositories/orders.ts',
      code: `
import { pool } from '../db';

export async function ordersOfNewestCustomers() {
  const { rows } = await pool.query('SELECT * FROM orders WHERE customer_id IN (SELECT id FROM customers ORDER BY created_at DESC LIMIT 10)');
  return rows;
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 37,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`LIMIT`' },
              output: `
import { pool } from '../db';

export async function ordersOfNewestCustomers() {
  const { rows } = await pool.query('SELECT * FROM orders WHERE customer_id IN (SELECT id FROM customers ORDER BY created_at DESC LIMIT 10) LIMIT 100');
  return rows;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'knex builder executed with .then(): the limit goes before it',
      filename: 'src/repositories/orders.ts',
      code: `
import { knex } from '../db';
import { toDto } from './order-dto';

export function ordersWithStatus(s: string) {
  return knex('orders').where('status', s).then((rows) => rows.map(toDto));
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 6,
          column: 10,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`.limit()`' },
              output: `
import { knex } from '../db';
import { toDto } from './order-dto';

export function ordersWithStatus(s: string) {
  return knex('orders').where('status', s).limit(100).then((rows) => rows.map(toDto));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'SQL with FOR UPDATE SKIP LOCKED: LIMIT goes before the locking clause',
      filename: 'src/jobs/queue.ts',
      code: `
import { pool } from '../db';

export async function claimQueuedJobs() {
  const { rows } = await pool.query(\`SELECT id FROM jobs WHERE state = 'queued' ORDER BY id FOR UPDATE SKIP LOCKED\`);
  return rows;
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 37,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`LIMIT`' },
              output: `
import { pool } from '../db';

export async function claimQueuedJobs() {
  const { rows } = await pool.query(\`SELECT id FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED\`);
  return rows;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'SQL template ending in a comment line: LIMIT goes before the comment',
      filename: 'src/repositories/payouts.ts',
      code: `
import { pool } from '../db';

export async function pendingPayouts() {
  const { rows } = await pool.query(\`
    SELECT id, amount, account_id
    FROM payouts
    WHERE status = 'pending'
    ORDER BY created_at
    -- oldest first so nothing starves
  \`);
  return rows;
}
`,
      errors: [
        {
          messageId: 'unboundedQuery',
          line: 5,
          column: 37,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { what: '`LIMIT`' },
              output: `
import { pool } from '../db';

export async function pendingPayouts() {
  const { rows } = await pool.query(\`
    SELECT id, amount, account_id
    FROM payouts
    WHERE status = 'pending'
    ORDER BY created_at LIMIT 100
    -- oldest first so nothing starves
  \`);
  return rows;
}
`,
            },
          ],
        },
      ],
    },
  ],
});
