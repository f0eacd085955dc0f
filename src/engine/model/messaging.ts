/**
 * Message brokers: where a file publishes a message (Kafka, RabbitMQ, NestJS microservices, BullMQ, SQS, SNS,
 * Google Pub/Sub, NATS, Redis pub/sub, EventBridge) and where it consumes them (amqplib `consume`, kafkajs
 * `consumer.run`, Nest `@EventPattern`/`@MessagePattern`). An in-process `EventEmitter.emit` is not a broker and
 * is never a publish. The dual-write and consumer rules read these lists.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { T, calleeName, isFunction, memberPath, property, unwrap, type Call, type FunctionNode, type Node } from './ast';
import type { ModelContext } from './file-index';

export type MessageSystem = 'kafka' | 'rabbitmq' | 'nest' | 'bullmq' | 'sqs' | 'sns' | 'pubsub' | 'nats' | 'redis' | 'eventbridge';

export interface MessagePublish {
  call: Call;
  system: MessageSystem;
  /** What the code called: `send`, `publish`, `sendToQueue`, `emit`, `add`, `SendMessageCommand`… */
  operation: string;
}

export interface MessageConsumer {
  /** `channel.consume(…)`, `consumer.run(…)`; for Nest, undefined (the handler is a decorated method). */
  call?: Call;
  system: 'rabbitmq' | 'kafka' | 'nest';
  /** The function that handles a message: the consume callback, `eachMessage`/`eachBatch`, the decorated method. */
  handler?: FunctionNode;
  /** kafkajs: which callback `handler` is. */
  kind?: 'eachMessage' | 'eachBatch' | 'consume' | 'pattern';
  /** amqplib: the options object (`{ noAck: true }`); kafkajs: the `run` config. */
  options?: TSESTree.ObjectExpression;
}

const AWS_COMMANDS: Record<string, MessageSystem> = {
  SendMessageCommand: 'sqs',
  SendMessageBatchCommand: 'sqs',
  PublishCommand: 'sns',
  PublishBatchCommand: 'sns',
  PutEventsCommand: 'eventbridge',
};
const AWS_V2_METHODS: Record<string, { system: MessageSystem; receiver: RegExp }> = {
  sendMessage: { system: 'sqs', receiver: /sqs/i },
  sendMessageBatch: { system: 'sqs', receiver: /sqs/i },
  putEvents: { system: 'eventbridge', receiver: /event|bridge|cwe/i },
};
const PUBLISH_METHODS = new Set(['send', 'sendBatch', 'publish', 'publishMessage', 'publishJSON', 'sendToQueue', 'emit', 'add', 'addBulk', 'sendMessage', 'sendMessageBatch', 'putEvents']);
const KAFKA_PACKAGES = /^(kafkajs|@confluentinc\/kafka-javascript|node-rdkafka|@platformatic\/kafka)$/;
const AMQP_PACKAGES = /^(amqplib|amqplib\/callback_api|amqp-connection-manager|@golevelup\/nestjs-rabbitmq)$/;
const BULL_PACKAGES = /^(bullmq|bull|bee-queue|@nestjs\/bull|@nestjs\/bullmq)$/;
const NATS_PACKAGES = /^(nats|@nats-io\/\w+)$/;
const REDIS_PACKAGES = /^(ioredis|redis|@redis\/client|@upstash\/redis)$/;
const NEST_CLIENT = /(client|proxy)$/i;
const IN_PROCESS = /(emitter|eventBus|events|bus|socket|io|ws|subject)$/i;
const AMQP_RECEIVER = /^(ch|chan|channel|\w+Channel|confirmChannel|amqp|rabbit\w*|\w*Rabbit\w*|broker)$/;

interface Imports {
  kafka: boolean;
  amqp: boolean;
  bull: boolean;
  nats: boolean;
  redis: boolean;
  nest: boolean;
}

