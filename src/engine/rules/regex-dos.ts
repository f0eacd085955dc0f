import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import specData from '../../../rules/regex-dos.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, requestSource } from '../model';
import { T, calleeName, staticText, unwrap, type Node } from '../model/ast';
import { importedRegexEscaper, isRegexEscapeCall, unescapedRequestParts } from '../model/escaping';
import type { ModelContext } from '../model/file-index';
import { isScriptOrTestFile } from '../model/paths';
import { redosShape, type RedosShape } from '../model/regex-safety';
import { createRule, metaFromSpec } from './create-rule';
import { FixText } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'regexDos' | 'escapePattern';
type Options = [];

const spec = specData as RuleSpec;

export const regexDosSpec = spec;

/** Methods that run a regex over their receiver string: `input.match(re)`. */
const STRING_METHODS = new Set(['match', 'matchAll', 'replace', 'replaceAll', 'search', 'split']);
/** Methods that run the regex they are called on: `re.test(input)`. */
const REGEX_METHODS = new Set(['test', 'exec']);

const SHAPE: Record<RedosShape, string> = {
  'nested-quantifier': 'has a quantifier inside a repeated group',
  'overlapping-alternation': 'repeats alternatives that match the same characters',
};

const ESCAPE_IDIOM = ".replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&')";

/** A regex literal, or a local const holding one (`const NAME_RE = /…/`, `new RegExp('…')`). */
function regexLiteral(node: Node | undefined, ctx: ModelContext, depth = 0): { pattern: string; flags: string; node: Node } | undefined {
  if (!node || depth > 2) return undefined;
  const n = unwrap(node);
  if (n.type === T.Literal && 'regex' in n && n.regex) return { pattern: n.regex.pattern, flags: n.regex.flags, node: n };
  if ((n.type === T.NewExpression || n.type === T.CallExpression) && n.callee.type === T.Identifier && n.callee.name === 'RegExp') {
    const p = staticText(n.arguments[0]);
    if (p !== undefined && unwrap(n.arguments[0] as Node).type === T.Literal) return { pattern: p, flags: staticText(n.arguments[1]) ?? '', node: n };
    return undefined;
  }
  if (n.type === T.Identifier) {
    const def = findVariable(ctx.sourceCode.getScope(n), n.name)?.defs[0];
    const decl = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator) : undefined;
    if (decl?.init && decl.parent.kind === 'const') return regexLiteral(decl.init, ctx, depth + 1);
  }
  return undefined;
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

    function userPattern(node: TSESTree.NewExpression | TSESTree.CallExpression, ctx: ModelContext): void {
      const arg = node.arguments[0];
      if (!arg || arg.type === T.SpreadElement) return;
      const found = unescapedRequestParts(arg, ctx, isRegexEscapeCall);
      if (found.length === 0) return;
      // q ?? '' is escaped as a whole, so the default still applies
      const parts = found.map((p) => (p.parent?.type === T.LogicalExpression && p.parent.left === p && p.parent.right.type === T.Literal ? p.parent : p));
      const source = requestSource(parts[0], ctx) ?? 'request data';
      const escaper = importedRegexEscaper(ctx);
      const wrap = (p: Node) => {
        const text = sourceCode.getText(p);
        const raw = escaper ? `${escaper}(${text})` : `String(${text})${ESCAPE_IDIOM}`;
        return FixText.for(context).text(raw).toString();
      };
      context.report({
        node,
        messageId: 'regexDos',
        data: { problem: `This regex is built from \`${source}\`: the client chooses the pattern, including one that backtracks forever.`, advice: 'Escape the input so it matches literally.' },
        suggest: [{ messageId: 'escapePattern', data: { source: `\`${source}\`` }, fix: (fixer: TSESLint.RuleFixer) => parts.map((p) => fixer.replaceText(p, wrap(p))) }],
      });
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const ctx = getModel(sourceCode, context.filename, teamFromContext(context)).ctx;
        for (const n of ctx.index.news) if (n.callee.type === T.Identifier && n.callee.name === 'RegExp') userPattern(n, ctx);
        for (const call of ctx.index.calls) {
          const name = calleeName(call);
          if (!name) continue;
          if (name === 'RegExp' && call.callee.type === T.Identifier) {
            userPattern(call, ctx);
            continue;
          }
          if (call.callee.type !== T.MemberExpression) continue;
          let re: ReturnType<typeof regexLiteral>;
          let input: Node | undefined;
          if (REGEX_METHODS.has(name)) {
            re = regexLiteral(call.callee.object, ctx);
            input = call.arguments[0] as Node | undefined;
          } else if (STRING_METHODS.has(name)) {
            re = regexLiteral(call.arguments[0] as Node | undefined, ctx);
            input = call.callee.object;
          } else continue;
          if (!re || !input) continue;
          const shape = redosShape(re.pattern, re.flags);
          if (!shape) continue;
          const source = requestSource(input, ctx);
          if (!source) continue;
          context.report({
            node: call.callee.property,
            messageId: 'regexDos',
            data: {
              problem: `\`/${re.pattern}/\` ${SHAPE[shape]} and runs on \`${source}\`.`,
              advice: 'Rewrite it so each character can match only one way, or check the input length first.',
            },
          });
        }
      },
    };
  },
});
