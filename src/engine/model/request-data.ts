/**
 * Request data: values a client controls. `req.body.x`, `req.query`, `ctx.request.body`, Hono's `c.req.query()`,
 * Next.js `await request.json()` and `searchParams.get()`, Nest parameters decorated `@Body()`/`@Query()`/`@Param()`,
 * and local variables and string expressions built from them. Numbers parsed out of request data are not
 * request data any more: `Number(req.params.id)` cannot carry SQL or a path.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, memberPath, unwrap, type Node } from './ast';
import type { ModelContext } from './file-index';

const ROOTS = /^(req|request|ctx|context|c|event|_req|_request)$/;
const INPUT_PROPS = new Set(['body', 'query', 'params', 'headers', 'cookies', 'signedCookies', 'files', 'file', 'rawBody', 'searchParams']);
/** `req.get('x')`, `c.req.query('q')`, `request.json()`, `searchParams.get('next')`, `ctx.cookies.get('t')`. */
const INPUT_CALLS = new Set(['json', 'formData', 'text', 'query', 'param', 'queries', 'header', 'parseBody', 'valid']);
const NEST_INPUT = /^(Body|Query|Param|Params|Headers|Req|Request|UploadedFile|UploadedFiles)$/;
/** String functions that keep their input's taint. */
const KEEPS = new Set(['String', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toString', 'slice', 'substring', 'substr', 'concat', 'normalize', 'decodeURIComponent', 'decodeURI', 'replace', 'replaceAll', 'padStart', 'padEnd', 'join', 'at', 'toLocaleLowerCase', 'JSON.parse', 'parse']);

/** Where request data comes from, as text (`req.query.url`), or undefined when the value is not request data. */
export function requestSource(node: Node | undefined | null, ctx: ModelContext, depth = 0): string | undefined {
  if (!node || depth > 6) return undefined;
  const n = unwrap(node);
  switch (n.type) {
    case T.ChainExpression:
      return requestSource(n.expression, ctx, depth);
    case T.MemberExpression:
      return memberSource(n, ctx, depth);
    case T.Identifier:
      return identifierSource(n, ctx, depth);
    case T.CallExpression:
      return callSource(n, ctx, depth);
    case T.TemplateLiteral:
      for (const e of n.expressions) {
        const s = requestSource(e, ctx, depth + 1);
        if (s) return s;
      }
      return undefined;
    case T.BinaryExpression:
      if (n.operator !== '+') return undefined;
      return requestSource(n.left as Node, ctx, depth + 1) ?? requestSource(n.right, ctx, depth + 1);
    case T.LogicalExpression:
      return requestSource(n.left, ctx, depth + 1) ?? requestSource(n.right, ctx, depth + 1);
    case T.ConditionalExpression:
      return requestSource(n.consequent, ctx, depth + 1) ?? requestSource(n.alternate, ctx, depth + 1);
    case T.AssignmentExpression:
      return requestSource(n.right, ctx, depth + 1);
    default:
      return undefined;
  }
}

export function isRequestData(node: Node | undefined | null, ctx: ModelContext): boolean {
  return requestSource(node, ctx) !== undefined;
}

function memberSource(n: TSESTree.MemberExpression, ctx: ModelContext, depth: number): string | undefined {
  const path = memberPath(n);
  if (path.length >= 2 && ROOTS.test(path[0])) {
    // req.body, ctx.request.body, c.req.raw…, event.queryStringParameters
    const rest = path[1] === 'request' || path[1] === 'req' ? path.slice(2) : path.slice(1);
    if (rest.length > 0 && (INPUT_PROPS.has(rest[0]) || /^(queryStringParameters|pathParameters|multiValueQueryStringParameters)$/.test(rest[0]))) return path.join('.');
  }
  // body.name where body is request data; a computed key keeps the object's taint
  return requestSource(n.object, ctx, depth + 1);
}

function callSource(n: TSESTree.CallExpression, ctx: ModelContext, depth: number): string | undefined {
  const path = memberPath(n.callee);
  const name = calleeName(n);
  if (!name) return undefined;
  // req.get('x'), req.header('x'), req.param('x')
  if (path.length === 2 && /^(req|request)$/.test(path[0]) && /^(get|header|param)$/.test(name)) return path.join('.');
  // c.req.query('q'), request.json(), req.nextUrl.searchParams.get('q'), ctx.cookies.get('t')
  if (path.length >= 2 && ROOTS.test(path[0]) && (INPUT_CALLS.has(name) || (name === 'get' && /^(searchParams|cookies|headers|query)$/.test(path[path.length - 2])))) {
    return path.join('.');
  }
  if (name === 'get' || name === 'getAll') {
    // const { searchParams } = new URL(req.url); searchParams.get('next')
    const owner = n.callee.type === T.MemberExpression ? n.callee.object : undefined;
    if (owner && /searchParams$/.test(memberPath(owner).join('.'))) {
      const src = requestSource(owner, ctx, depth + 1);
      return src ?? memberPath(n.callee).join('.');
    }
  }
  if (KEEPS.has(name) || KEEPS.has(path.join('.'))) {
    if (n.callee.type === T.MemberExpression) {
      const own = requestSource(n.callee.object, ctx, depth + 1);
      if (own) return own;
    }
    for (const a of n.arguments) {
      const s = requestSource(a as Node, ctx, depth + 1);
      if (s) return s;
    }
  }
  return undefined;
}

function identifierSource(n: TSESTree.Identifier, ctx: ModelContext, depth: number): string | undefined {
  if (n.name === 'undefined') return undefined;
  const variable = findVariable(ctx.sourceCode.getScope(n), n.name);
  const def = variable?.defs[0];
  if (!def) return undefined;
  if (def.type === 'Parameter') {
    // Nest: @Body() dto, @Query('q') q, @Param('id') id
    const param = paramNode(def.name as Node);
    const decorators = (param as { decorators?: TSESTree.Decorator[] } | undefined)?.decorators ?? [];
    for (const d of decorators) {
      const expr = d.expression.type === T.CallExpression ? d.expression.callee : d.expression;
      if (expr.type === T.Identifier && NEST_INPUT.test(expr.name) && !/^(Req|Request)$/.test(expr.name)) return `@${expr.name}() ${n.name}`;
    }
    return undefined;
  }
  if (def.type !== 'Variable') return undefined;
  const declarator = def.node as TSESTree.VariableDeclarator;
  if (!declarator.init) return undefined;
  // const x = req.body.x; const { q } = req.query; for...of loops are not initialisers
  return requestSource(declarator.init, ctx, depth + 1);
}

/** The parameter node that carries decorators: the identifier itself, or its TSParameterProperty. */
function paramNode(id: Node): Node {
  let p: Node = id;
  if (p.parent?.type === T.AssignmentPattern) p = p.parent;
  if (p.parent?.type === T.TSParameterProperty) return p.parent;
  return p;
}
