import rule from '../../../src/engine/rules/dual-write';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('dual-write', rule, {
  valid: [
    { name: 'prisma outbox row in the same transaction', filename: 'src/orders/service.ts', code: `
import { prisma } from '../db';
export async function placeOrder(input: { customerId: string }) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: input });
    await tx.outboxEvent.create({ data: { aggregateId: order.id, type: 'OrderPlaced', payload: order } });
    return order;
  });
}
` },
    { name: 'outbox relay: read, publish, then mark published', filename: 'src/outbox/relay.ts', code: `
import { prisma } from '../db';
import { producer } from '../kafka';
export async function relay() {
  const rows = await prisma.outboxEvent.findMany({ where: { publishedAt: null }, take: 100 });
  await producer.send({ topic: 'orders.v1', messages: rows.map((r) => ({ key: r.aggregateId, value: JSON.stringify(r.payload) })) });
  await prisma.outboxEvent.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { publishedAt: new Date() } });
}
` },
    { name: 'publish only, no write', filename: 'src/notify.ts', code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ brokers: ['k:9092'] }).producer();
export async function ping(id: string) {
  await producer.send({ topic: 'pings', messages: [{ value: id }] });
}
` },
    { name: 'write only', filename: 'src/users.ts', code: `
import { prisma } from './db';
export async function rename(id: string, name: string) {
  return prisma.user.update({ where: { id }, data: { name } });
}
` },
    { name: 'in-process EventEmitter is not a broker', filename: 'src/orders.service.ts', code: `
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
@Injectable()
export class OrdersService {
  constructor(private readonly repo: Repository<Order>, private readonly eventEmitter: EventEmitter2) {}
  async create(dto: CreateOrderDto) {
    const order = await this.repo.save(dto);
    this.eventEmitter.emit('order.created', order);
    return order;
  }
}
` },
    { name: 'publish before the write (different function)', filename: 'src/handlers.ts', code: `
import { producer } from './kafka';
import { prisma } from './db';
export async function announce(id: string) {
  await producer.send({ topic: 't', messages: [{ value: id }] });
}
export async function save(id: string) {
  await prisma.audit.create({ data: { id } });
}
` },
    { name: 'read then publish', filename: 'src/sync.ts', code: `
import { prisma } from './db';
import { sqs } from './aws';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
export async function resync(id: string) {
  const user = await prisma.user.findUnique({ where: { id } });
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.Q, MessageBody: JSON.stringify(user) }));
}
` },
    { name: 'SQL outbox insert in a pg transaction', filename: 'src/payments.ts', code: `
import { pool } from './db';
import { channel } from './amqp';
export async function capture(id: string) {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query('UPDATE payments SET status = $1 WHERE id = $2', ['captured', id]);
  await client.query('INSERT INTO outbox (topic, payload) VALUES ($1, $2)', ['payments', JSON.stringify({ id })]);
  await client.query('COMMIT');
  channel.publish('payments', 'captured', Buffer.from(id));
}
` },
    { name: 'events row written in the transaction', filename: 'src/accounts.ts', code: `
import { sequelize, Account, DomainEvent } from './models';
export async function open(input: object) {
  await sequelize.transaction(async (t) => {
    const account = await Account.create(input, { transaction: t });
    await DomainEvent.create({ type: 'AccountOpened', payload: account.id }, { transaction: t });
  });
}
` },
    { name: 'Set.add is not a queue', filename: 'src/cache.ts', code: `
import { prisma } from './db';
const seenQueue = new Set<string>();
export async function mark(id: string) {
  await prisma.seen.create({ data: { id } });
  seenQueue.add(id);
}
` },
    { name: 'writes and publishes in different handlers', filename: 'src/routes.ts', code: `
import { Router } from 'express';
import { Order } from './models';
import { channel } from './amqp';
const router = Router();
router.post('/orders', async (req, res) => { res.json(await Order.create(req.body)); });
router.post('/orders/:id/notify', async (req, res) => { channel.sendToQueue('notify', Buffer.from(req.params.id)); res.sendStatus(202); });
export default router;
` },
    { name: 'test file', filename: 'src/__tests__/orders.test.ts', code: `
it('x', async () => { await prisma.order.create({ data: {} }); await producer.send({ topic: 't', messages: [] }); });
` },
  ],
  invalid: [
    { name: 'prisma create then kafka send', filename: 'src/orders/place-order.ts', code: `
import { prisma } from '../db';
import { producer } from '../kafka';
export async function placeOrder(input: { customerId: string }) {
  const order = await prisma.order.create({ data: input });
  await producer.send({ topic: 'orders.v1', messages: [{ key: order.id, value: JSON.stringify(order) }] });
  return order;
}
`, errors: [{ messageId: 'dualWrite', line: 6, column: 9, data: { operation: 'create', line: '5', system: 'Kafka' } }] },
    { name: 'publish inside the prisma transaction', filename: 'src/orders/place-order.ts', code: `
