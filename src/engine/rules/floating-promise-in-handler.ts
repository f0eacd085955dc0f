import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/floating-promise-in-handler.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, logCall } from '../model';
import { T, isFunction, memberPath, type Call, type FunctionNode, type Node } from '../model/ast';
import type { ModelContext } from '../model/file-index';
import { isScriptOrTestFile } from '../model/paths';
import { droppedBy, droppedByForEach, hasErrorPath, knownPromise } from '../model/promises';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'floatingPromiseInHandler' | 'addAwait' | 'addCatch';
type Options = [];

const spec = specData as RuleSpec;

export const floatingPromiseInHandlerSpec = spec;

/** Callbacks that run later, outside the request: work handed to them is deliberately detached. */
const DEFERRERS = /^(setImmediate|setTimeout|process\.nextTick|queueMicrotask|waitUntil|after|ctx\.waitUntil|event\.waitUntil)$/;

/** The call runs inside a callback given to `setImmediate`/`setTimeout`/`waitUntil` within the handler. */
function deferred(call: Call, handler: FunctionNode): boolean {
  for (let n: Node | undefined = call.parent; n && n !== handler; n = n.parent) {
    if (isFunction(n) && n.parent?.type === T.CallExpression && n.parent.callee !== n) {
      const callee = memberPath(n.parent.callee).join('.');
      if (DEFERRERS.test(callee) || /\.waitUntil$/.test(callee)) return true;
    }
  }
  return false;
}

/** The innermost function around a node. */
function innermostFunction(node: Node): FunctionNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunction(n)) return n;
  return undefined;
}

/** The project's logger as a receiver (`logger`, `log`), when one is imported or declared at module level. */
function loggerReceiver(ctx: ModelContext): string | undefined {
  for (const c of ctx.index.calls) {
    const l = logCall(c);
    if (!l || l.console) continue;
    const path = memberPath(c.callee).slice(0, -1);
    if (path.length === 0 || path[0] === 'this' || /^(req|request|ctx|c|reply|res|fastify|app|server)$/.test(path[0])) continue;
    return path.join('.');
  }
  return undefined;
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
    if (isScriptOrTestFile(context.filename)) return {};
    const sourceCode = context.sourceCode;

    return {
      'Program:exit'() {
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const handlers = model.handlers();
        if (handlers.functions.size === 0) return;
        const db = model.dbCalls();
        let logger: string | undefined | null = null;
        for (const call of model.ctx.index.calls) {
          // Cheap first: is the value thrown away at all?
          const dropped = droppedBy(call);
          const inForEach = dropped ? undefined : droppedByForEach(call);
          if (!dropped && !inForEach) continue;
          const handler = handlers.enclosing(call);
          if (!handler || deferred(call, handler)) continue;
          const known = knownPromise(call, model.ctx, db);
          if (!known || hasErrorPath(call)) continue;
          if (logger === null) logger = loggerReceiver(model.ctx);
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          const fn = innermostFunction(call);
          if (dropped && fn?.async) {
            const voided = dropped.voided;
            suggest.push({
              messageId: 'addAwait',
              fix: (fixer) => (voided ? fixer.replaceTextRange([voided.range[0], voided.argument.range[0]], 'await ') : fixer.insertTextBefore(call, 'await ')),
            });
          }
          const catchText = `.catch((err) => ${logger ?? 'console'}.error(err))`;
          suggest.push({ messageId: 'addCatch', fix: (fixer) => fixer.insertTextAfter(call as TSESTree.Node, catchText) });
          const what = known.what.charAt(0).toUpperCase() + known.what.slice(1);
          context.report({ node: call, messageId: 'floatingPromiseInHandler', data: { what }, suggest });
        }
      },
    };
  },
});
