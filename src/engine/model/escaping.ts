/**
 * Functions that make a value safe for one context: HTML escapers and sanitisers (`escapeHtml`, `he.encode`,
 * `validator.escape`, `DOMPurify.sanitize`, `encodeURIComponent`) and regex escapers (`escapeRegExp`,
 * `_.escapeRegExp`, `RegExp.escape`, the `.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')` idiom). Also: which HTML
 * escaper a file already imports, so a fix can use it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, memberPath, unwrap, type Call, type Node } from './ast';
import { requestSource } from './request-data';
import type { ModelContext } from './file-index';

const HTML_ESCAPE_NAMES = /^(escape|escapeHtml|escapeHTML|htmlEscape|escapeXml|encodeHtml|encodeHTML|htmlEncode|encode|encodeURIComponent|encodeURI|sanitize|sanitizeHtml|sanitizeHTML|xss|filterXSS|purify|escapeAttribute|escapeAttr|escapeExpression|stringifyEntities)$/;
/** Packages whose default export escapes or sanitises HTML. */
const HTML_ESCAPE_PACKAGES = /^(escape-html|html-escaper|he|entities|sanitize-html|xss|dompurify|isomorphic-dompurify|validator|validator\/lib\/escape|lodash|lodash\/escape|lodash\.escape|underscore|escape-goat|html-entities|stringify-entities)$/;
const REGEX_ESCAPE_NAMES = /^(escapeRegExp|escapeRegex|escapeRegExpString|escapeStringRegexp|escapeStringRegExp|regexEscape|escapeForRegex|quotemeta|escapeRE|escape)$/;

/** True when the call escapes or sanitises HTML: `escapeHtml(x)`, `he.encode(x)`, `validator.escape(x)`, `DOMPurify.sanitize(x)`, `.replace(/</g, '&lt;')`. */
export function isHtmlEscapeCall(call: Call): boolean {
  const name = calleeName(call);
  if (!name) return false;
  if (HTML_ESCAPE_NAMES.test(name)) return true;
  // a hand-written escaper: s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  if (name === 'replace' || name === 'replaceAll') {
    const r = call.arguments[1] ? unwrap(call.arguments[1] as Node) : undefined;
    return !!r && r.type === T.Literal && typeof r.value === 'string' && /^&(lt|gt|amp|quot|#\w+);$/.test(r.value);
  }
  return false;
}

/** True when the call escapes regex metacharacters: `escapeRegExp(q)`, `_.escapeRegExp(q)`, `RegExp.escape(q)`, `q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')`. */
export function isRegexEscapeCall(call: Call): boolean {
  const name = calleeName(call);
  if (!name) return false;
  const path = memberPath(call.callee).join('.');
  if (path === 'RegExp.escape' || REGEX_ESCAPE_NAMES.test(name)) return name !== 'escape' || path === 'RegExp.escape';
  if (name === 'replace' || name === 'replaceAll') {
    const [pattern, replacement] = call.arguments;
    if (!pattern || !replacement) return false;
    const p = unwrap(pattern as Node);
    const r = unwrap(replacement as Node);
    const source = p.type === T.Literal && 'regex' in p && p.regex ? p.regex.pattern : undefined;
    const text = r.type === T.Literal && typeof r.value === 'string' ? r.value : undefined;
    // /[.*+?^${}()|[\]\\]/g → '\\$&': the MDN idiom, and close variants that escape at least . * + ? ( ) [
    return !!source && !!text && text.startsWith('\\') && text.includes('$&') && /\.|\\\./.test(source) && source.includes('*') && source.includes('(');
  }
  return false;
}

/** The call expression an HTML fix should wrap values in, when the file imports an escaper: `escapeHtml`, `he.encode`, `validator.escape`. */
export function importedHtmlEscaper(ctx: ModelContext): string | undefined {
  for (const [local, ref] of ctx.index.imports) {
    if (!HTML_ESCAPE_PACKAGES.test(ref.source)) continue;
    if (ref.source === 'he' || ref.source === 'entities' || ref.source === 'html-entities') {
      if (ref.imported === 'default' || ref.imported === '*') return `${local}.encode`;
      if (/^(encode|escape|escapeUTF8|encodeHTML)$/.test(ref.imported)) return local;
      continue;
    }
    if (ref.source === 'validator' || ref.source === 'lodash' || ref.source === 'underscore') {
      if (ref.imported === 'default' || ref.imported === '*') return `${local}.escape`;
      if (ref.imported === 'escape') return local;
      continue;
    }
    if (ref.source === 'dompurify' || ref.source === 'isomorphic-dompurify') {
      if (ref.imported === 'default' || ref.imported === '*') return `${local}.sanitize`;
      continue;
    }
    if (ref.source === 'html-escaper') {
      if (ref.imported === 'escape') return local;
      continue;
    }
    if (ref.imported === 'default' || HTML_ESCAPE_NAMES.test(ref.imported)) return local;
  }
  // a project helper: import { escapeHtml } from '../utils/html'
  for (const [local] of ctx.index.imports) if (/^(escapeHtml|escapeHTML|htmlEscape|encodeHtml|sanitizeHtml)$/.test(local)) return local;
  return undefined;
}

/** The regex escaper the file imports (`escapeRegExp`, `_.escapeRegExp`, `escapeStringRegexp`), or undefined. */
export function importedRegexEscaper(ctx: ModelContext): string | undefined {
  for (const [local, ref] of ctx.index.imports) {
    if ((ref.source === 'lodash' || ref.source === 'lodash-es' || ref.source === 'underscore') && (ref.imported === 'default' || ref.imported === '*')) return `${local}.escapeRegExp`;
    if (REGEX_ESCAPE_NAMES.test(local) && local !== 'escape') return local;
    if (/^(escape-string-regexp|lodash\.escaperegexp|lodash\/escapeRegExp)$/.test(ref.source)) return local;
  }
  return undefined;
}

/**
 * The request values an expression puts into a string without the given escaping: template holes, `+` operands,
 * both arms of `?:`/`||`, and a local string built that way (`const html = \`<p>${name}</p>\``). A call that
 * escapes clears its argument; `passThrough` names calls that keep it (Hono's `raw()`).
 */
export function unescapedRequestParts(expr: Node, ctx: ModelContext, escapes: (call: Call) => boolean, passThrough?: RegExp, depth = 0): Node[] {
  if (depth > 4) return [];
  const e = unwrap(expr);
  const next = (n: Node) => unescapedRequestParts(n, ctx, escapes, passThrough, depth + 1);
  switch (e.type) {
    case T.TemplateLiteral:
      return e.expressions.flatMap(next);
    case T.BinaryExpression:
      return e.operator === '+' ? [...next(e.left as Node), ...next(e.right)] : [];
    case T.ConditionalExpression:
      return [...next(e.consequent), ...next(e.alternate)];
    case T.LogicalExpression:
      return [...next(e.left), ...next(e.right)];
    case T.CallExpression:
      if (escapes(e)) return [];
      if (passThrough && passThrough.test(calleeName(e) ?? '') && e.arguments[0]) return next(e.arguments[0] as Node);
      break;
    case T.Identifier: {
      const def = findVariable(ctx.sourceCode.getScope(e), e.name)?.defs[0];
      const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : undefined;
      const u = init ? unwrap(init) : undefined;
      if (u && (u.type === T.TemplateLiteral || u.type === T.BinaryExpression)) return next(u);
      // const q = escapeRegExp(req.query.q): the local holds the escaped value
      if (u?.type === T.CallExpression && escapes(u)) return [];
      break;
    }
    default:
      break;
  }
  return requestSource(e, ctx) ? [e] : [];
}
