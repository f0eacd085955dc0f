import rule from '../../../src/engine/rules/consumer-auto-ack';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('consumer-auto-ack', rule, {
  valid: [
    { name: 'amqplib: ack after work, nack on failure', filename: 'src/workers/invoices.ts', code: `
import amqp from 'amqplib';
import { prisma } from '../db';
const conn = await amqp.connect(process.env.AMQP_URL!);
const channel = await conn.createChannel();
await channel.consume('invoices', async (msg) => {
  if (!msg) return;
  try {
    await prisma.invoice.create({ data: JSON.parse(msg.content.toString()) });
    channel.ack(msg);
  } catch (err) {
    channel.nack(msg, false, false);
  }
});
` },
    { name: 'amqplib: noAck for a cache-invalidation fan-out that does no async work', filename: 'src/cache/invalidate.js', code: `
const amqp = require('amqplib');
const cache = new Map();
async function listen() {
  const ch = await (await amqp.connect(process.env.AMQP_URL)).createChannel();
  ch.consume('cache.invalidate', (msg) => { cache.delete(msg.content.toString()); }, { noAck: true });
}
module.exports = { listen };
` },
    { name: 'amqplib: early ack of a duplicate then return', filename: 'src/workers/payments.ts', code: `
import type { Channel, ConsumeMessage } from 'amqplib';
import { seen, apply } from './payments';
export function start(channel: Channel) {
  channel.consume('payments', async (msg: ConsumeMessage | null) => {
    if (!msg) return;
    if (await seen(msg.properties.messageId)) {
      channel.ack(msg);
      return;
    }
    try {
      await apply(msg);
      channel.ack(msg);
    } catch {
      channel.reject(msg, false);
    }
  });
}
` },
    { name: 'amqplib: handler passes the channel on to a helper', filename: 'src/workers/emails.ts', code: `
import amqp from 'amqplib';
import { handleEmail } from './handle-email';
const channel = await (await amqp.connect('amqp://localhost')).createChannel();
await channel.consume('emails', (msg) => handleEmail(channel, msg));
` },
    { name: 'amqplib: class-field channel, helper acks', filename: 'src/consumers/orders.consumer.ts', code: `
import { Channel, ConsumeMessage } from 'amqplib';
export class OrdersConsumer {
  constructor(private readonly channel: Channel) {}
  async start() {
    await this.channel.consume('orders', (msg) => this.handle(msg));
  }
  private async handle(msg: ConsumeMessage | null) {}
}
` },
    { name: 'kafkajs eachMessage without try/catch: kafkajs retries on throw', filename: 'src/consumers/ledger.ts', code: `
import { Kafka } from 'kafkajs';
import { prisma } from '../db';
const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'ledger' });
await consumer.run({
  eachMessage: async ({ message }) => {
    await prisma.entry.create({ data: JSON.parse(message.value!.toString()) });
  },
});
` },
    { name: 'kafkajs: catch rethrows', filename: 'src/consumers/ledger.ts', code: `
import { Kafka } from 'kafkajs';
import { logger } from '../logger';
const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'ledger' });
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await apply(message);
    } catch (err) {
      logger.error({ err }, 'apply failed');
      throw err;
    }
  },
});
` },
    { name: 'kafkajs: catch publishes to a dead-letter topic', filename: 'src/consumers/ledger.ts', code: `
import { Kafka } from 'kafkajs';
const kafka = new Kafka({ brokers: ['k:9092'] });
const consumer = kafka.consumer({ groupId: 'ledger' });
const producer = kafka.producer();
await consumer.run({
  eachMessage: async ({ topic, message }) => {
    try {
      await apply(message);
    } catch (err) {
      await producer.send({ topic: topic + '.dlq', messages: [{ key: message.key, value: message.value }] });
    }
  },
});
` },
    { name: 'kafkajs eachBatch resolves after processing', filename: 'src/consumers/batch.ts', code: `
import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' });
await consumer.run({
  eachBatchAutoResolve: false,
  eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
    for (const message of batch.messages) {
      await handle(message);
      resolveOffset(message.offset);
      await heartbeat();
    }
  },
});
` },
    { name: 'kafkajs: catch around JSON.parse returns after sending to DLQ helper', filename: 'src/consumers/events.ts', code: `
import { Kafka } from 'kafkajs';
import { sendToDeadLetter } from './dlq';
const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' });
await consumer.run({
  eachMessage: async ({ message }) => {
    let event;
    try {
      event = JSON.parse(message.value!.toString());
    } catch (err) {
      await sendToDeadLetter(message, err);
      return;
    }
    await handle(event);
  },
});
` },
    { name: 'consume on something that is not a channel', filename: 'src/tokens.ts', code: `
import { limiter } from './limiter';
export async function take(ip: string) {
  await limiter.consume(ip, 1);
}
` },
    { name: 'test file', filename: 'src/__tests__/consumer.test.ts', code: `
import amqp from 'amqplib';
channel.consume('q', async (msg) => { await work(msg); }, { noAck: true });
` },
  ],
  invalid: [
    { name: 'noAck: true with a database write', filename: 'src/workers/invoices.ts', code: `
import amqp from 'amqplib';
import { prisma } from '../db';
const channel = await (await amqp.connect(process.env.AMQP_URL!)).createChannel();
await channel.consume('invoices', async (msg) => {
  if (!msg) return;
  await prisma.invoice.create({ data: JSON.parse(msg.content.toString()) });
}, { noAck: true });
`, errors: [{ messageId: 'consumerAutoAck', line: 8, column: 6, suggestions: [{ messageId: 'ackAfterWork', output: `
import amqp from 'amqplib';
import { prisma } from '../db';
const channel = await (await amqp.connect(process.env.AMQP_URL!)).createChannel();
await channel.consume('invoices', async (msg) => {
  if (!msg) return;
  await prisma.invoice.create({ data: JSON.parse(msg.content.toString()) });
  channel.ack(msg);
}, { noAck: false });
` }] }] },
    { name: 'noAck: true, named handler function', filename: 'src/workers/emails.js', code: `
const amqp = require('amqplib');
const { sendEmail } = require('../mailer');
async function onEmail(msg) {
  await sendEmail(JSON.parse(msg.content.toString()));
}
async function main() {
  const ch = await (await amqp.connect(process.env.AMQP_URL)).createChannel();
  await ch.consume('emails', onEmail, { noAck: true });
}
main();
`, errors: [{ messageId: 'consumerAutoAck', line: 9, column: 41, suggestions: [] }] },
    { name: 'ack before the processing await', filename: 'src/workers/shipments.ts', code: `
import amqp from 'amqplib';
import { shipments } from '../services';
const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
channel.consume('shipments', async (msg) => {
  if (!msg) return;
  channel.ack(msg);
  await shipments.book(JSON.parse(msg.content.toString()));
});
`, errors: [{ messageId: 'ackBeforeWork', line: 7, column: 3 }] },
    { name: 'ack first inside try', filename: 'src/workers/refunds.ts', code: `
import amqp from 'amqplib';
const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
channel.consume('refunds', async (msg) => {
  try {
    channel.ack(msg!);
    await refund(msg!);
  } catch (err) {
    channel.nack(msg!, false, false);
  }
});
`, errors: [{ messageId: 'ackBeforeWork', line: 6, column: 5 }] },
    { name: 'never acks', filename: 'src/workers/audit.ts', code: `
import amqp from 'amqplib';
import { AuditLog } from '../models';
async function start() {
  const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
  await channel.consume('audit', async (msg) => {
    await AuditLog.create({ entry: msg!.content.toString() });
  });
}
start();
`, errors: [{ messageId: 'neverAcks', line: 6, column: 17 }] },
    { name: 'acks on success, nothing on failure', filename: 'src/workers/thumbs.ts', code: `
import amqp from 'amqplib';
import { logger } from '../logger';
const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
channel.consume('thumbnails', async (msg) => {
  if (!msg) return;
  try {
    await render(msg.content.toString());
    channel.ack(msg);
  } catch (err) {
    logger.error({ err }, 'render failed');
  }
});
`, errors: [{ messageId: 'noNack', line: 5, column: 9 }] },
    { name: 'kafkajs: eachMessage catch only logs', filename: 'src/consumers/ledger.ts', code: `
import { Kafka } from 'kafkajs';
import { logger } from '../logger';
const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'ledger' });
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await apply(JSON.parse(message.value!.toString()));
    } catch (err) {
      logger.error({ err }, 'ledger apply failed');
    }
  },
});
`, errors: [{ messageId: 'swallowedInEachMessage', line: 9, column: 7 }] },
    { name: 'kafkajs: eachMessage as a method with an empty catch', filename: 'src/consumers/orders.js', code: `
const { Kafka } = require('kafkajs');
const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'orders' });
consumer.run({
  async eachMessage({ message }) {
    try {
      await handleOrder(message);
    } catch (e) {}
  },
});
`, errors: [{ messageId: 'swallowedInEachMessage', line: 8, column: 7 }] },
    { name: 'kafkajs eachBatch resolves the offset before processing', filename: 'src/consumers/batch.ts', code: `
import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' });
await consumer.run({
  eachBatchAutoResolve: false,
  eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
    for (const message of batch.messages) {
      resolveOffset(message.offset);
      await handle(message);
      await heartbeat();
    }
  },
});
`, errors: [{ messageId: 'resolveBeforeWork', line: 8, column: 7 }] },
    { name: 'amqp-connection-manager channel wrapper with noAck', filename: 'src/workers/notify.ts', code: `
import amqp from 'amqp-connection-manager';
const connection = amqp.connect(['amqp://rabbit']);
const channelWrapper = connection.createChannel({ json: true });
channelWrapper.consume('notify', async (msg) => {
  await notifyUser(JSON.parse(msg.content.toString()));
}, { noAck: true, prefetch: 10 });
`, errors: [{ messageId: 'consumerAutoAck', line: 7, column: 6, suggestions: [{ messageId: 'ackAfterWork', output: `
import amqp from 'amqp-connection-manager';
const connection = amqp.connect(['amqp://rabbit']);
const channelWrapper = connection.createChannel({ json: true });
channelWrapper.consume('notify', async (msg) => {
  await notifyUser(JSON.parse(msg.content.toString()));
  channelWrapper.ack(msg);
}, { noAck: false, prefetch: 10 });
` }] }] },
  ],
});
