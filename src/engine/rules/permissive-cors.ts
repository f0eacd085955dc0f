import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/permissive-cors.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, enclosingFunction, staticText, unwrap, type Call, type Node } from '../model/ast';
import { CORS_METHODS, corsConfig, headerSet, isOriginRead, type CorsConfig, type PermissiveOrigin } from '../model/cors';
import type { ModelContext } from '../model/file-index';
import { isScriptOrTestFile } from '../model/paths';
import { requestSource } from '../model/request-data';
import { createRule, metaFromSpec } from './create-rule';
import { FixText } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'permissiveCors' | 'useAllowList';
type Options = [];

const spec = specData as RuleSpec;

export const permissiveCorsSpec = spec;

const HOW: Record<PermissiveOrigin | 'header', string> = {
  reflect: 'reflects every origin (`origin: true`)',
  wildcard: "accepts every origin (`'*'`)",
  'any-regex': 'accepts every origin (a regex that matches anything)',
  'weak-regex': 'checks origins with a regex that other domains also match (unescaped dot or no anchors)',
  'accept-all-function': 'has an origin callback that accepts every origin',
  'koa-default': "reflects every origin (@koa/cors does when `origin` is not set)",
  header: 'copies the request `Origin` into `Access-Control-Allow-Origin`',
};

const ALLOW_LIST = "process.env.CORS_ORIGINS?.split(',') ?? []";
const KOA_ALLOW_LIST = "(ctx) => ((process.env.CORS_ORIGINS ?? '').split(',').includes(ctx.get('Origin')) ? ctx.get('Origin') : '')";

/** Whether a node runs only under a condition inside its function (an allow-list check around a header set). */
function conditional(node: Node, fn: Node | undefined): boolean {
  for (let n = node.parent; n && n !== fn; n = n.parent) {
    if (n.type === T.IfStatement || n.type === T.ConditionalExpression || n.type === T.LogicalExpression || n.type === T.SwitchCase) return true;
  }
  return false;
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
    function fix(c: CorsConfig): TSESLint.ReportFixFunction | undefined {
      const list = FixText.for(context).text(c.library === 'koa' ? KOA_ALLOW_LIST : ALLOW_LIST).toString();
      if (c.origin) return (fixer) => fixer.replaceText(c.origin!.value, list);
      if (c.options) {
        const first = c.options.properties[0];
        return first ? (fixer) => fixer.insertTextBefore(first, `origin: ${list}, `) : undefined;
      }
      return undefined;
    }

    /** Hand-written headers: the request's Origin echoed back, with credentials allowed, in one function. */
    function manualHeaders(ctx: ModelContext): void {
      const origins: { call: Call; fn: Node | undefined }[] = [];
      const credentialed = new Set<Node | undefined>();
      for (const call of ctx.index.calls) {
        const h = headerSet(call);
        if (!h || !h.name.startsWith('access-control-allow-')) continue;
        const fn = enclosingFunction(call);
        if (h.name === 'access-control-allow-credentials' && /^true$/i.test(String(staticText(h.value) ?? (unwrap(h.value).type === T.Literal ? (unwrap(h.value) as TSESTree.Literal).value : '')))) credentialed.add(fn);
        if (h.name === 'access-control-allow-origin' && (isOriginRead(h.value, ctx) || /origin/i.test(requestSource(h.value, ctx) ?? '')) && !conditional(call, fn)) origins.push({ call, fn });
      }
      for (const o of origins) {
        if (!credentialed.has(o.fn)) continue;
        context.report({ node: o.call.callee.type === T.MemberExpression ? o.call.callee.property : o.call, messageId: 'permissiveCors', data: { how: HOW.header }, suggest: [] });
      }
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const ctx = getModel(context.sourceCode, context.filename, teamFromContext(context)).ctx;
        for (const call of ctx.index.calls) {
          const name = calleeName(call);
          if (!name || (!CORS_METHODS.has(name) && !(call.callee.type === T.Identifier && ctx.index.imports.has(name)))) continue;
          const c = corsConfig(call, ctx);
          if (!c?.permissive || !c.credentials) continue;
          const f = fix(c);
          const at = c.origin ?? (call.callee.type === T.MemberExpression ? call.callee.property : call.callee);
          context.report({ node: at, messageId: 'permissiveCors', data: { how: HOW[c.permissive] }, suggest: f ? [{ messageId: 'useAllowList', fix: f }] : [] });
        }
        if (ctx.index.calls.some((c) => calleeName(c) !== undefined && /^(setHeader|header|set|append)$/.test(calleeName(c)!))) manualHeaders(ctx);
      },
    };
  },
});
