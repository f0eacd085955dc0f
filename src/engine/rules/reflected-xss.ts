import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import specData from '../../../rules/reflected-xss.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, requestSource } from '../model';
import { T, calleeName, property, staticText, unwrap, type Node } from '../model/ast';
import { importedHtmlEscaper, isHtmlEscapeCall, unescapedRequestParts } from '../model/escaping';
import type { ModelContext } from '../model/file-index';
import { isScriptOrTestFile } from '../model/paths';
import { RESPONSE_ASSIGNMENT_SELECTOR, RESPONSE_METHODS, koaBodyWrite, responseConstruction, responseWrite, type ContentKind, type ResponseWrite } from '../model/response-writes';
import { createRule, metaFromSpec } from './create-rule';
import { FixText } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'reflectedXss' | 'escapeValue';
type Options = [];

const spec = specData as RuleSpec;

export const reflectedXssSpec = spec;

const MARKUP = /<[a-z!/]/i;

/** The request values a body interpolates without HTML escaping. Hono's raw() marks a string as safe: it is what gets written. */
function unescapedParts(expr: Node, ctx: ModelContext): Node[] {
  return unescapedRequestParts(expr, ctx, isHtmlEscapeCall, /^raw$/);
}

/** The static text around the holes, to see whether the body is markup. */
function markupOf(body: Node, ctx: ModelContext): string {
  const b = unwrap(body);
  if (b.type === T.Identifier) {
    const def = findVariable(ctx.sourceCode.getScope(b), b.name)?.defs[0];
    const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : undefined;
    return init ? (staticText(init) ?? '') : '';
  }
  return staticText(b) ?? '';
}

/** What the browser will treat the body as: the declared type, else each framework's default for a string. */
function servedAs(w: ResponseWrite, ctx: ModelContext): ContentKind | undefined {
  if (w.declared) return w.declared;
  const body = unwrap(w.body!);
  const text = markupOf(body, ctx);
  const isString = body.type === T.TemplateLiteral || body.type === T.BinaryExpression || text !== '';
  switch (w.api) {
    case 'express':
      // Express sends a string as text/html; a bare query or path value is a string too
      if (w.method !== 'send') return undefined;
      if (isString) return 'html';
      return /\.(query|params)\b/.test(requestSource(body, ctx) ?? '') ? 'html' : undefined;
    case 'node':
      return MARKUP.test(text) ? 'html' : undefined;
    case 'koa':
      // Koa serves a string that starts with `<` as text/html, any other string as text/plain
      return text.trimStart().startsWith('<') ? 'html' : undefined;
    default:
      // Fastify and fetch-style Responses default to text/plain, Hono's c.body to no type
      return undefined;
  }
}

function reportNodeOf(w: ResponseWrite): Node {
  const n = w.node;
  if (n.type === T.CallExpression && n.callee.type === T.MemberExpression) return n.callee.property;
  if (n.type === T.AssignmentExpression) return n.left;
  return n;
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
    const assignments: TSESTree.AssignmentExpression[] = [];
    const innerHtml: TSESTree.JSXAttribute[] = [];

    function report(at: Node, parts: Node[], ctx: ModelContext, escaper: string | undefined): void {
      const source = requestSource(parts[0], ctx) ?? 'request data';
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = escaper
        ? [{ messageId: 'escapeValue', data: { source, escaper }, fix: (fixer) => parts.map((p) => fixer.replaceText(p, FixText.for(context).text(`${escaper}(${sourceCode.getText(p)})`).toString())) }]
        : [];
      context.report({ node: at, messageId: 'reflectedXss', data: { source: `\`${source}\`` }, suggest });
    }

    return {
      [RESPONSE_ASSIGNMENT_SELECTOR](node: TSESTree.AssignmentExpression) {
        assignments.push(node);
      },
      'JSXAttribute[name.name="dangerouslySetInnerHTML"]'(node: TSESTree.JSXAttribute) {
        innerHtml.push(node);
      },
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const ctx = model.ctx;
        let escaper: string | null | undefined = null;
        const escaperOnce = () => (escaper === null ? (escaper = importedHtmlEscaper(ctx)) : escaper);
        const check = (w: ResponseWrite | undefined) => {
          if (!w?.body || servedAs(w, ctx) !== 'html') return;
          const parts = unescapedParts(w.body, ctx);
          if (parts.length > 0) report(reportNodeOf(w), parts, ctx, escaperOnce());
        };
        for (const call of ctx.index.calls) {
          const name = calleeName(call);
          if (name && RESPONSE_METHODS.has(name)) check(responseWrite(call, ctx, assignments));
        }
        for (const n of ctx.index.news) check(responseConstruction(n));
        for (const a of assignments) check(koaBodyWrite(a, ctx, assignments));
        // <div dangerouslySetInnerHTML={{ __html: query.q }} /> rendered on the server
        for (const attr of innerHtml) {
          const value = attr.value?.type === T.JSXExpressionContainer ? attr.value.expression : undefined;
          const html = value && value.type !== T.JSXEmptyExpression ? property(value, '__html') : undefined;
          const parts = html ? unescapedParts(html.value, ctx) : [];
          if (parts.length > 0) report(attr.name, parts, ctx, escaperOnce());
        }
      },
    };
  },
});
