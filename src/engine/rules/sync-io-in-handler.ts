import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/sync-io-in-handler.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, enclosingFunction, unwrap, type Node } from '../model/ast';
import { FS_PROMISES, blockingCalls, type BlockingCall } from '../model/blocking-calls';
import { isScriptOrTestFile } from '../model/paths';
import { isToolConfigFile } from '../model/runtime';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'syncIoInHandler' | 'useAsync';
type Options = [];

const spec = specData as RuleSpec;

export const syncIoInHandlerSpec = spec;

function asyncName(name: string): string {
  return name.replace(/Sync$/, '');
}

/** What to use instead, in the message's words. */
function alternative(found: BlockingCall): string {
  const base = asyncName(found.name);
  switch (found.module) {
    case 'fs':
      return found.via === 'named' ? `\`${base}\` from 'node:fs/promises' and await it` : `\`fs.promises.${base}\` and await it`;
    case 'bcrypt':
      return `\`await bcrypt.${base}(…)\``;
    case 'crypto':
      return `\`crypto.${base}\` (promisified) so the work runs on the thread pool`;
    case 'zlib':
      return `\`zlib.${base}\` (promisified) or a stream`;
    default:
      return 'an asynchronous `execFile`/`spawn`, or a job queue for long work';
  }
}

/** An `await x` in this position needs parentheses: `(await x).toString()`, `(await x)()`. */
function needsParens(node: Node): boolean {
  const p = node.parent;
  if (!p) return false;
  if (p.type === T.MemberExpression && p.object === node) return true;
  if ((p.type === T.CallExpression || p.type === T.NewExpression) && p.callee === node) return true;
  if (p.type === T.TaggedTemplateExpression && p.tag === node) return true;
  return p.type === T.BinaryExpression && p.operator === '**';
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

    /** `fs.readFileSync(p)` → `await fs.promises.readFile(p)`, `bcrypt.hashSync(pw, 12)` → `await bcrypt.hash(pw, 12)`, in an async function. */
    function suggestion(found: BlockingCall, source: string | undefined): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const { call } = found;
      if (found.via !== 'member' || !enclosingFunction(call)?.async) return undefined;
      if (call.parent?.type === T.AwaitExpression) return undefined;
      const callee = unwrap(call.callee) as TSESTree.MemberExpression;
      const object = sourceCode.getText(callee.object);
      const base = asyncName(found.name);
      let method: string;
      if (found.module === 'fs' && FS_PROMISES.has(base)) method = source === 'fs-extra' ? `${object}.${base}` : `${object}.promises.${base}`;
      else if (found.module === 'bcrypt' && source !== 'bcrypt-nodejs') method = `${object}.${base}`;
      else return undefined;
      const args = sourceCode.text.slice(callee.range[1], call.range[1]);
      const awaited = `await ${method}${args}`;
      const replacement = needsParens(call) ? `(${awaited})` : awaited;
      return { messageId: 'useAsync', data: { replacement: `await ${method}(…)` }, fix: (fixer) => fixer.replaceText(call, replacement) };
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename) || isToolConfigFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const found = blockingCalls(model.ctx);
        if (found.length === 0) return;
        const handlers = model.handlers();
        if (handlers.functions.size === 0) return;
        for (const f of found) {
          if (!handlers.enclosing(f.call)) continue;
          const callee = unwrap(f.call.callee);
          const object = callee.type === T.MemberExpression ? unwrap(callee.object) : undefined;
          const source = object?.type === T.Identifier ? model.ctx.index.imports.get(object.name)?.source : undefined;
          const s = suggestion(f, source);
          context.report({
            node: f.call,
            messageId: 'syncIoInHandler',
            data: { call: sourceCode.getText(f.call.callee as TSESTree.Node), alt: alternative(f) },
            suggest: s ? [s] : [],
          });
        }
      },
    };
  },
});
