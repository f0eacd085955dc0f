import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import specData from '../../../rules/sql-injection.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, property, unwrap, type Node } from '../model/ast';
import type { ModelContext } from '../model/file-index';
import { isScriptOrTestFile } from '../model/paths';
import { isBuilderSql, placeholderOf, rawSqlCalls, type RawSqlCall } from '../model/raw-sql';
import { requestData } from '../model/request-data';
import { isStaticValue } from '../model/static-value';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'sqlInjection' | 'nonConstant' | 'parameterize';
type Options = [];

const spec = specData as RuleSpec;

export const sqlInjectionSpec = spec;

/** A value spliced into SQL text, with the SQL written just before and after it. */
interface Hole {
  expr: Node;
  before: string;
  after: string;
}

/** Where a value is compared or listed, so a placeholder could stand in its place (not a table or column name). */
const VALUE_BEFORE = /(=|<>|!=|<|>|\bLIKE|\bILIKE|\bIN\s*\(|\bVALUES\s*\(|\bLIMIT|\bOFFSET|\bBETWEEN|\bTHEN|\bELSE|')\s*%?$/i;

/** A hole followed by `.column` names a table or alias (`= ${alias}.id`), not a value. */
const QUALIFIER_AFTER = /^\.["`[]?[A-Za-z_]/;

/** The holes of a SQL expression: template substitutions and concatenated values; follows a local variable once. */
function holesOf(node: Node, ctx: ModelContext, depth = 0): Hole[] {
  const n = unwrap(node);
  if (n.type === T.TemplateLiteral) {
    return n.expressions.map((e, i) => ({ expr: e, before: n.quasis[i].value.cooked ?? '', after: n.quasis[i + 1]?.value.cooked ?? '' }));
  }
  if (n.type === T.BinaryExpression && n.operator === '+') {
    const parts = flatten(n);
    const holes: Hole[] = [];
    parts.forEach((p, i) => {
      if (typeof p === 'string') return;
      const u = unwrap(p);
      if (u.type === T.TemplateLiteral) {
        holes.push(...holesOf(u, ctx, depth));
        return;
      }
      holes.push({ expr: p, before: typeof parts[i - 1] === 'string' ? (parts[i - 1] as string) : '', after: typeof parts[i + 1] === 'string' ? (parts[i + 1] as string) : '' });
    });
    return holes;
  }
  if (n.type === T.ObjectExpression) {
    // pool.query({ text, values })
    const text = property(n, 'text') ?? property(n, 'sql');
    return text ? holesOf(text.value as Node, ctx, depth) : [];
  }
  if (n.type === T.Identifier && depth < 2) {
    // const sql = `SELECT … ${x}`; let sql = '…'; sql += ` AND name = '${x}'`
    const variable = findVariable(ctx.sourceCode.getScope(n), n.name);
    const def = variable?.defs[0];
    if (def?.type !== 'Variable') return [];
    const decl = def.node as TSESTree.VariableDeclarator;
    const holes = decl.init && decl.id.type === T.Identifier ? holesOf(decl.init, ctx, depth + 1) : [];
    for (const ref of variable!.references) {
      const assign = ref.identifier.parent;
      if (ref.isWrite() && assign?.type === T.AssignmentExpression && assign.left === ref.identifier) holesOf(assign.right, ctx, depth + 1).forEach((h) => holes.push(h));
    }
    return holes;
  }
  return [];
}

/** `'a' + x + 'b'` → ['a', x, 'b'] with adjacent literal text merged. */
function flatten(n: Node): (string | Node)[] {
  const u = unwrap(n);
  if (u.type === T.BinaryExpression && u.operator === '+') return [...flatten(u.left as Node), ...flatten(u.right)];
  if (u.type === T.Literal && typeof u.value === 'string') return [u.value];
  return [u];
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

    /** Rewrites a literal with one request value into a parameterised query, when that is safe to do mechanically. */
    function parameterize(raw: RawSqlCall, hole: Hole, holes: Hole[]): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const placeholder = placeholderOf(raw.dialect);
      const sqlNode = unwrap(raw.sqlNode);
      if (!placeholder || holes.length !== 1 || raw.call.arguments.length !== 1 || raw.sqlNode !== raw.call.arguments[0]) return undefined;
      if (sqlNode.type !== T.TemplateLiteral && sqlNode.type !== T.BinaryExpression) return undefined;
      // '%${q}%' needs the wildcards moved into the value: not a mechanical edit
      const quoted = /'$/.test(hole.before) && /^'/.test(hole.after);
      if (/%'?$/.test(hole.before) || /^'?%/.test(hole.after)) return undefined;
      if (!quoted && !/(=|<>|!=|<|>|\bIN\s*\(|\bLIMIT|\bOFFSET)\s*$/i.test(hole.before)) return undefined;
      if (/'$/.test(hole.before) !== /^'/.test(hole.after)) return undefined;
      const before = quoted ? hole.before.slice(0, -1) : hole.before;
      const after = quoted ? hole.after.slice(1) : hole.after;
      let literal: string;
      if (sqlNode.type === T.TemplateLiteral) {
        const rawBefore = sqlNode.quasis[0].value.raw;
        const rawAfter = sqlNode.quasis[1].value.raw;
        literal = '`' + (quoted ? rawBefore.slice(0, -1) : rawBefore) + placeholder + (quoted ? rawAfter.slice(1) : rawAfter) + '`';
      } else {
        const text = before + placeholder + after;
        if (/['\\\n\r]/.test(text)) return undefined;
        literal = `'${text}'`;
      }
      const valueText = sourceCode.getText(hole.expr as TSESTree.Node);
      const values = raw.dialect === 'sequelize' ? `{ replacements: [${valueText}] }` : `[${valueText}]`;
      return {
        messageId: 'parameterize',
        data: { placeholder },
        fix: (fixer) => fixer.replaceText(raw.sqlNode as TSESTree.Node, `${literal}, ${values}`),
      };
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        for (const raw of rawSqlCalls(model.ctx)) {
          const holes = holesOf(raw.sqlNode, model.ctx);
          if (holes.length === 0) continue;
          let reported = false;
          for (const hole of holes) {
            const data = requestData(hole.expr, model.ctx);
            if (!data) continue;
            const s = parameterize(raw, hole, holes);
            context.report({ node: raw.sqlNode as TSESTree.Node, messageId: 'sqlInjection', data: { source: data.source, api: raw.api }, suggest: s ? [s] : [] });
            reported = true;
            break;
          }
          if (reported) continue;
          const spliced = holes.find((h) => VALUE_BEFORE.test(h.before) && !QUALIFIER_AFTER.test(h.after) && !isBuilderSql(h.expr) && !isStaticValue(h.expr, model.ctx));
          if (spliced) {
            context.report({ node: raw.sqlNode as TSESTree.Node, messageId: 'nonConstant', data: { value: shortText(sourceCode.getText(spliced.expr as TSESTree.Node)), api: raw.api } });
          }
        }
      },
    };
  },
});

function shortText(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}
