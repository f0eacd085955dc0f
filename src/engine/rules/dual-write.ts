import specData from '../../../rules/dual-write.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, type DbCall } from '../model';
import { T, contains, enclosingFunction, type FunctionNode, type Node } from '../model/ast';
import { inTransaction, isTransactionCallback } from '../model/db-calls';
import { messagePublishes } from '../model/messaging';
import { isScriptOrTestFile } from '../model/paths';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'dualWrite' | 'publishInTransaction';
type Options = [];

const spec = specData as RuleSpec;

export const dualWriteSpec = spec;

const SYSTEM_NAMES: Record<string, string> = {
  kafka: 'Kafka', rabbitmq: 'RabbitMQ', nest: 'microservice', bullmq: 'BullMQ', sqs: 'SQS', sns: 'SNS', pubsub: 'Pub/Sub', nats: 'NATS', redis: 'Redis pub/sub', eventbridge: 'EventBridge',
};

/** The publish runs in the catch of a try whose block holds the write: the write failed, nothing was committed. */
function inCatchOf(write: Node, pub: Node): boolean {
  for (let n: Node | undefined = pub.parent; n; n = n.parent) {
    if (n.type === T.CatchClause && n.parent?.type === T.TryStatement && contains(n.parent.block, write)) return true;
  }
  return false;
}

/** The function a call belongs to, looking through transaction callbacks: a transaction is part of its caller's work. */
function owner(node: Node): FunctionNode | undefined {
  let fn = enclosingFunction(node);
  while (fn && isTransactionCallback(fn)) fn = enclosingFunction(fn);
  return fn;
}

export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'problem',
    ...metaFromSpec<MessageIds>(spec),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;

    /** A write of the event itself: an outbox row, or an events row written in a transaction. */
    function outboxWrite(w: DbCall): boolean {
      const text = sourceCode.getText(w.call.callee) + ' ' + (w.call.arguments[0] ? sourceCode.getText(w.call.arguments[0]) : '') + ' ' + (w.sql ?? '');
      return /outbox/i.test(text) || (/event/i.test(text) && inTransaction(w.call));
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const publishes = messagePublishes(model.ctx);
        if (publishes.length === 0) return;
        const writes = model.dbCalls().filter((d) => d.kind === 'write');
        if (writes.length === 0) return;
        const owners = new Map<DbCall, FunctionNode | undefined>(writes.map((w) => [w, owner(w.call)]));
        for (const pub of publishes) {
          const fn = owner(pub.call);
          if (!fn) continue;
          const mine = writes.filter((w) => owners.get(w) === fn);
          const before = mine.filter((w) => w.call.range[1] <= pub.call.range[0] && !inCatchOf(w.call, pub.call));
          if (before.length === 0 || mine.some(outboxWrite)) continue;
          const write = before[before.length - 1];
          context.report({
            node: pub.call,
            messageId: inTransaction(pub.call) ? 'publishInTransaction' : 'dualWrite',
            data: { operation: write.operation, line: String(write.call.loc.start.line), system: SYSTEM_NAMES[pub.system] ?? pub.system },
          });
        }
      },
    };
  },
});
