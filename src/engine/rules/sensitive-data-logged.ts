import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/sensitive-data-logged.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, logCall } from '../model';
import { T, calleeName, memberPath, property, staticText, unwrap, type FunctionNode, type Node } from '../model/ast';
import type { ModelContext } from '../model/file-index';
import { isAuthEndpoint, isScriptOrTestFile } from '../model/paths';
import { inDevOnlyBranch } from '../model/runtime';
import { requestData } from '../model/request-data';
import { secretKind } from '../model/sensitive-data';
import { createRule, metaFromSpec } from './create-rule';
import { FixText } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'sensitiveDataLogged' | 'redact';
type Options = [];

const spec = specData as RuleSpec;

export const sensitiveDataLoggedSpec = spec;

const REDACTED = "'[redacted]'";
/** Calls whose result reveals their argument whole. */
const PASS_THROUGH = /^(String|stringify|inspect|format|toString|toJSON)$/;
const AUTH_NAME = /login|log_in|signin|sign_in|signup|sign_up|register|password|reset|auth|token|otp|credential|session/i;

interface Leak {
  node: Node;
  what: string;
  kind: 'value' | 'body' | 'headers';
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

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const ctx = model.ctx;
        const redacted = redactedNames(ctx);
        let handlers: ReturnType<typeof model.handlers> | undefined;
        const authRoutes = new Set<Node>();
        for (const r of model.routes) {
          if ((r.path !== undefined && isAuthEndpoint(r.path)) || (r.operationName && AUTH_NAME.test(r.operationName))) if (r.handler) authRoutes.add(r.handler as Node);
        }

        /** Whole request bodies count in sign-in, sign-up and reset handlers, where they hold a password. */
        const inAuthHandler = (node: Node): boolean => {
          handlers ??= model.handlers();
          const fn: FunctionNode | undefined = handlers.enclosing(node);
          if (!fn) return AUTH_NAME.test(context.filename.split('/').pop() ?? '');
          if (authRoutes.has(fn)) return true;
          const name = fn.type === T.FunctionDeclaration ? fn.id?.name : fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier ? fn.parent.id.name : fn.parent?.type === T.MethodDefinition && fn.parent.key.type === T.Identifier ? fn.parent.key.name : undefined;
          return (name !== undefined && AUTH_NAME.test(name)) || /(^|\/)(auth|login|signup|register|session|password)[^/]*$/i.test(context.filename.replace(/\.[cm]?[jt]sx?$/, ''));
        };

        const isRedacted = (key: string) => redacted.has(key.toLowerCase());

        function leaks(expr: Node, depth = 0): Leak[] {
          if (depth > 4) return [];
          const e = unwrap(expr);
          switch (e.type) {
            case T.Identifier:
            case T.MemberExpression: {
              const path = memberPath(e);
              const last = path[path.length - 1];
              if (last && last !== '[]' && secretKind(last) && !isRedacted(last)) return [{ node: e, what: `\`${sourceCode.getText(e)}\``, kind: 'value' }];
              const data = requestData(e, ctx);
              if (data?.whole && /\.headers$/.test(data.source) && !isRedacted('authorization')) return [{ node: e, what: `\`${data.source}\` (with the Authorization and Cookie headers)`, kind: 'headers' }];
              if (data?.whole && /(\.body|json\(\)|@Body\(\) \w+)$/.test(data.source) && inAuthHandler(e) && !isRedacted('password')) return [{ node: e, what: `The whole request body of a sign-in flow (\`${data.source}\`)`, kind: 'body' }];
              return [];
            }
            case T.ObjectExpression: {
              const out: Leak[] = [];
              const overridden = new Set<string>();
              for (const p of e.properties) if (p.type === T.Property) overridden.add(keyName(p) ?? '');
              for (const p of e.properties) {
                if (p.type === T.SpreadElement) {
                  // { ...req.body, password: '[redacted]' }
                  if ([...overridden].some((k) => secretKind(k))) continue;
                  out.push(...leaks(p.argument, depth + 1));
                  continue;
                }
                const key = keyName(p);
                const value = unwrap(p.value as Node);
                if (key && secretKind(key) && !isRedacted(key)) {
                  if (!isRedaction(value, ctx)) out.push({ node: p.value as Node, what: `\`${key}\``, kind: 'value' });
                  continue;
                }
                if (p.shorthand) continue;
                out.push(...leaks(p.value as Node, depth + 1));
              }
              return out;
            }
            case T.TemplateLiteral:
              return e.expressions.flatMap((x) => leaks(x, depth + 1));
            case T.BinaryExpression:
              return e.operator === '+' ? [...leaks(e.left as Node, depth + 1), ...leaks(e.right, depth + 1)] : [];
            case T.ConditionalExpression:
              return [...leaks(e.consequent, depth + 1), ...leaks(e.alternate, depth + 1)];
            case T.LogicalExpression:
              return e.operator === '&&' ? leaks(e.right, depth + 1) : [...leaks(e.left, depth + 1), ...leaks(e.right, depth + 1)];
            case T.CallExpression: {
              const name = calleeName(e);
              if (!name || !PASS_THROUGH.test(name)) return [];
              if (name === 'toString' && e.callee.type === T.MemberExpression) return leaks(e.callee.object, depth + 1);
              return e.arguments[0] ? leaks(e.arguments[0] as Node, depth + 1) : [];
            }
            default:
              return [];
          }
        }

