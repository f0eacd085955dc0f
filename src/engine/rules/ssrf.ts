import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import specData from '../../../rules/ssrf.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, enclosingFunction, unwrap, walk, type Node } from '../model/ast';
import type { ModelContext } from '../model/file-index';
import { outboundCalls, runsInBrowser, targetOptionNodes } from '../model/outbound-http';
import { isScriptOrTestFile } from '../model/paths';
import { requestData } from '../model/request-data';
import { isStaticValue } from '../model/static-value';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'ssrf';
type Options = [];

const spec = specData as RuleSpec;

export const ssrfSpec = spec;

/** `https://api.example.com/…`: a literal origin followed by a path, query or fragment. */
const FIXED_ORIGIN = /^https?:\/\/[^/?#\s]+[/?#]/i;
const GUARD_CALL = /(allow|safe|valid|trusted|whitelist|permitted|isinternal|isprivate|ispublic)/i;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether the host of a URL expression is fixed by the server: a literal origin, or a static base (`${API_URL}/…`,
 * `new URL(\`/users/${id}\`, BASE)`) with the client's value only after the first `/`, `?` or `#`.
 */
function hostFixed(node: Node, ctx: ModelContext, relative: boolean, depth = 0): boolean {
  const n = unwrap(node);
  if (n.type === T.NewExpression && n.callee.type === T.Identifier && n.callee.name === 'URL') {
    const [path, base] = n.arguments as Node[];
    if (!path) return false;
    if (!base) return hostFixed(path, ctx, false, depth + 1);
    return isStaticValue(base, ctx) && (isStaticValue(path, ctx) || startsRelative(path, ctx));
  }
  if (n.type === T.Identifier && depth < 3) {
    const def = findVariable(ctx.sourceCode.getScope(n), n.name)?.defs[0];
    const decl = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator) : undefined;
    if (decl?.init && decl.id.type === T.Identifier && (decl.parent as TSESTree.VariableDeclaration).kind === 'const') return hostFixed(decl.init, ctx, relative, depth + 1);
    return false;
  }
  if (n.type === T.TemplateLiteral) {
    const first = n.expressions.findIndex((e) => requestData(e, ctx) !== undefined);
    if (first < 0) return true;
    if (FIXED_ORIGIN.test(n.quasis[0].value.cooked ?? '') || (relative && /^\/[^/\\]/.test(n.quasis[0].value.cooked ?? ''))) return true;
    // `${API_URL}/users/${id}`: a static base, then a path separator before the client's part
    const before = n.expressions.slice(0, first);
    return before.length > 0 && before.every((e) => isStaticValue(e, ctx)) && /[/?#]/.test(n.quasis.slice(1, first + 1).map((q) => q.value.cooked ?? '').join(''));
  }
  if (n.type === T.BinaryExpression && n.operator === '+') {
    const left = unwrap(n.left as Node);
    if (requestData(left, ctx)) return hostFixed(left, ctx, relative, depth + 1);
    if (left.type === T.Literal && typeof left.value === 'string') return FIXED_ORIGIN.test(left.value) || (relative && /^\/[^/\\]/.test(left.value));
    return isStaticValue(left, ctx) && /^[/?#]/.test(leadingText(n.right));
  }
  return false;
}

function startsRelative(path: Node, ctx: ModelContext): boolean {
  const p = unwrap(path);
  if (p.type === T.TemplateLiteral) return /^\/[^/\\]/.test(p.quasis[0].value.cooked ?? '') || hostFixed(p, ctx, true);
  if (p.type === T.BinaryExpression) return hostFixed(p, ctx, true);
  return false;
}

function leadingText(n: Node): string {
  const u = unwrap(n);
  if (u.type === T.Literal && typeof u.value === 'string') return u.value;
  if (u.type === T.TemplateLiteral) return u.quasis[0].value.cooked ?? '';
  if (u.type === T.BinaryExpression) return leadingText(u.left as Node);
  return '';
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
    const sourceCode = context.sourceCode;

    /** An allow-list or host check in the same function: `ALLOWED.has(url.hostname)`, `isAllowedUrl(target)`. */
    function guarded(call: Node, target: Node, ctx: ModelContext): boolean {
      const fn = enclosingFunction(call);
      if (!fn) return false;
      const text = sourceCode.getText(fn as TSESTree.Node);
      const names = new Set<string>([sourceCode.getText(target as TSESTree.Node)]);
      walk(target, (n) => {
        if (n.type === T.Identifier || n.type === T.MemberExpression) {
          if (requestData(n, ctx) || n.type === T.Identifier) names.add(sourceCode.getText(n as TSESTree.Node));
          // target.toString(), target.href: the guard names `target`
          let root: Node = n;
          while (root.type === T.MemberExpression) root = unwrap(root.object);
          if (root.type === T.Identifier) names.add(root.name);
          return false;
        }
        return undefined;
      });
      for (const name of names) {
        const n = escape(name);
        if (
          new RegExp(`${n}\\s*\\.(hostname|host|origin)\\s*(!==|===|!=|==|\\.endsWith\\()|\\.(includes|has)\\(\\s*${n}(\\.(hostname|host|origin))?\\s*\\)|${n}\\s*\\.startsWith\\(\\s*['"\`]https?://[^'"\`/]+/`).test(text) ||
          new RegExp(`\\b\\w*${GUARD_CALL.source}\\w*\\(\\s*${n}\\b`, 'i').test(text)
        ) {
          return true;
        }
      }
      return false;
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const calls = outboundCalls(model.ctx);
        if (calls.length === 0 || runsInBrowser(model.ctx)) return;
        for (const c of calls) {
          const targets = c.urlNode ? [c.urlNode] : targetOptionNodes(c.optionsNode);
          for (const target of targets) {
            const data = requestData(target, model.ctx);
            if (!data) continue;
            if (hostFixed(target, model.ctx, !!c.instance) || guarded(c.call, target, model.ctx)) continue;
            context.report({ node: target as TSESTree.Node, messageId: 'ssrf', data: { source: data.source, client: c.client } });
            break;
          }
        }
      },
    };
  },
});
