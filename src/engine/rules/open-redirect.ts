import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import specData from '../../../rules/open-redirect.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, enclosingFunction, unwrap, walk, type Node } from '../model/ast';
import type { ModelContext } from '../model/file-index';
import { isScriptOrTestFile } from '../model/paths';
import { redirects } from '../model/redirects';
import { requestData } from '../model/request-data';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'openRedirect' | 'onlyLocalPaths';
type Options = [];

const spec = specData as RuleSpec;

export const openRedirectSpec = spec;

/** Headers a browser sets itself: an attacker's link cannot choose them for the victim (redirect-back, HTTPS upgrade). */
const BROWSER_HEADERS = /headers|\.(get|header)\('(referer|referrer|host|origin|x-forwarded-[\w-]+)'\)/i;
/** A fixed start that pins the host: `/orders/…`, `./callback?…` (relative), `https://app.example.com/…`, `/search?q=`. */
const FIXED_HOST = /^(\/[^/\\]|\.{1,2}\/|https?:\/\/[^/?#\s]+[/?#])/i;
const GUARD_CALL = /(safe|valid|allow|relative|local|internal|sameorigin|trusted|whitelist)/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The expression that decides where the browser goes: the first argument of `new URL(x, base)`, a const's value. */
function destination(node: Node, ctx: ModelContext, depth = 0, seen: string[] = []): Node {
  let n = unwrap(node);
  if (n.type === T.MemberExpression && !n.computed && n.property.type === T.Identifier && /^(href|toString)$/.test(n.property.name)) n = unwrap(n.object);
  if (n.type === T.CallExpression && n.callee.type === T.MemberExpression && n.arguments.length === 0 && n.callee.property.type === T.Identifier && n.callee.property.name === 'toString') n = unwrap(n.callee.object);
  if (n.type === T.NewExpression && n.callee.type === T.Identifier && n.callee.name === 'URL' && n.arguments[0]) return destination(n.arguments[0] as Node, ctx, depth + 1, seen);
  if (n.type === T.Identifier && depth < 3) {
    seen.push(n.name);
    const def = findVariable(ctx.sourceCode.getScope(n), n.name)?.defs[0];
    const decl = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator) : undefined;
    if (decl?.init && decl.id.type === T.Identifier && (decl.parent as TSESTree.VariableDeclaration).kind === 'const') {
      const inner = unwrap(decl.init);
      if (inner.type === T.NewExpression || inner.type === T.TemplateLiteral || inner.type === T.BinaryExpression) return destination(inner, ctx, depth + 1, seen);
    }
  }
  return n;
}

/** The texts of the request-data names inside an expression (`next` in `ok ? next : '/'`), for guard matching. */
function leaves(node: Node, ctx: ModelContext): string[] {
  const out: string[] = [];
  walk(node, (n) => {
    if (n.type === T.Identifier || n.type === T.MemberExpression) {
      if (requestData(n, ctx)) out.push(ctx.sourceCode.getText(n as TSESTree.Node));
      return false;
    }
    return undefined;
  });
  return out;
}

/** The literal text the URL starts with, before the first value. */
function prefixOf(n: Node): string {
  if (n.type === T.TemplateLiteral) return n.quasis[0].value.cooked ?? '';
  if (n.type === T.BinaryExpression && n.operator === '+') {
    const left = unwrap(n.left as Node);
    return left.type === T.Literal && typeof left.value === 'string' ? left.value : prefixOf(left);
  }
  return '';
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

    /** `next.startsWith('/') && !next.startsWith('//')`, `ALLOWED.has(url.host)`, `isSafeRedirect(next)` in the same function. */
    function guarded(call: Node, names: string[]): boolean {
      const fn = enclosingFunction(call);
      if (!fn) return false;
      const text = sourceCode.getText(fn as TSESTree.Node);
      return names.some((name) => {
        const n = escape(name);
        return (
          // next.startsWith('/'), or next.startsWith(siteUrl): a configured base URL, not a literal scheme
          new RegExp(`${n}\\s*\\.startsWith\\(\\s*(['"\`]/['"\`]|[A-Za-z_$][\\w$.]*(\\(\\s*\\))?)\\s*\\)|${n}\\s*\\.(origin|host|hostname)\\b\\s*[!=]==?|\\.(includes|has)\\(\\s*${n}(\\.(origin|host|hostname))?\\s*\\)|\\.test\\(\\s*${n}\\s*\\)`).test(text) ||
          new RegExp(`\\b\\w*${GUARD_CALL.source}\\w*\\(\\s*${n}\\b`, 'i').test(text)
        );
      });
    }

    function onlyLocal(target: Node): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const u = unwrap(target);
      if (u.type !== T.MemberExpression && u.type !== T.Identifier) return undefined;
      const x = sourceCode.getText(u as TSESTree.Node);
      const text = `(typeof ${x} === 'string' && ${x}.startsWith('/') && !${x}.startsWith('//') && !${x}.startsWith('/\\\\') ? ${x} : '/')`;
      return { messageId: 'onlyLocalPaths', fix: (fixer) => fixer.replaceText(u as TSESTree.Node, text) };
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        for (const r of redirects(model.ctx)) {
          const seen: string[] = [];
          const dest = destination(r.target, model.ctx, 0, seen);
          const data = requestData(dest, model.ctx);
          if (!data || BROWSER_HEADERS.test(data.source)) continue;
          if (FIXED_HOST.test(prefixOf(dest))) continue;
          const names = [sourceCode.getText(dest as TSESTree.Node), sourceCode.getText(unwrap(r.target) as TSESTree.Node), ...seen, ...leaves(dest, model.ctx)];
          if (guarded(r.call, names)) continue;
          const fix = onlyLocal(dest);
          context.report({ node: r.target as TSESTree.Node, messageId: 'openRedirect', data: { source: data.source, api: r.api }, suggest: fix ? [fix] : [] });
        }
      },
    };
  },
});
