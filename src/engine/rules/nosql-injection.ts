import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import specData from '../../../rules/nosql-injection.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, enclosingFunction, staticText, unwrap, type Node } from '../model/ast';
import type { ModelContext } from '../model/file-index';
import { chainSanitizes, mongoQueries, sanitizesMongoInput } from '../model/mongo-filters';
import { isScriptOrTestFile } from '../model/paths';
import { requestData, type RequestData } from '../model/request-data';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'nosqlInjection' | 'wholeFilter' | 'whereCode' | 'coerceToString';
type Options = [];

const spec = specData as RuleSpec;

export const nosqlInjectionSpec = spec;

/** Operators whose value is a list of sub-filters: their items are filters too. */
const LOGICAL = new Set(['$or', '$and', '$nor']);

/** Request data that may arrive as an object (`{ "$ne": null }`): a JSON body or an Express 4 query field. */
function mayBeObject(d: RequestData | undefined): d is RequestData {
  return !!d && !d.stringOnly && !d.validated;
}

/** Follows `const filter = { … }` once, so a filter built in a variable is read like an inline one. */
function literalOf(node: Node, ctx: ModelContext): Node {
  const n = unwrap(node);
  if (n.type !== T.Identifier) return n;
  const def = findVariable(ctx.sourceCode.getScope(n), n.name)?.defs[0];
  const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : undefined;
  return init && unwrap(init).type === T.ObjectExpression ? unwrap(init) : n;
}

function keyOf(p: TSESTree.Property): string | undefined {
  if (p.computed) return undefined;
  return p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : undefined;
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

    /** `typeof email !== 'string'` in the same function: the handler already refuses objects. */
    function typeChecked(value: Node): boolean {
      const fn = enclosingFunction(value);
      if (!fn) return false;
      const text = sourceCode.getText(value as TSESTree.Node).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`typeof\\s*\\(?\\s*${text}\\s*\\)?\\s*[!=]==?\\s*['"]string['"]`).test(sourceCode.getText(fn));
    }

    function coerce(p: TSESTree.Property): TSESLint.SuggestionReportDescriptor<MessageIds> {
      const valueText = sourceCode.getText(p.value as TSESTree.Node);
      return {
        messageId: 'coerceToString',
        fix: (fixer) => (p.shorthand ? fixer.replaceText(p, `${valueText}: String(${valueText})`) : fixer.replaceText(p.value as TSESTree.Node, `String(${valueText})`)),
      };
    }

    function checkFilter(filter: Node, ctx: ModelContext, depth = 0): void {
      if (depth > 3) return;
      const n = literalOf(filter, ctx);
      if (n.type !== T.ObjectExpression) {
        const whole = requestData(n, ctx);
        if (whole?.whole && !whole.validated) context.report({ node: filter as TSESTree.Node, messageId: 'wholeFilter', data: { source: whole.source } });
        return;
      }
      for (const p of n.properties) {
        if (p.type !== T.Property) continue;
        const key = keyOf(p);
        const value = unwrap(p.value as Node);
        if (key === '$where') {
          const data = requestData(value, ctx);
          if (data || (value.type === T.TemplateLiteral && value.expressions.length > 0) || (value.type === T.BinaryExpression && staticText(value) !== undefined)) {
            context.report({ node: p, messageId: 'whereCode', data: { source: data ? data.source : 'text built at run time' } });
          }
          continue;
        }
        if (key && LOGICAL.has(key) && value.type === T.ArrayExpression) {
          for (const e of value.elements) if (e && e.type !== T.SpreadElement) checkFilter(e, ctx, depth + 1);
          continue;
        }
        if (key === undefined || key.startsWith('$')) continue;
        const data = requestData(value, ctx);
        if (!mayBeObject(data) || typeChecked(value)) continue;
        context.report({ node: p.value as TSESTree.Node, messageId: 'nosqlInjection', data: { source: data.source, key }, suggest: [coerce(p)] });
      }
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        // Query.prototype.$where(code): Mongoose's method form
        for (const call of model.ctx.index.calls) {
          if (call.callee.type !== T.MemberExpression || call.callee.property.type !== T.Identifier || call.callee.property.name !== '$where') continue;
          const arg = call.arguments[0] as Node | undefined;
          const data = arg ? requestData(arg, model.ctx) : undefined;
          if (data) context.report({ node: call, messageId: 'whereCode', data: { source: data.source } });
        }
        const queries = mongoQueries(model.dbCalls());
        if (queries.length === 0) return;
        const sanitized = sanitizesMongoInput(model.ctx);
        for (const q of queries) {
          if (!sanitized && !chainSanitizes(q.call)) {
            if (q.filter) checkFilter(q.filter, model.ctx);
            if (q.update) {
              const whole = requestData(q.update, model.ctx);
              if (whole?.whole && !whole.validated) context.report({ node: q.update as TSESTree.Node, messageId: 'wholeFilter', data: { source: whole.source } });
            }
          } else if (q.filter) {
            // sanitizeFilter strips operators from values, not $where code
            const n = literalOf(q.filter, model.ctx);
            if (n.type === T.ObjectExpression) {
              for (const p of n.properties) {
                if (p.type === T.Property && keyOf(p) === '$where' && requestData(p.value as Node, model.ctx)) {
                  context.report({ node: p, messageId: 'whereCode', data: { source: requestData(p.value as Node, model.ctx)!.source } });
                }
              }
            }
          }
        }
      },
    };
  },
});
