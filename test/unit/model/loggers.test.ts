import * as assert from 'node:assert/strict';
import { errorLogParts, logCall, logConvention, loggerAt, usesStructuredLogger } from '../../../src/engine/model/loggers';
import { messageConsumers, messagePublishes } from '../../../src/engine/model/messaging';
import { withModel } from '../support/model';

/** `level console|logger` for every call the model reads as a log call. */
function logs(code: string): string[] {
  return withModel(code, (model) =>
    model.ctx.index.calls.flatMap((c) => {
      const l = logCall(c);
      return l ? [`${l.level} ${l.console ? 'console' : 'logger'}`] : [];
    }),
  );
}

describe('model: loggers', () => {
  it('reads console, structured loggers, child loggers and request loggers; not Math.log or this.log()', () => {
    const code = `
console.error('x');
logger.info({ a: 1 }, 'y');
this.logger.warn('z');
req.log.info('r');
fastify.log.error('f');
logger.child({ orderId }).debug('c');
Math.log(2);
this.log('not a logger call');
auditLog.error('a');`;
    assert.deepEqual(logs(code), ['error console', 'info logger', 'warn logger', 'info logger', 'error logger', 'debug logger', 'error logger']);
  });

  it('knows when a file has a structured logger, and that hono/logger middleware is not one', () => {
    const uses = (code: string) => withModel(code, (m) => usesStructuredLogger(m.ctx));
    assert.equal(uses(`import pino from 'pino';`), true);
    assert.equal(uses(`import { logger } from '../lib/logger';`), true);
    assert.equal(uses(`import { logger } from '@acme/logger';`), true);
    assert.equal(uses(`import { Logger } from '@nestjs/common';`), true);
    assert.equal(uses(`import { logger } from 'hono/logger';\napp.use(logger());`), false);
    assert.equal(uses(`import morgan from 'morgan';\nconsole.log('x');`), false);
  });

  it('reads the convention: pino, winston, Nest, and from how the file calls a project logger', () => {
    const convention = (code: string) =>
      withModel(code, (m) => {
        const call = m.ctx.index.calls.find((c) => logCall(c)?.level === 'error')!;
        return logConvention(m.ctx, call);
      });
    assert.equal(convention(`import pino from 'pino';\nconst logger = pino();\nlogger.error('x');`), 'pino');
    assert.equal(convention(`const winston = require('winston');\nconst logger = winston.createLogger();\nlogger.error('x');`), 'trailing');
    assert.equal(convention(`fastify.post('/', async (request) => { request.log.error('x'); });`), 'pino');
    assert.equal(convention(`import { Logger } from '@nestjs/common';\nclass S { private readonly logger = new Logger('S'); run() { this.logger.error('x'); } }`), 'nest');
    assert.equal(convention(`import { logger } from './logger';\nlogger.info({ id }, 'a');\nlogger.error('x');`), 'pino');
    assert.equal(convention(`import { logger } from './logger';\nlogger.info('a', { id });\nlogger.error('x');`), 'trailing');
    assert.equal(convention(`import { logger } from './logger';\nlogger.error('x');`), undefined);
  });

  it('finds the logger a fix can use at a place: this.logger, request.log, the module logger; not a package factory', () => {
    const at = (code: string) =>
      withModel(code, (m) => {
        const call = m.ctx.index.calls.find((c) => c.callee.type === 'Identifier' && c.callee.name === 'here')!;
        const l = loggerAt(m.ctx, call);
        return l ? `${l.text} ${l.convention ?? '?'}` : undefined;
      });
    assert.equal(at(`import { Logger } from '@nestjs/common';\nclass S { private readonly logger = new Logger('S'); run() { here(); } }`), 'this.logger nest');
    assert.equal(at(`fastify.get('/', async (request) => { request.log.info('x'); here(); });`), 'request.log pino');
    assert.equal(at(`import pino from 'pino';\nexport const logger = pino();\nhere();`), 'logger pino');
    assert.equal(at(`import { pinoLogger } from 'hono-pino';\nhere();`), undefined);
    assert.equal(at(`import pino from 'pino';\nhere();`), undefined);
  });

  it('writes an error log in each convention', () => {
    const text = (l: Parameters<typeof errorLogParts>[0], err: string, ts = true) => {
      const p = errorLogParts(l, err, ts);
      return `${p.head}msg${p.tail}`;
    };
    assert.equal(text({ text: 'logger', convention: 'pino' }, 'err'), "logger.error({ err }, 'msg')");
    assert.equal(text({ text: 'logger', convention: 'pino' }, 'e'), "logger.error({ err: e }, 'msg')");
    assert.equal(text({ text: 'this.logger', convention: 'nest' }, 'err'), "this.logger.error('msg', (err as Error).stack)");
    assert.equal(text({ text: 'this.logger', convention: 'nest' }, 'err', false), "this.logger.error('msg', err.stack)");
    assert.equal(text(undefined, 'err'), "console.error('msg', err)");
  });
});

describe('model: messaging', () => {
  const publishes = (code: string) => withModel(code, (m) => messagePublishes(m.ctx).map((p) => `${p.system} ${p.operation}`));

  it('recognises publishes across brokers', () => {
    const code = `
import { SendMessageCommand } from '@aws-sdk/client-sqs';
await producer.send({ topic: 't', messages: [] });
channel.sendToQueue('q', Buffer.from('x'));
await sqs.send(new SendMessageCommand({ QueueUrl: u, MessageBody: b }));
await sns.publish({ TopicArn: a, Message: m }).promise();
await pubsub.topic('t').publishMessage({ json: {} });
await emailQueue.add('welcome', { id });`;
    assert.deepEqual(publishes(code), ['kafka send', 'rabbitmq sendToQueue', 'sqs SendMessageCommand', 'sns publish', 'pubsub publishMessage', 'bullmq add']);
  });

  it('leaves in-process emitters, Set.add and unknown publish calls alone', () => {
    const code = `
import { ClientProxy } from '@nestjs/microservices';
this.eventEmitter.emit('order.created', order);
seen.add(id);
seenQueue.add(id);
socket.emit('x', 1);
this.client.emit('order_created', order);
editor.publish(doc);`;
    assert.deepEqual(publishes(code), ['nest emit']);
  });

  it('finds amqplib and kafkajs consumers with their handlers', () => {
    const code = `
import amqp from 'amqplib';
import { Kafka } from 'kafkajs';
channel.consume('q', async (msg) => {}, { noAck: true });
await consumer.run({ eachMessage: async ({ message }) => {} });
limiter.consume(ip);`;
    const found = withModel(code, (m) => messageConsumers(m.ctx).map((c) => `${c.system} ${c.kind} ${c.handler ? 'handler' : '-'}`));
    // limiter.consume(ip) takes no handler: not a consumer
    assert.deepEqual(found, ['rabbitmq consume handler', 'kafka eachMessage handler']);
  });
});
