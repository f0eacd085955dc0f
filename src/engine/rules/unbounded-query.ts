import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/unbounded-query.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, type UnboundedRead } from '../model';
import { T, unwrap } from '../model/ast';
import { isScriptOrTestFile } from '../model/paths';
import { limitInsertOffset } from '../model/sql';
import { createRule, metaFromSpec } from './create-rule';
import { FixText } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'unboundedQuery' | 'addLimit';
type Options = [];

const spec = specData as RuleSpec;

export const unboundedQuerySpec = spec;

const HINTS: Record<UnboundedRead['library'], string> = {
  prisma: '`take`',
  drizzle: '`limit` or `.limit()`',
  typeorm: '`take`',
  sequelize: '`limit`',
  mongoose: '`.limit()`',
  mongodb: '`.limit()` before `.toArray()`',
  knex: '`.limit()`',
  sql: '`LIMIT`',
};

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

    function suggestion(read: UnboundedRead): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const fix = read.fix;
      if (!fix) return undefined;
      const value = () => FixText.for(context);
      switch (fix.kind) {
        case 'property': {
          const arg = fix.call.arguments[fix.argIndex] ? unwrap(fix.call.arguments[fix.argIndex]) : undefined;
          const prop = value().text(`${fix.key}: `).choice('100');
          if (!arg) {
            if (fix.argIndex > fix.call.arguments.length) return undefined;
            const closeParen = fix.call.range[1] - 1;
            const text = (fix.argIndex === 0 ? '' : ', ') + value().text(`{ ${fix.key}: `).choice('100').text(' }').toString();
            return { messageId: 'addLimit', data: { what: `\`${fix.key}\`` }, fix: (fixer) => fixer.insertTextBeforeRange([closeParen, closeParen], text) };
          }
          if (arg.type !== T.ObjectExpression) return undefined;
          if (arg.properties.length === 0) {
            return { messageId: 'addLimit', data: { what: `\`${fix.key}\`` }, fix: (fixer) => fixer.replaceText(arg, `{ ${prop.toString()} }`) };
          }
          const last = arg.properties[arg.properties.length - 1];
          return { messageId: 'addLimit', data: { what: `\`${fix.key}\`` }, fix: (fixer) => fixer.insertTextAfter(last, `, ${prop.toString()}`) };
        }
        case 'chain': {
          const text = value().text(`.${fix.method}(`).choice('100').text(')').toString();
          return { messageId: 'addLimit', data: { what: `\`.${fix.method}()\`` }, fix: (fixer) => fixer.insertTextAfter(fix.after as TSESTree.Node, text) };
        }
        case 'pipeline': {
          const stage = value().text('{ $limit: ').choice('100').text(' }').toString();
          const last = fix.array.elements[fix.array.elements.length - 1];
          return {
            messageId: 'addLimit',
            data: { what: 'a `$limit` stage' },
            fix: (fixer) => (last ? fixer.insertTextAfter(last, `, ${stage}`) : fixer.replaceText(fix.array, `[${stage}]`)),
          };
        }
        case 'sql': {
          const start = fix.literal.range[0] + 1;
          const inner = sourceCode.text.slice(start, fix.literal.range[1] - 1);
          const at = start + limitInsertOffset(inner);
          const text = value().text(' LIMIT ').choice('100').toString();
          return { messageId: 'addLimit', data: { what: '`LIMIT`' }, fix: (fixer) => fixer.insertTextAfterRange([at, at], text) };
        }
        default:
          return undefined;
      }
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        for (const read of model.unboundedReads()) {
          const s = suggestion(read);
          context.report({
            node: read.reportNode,
            messageId: 'unboundedQuery',
            data: { operation: read.operation === 'SELECT' ? 'SELECT' : `\`${read.operation}\``, hint: HINTS[read.library] },
            suggest: s ? [s] : [],
          });
        }
      },
    };
  },
});
