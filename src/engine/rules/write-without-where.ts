import specData from '../../../rules/write-without-where.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, type Node } from '../model/ast';
import { findSqlTemplates } from '../model/db-calls';
import { unfilteredWrite } from '../model/db-shape';
import { isScriptOrTestFile } from '../model/paths';
import { sqlWritesEveryRow, temporaryTables } from '../model/sql-shape';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'writeWithoutWhere';
type Options = [];

const spec = specData as RuleSpec;

export const writeWithoutWhereSpec = spec;

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
        // migrations, seeds and test setup clear tables on purpose
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(context.sourceCode, context.filename, teamFromContext(context));
        let scratch: Set<string> | undefined;
        const isScratch = (table: string | undefined) => !!table && (scratch ??= temporaryTables(context.sourceCode.text)).has(table.toLowerCase());
        for (const d of model.dbCalls()) {
          const what = unfilteredWrite(d);
          if (!what || isScratch(d.target)) continue;
          // the SQL literal for raw SQL, the method name otherwise
          const node = d.library === 'sql' && d.sqlNode ? d.sqlNode : d.call.callee.type === T.MemberExpression ? (d.call.callee.property as Node) : d.call;
          context.report({ node, messageId: 'writeWithoutWhere', data: { what } });
        }
        for (const t of findSqlTemplates(model.ctx)) {
          // `${}` substitutions are kept so a WHERE built elsewhere (`${where}`) counts as unknown
          const text = t.node.quasi.quasis.map((q) => q.value.cooked ?? q.value.raw).join('${}');
          const every = t.kind === 'write' && !isScratch(t.target) ? sqlWritesEveryRow(text) : undefined;
          if (every) context.report({ node: t.node.quasi, messageId: 'writeWithoutWhere', data: { what: `\`${every}\` without \`WHERE\`` } });
        }
      },
    };
  },
});
