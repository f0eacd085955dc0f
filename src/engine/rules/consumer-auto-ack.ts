import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/consumer-auto-ack.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, contains, enclosingFunction, isFunction, memberPath, property, walk, type Call, type FunctionNode, type Node } from '../model/ast';
import type { ModelContext } from '../model/file-index';
import { messageConsumers, messagePublishes, type MessageConsumer } from '../model/messaging';
import { isScriptOrTestFile } from '../model/paths';
import { createRule, metaFromSpec } from './create-rule';
import { indentOf } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'consumerAutoAck' | 'ackBeforeWork' | 'neverAcks' | 'noNack' | 'swallowedInEachMessage' | 'resolveBeforeWork' | 'ackAfterWork';
type Options = [];

const spec = specData as RuleSpec;

export const consumerAutoAckSpec = spec;

const ACK = /^(ack|ackAll)$/;
const NACK = /^(nack|nackAll|reject)$/;
/** What a catch in a Kafka handler may do instead of rethrowing: park the message, retry it, stop the partition. */
const KEEPS_MESSAGE = /dlq|deadLetter|dead|retry|park|quarantine|requeue|pause|seek|fail/i;

function awaitsAfter(fn: FunctionNode, block: TSESTree.BlockStatement, after: Node, ignore: RegExp): boolean {
  let found = false;
  walk(block, (n) => {
    if (found) return false;
    if (n !== fn && isFunction(n)) return false;
    if (n.type === T.CatchClause) return false;
    if (n.type === T.AwaitExpression && n.range[0] > after.range[1]) {
      const arg = n.argument;
      if (!(arg.type === T.CallExpression && ignore.test(calleeName(arg) ?? ''))) found = true;
    }
    return undefined;
  });
  return found;
}

/** A statement written directly in `block` (so it runs on every path, not in an early-exit branch). */
function topLevelIn(call: Call, block: TSESTree.BlockStatement): boolean {
  const stmt = call.parent?.type === T.AwaitExpression ? call.parent.parent : call.parent;
  return stmt?.type === T.ExpressionStatement && stmt.parent === block;
}

function doesWork(ctx: ModelContext, fn: FunctionNode, dbWrites: readonly Node[]): boolean {
  if (fn.async) return true;
  if (dbWrites.some((c) => contains(fn, c))) return true;
  return messagePublishes(ctx).some((p) => contains(fn, p.call));
}

