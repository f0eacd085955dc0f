import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/retry-without-backoff.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, enclosingFunction, hasSpread, property, unwrap, type Call, type Node } from '../model/ast';
import type { ModelContext } from '../model/file-index';
import { isScriptOrTestFile } from '../model/paths';
import { retryLoops, type RetryLoop } from '../model/retry-loops';
import { createRule, metaFromSpec } from './create-rule';
import { FixText, indentOf } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'retryWithoutBackoff' | 'axiosRetryNoDelay' | 'addBackoff' | 'addRetryDelay';
type Options = [];

const spec = specData as RuleSpec;

export const retryWithoutBackoffSpec = spec;

/** `axiosRetry(client, { retries: 3 })` with no `retryDelay`: axios-retry's default delay is 0 ms. */
function axiosRetryWithoutDelay(ctx: ModelContext): { call: Call; name: string; options?: TSESTree.ObjectExpression }[] {
  const names = new Set<string>();
  for (const [local, ref] of ctx.index.imports) if (ref.source === 'axios-retry' && (ref.imported === 'default' || ref.imported === '*')) names.add(local);
  if (names.size === 0) return [];
  const out: { call: Call; name: string; options?: TSESTree.ObjectExpression }[] = [];
  for (const call of ctx.index.calls) {
    const callee = unwrap(call.callee);
    const name = callee.type === T.Identifier && names.has(callee.name) ? callee.name : callee.type === T.MemberExpression && callee.object.type === T.Identifier && names.has(callee.object.name) && callee.property.type === T.Identifier && callee.property.name === 'default' ? callee.object.name : undefined;
    if (!name || call.arguments.length === 0) continue;
    const opts = call.arguments[1] ? unwrap(call.arguments[1] as Node) : undefined;
    if (opts && (opts.type !== T.ObjectExpression || hasSpread(opts))) continue;
    const obj = opts as TSESTree.ObjectExpression | undefined;
    if (property(obj, 'retryDelay')) continue;
    const retries = property(obj, 'retries')?.value;
    if (retries?.type === T.Literal && retries.value === 0) continue;
    out.push({ call, name, options: obj });
  }
  return out;
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

    /** Sleeps for a random time up to min(cap, base · 2^attempt) at the end of the catch (full jitter). */
    function backoff(retry: RetryLoop): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      if (!retry.counter || !enclosingFunction(retry.loop)?.async) return undefined;
      const text = FixText.for(context)
        .text(`await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(`)
        .choice('10_000')
        .text(', ')
        .choice('100')
        .text(` * 2 ** ${retry.counter})));`)
        .toString();
      const body = retry.handler.body;
      const stmts = body.body;
      const last = stmts[stmts.length - 1];
      if (!last) {
        const indent = indentOf(sourceCode, retry.handler);
        return { messageId: 'addBackoff', fix: (fixer) => fixer.replaceText(body, `{\n${indent}  ${text}\n${indent}}`) };
      }
      const indent = indentOf(sourceCode, last);
      if (last.type === T.ContinueStatement) return { messageId: 'addBackoff', fix: (fixer) => fixer.insertTextBefore(last, `${text}\n${indent}`) };
      return { messageId: 'addBackoff', fix: (fixer) => fixer.insertTextAfter(last, `\n${indent}${text}`) };
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        for (const retry of retryLoops(model.ctx)) {
          if (retry.waits) continue;
          const s = backoff(retry);
          const keyword = sourceCode.getFirstToken(retry.loop as TSESTree.Node)!;
          context.report({
            loc: keyword.loc,
            messageId: 'retryWithoutBackoff',
            data: { unbounded: retry.unbounded ? ', with no limit on attempts' : '' },
            suggest: s ? [s] : [],
          });
        }
        for (const found of axiosRetryWithoutDelay(model.ctx)) {
          const delay = `retryDelay: ${found.name}.exponentialDelay`;
          const obj = found.options;
          const last = obj?.properties[obj.properties.length - 1];
          const client = found.call.arguments[0] as TSESTree.Node;
          const fix: TSESLint.ReportFixFunction = obj
            ? last
              ? (fixer) => fixer.insertTextAfter(last, `, ${delay}`)
              : (fixer) => fixer.replaceText(obj, `{ ${delay} }`)
            : (fixer) => fixer.insertTextAfter(client, `, { ${delay} }`);
          context.report({
            node: found.call.callee,
            messageId: 'axiosRetryNoDelay',
            data: { name: found.name },
            suggest: [{ messageId: 'addRetryDelay', data: { name: found.name }, fix }],
          });
        }
      },
    };
  },
});
