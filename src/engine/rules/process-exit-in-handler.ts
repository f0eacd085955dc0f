import specData from '../../../rules/process-exit-in-handler.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, isFunction, memberPath, staticText, type Call, type FunctionNode, type Node } from '../model/ast';
import { isScriptOrTestFile } from '../model/paths';
import { isToolConfigFile } from '../model/runtime';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'processExitInHandler';
type Options = [];

const spec = specData as RuleSpec;

export const processExitInHandlerSpec = spec;

/**
 * An exit that waits for the server to drain (`server.close(() => process.exit(0))` in an admin shutdown route)
 * or that runs on a signal (`process.once('SIGTERM', …)`) is a shutdown, not a crash in the middle of traffic.
 */
function drainedOrSignalled(call: Call, handler: FunctionNode): boolean {
  for (let n: Node | undefined = call.parent; n && n !== handler; n = n.parent) {
    if (!isFunction(n) || n.parent?.type !== T.CallExpression) continue;
    const outer = n.parent;
    const name = calleeName(outer);
    if (name === 'close') return true;
    if ((name === 'on' || name === 'once') && /^SIG[A-Z]+$/.test(staticText(outer.arguments[0] as Node) ?? '')) return true;
  }
  return false;
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
    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename) || isToolConfigFile(context.filename)) return;
        const model = getModel(context.sourceCode, context.filename, teamFromContext(context));
        let handlers: ReturnType<typeof model.handlers> | undefined;
        for (const call of model.ctx.index.calls) {
          const callee = call.callee;
          // cheap prefilter before asking which function the call runs in
          if (callee.type !== T.MemberExpression || callee.property.type !== T.Identifier || callee.property.name !== 'exit') continue;
          const path = memberPath(callee);
          if (path.length !== 2 || (path[0] !== 'process' && path[0] !== 'Deno')) continue;
          handlers ??= model.handlers();
          if (handlers.functions.size === 0) return;
          const handler = handlers.enclosing(call);
          if (!handler || drainedOrSignalled(call, handler)) continue;
          context.report({ node: call, messageId: 'processExitInHandler' });
        }
      },
    };
  },
});
