/**
 * Caught errors and what of them an expression reveals. An error binding is a `catch (err)` parameter, the first
 * parameter of an error handler or callback (`(err, req, res, next)`, `.catch((error) => …)`, Fastify's
 * `setErrorHandler((error, request, reply) => …)`, Hono's `onError((err, c) => …)`), or a Nest exception filter's
 * `catch(exception, host)`. Its internals are `err.message`, `err.stack`, the object itself, `String(err)`; its
 * classifiers (`err.status`, `err.code`, `err.issues`, `err.flatten()`) are not. A guard is a test that keeps
 * details to development or to errors meant for the client: `NODE_ENV !== 'production'`, `isDev`, `err.expose`,
 * `err.isOperational`, `err.statusCode < 500`, `err instanceof ZodError`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, isFunction, memberPath, unwrap, type Node } from './ast';
import type { ModelContext } from './file-index';

const ERROR_PARAM = /^(err|error|e|ex|exc|exception|cause|reason)$/i;
/** Properties that carry an error's internals. */
const INTERNAL_PROPS = /^(message|stack|sqlMessage|sql|sqlState|detail|original|parent|cause|config|response|request|errno|syscall|path|hint|where|table|constraint|routine|internalQuery|query|parameters|driverError)$/;
/** Functions that turn an error into text or an object: what they return reveals it whole. */
const SERIALISERS = /^(String|stringify|inspect|format|toString|serializeError|serialize|toJSON)$/;
const ENV_GUARD = /\b(NODE_ENV|APP_ENV|ENVIRONMENT|isDev\w*|isProd\w*|IS_DEV\w*|IS_PROD\w*|DEV|dev|debug\w*|DEBUG\w*|development|production|prod|verbose|showErrors?|exposeErrors?|includeStack)\b/;
const ERROR_GUARD = /\.(expose|isOperational|isTrusted|isPublic|name|type|kind|isJoi|isAxiosError|isBoom)\b|\.code\s*[!=]==?\s*['"`]|instanceof\s+(?!Error\b|TypeError\b)[\w.]+/;

/** Whether an identifier names a caught error. */
export function isErrorBinding(id: TSESTree.Identifier, ctx: ModelContext): boolean {
  const def = findVariable(ctx.sourceCode.getScope(id), id.name)?.defs[0];
  if (!def) return false;
  if (def.type === 'CatchClause') return true;
  if (def.type !== 'Parameter') return false;
  const fn = def.node as Node;
  if (!isFunction(fn) || fn.params[0] !== (def.name as Node)) return false;
  // Nest exception filter: catch(exception: unknown, host: ArgumentsHost)
  const method = fn.parent;
  if (method?.type === T.MethodDefinition && method.key.type === T.Identifier && method.key.name === 'catch') return true;
  return ERROR_PARAM.test(id.name);
}

/** What an exposure shows, for messages: `err.message`, `err.stack`, `the error object`. */
export function exposureLabel(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const n = unwrap(node);
  if (n.type === T.MemberExpression || n.type === T.CallExpression) return `\`${sourceCode.getText(n)}\``;
  return 'the error object';
}

/**
 * The parts of `expr` that reveal a caught error's internals: `err.message`, `err.stack`, `err`, `String(err)`,
 * `${err}`, `{ ...err }`. Follows a local once (`const message = err instanceof Error ? err.message : String(err)`).
 */
export function errorExposures(expr: Node, ctx: ModelContext, depth = 0): Node[] {
  if (depth > 5) return [];
  const n = unwrap(expr);
  switch (n.type) {
    case T.Identifier: {
      if (isErrorBinding(n, ctx)) return [n];
      const def = findVariable(ctx.sourceCode.getScope(n), n.name)?.defs[0];
      const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : undefined;
      return init && depth < 3 && errorExposures(init, ctx, depth + 2).length > 0 ? [n] : [];
    }
    case T.MemberExpression: {
      const obj = unwrap(n.object);
      const prop = !n.computed && n.property.type === T.Identifier ? n.property.name : undefined;
      if (obj.type === T.Identifier && isErrorBinding(obj, ctx)) return prop && INTERNAL_PROPS.test(prop) ? [n] : [];
      // (err as Error).message, err.response.data, err.original.message
      if (obj.type === T.MemberExpression) return errorExposures(obj, ctx, depth + 1).length > 0 && prop && INTERNAL_PROPS.test(prop) ? [n] : [];
      return [];
    }
    case T.ChainExpression:
      return errorExposures(n.expression, ctx, depth + 1);
    case T.CallExpression: {
      const name = calleeName(n);
      if (!name || !SERIALISERS.test(name)) return [];
      // JSON.stringify({ error: err.message }) reveals what its argument does
      if (name === 'stringify') return n.arguments.flatMap((a) => errorExposures(a as Node, ctx, depth + 1));
      if (name === 'toString' && n.callee.type === T.MemberExpression) return errorExposures(n.callee.object, ctx, depth + 1).length > 0 ? [n] : [];
      return n.arguments.some((a) => errorExposures(a as Node, ctx, depth + 1).length > 0) ? [n] : [];
    }
    case T.TemplateLiteral:
      return n.expressions.flatMap((e) => errorExposures(e, ctx, depth + 1));
    case T.BinaryExpression:
      return n.operator === '+' ? [...errorExposures(n.left as Node, ctx, depth + 1), ...errorExposures(n.right, ctx, depth + 1)] : [];
    case T.LogicalExpression:
      return [...(n.operator === '&&' ? [] : errorExposures(n.left, ctx, depth + 1)), ...errorExposures(n.right, ctx, depth + 1)];
    case T.ConditionalExpression:
      return [...errorExposures(n.consequent, ctx, depth + 1), ...errorExposures(n.alternate, ctx, depth + 1)];
    case T.ObjectExpression:
      return n.properties.flatMap((p) => (p.type === T.SpreadElement ? errorExposures(p.argument, ctx, depth + 1) : errorExposures(p.value as Node, ctx, depth + 1)));
    case T.ArrayExpression:
      return n.elements.flatMap((e) => (e ? errorExposures(e.type === T.SpreadElement ? e.argument : e, ctx, depth + 1) : []));
    default:
      return [];
  }
}

/** `status < 500`, `err.statusCode >= 500`: a comparison of a status with a number, as [operator, number]. */
function statusComparison(test: Node): [string, number] | undefined {
  const t = unwrap(test);
  if (t.type !== T.BinaryExpression || !/^(<|<=|>|>=|===|==|!==|!=)$/.test(t.operator)) return undefined;
  const left = unwrap(t.left as Node);
  const right = unwrap(t.right);
  const named = (n: Node) => /(^|\.)(status|statusCode|httpStatus|code)$/.test(memberPath(n).join('.'));
  if (named(left) && right.type === T.Literal && typeof right.value === 'number') return [t.operator, right.value];
  return undefined;
}

/**
 * Whether a test keeps the guarded branch to development or to client errors. Status comparisons have a direction:
 * `status < 500 ? err.message : 'Internal'` guards its first branch, `if (status >= 500)` guards only its `else`.
 */
function guardTest(test: Node, sourceCode: Readonly<TSESLint.SourceCode>, envOnly: boolean, branch: 'then' | 'else' = 'then'): boolean {
  const text = sourceCode.getText(test);
  if (ENV_GUARD.test(text)) return true;
  if (envOnly) return false;
  const cmp = statusComparison(test);
  if (cmp) {
    const [op, n] = cmp;
    // the branch holds only when the status is below 500
    const below = (o: string) => ((o === '<' && n <= 500) || (o === '<=' && n < 500) || ((o === '===' || o === '==') && n < 500));
    const inverse: Record<string, string> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '===': '!==', '==': '!=', '!==': '===', '!=': '==' };
    return below(branch === 'then' ? op : inverse[op]);
  }
  return ERROR_GUARD.test(text);
}