function importsOf(ctx: ModelContext): Imports {
  const out: Imports = { kafka: false, amqp: false, bull: false, nats: false, redis: false, nest: false };
  for (const ref of ctx.index.imports.values()) {
    if (KAFKA_PACKAGES.test(ref.source)) out.kafka = true;
    else if (AMQP_PACKAGES.test(ref.source)) out.amqp = true;
    else if (BULL_PACKAGES.test(ref.source)) out.bull = true;
    else if (NATS_PACKAGES.test(ref.source)) out.nats = true;
    else if (REDIS_PACKAGES.test(ref.source)) out.redis = true;
    else if (ref.source === '@nestjs/microservices') out.nest = true;
  }
  return out;
}

/** `{ topic, messages }`: the shape of a kafkajs `producer.send`. */
function kafkaRecord(arg: Node | undefined): boolean {
  return !!arg && arg.type === T.ObjectExpression && !!property(arg, 'messages') && (!!property(arg, 'topic') || !!property(arg, 'topicMessages'));
}

function classify(call: Call, name: string, ctx: ModelContext, imp: Imports): MessageSystem | undefined {
  const path = memberPath(call.callee);
  const receiver = path[path.length - 2] ?? '';
  const first = call.arguments[0] ? unwrap(call.arguments[0] as Node) : undefined;
  switch (name) {
    case 'send':
    case 'sendBatch': {
      // client.send(new SendMessageCommand(…)) — AWS SDK v3
      if (first?.type === T.NewExpression) {
        const cmd = calleeName(first);
        if (cmd && AWS_COMMANDS[cmd]) return AWS_COMMANDS[cmd];
      }
      if (kafkaRecord(first) || (name === 'sendBatch' && !!property(first, 'topicMessages'))) return 'kafka';
      if (/producer$/i.test(receiver) && (imp.kafka || first?.type === T.ObjectExpression)) return 'kafka';
      // Nest ClientProxy.send(pattern, data) — a request/response over the broker
      if (imp.nest && NEST_CLIENT.test(receiver) && call.arguments.length >= 2) return 'nest';
      return undefined;
    }
    case 'emit':
      // Nest ClientProxy.emit(pattern, data); EventEmitter.emit is in-process and never a publish.
      if (imp.nest && NEST_CLIENT.test(receiver) && !IN_PROCESS.test(receiver) && call.arguments.length >= 2) return 'nest';
      return undefined;
    case 'sendToQueue':
      return call.arguments.length >= 2 ? 'rabbitmq' : undefined;
    case 'publishMessage':
    case 'publishJSON':
      return 'pubsub';
    case 'publish': {
      if (/sns/i.test(receiver)) return 'sns';
      if (path.some((p) => p === 'topic()') || /topic$/i.test(receiver)) return 'pubsub';
      if (call.arguments.length >= 3 && (imp.amqp || AMQP_RECEIVER.test(receiver))) return 'rabbitmq';
      if (call.arguments.length >= 2 && (imp.nats || /^(nc|nats\w*|\w*Nats|js|jetstream)$/i.test(receiver))) return 'nats';
      if (call.arguments.length >= 2 && (imp.redis || /redis|^pub$|publisher$/i.test(receiver))) return 'redis';
      return undefined;
    }
    case 'add':
    case 'addBulk':
      // queue.add('send-receipt', data): Set.add and Map-likes take one argument and are not named *Queue.
      if (/queue$/i.test(receiver) && (imp.bull || call.arguments.length >= 2 || name === 'addBulk')) return 'bullmq';
      return undefined;
    default: {
      const v2 = AWS_V2_METHODS[name];
      if (v2 && v2.receiver.test(receiver)) return v2.system;
      return undefined;
    }
  }
}

const publishCache = new WeakMap<object, MessagePublish[]>();

