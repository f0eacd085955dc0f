/**
 * Values the server fixes, whatever the request says: literals, constants, entries of a fixed map or enum, numbers
 * (`Number(x)`, `parseInt`, `Math.min`, `.length`), `process.env` settings, and placeholder lists such as
 * `ids.map(() => '?').join(', ')`. Injection rules stay quiet on these: they cannot carry SQL, a path or code.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, isFunction, memberPath, unwrap, walk, type Node } from './ast';
import type { ModelContext } from './file-index';

const NUMERIC_CALLS = new Set(['Number', 'parseInt', 'parseFloat', 'BigInt', 'Boolean', 'isNaN', 'toFixed', 'getTime', 'valueOf', 'toISOString', 'toUTCString', 'now', 'randomUUID', 'indexOf', 'findIndex', 'includes', 'startsWith', 'endsWith', 'test', 'has']);
const NUMERIC_MEMBERS = new Set(['length', 'size', 'byteLength']);
const NUMBER_TYPES = new Set([T.TSNumberKeyword, T.TSBooleanKeyword, T.TSBigIntKeyword]);

/** True when the server fixes the value: it cannot carry text the client chose. */
export function isStaticValue(node: Node | undefined | null, ctx: ModelContext, depth = 0): boolean {
  if (!node) return true;
  if (depth > 6) return false;
  const n = unwrap(node);
  switch (n.type) {
    case T.Literal:
      return true;
    case T.TemplateLiteral:
      return n.expressions.every((e) => isStaticValue(e, ctx, depth + 1));
    case T.UnaryExpression:
      // +x, -x, typeof x, !x, void x: a number, a boolean or a fixed word
      return n.operator !== 'delete';
    case T.UpdateExpression:
      return true;
    case T.BinaryExpression:
      if (n.operator !== '+') return true; // arithmetic and comparisons give numbers and booleans
      return isStaticValue(n.left as Node, ctx, depth + 1) && isStaticValue(n.right, ctx, depth + 1);
    case T.LogicalExpression:
      return isStaticValue(n.left, ctx, depth + 1) && isStaticValue(n.right, ctx, depth + 1);
    case T.ConditionalExpression:
      return isStaticValue(n.consequent, ctx, depth + 1) && isStaticValue(n.alternate, ctx, depth + 1);
    case T.ChainExpression:
      return isStaticValue(n.expression, ctx, depth);
    case T.MemberExpression:
      return staticMember(n, ctx, depth);
    case T.Identifier:
      return staticIdentifier(n, ctx, depth);
    case T.CallExpression:
      return staticCall(n, ctx, depth);
    case T.ArrayExpression:
      return n.elements.every((e) => !e || (e.type !== T.SpreadElement && isStaticValue(e, ctx, depth + 1)));
    default:
      return false;
  }
}

function staticMember(n: TSESTree.MemberExpression, ctx: ModelContext, depth: number): boolean {
  const path = memberPath(n);
  if (NUMERIC_MEMBERS.has(path[path.length - 1] ?? '')) return true;
  // process.env.TABLE, config.db.schema: server configuration
  if (path[0] === 'process' && path[1] === 'env') return true;
  // SORTS[req.query.sort], Order.Asc, COLUMNS.name: an entry of a fixed table, whatever the key
  const obj = unwrap(n.object);
  if (obj.type === T.Identifier) return fixedTable(obj, ctx, depth);
  if (obj.type === T.MemberExpression) return staticMember(obj, ctx, depth + 1);
  return false;
}

/** A const object, array, Map or Set of literals, an enum, or a SCREAMING_CASE import from a constants module. */
function fixedTable(id: TSESTree.Identifier, ctx: ModelContext, depth: number): boolean {
  const variable = findVariable(ctx.sourceCode.getScope(id), id.name);
  const def = variable?.defs[0];
  if (!def) return false;
  if (def.type === 'TSEnumName') return true;
  if (def.type === 'ImportBinding') return /^[A-Z][A-Z0-9_]+$/.test(id.name);
  if (def.type !== 'Variable') return false;
  const decl = def.node as TSESTree.VariableDeclarator;
  if ((decl.parent as TSESTree.VariableDeclaration).kind !== 'const' || !decl.init) return false;
  let init = unwrap(decl.init);
  // Object.freeze({...}), new Map([...]), new Set([...])
  if (init.type === T.CallExpression && calleeName(init) === 'freeze' && init.arguments[0]) init = unwrap(init.arguments[0] as Node);
  if (init.type === T.NewExpression && init.callee.type === T.Identifier && /^(Map|Set)$/.test(init.callee.name)) {
    return init.arguments.length === 0 || isStaticValue(init.arguments[0] as Node, ctx, depth + 1);
  }
  if (init.type === T.ObjectExpression) {
    return init.properties.every((p) => p.type === T.Property && isStaticValue(p.value as Node, ctx, depth + 1));
  }
  if (init.type === T.ArrayExpression) return isStaticValue(init, ctx, depth + 1);
  return false;
}