        for (const call of ctx.index.calls) {
          if (call.callee.type !== T.MemberExpression || call.arguments.length === 0) continue;
          if (!logCall(call) || inDevOnlyBranch(call)) continue;
          const found = call.arguments.flatMap((a) => leaks(a as Node));
          if (found.length === 0) continue;
          context.report({
            node: call.callee.property,
            messageId: 'sensitiveDataLogged',
            data: { what: found[0].what.replace(/^`/, '`').replace(/^[a-z]/, (c) => c.toUpperCase()) },
            suggest: [{ messageId: 'redact', fix: (fixer) => found.map((l) => redactFix(fixer, l)) }],
          });
        }
      },
    };

    function redactFix(fixer: TSESLint.RuleFixer, leak: Leak): TSESLint.RuleFix {
      const t = (s: string) => FixText.for(context).text(s).toString();
      const n = leak.node;
      const text = sourceCode.getText(n);
      const parent = n.parent;
      if (leak.kind === 'body') return fixer.replaceText(n, t(`{ ...${text}, password: ${REDACTED} }`));
      if (leak.kind === 'headers') return fixer.replaceText(n, t(`{ ...${text}, authorization: ${REDACTED}, cookie: ${REDACTED} }`));
      if (parent?.type === T.Property && parent.shorthand) return fixer.replaceText(parent, t(`${text}: ${REDACTED}`));
      // `${token}` inside a template: the hole becomes plain text
      if (parent?.type === T.TemplateLiteral) return fixer.replaceTextRange([n.range[0] - 2, n.range[1] + 1], t('[redacted]'));
      return fixer.replaceText(n, t(REDACTED));
    }
  },
});

function keyName(p: TSESTree.Property): string | undefined {
  if (p.key.type === T.Identifier && !p.computed) return p.key.name;
  if (p.key.type === T.Literal && typeof p.key.value === 'string') return p.key.value;
  return undefined;
}

/**
 * A value under a secret key that does not hold the secret: a placeholder string, `redact(x)`, `mask(x)`,
 * `x.length`, a comparison, or a name that is neither secret nor request data (`password: hashed`).
 */
function isRedaction(v: Node, ctx: ModelContext): boolean {
  switch (v.type) {
    case T.Literal:
    case T.UnaryExpression:
    case T.BinaryExpression:
      return true;
    case T.CallExpression:
      return !PASS_THROUGH.test(calleeName(v) ?? '');
    case T.Identifier:
    case T.MemberExpression: {
      const path = memberPath(v);
      const last = path[path.length - 1];
      return !!last && last !== '[]' && !secretKind(last) && !requestData(v, ctx);
    }
    default:
      return false;
  }
}

/** Key names a logger in this file redacts (`pino({ redact: ['req.headers.authorization', '*.password'] })`). */
function redactedNames(ctx: ModelContext): Set<string> {
  const out = new Set<string>();
  for (const call of ctx.index.calls) {
    for (const a of call.arguments) {
      const r = property(unwrap(a as Node), 'redact');
      if (!r) continue;
      const v = unwrap(r.value);
      const list = v.type === T.ArrayExpression ? v : v.type === T.ObjectExpression ? property(v, 'paths')?.value : undefined;
      if (list?.type !== T.ArrayExpression) continue;
      for (const e of list.elements) {
        const text = e ? staticText(e as Node) : undefined;
        if (text) out.add(text.split(/[.[\]"']+/).filter(Boolean).pop()!.toLowerCase());
      }
    }
  }
  return out;
}
