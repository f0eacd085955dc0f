import specData from '../../../rules/select-star.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, staticText, unwrap, type Call, type Node } from '../model/ast';
import { findSqlTemplates } from '../model/db-calls';
import { isScriptOrTestFile } from '../model/paths';
import { KNEX_NAMES, knexInstances } from '../model/queries';
import { chainBefore, chainRootIdentifier } from '../model/query-chain';
import { sqlSelectsStar } from '../model/sql-shape';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'selectStar';
type Options = [];

const spec = specData as RuleSpec;

export const selectStarSpec = spec;

/** `knex('orders').select('*')`, `knex.select('*').from('orders')`, TypeORM `createQueryBuilder('o').select('*')`. */
function builderStar(call: Call, knexVars: Set<string>): boolean {
  if (calleeName(call) !== 'select' || call.callee.type !== T.MemberExpression || call.arguments.length !== 1) return false;
  const col = staticText(call.arguments[0]);
  if (col === undefined || !/^\s*(\w+\.)?\*\s*$/.test(col)) return false;
  const before = chainBefore(call);
  if (before.some((c) => calleeName(c) === 'createQueryBuilder')) return true;
  // Drizzle's select() takes an object; a knex chain starts at a knex instance or knex('table')
  const head = before[before.length - 1];
  const root = head && head.callee.type === T.Identifier ? head.callee : chainRootIdentifier(call);
  return !!root && (KNEX_NAMES.test(root.name) || knexVars.has(root.name));
}

export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'suggestion',
    ...metaFromSpec<MessageIds>(spec),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(context.sourceCode, context.filename, teamFromContext(context));
        const report = (node: Node, what: string) => context.report({ node, messageId: 'selectStar', data: { what } });
        for (const d of model.dbCalls()) {
          if (d.library === 'sql' && d.kind === 'read' && d.sql && d.sqlNode && sqlSelectsStar(d.sql)) report(d.sqlNode, 'SELECT *');
        }
        for (const t of findSqlTemplates(model.ctx)) if (t.kind === 'read' && sqlSelectsStar(t.sql)) report(t.node.quasi, 'SELECT *');
        let knexVars: Set<string> | undefined;
        for (const call of model.ctx.index.calls) {
          if (calleeName(call) !== 'select' || call.arguments.length !== 1) continue;
          knexVars ??= knexInstances(model.ctx);
          if (builderStar(call, knexVars)) report(unwrap((call.callee as { property: Node }).property), `.select('${staticText(call.arguments[0])!.trim()}')`);
        }
      },
    };
  },
});