function staticIdentifier(n: TSESTree.Identifier, ctx: ModelContext, depth: number): boolean {
  if (n.name === 'undefined' || n.name === 'NaN' || n.name === 'Infinity') return true;
  const variable = findVariable(ctx.sourceCode.getScope(n), n.name);
  const def = variable?.defs[0];
  if (!def) return false;
  if (def.type === 'TSEnumName') return true;
  if (def.type === 'ImportBinding') return /^[A-Z][A-Z0-9_]+$/.test(n.name);
  // (limit: number), (active: boolean): a number cannot carry SQL
  const annotation = (def.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
  if (annotation && (NUMBER_TYPES.has(annotation.type) || (annotation.type === T.TSUnionType && annotation.types.every((t) => NUMBER_TYPES.has(t.type) || t.type === T.TSLiteralType || t.type === T.TSUndefinedKeyword || t.type === T.TSNullKeyword)) || annotation.type === T.TSLiteralType)) {
    return true;
  }
  if (def.type !== 'Variable') return false;
  const decl = def.node as TSESTree.VariableDeclarator;
  if (!decl.init || decl.id.type !== T.Identifier) return false;
  if (!isStaticValue(decl.init, ctx, depth + 1)) return false;
  // let x = 'a'; x = req.query.x — every write must be static too
  if ((decl.parent as TSESTree.VariableDeclaration).kind === 'const') return true;
  return variable!.references.every((r) => {
    if (!r.isWrite() || r.identifier === decl.id) return true;
    const assign = r.identifier.parent;
    return assign?.type === T.AssignmentExpression && isStaticValue(assign.right, ctx, depth + 1);
  });
}

function staticCall(n: TSESTree.CallExpression, ctx: ModelContext, depth: number): boolean {
  const name = calleeName(n);
  if (!name) return false;
  const path = memberPath(n.callee);
  if (NUMERIC_CALLS.has(name) || path[0] === 'Math' || path[0] === 'crypto') return true;
  if (name === 'get' && n.callee.type === T.MemberExpression) {
    // SORTS.get(key) on a const Map of literals
    const obj = unwrap(n.callee.object);
    return obj.type === T.Identifier && fixedTable(obj, ctx, depth);
  }
  if (name === 'join' && n.callee.type === T.MemberExpression) return placeholderList(unwrap(n.callee.object), ctx, depth);
  // `${ids.map(() => '?')}`: an array in a template is joined with commas, so this is a placeholder list too
  if (name === 'map' && n.callee.type === T.MemberExpression) return placeholderList(n, ctx, depth);
  if (n.callee.type === T.Identifier) return fixedTextFunction(n.callee, ctx, depth);
  // String(n) of a static value
  if ((name === 'String' || name === 'toString' || name === 'toUpperCase' || name === 'toLowerCase' || name === 'trim') && n.callee.type === T.MemberExpression) return isStaticValue(n.callee.object, ctx, depth + 1);
  if (name === 'String') return isStaticValue(n.arguments[0] as Node | undefined, ctx, depth + 1);
  return false;
}

/**
 * `ids.map(() => '?')`, `ids.map((_, i) => `$${i + 1}`)`, `COLUMNS` (a const array of literals): a list
 * whose items the server writes, so joining it gives placeholders or fixed names, never client text.
 */
function placeholderList(n: Node, ctx: ModelContext, depth: number): boolean {
  if (n.type === T.CallExpression && calleeName(n) === 'map') {
    const cb = n.arguments[0] ? unwrap(n.arguments[0] as Node) : undefined;
    if (!cb || !isFunction(cb)) return false;
    const body = cb.body.type === T.BlockStatement ? returned(cb.body) : cb.body;
    if (!body) return false;
    const item = cb.params[0];
    // the item itself is the list's content; only the index (and numbers) may appear
    const usesItem = (e: Node): boolean => item?.type === T.Identifier && e.type === T.Identifier && e.name === item.name;
    const b = unwrap(body);
    if (b.type === T.Literal) return true;
    // ROOT_ROLE_TYPES.map((type) => `'${type}'`): the items of a fixed list are fixed too
    if (b.type === T.TemplateLiteral && n.callee.type === T.MemberExpression && isStaticValue(n.callee.object, ctx, depth + 1)) {
      return b.expressions.every((e) => usesItem(unwrap(e)) || isStaticValue(e, ctx, depth + 1));
    }
    if (b.type === T.TemplateLiteral) return b.expressions.every((e) => !usesItem(unwrap(e)) && (e.type === T.BinaryExpression || e.type === T.Identifier || e.type === T.Literal));
    return false;
  }
  return isStaticValue(n, ctx, depth + 1);
}

/**
 * `localtime(type)` where `const localtime = (t) => (t === 'timestamp' ? '' : ", 'localtime'")`: a function of this
 * file whose every `return` gives fixed text, whatever its arguments.
 */
function fixedTextFunction(id: TSESTree.Identifier, ctx: ModelContext, depth: number): boolean {
  const def = findVariable(ctx.sourceCode.getScope(id), id.name)?.defs[0];
  let fn: Node | undefined;
  if (def?.type === 'FunctionName') fn = def.node as Node;
  else if (def?.type === 'Variable' && (def.parent as TSESTree.VariableDeclaration | null)?.kind === 'const' && def.node.init) fn = unwrap(def.node.init);
  if (!fn || !isFunction(fn) || fn.async || fn.generator) return false;
  if (fn.body.type !== T.BlockStatement) return isStaticValue(fn.body, ctx, depth + 1);
  const returns: TSESTree.ReturnStatement[] = [];
  walk(fn.body, (node) => {
    if (isFunction(node)) return false;
    if (node.type === T.ReturnStatement) returns.push(node);
  });
  return returns.length > 0 && returns.every((r) => r.argument && isStaticValue(r.argument, ctx, depth + 1));
}

function returned(block: TSESTree.BlockStatement): Node | undefined {
  const last = block.body[block.body.length - 1];
  return last?.type === T.ReturnStatement && last.argument ? last.argument : undefined;
}