/** Every message publish in the file, in source order. Built once per file. */
export function messagePublishes(ctx: ModelContext): readonly MessagePublish[] {
  const cached = publishCache.get(ctx.index);
  if (cached) return cached;
  const out: MessagePublish[] = [];
  let imp: Imports | undefined;
  for (const call of ctx.index.calls) {
    if (call.callee.type !== T.MemberExpression) continue;
    const name = calleeName(call);
    if (!name || !PUBLISH_METHODS.has(name)) continue;
    imp ??= importsOf(ctx);
    const system = classify(call, name, ctx, imp);
    if (!system) continue;
    const first = call.arguments[0] ? unwrap(call.arguments[0] as Node) : undefined;
    const operation = first?.type === T.NewExpression && calleeName(first) && AWS_COMMANDS[calleeName(first)!] ? calleeName(first)! : name;
    out.push({ call, system, operation });
  }
  publishCache.set(ctx.index, out);
  return out;
}

/** The publish a call is, if any. */
export function messagePublish(ctx: ModelContext, call: Call): MessagePublish | undefined {
  return messagePublishes(ctx).find((p) => p.call === call);
}

/** A function given inline or by the name of a function declared in this file. */
function functionOf(node: Node | undefined, ctx: ModelContext): FunctionNode | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (isFunction(n)) return n;
  if (n.type === T.Identifier) {
    for (const fn of ctx.index.functions) {
      if (fn.type === T.FunctionDeclaration && fn.id?.name === n.name) return fn;
      const p = fn.parent;
      if (p?.type === T.VariableDeclarator && p.id.type === T.Identifier && p.id.name === n.name) return fn;
    }
  }
  // this.handle.bind(this), handler.bind(null)
  if (n.type === T.CallExpression && calleeName(n) === 'bind' && n.callee.type === T.MemberExpression) return functionOf(n.callee.object, ctx);
  return undefined;
}

const consumerCache = new WeakMap<object, MessageConsumer[]>();

/** Every message consumer in the file: amqplib `consume`, kafkajs `consumer.run`, Nest pattern handlers. */
export function messageConsumers(ctx: ModelContext): readonly MessageConsumer[] {
  const cached = consumerCache.get(ctx.index);
  if (cached) return cached;
  const out: MessageConsumer[] = [];
  let imp: Imports | undefined;
  for (const call of ctx.index.calls) {
    const name = calleeName(call);
    if (name !== 'consume' && name !== 'run') continue;
    if (call.callee.type !== T.MemberExpression) continue;
    imp ??= importsOf(ctx);
    const path = memberPath(call.callee);
    const receiver = path[path.length - 2] ?? '';
    const opts = call.arguments[name === 'consume' ? 2 : 0];
    const options = opts && unwrap(opts as Node).type === T.ObjectExpression ? (unwrap(opts as Node) as TSESTree.ObjectExpression) : undefined;
    if (name === 'consume') {
      if (call.arguments.length < 2 || !(imp.amqp || AMQP_RECEIVER.test(receiver))) continue;
      out.push({ call, system: 'rabbitmq', handler: functionOf(call.arguments[1] as Node, ctx), kind: 'consume', options });
    } else if (options && (imp.kafka || /consumer$/i.test(receiver))) {
      for (const kind of ['eachMessage', 'eachBatch'] as const) {
        const p = property(options, kind);
        if (p) out.push({ call, system: 'kafka', handler: functionOf(p.value as Node, ctx) ?? (p.method || isFunction(p.value) ? (p.value as FunctionNode) : undefined), kind, options });
      }
    }
  }
  if (importsOf(ctx).nest) {
    for (const cls of ctx.index.classes) {
      for (const m of cls.body.body) {
        if (m.type !== T.MethodDefinition || !m.decorators?.length) continue;
        if (m.decorators.some((d) => d.expression.type === T.CallExpression && /^(EventPattern|MessagePattern)$/.test(calleeName(d.expression) ?? ''))) {
          if (m.value.type === T.FunctionExpression) out.push({ system: 'nest', handler: m.value, kind: 'pattern' });
        }
      }
    }
  }
  consumerCache.set(ctx.index, out);
  return out;
}
