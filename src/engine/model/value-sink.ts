/**
 * Where a computed value ends up, by name: `const resetToken = <expr>`, `{ sessionId: <expr> }`, `otp += <expr>`,
 * `return <expr>` inside `generateInviteCode()`, `res.cookie('sid', <expr>)`. Rules that judge a value by its
 * purpose (a random number for a token, a hash for a password) read the names here instead of walking the AST.
 */
import { T, type Node } from './ast';

export interface ValueSink {
  /** The name the value is stored or returned under, when there is one. */
  name?: string;
  /** The outermost expression built from the value (`Math.random().toString(36).slice(2)` for `Math.random()`). */
  expression: Node;
  /** The named function the value is computed in (`generateOtp`), for values whose own name says nothing (`result`). */
  functionName?: string;
}

/** Methods that keep building the same value: `.toString(36)`, `.slice(2)`, `.padStart(6, '0')`, `.join('')`. */
const BUILDING_METHODS = /^(toString|toFixed|substring|substr|slice|padStart|padEnd|toUpperCase|toLowerCase|replace|replaceAll|join|charAt|concat|repeat|map|from|trim|split|at)$/;
/** Calls that pass a value through: `Math.floor(x)`, `String(x)`, `chars.charAt(x)`. */
const PASS_THROUGH = /^(Math\.(floor|round|ceil|trunc|abs|min|max)|String|Number|parseInt|parseFloat|BigInt|Array\.from)$/;

/** The name of a function node: its id, the variable or property it is assigned to, or the method key. */
export function functionNameOf(fn: Node): string | undefined {
  if ((fn.type === T.FunctionDeclaration || fn.type === T.FunctionExpression) && fn.id) return fn.id.name;
  const p = fn.parent;
  if (p?.type === T.VariableDeclarator && p.id.type === T.Identifier) return p.id.name;
  if ((p?.type === T.MethodDefinition || p?.type === T.Property || p?.type === T.PropertyDefinition) && p.key.type === T.Identifier) return p.key.name;
  if (p?.type === T.AssignmentExpression && p.left.type === T.MemberExpression && p.left.property.type === T.Identifier) return p.left.property.name;
  return undefined;
}

function calleeText(call: Node): string {
  if (call.type !== T.CallExpression) return '';
  const c = call.callee;
  if (c.type === T.Identifier) return c.name;
  if (c.type === T.MemberExpression && c.object.type === T.Identifier && c.property.type === T.Identifier) return `${c.object.name}.${c.property.name}`;
  return '';
}

function keyName(key: Node, computed: boolean): string | undefined {
  if (key.type === T.Identifier && !computed) return key.name;
  if (key.type === T.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}

/** Follows a value up through the expressions that build on it to where it is named. */
export function valueSink(start: Node): ValueSink {
  let n: Node = start;
  for (let depth = 0; depth < 12; depth++) {
    const p: Node | undefined = n.parent;
    if (!p) break;
    switch (p.type) {
      case T.BinaryExpression:
      case T.UnaryExpression:
      case T.TemplateLiteral:
      case T.ConditionalExpression:
      case T.LogicalExpression:
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.ChainExpression:
      case T.ArrayExpression:
      case T.SpreadElement:
      case T.AwaitExpression:
        n = p;
        continue;
      case T.MemberExpression:
        // chars[Math.floor(Math.random() * chars.length)], Math.random().toString(36)
        if (p.computed && p.property === n) {
          n = p;
          continue;
        }
        if (p.object === n && p.property.type === T.Identifier && BUILDING_METHODS.test(p.property.name) && p.parent?.type === T.CallExpression && p.parent.callee === p) {
          n = p.parent;
          continue;
        }
        return { expression: n, functionName: enclosingName(p) };
      case T.CallExpression:
        if (p.callee !== n && (PASS_THROUGH.test(calleeText(p)) || (p.callee.type === T.MemberExpression && p.callee.property.type === T.Identifier && BUILDING_METHODS.test(p.callee.property.name)))) {
          n = p;
          continue;
        }
        if (p.callee !== n) {
          // res.cookie('sid', value), tokens.set('reset', value): a literal first argument names the value
          const first = p.arguments[0];
          if (first && first !== n && first.type === T.Literal && typeof first.value === 'string' && /^[\w.-]+$/.test(first.value)) return { name: first.value, expression: n, functionName: enclosingName(p) };
          const c = p.callee;
          const name = c.type === T.Identifier ? c.name : c.type === T.MemberExpression && c.property.type === T.Identifier ? c.property.name : undefined;
          return { name, expression: n, functionName: enclosingName(p) };
        }
        return { expression: n, functionName: enclosingName(p) };
      case T.ArrowFunctionExpression:
        // Array.from({ length: 6 }, () => digits[Math.floor(Math.random() * 10)]).join('')
        if (p.body === n && p.parent?.type === T.CallExpression && p.parent.callee !== p) {
          n = p.parent;
          continue;
        }
        if (p.body === n) return { expression: n, functionName: functionNameOf(p) };
        return { expression: n, functionName: enclosingName(p) };
      case T.VariableDeclarator:
        return { name: p.id.type === T.Identifier ? p.id.name : undefined, expression: n, functionName: enclosingName(p) };
      case T.AssignmentExpression: {
        const l = p.left;
        const name = l.type === T.Identifier ? l.name : l.type === T.MemberExpression ? keyName(l.property, l.computed) : undefined;
        return { name, expression: n, functionName: enclosingName(p) };
      }
      case T.Property:
        return { name: keyName(p.key, p.computed), expression: n, functionName: enclosingName(p) };
      case T.PropertyDefinition:
        return { name: keyName(p.key, p.computed), expression: n, functionName: enclosingName(p) };
      case T.AssignmentPattern:
        return { name: p.left.type === T.Identifier ? p.left.name : undefined, expression: n, functionName: enclosingName(p) };
      case T.JSXExpressionContainer:
        return { name: p.parent?.type === T.JSXAttribute && p.parent.name.type === T.JSXIdentifier ? p.parent.name.name : undefined, expression: n };
      case T.ReturnStatement:
        return { expression: n, functionName: enclosingName(p) };
      default:
        return { expression: n, functionName: enclosingName(p) };
    }
  }
  return { expression: n, functionName: enclosingName(n) };
}

/** The name of the nearest named function around a node (anonymous callbacks are skipped). */
export function enclosingName(node: Node): string | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === T.FunctionDeclaration || n.type === T.FunctionExpression || n.type === T.ArrowFunctionExpression) {
      const name = functionNameOf(n);
      if (name) return name;
    }
  }
  return undefined;
}