import { prisma } from '../db';
import { producer } from '../kafka';
export async function placeOrder(input: { customerId: string }) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: input });
    await producer.send({ topic: 'orders.v1', messages: [{ value: order.id }] });
    return order;
  });
}
`, errors: [{ messageId: 'publishInTransaction', line: 7, column: 11 }] },
    { name: 'transaction then publish outside it', filename: 'src/orders/place-order.ts', code: `
import { prisma } from '../db';
import { producer } from '../kafka';
export async function placeOrder(input: { customerId: string }) {
  const order = await prisma.$transaction(async (tx) => tx.order.create({ data: input }));
  await producer.send({ topic: 'orders.v1', messages: [{ value: order.id }] });
  return order;
}
`, errors: [{ messageId: 'dualWrite', line: 6, column: 9 }] },
    { name: 'nest: typeorm save then ClientProxy.emit', filename: 'src/orders/orders.service.ts', code: `
import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';
@Injectable()
export class OrdersService {
  constructor(@InjectRepository(Order) private readonly orders: Repository<Order>, @Inject('BILLING') private readonly billingClient: ClientProxy) {}
  async create(dto: Partial<Order>) {
    const order = await this.orders.save(dto);
    this.billingClient.emit('order_created', { id: order.id });
    return order;
  }
}
`, errors: [{ messageId: 'dualWrite', line: 12, column: 5 }] },
    { name: 'mongoose save then amqplib sendToQueue in an express handler', filename: 'src/routes/orders.js', code: `
const express = require('express');
const { Order } = require('../models');
const { channel } = require('../amqp');
const router = express.Router();
router.post('/orders', async (req, res) => {
  const order = await Order.create(req.body);
  channel.sendToQueue('orders', Buffer.from(JSON.stringify(order)), { persistent: true });
  res.status(201).json(order);
});
module.exports = router;
`, errors: [{ messageId: 'dualWrite', line: 8, column: 3 }] },
    { name: 'pg update then SNS publish (v3)', filename: 'src/payments.ts', code: `
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { pool } from './db';
const sns = new SNSClient({});
export async function refund(id: string) {
  await pool.query('UPDATE payments SET status = $1 WHERE id = $2', ['refunded', id]);
  await sns.send(new PublishCommand({ TopicArn: process.env.TOPIC, Message: id }));
}
`, errors: [{ messageId: 'dualWrite', line: 7, column: 9, data: { operation: 'UPDATE', line: '6', system: 'SNS' } }] },
    { name: 'sequelize then BullMQ queue.add', filename: 'src/signup.ts', code: `
import { Queue } from 'bullmq';
import { User } from './models';
const emailQueue = new Queue('email');
export async function signup(email: string) {
  const user = await User.create({ email });
  await emailQueue.add('welcome', { userId: user.id });
  return user;
}
`, errors: [{ messageId: 'dualWrite', line: 7, column: 9 }] },
    { name: 'drizzle insert then Pub/Sub publishMessage', filename: 'src/inventory.ts', code: `
import { PubSub } from '@google-cloud/pubsub';
import { sql } from 'drizzle-orm';
import { db } from './db';
import { stock } from './schema';
const pubsub = new PubSub();
export async function restock(sku: string, qty: number) {
  await db.insert(stock).values({ sku, qty, updatedAt: sql\`now()\` });
  await pubsub.topic('stock').publishMessage({ json: { sku, qty } });
}
`, errors: [{ messageId: 'dualWrite', line: 9, column: 9 }] },
    { name: 'knex update then NATS publish', filename: 'src/shipments.ts', code: `
import { connect, StringCodec } from 'nats';
import { knex } from './db';
const sc = StringCodec();
export async function ship(id: string) {
  const nc = await connect();
  await knex('shipments').where({ id }).update({ status: 'shipped' });
  nc.publish('shipments.shipped', sc.encode(id));
}
`, errors: [{ messageId: 'dualWrite', line: 8, column: 3 }] },
    { name: 'mongo updateOne then redis publish', filename: 'src/presence.ts', code: `
import Redis from 'ioredis';
import { db } from './mongo';
const redis = new Redis();
export async function setStatus(userId: string, status: string) {
  await db.collection('users').updateOne({ _id: userId }, { $set: { status } });
  await redis.publish('presence', JSON.stringify({ userId, status }));
}
`, errors: [{ messageId: 'dualWrite', line: 7, column: 9 }] },
    { name: 'EventBridge putEvents (v2) after a TypeORM update', filename: 'src/subscriptions.ts', code: `
import AWS from 'aws-sdk';
import { AppDataSource } from './data-source';
const eventBridge = new AWS.EventBridge();
export async function cancel(id: string) {
  await AppDataSource.getRepository('Subscription').update(id, { cancelledAt: new Date() });
  await eventBridge.putEvents({ Entries: [{ Source: 'billing', DetailType: 'SubscriptionCancelled', Detail: id }] }).promise();
}
`, errors: [{ messageId: 'dualWrite', line: 7, column: 9 }] },
  ],
});