export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'problem',
    ...metaFromSpec<MessageIds>(spec),
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;

    function noAckFix(c: MessageConsumer, noAck: TSESTree.Property): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const fn = c.handler;
      const msg = fn?.params[0];
      // Only an inline handler: a named one may be declared where the channel is out of scope.
      if (!fn || fn.body.type !== T.BlockStatement || msg?.type !== T.Identifier || !c.call || c.call.callee.type !== T.MemberExpression || c.call.arguments[1] !== fn) return undefined;
      const channel = sourceCode.getText(c.call.callee.object);
      const body = fn.body;
      const last = body.body[body.body.length - 1];
      if (!last || last.type === T.ReturnStatement) return undefined;
      return {
        messageId: 'ackAfterWork',
        fix: (fixer) => [fixer.replaceText(noAck.value, 'false'), fixer.insertTextAfter(last, `\n${indentOf(sourceCode, last)}${channel}.ack(${msg.name});`)],
      };
    }

    function checkRabbit(ctx: ModelContext, c: MessageConsumer, dbWrites: readonly Node[]): void {
      const fn = c.handler;
      if (!fn || !c.call) return;
      const noAck = property(c.options, 'noAck');
      if (noAck && noAck.value.type === T.Literal && noAck.value.value === true) {
        if (!doesWork(ctx, fn, dbWrites)) return;
        const s = noAckFix(c, noAck);
        context.report({ node: noAck, messageId: 'consumerAutoAck', suggest: s ? [s] : [] });
        return;
      }
      if (noAck) return; // noAck: someVariable: unknown
      const calls = ctx.index.calls.filter((x) => contains(fn, x));
      const acks = calls.filter((x) => x.callee.type === T.MemberExpression && ACK.test(calleeName(x) ?? ''));
      const nacks = calls.filter((x) => x.callee.type === T.MemberExpression && NACK.test(calleeName(x) ?? ''));
      const receiver = memberPath((c.call.callee as TSESTree.MemberExpression).object);
      const consumeName = (c.call.callee as TSESTree.MemberExpression).property;
      if (acks.length === 0 && nacks.length === 0) {
        // A handler that never touches the channel cannot ack; with a class-field channel a helper might.
        if (receiver.length !== 1 || new RegExp(`\\b${receiver[0]}\\b`).test(sourceCode.getText(fn))) return;
        context.report({ node: consumeName, messageId: 'neverAcks' });
        return;
      }
      if (fn.body.type === T.BlockStatement) {
        const blocks: TSESTree.BlockStatement[] = [fn.body];
        for (const stmt of fn.body.body) if (stmt.type === T.TryStatement) blocks.push(stmt.block);
        for (const ack of acks) {
          const block = blocks.find((b) => topLevelIn(ack, b));
          if (block && awaitsAfter(fn, block, ack, /^(ack|nack|reject|close|publish|sendToQueue)$/)) {
            context.report({ node: ack, messageId: 'ackBeforeWork' });
            return;
          }
        }
      }
      if (nacks.length === 0 && (fn.async || calls.some((x) => x.parent?.type === T.AwaitExpression))) {
        context.report({ node: consumeName, messageId: 'noNack' });
      }
    }

    function checkKafka(ctx: ModelContext, c: MessageConsumer, dbWrites: readonly Node[]): void {
      const fn = c.handler;
      if (!fn || fn.body.type !== T.BlockStatement) return;
      if (c.kind === 'eachBatch') {
        for (const call of ctx.index.calls) {
          if (!contains(fn, call) || calleeName(call) !== 'resolveOffset') continue;
          const stmt = call.parent?.type === T.AwaitExpression ? call.parent.parent : call.parent;
          const block = stmt?.parent;
          if (stmt?.type !== T.ExpressionStatement || block?.type !== T.BlockStatement) continue;
          const loopFn = enclosingFunction(call) ?? fn;
          if (awaitsAfter(loopFn, block, call, /^(heartbeat|commitOffsetsIfNecessary|resolveOffset)$/)) {
            context.report({ node: call, messageId: 'resolveBeforeWork' });
            return;
          }
        }
        return;
      }
      if (c.kind !== 'eachMessage') return;
      const publishes = messagePublishes(ctx);
      walk(fn.body, (n) => {
        if (n !== fn && isFunction(n)) return false;
        if (n.type !== T.TryStatement || !n.handler) return undefined;
        const handler = n.handler;
        let keeps = false;
        walk(handler.body, (m) => {
          if (keeps) return false;
          if (m.type === T.ThrowStatement) keeps = true;
          if (m.type === T.CallExpression && KEEPS_MESSAGE.test(calleeName(m) ?? '')) keeps = true;
          return undefined;
        });
        if (!keeps) keeps = publishes.some((p) => contains(handler, p.call)) || dbWrites.some((w) => contains(handler, w));
        if (!keeps) context.report({ loc: { start: handler.loc.start, end: { line: handler.loc.start.line, column: handler.loc.start.column + 5 } }, messageId: 'swallowedInEachMessage' });
        return undefined;
      });
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const consumers = messageConsumers(model.ctx);
        if (consumers.length === 0) return;
        const dbWrites = model.dbCalls().filter((d) => d.kind === 'write').map((d) => d.call);
        for (const c of consumers) {
          if (c.system === 'rabbitmq') checkRabbit(model.ctx, c, dbWrites);
          else if (c.system === 'kafka') checkKafka(model.ctx, c, dbWrites);
        }
      },
    };
  },
});