function exits(stmt: Node): boolean {
  const s = stmt.type === T.BlockStatement ? stmt.body[stmt.body.length - 1] : stmt;
  return !!s && (s.type === T.ReturnStatement || s.type === T.ThrowStatement);
}

/**
 * Whether a guard keeps `node` to development or to client errors: a condition around it (`isDev ? err.stack :
 * undefined`, `if (err.expose)`, `err.statusCode < 500 && …`), or an earlier `if (NODE_ENV === 'production') return …`
 * in a block it runs in. Looks no further out than `stop` (the handler or catch clause).
 */
export function isGuarded(node: Node, stop: Node | undefined, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let child: Node = node;
  for (let n = node.parent; n && n !== stop; child = n, n = n.parent) {
    if (n.type === T.ConditionalExpression && child !== n.test && guardTest(n.test, sourceCode, false, child === n.consequent ? 'then' : 'else')) return true;
    if (n.type === T.IfStatement && child !== n.test && guardTest(n.test, sourceCode, false, child === n.consequent ? 'then' : 'else')) return true;
    if (n.type === T.LogicalExpression && child === n.right && guardTest(n.left, sourceCode, false)) return true;
    if (n.type === T.BlockStatement || n.type === T.Program) {
      for (const stmt of n.body) {
        if (stmt === child) break;
        if (stmt.type === T.IfStatement && guardTest(stmt.test, sourceCode, true) && exits(stmt.consequent)) return true;
      }
    }
    if (isFunction(n)) break;
  }
  return false;
}

/** The catch clause or error-handling function an exposure belongs to: where guards and logging are looked for. */
export function errorScope(binding: Node, ctx: ModelContext): Node | undefined {
  const id = unwrap(binding);
  const root = id.type === T.Identifier ? id : id.type === T.MemberExpression ? firstIdentifier(id) : undefined;
  if (!root) return undefined;
  const def = findVariable(ctx.sourceCode.getScope(root), root.name)?.defs[0];
  if (!def) return undefined;
  if (def.type === 'CatchClause') return def.node as Node;
  return def.type === 'Parameter' ? (def.node as Node) : undefined;
}

function firstIdentifier(n: Node): TSESTree.Identifier | undefined {
  let cur: Node = n;
  while (cur.type === T.MemberExpression || cur.type === T.TSAsExpression || cur.type === T.TSNonNullExpression) cur = cur.type === T.MemberExpression ? cur.object : cur.expression;
  return cur.type === T.Identifier ? cur : undefined;
}

/** The error's name at an exposure (`err` for `(err as Error).message`), for a fix that logs it. */
export function errorName(exposure: Node): string | undefined {
  const n = unwrap(exposure);
  if (n.type === T.Identifier) return n.name;
  const path = memberPath(n);
  return path[0] && path[0] !== '[]' ? path[0] : firstIdentifier(n)?.name;
}
