/**
 * Shapes of a `try` whose failure is already dealt with without the error object: an optional-dependency probe,
 * a fallback the code after the `try` returns, a default the `try` only improves on, a field left as it was, a
 * `catch` that redoes the last step another way, a `catch` that creates what the `try` looked up. Read by swallowed-error; kept here so the rule holds no
 * knowledge of its own.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T, calleeName, isFunction, memberPath, unwrap, walk, type Call, type Node } from './ast';

/** The roots a handler answers through: `res.json(…)`, `reply.send(…)`, `ctx.body = …`. */
export const RESPONSE_ROOT = /^(res|response|reply|rep|ctx|c|context)$/;

/** `try { require('pino-pretty') } catch {}`: probing for an optional dependency. */
export function isOptionalRequireProbe(block: TSESTree.BlockStatement): boolean {
  if (block.body.length === 0) return false;
  let probe = true;
  let sawRequire = false;
  walk(block, (n) => {
    if (n.type === T.CallExpression) {
      const path = memberPath(n.callee).join('.');
      if (path === 'require' || path === 'require.resolve' || path.startsWith('require()')) sawRequire = true;
      else probe = false;
    } else if (n.type === T.ImportExpression) sawRequire = true;
    return undefined;
  });
  return probe && sawRequire;
}

/**
 * A probe with a fallback: the empty catch falls through to a `return` of a constant or of the variable the try
 * block was filling. `try { x.call(v); return true; } catch {} return false;`,
 * `try { family = detect(await read(p)); } catch {} return family;`: the fallback is the handling.
 */
export function fallsBackAfter(tryStmt: TSESTree.TryStatement): boolean {
  if (tryStmt.finalizer) return false;
  const parent = tryStmt.parent;
  if (!parent || (parent.type !== T.BlockStatement && parent.type !== T.Program)) return false;
  const next = parent.body[parent.body.indexOf(tryStmt as TSESTree.ProgramStatement & TSESTree.Statement) + 1];
  // try { if (await find(id)) return where; } catch {} throw accessDenied(): the caller gets an error either way
  if (next?.type === T.ThrowStatement) return true;
  if (next?.type !== T.ReturnStatement || !next.argument) return false;
  const returned = unwrap(next.argument);
  const stmts = tryStmt.block.body;
  const last = stmts[stmts.length - 1];
  // try { …; return x; } catch {} return <constant>
  if (last?.type === T.ReturnStatement && (returned.type === T.Literal || (returned.type === T.Identifier && returned.name === 'undefined'))) return true;
  // try { const p = realpath(…); if (file.startsWith(p)) return p; } catch {} return dirname(file): the probe answers
  // from inside the try, and the statement after is the answer when it cannot
  if (last?.type === T.IfStatement && !last.alternate && endsInReturn(last.consequent) && !RESPONSE_ROOT.test(memberPath(returned.type === T.CallExpression ? returned.callee : returned)[0] ?? '')) return true;
  // try { const raw = …; v = …; } catch {} return v
  if (returned.type !== T.Identifier) return false;
  let fills = false;
  for (const st of stmts) {
    if (st.type === T.VariableDeclaration) continue;
    if (st.type !== T.ExpressionStatement || st.expression.type !== T.AssignmentExpression || st.expression.left.type !== T.Identifier) return false;
    if (st.expression.left.name === returned.name) fills = true;
  }
  return fills;
}

function endsInReturn(st: TSESTree.Statement): boolean {
  if (st.type === T.ReturnStatement) return !!st.argument;
  return st.type === T.BlockStatement && st.body.length > 0 && endsInReturn(st.body[st.body.length - 1]);
}

/** Existence probes that may sit beside the assignment: `fs.statSync(p); dir = p;`. */
const PROBE = /^(stat|lstat|access|exists)(Sync)?$/;

/**
 * A default the try block only improves on: `let version = ''; try { … version = pkg.version; } catch {}`.
 * The try assigns nothing but locals declared before it (in its block or an enclosing one), so a failure leaves
 * the default. A local declared without a value must be tested after the try (`if (!key)`, `dir ?? fallback`,
 * `state === 'stop'`): the code after handles its absence.
 */
export function keepsDefault(tryStmt: TSESTree.TryStatement): boolean {
  const defaults = new Set<string>();
  const bare = new Set<string>();
  let child: Node = tryStmt;
  let fn: Node | undefined;
  for (let n: Node | undefined = tryStmt.parent; n; child = n, n = n.parent) {
    if (isFunction(n)) {
      fn = n;
      break;
    }
    if (n.type !== T.BlockStatement && n.type !== T.Program) continue;
    const body = n.body as Node[];
    for (const st of body.slice(0, body.indexOf(child))) {
      if (st.type !== T.VariableDeclaration || st.kind === 'const') continue;
      for (const d of st.declarations) if (d.id.type === T.Identifier) (d.init ? defaults : bare).add(d.id.name);
    }
  }
  const filled = new Set<string>();
  const fills = (st: TSESTree.Statement): boolean => {
    if (st.type === T.VariableDeclaration) return true;
    if (st.type === T.IfStatement) return fills(st.consequent) && (!st.alternate || fills(st.alternate));
    if (st.type === T.BlockStatement) return st.body.every(fills);
    if (st.type !== T.ExpressionStatement) return false;
    const e = unwrap(st.expression);
    const probe = e.type === T.AwaitExpression ? unwrap(e.argument) : e;
    if (probe.type === T.CallExpression && PROBE.test(calleeName(probe) ?? '') && memberPath(probe.callee).length === 2) return true;
    if (e.type !== T.AssignmentExpression) return false;
    const left = e.left;
    if (left.type !== T.Identifier || (!defaults.has(left.name) && !bare.has(left.name))) return false;
    filled.add(left.name);
    return true;
  };
  if (!tryStmt.block.body.every(fills) || filled.size === 0) return false;
  return [...filled].every((name) => defaults.has(name) || testedAfter(name, tryStmt, fn ?? tryStmt.parent));
}

/** `name` is tested somewhere after `after`: `if (!name)`, `name ?? x`, `name === 'stop'`, `name ? a : b`. */
function testedAfter(name: string, after: Node, scope: Node | undefined): boolean {
  if (!scope) return false;
  let tested = false;
  walk(scope, (n) => {
    if (tested) return false;
    if (n.type !== T.Identifier || n.name !== name || n.range[0] < after.range[1]) return undefined;
    const p = n.parent;
    if (
      (p?.type === T.IfStatement && p.test === n) ||
      (p?.type === T.ConditionalExpression && p.test === n) ||
      (p?.type === T.UnaryExpression && p.operator === '!') ||
      (p?.type === T.LogicalExpression && p.left === n) ||
      (p?.type === T.BinaryExpression && /^[!=]==?$/.test(p.operator))
    ) tested = true;
    return undefined;
  });
  return tested;
}

/**
 * The try only writes fields that already hold a value, with a constant or a conversion of that value:
 * `settings.projects.enabled = false`, `status.text = status.text.toString()`. A failure leaves the field as it was.
 */
export function keepsField(tryStmt: TSESTree.TryStatement, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const body = tryStmt.block.body;
  return body.length > 0 && body.every((st) => {
    if (st.type !== T.ExpressionStatement || st.expression.type !== T.AssignmentExpression || st.expression.operator !== '=') return false;
    const { left, right } = st.expression;
    if (left.type !== T.MemberExpression) return false;
    const value = unwrap(right);
    if (value.type === T.Literal) return true;
    return value.type === T.CallExpression && value.callee.type === T.MemberExpression && sourceCode.getText(value.callee.object) === sourceCode.getText(left) && value.arguments.length === 0;
  });
}

/** The call an expression statement makes, awaited or not. */
function statementCall(st: TSESTree.Statement | undefined): Call | undefined {
  if (st?.type !== T.ExpressionStatement) return undefined;
  let e = unwrap(st.expression);
  if (e.type === T.AwaitExpression) e = unwrap(e.argument);
  return e.type === T.CallExpression ? e : undefined;
}

/**
 * The catch does the try's last step another, safer way: `try { …; log.addRedactions(precise(x)) } catch
 * { log.addRedactions(all(x)) }`. The fallback is the handling. (A rollback after a transaction is not: the try
 * ended by answering, the catch does something else.)
 */
export function sameWorkOtherWay(tryStmt: TSESTree.TryStatement, clause: TSESTree.CatchClause, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const stmts = tryStmt.block.body;
  const last = statementCall(stmts[stmts.length - 1]);
  const body = clause.body.body;
  if (!last || body.length !== 1) return false;
  const fallback = statementCall(body[0]);
  return !!fallback && sourceCode.getText(fallback.callee) === sourceCode.getText(last.callee) && sourceCode.getText(fallback) !== sourceCode.getText(last);
}

const LOOKUP = /^(get|find|fetch|load|read|lookup)/i;
const CREATE = /^(create|save|insert|upsert|add)/i;

/**
 * Ensure-exists: the try looks something up (and may fix it up), the catch creates it when the lookup failed.
 * `try { role = await this.getSuperAdminRole(); … } catch (err) { await this.createRole({ code: 'superadmin' }) }`.
 * The creation is the handling; if the store is down it fails too and its own error surfaces. A catch that only
 * rolls back or cleans up is not one of these.
 */
export function createsWhatWasMissing(tryStmt: TSESTree.TryStatement, clause: TSESTree.CatchClause): boolean {
  const first = tryStmt.block.body[0];
  let lookup: Call | undefined;
  if (first?.type === T.VariableDeclaration) {
    const init = first.declarations[0]?.init;
    const e = init ? unwrap(init) : undefined;
    lookup = e?.type === T.CallExpression ? e : undefined;
  } else lookup = statementCall(first);
  if (!lookup || !LOOKUP.test(calleeName(lookup) ?? '')) return false;
  const body = clause.body.body;
  const create = statementCall(body[body.length - 1]);
  return !!create && CREATE.test(calleeName(create) ?? '') && body.every((st) => st.type === T.VariableDeclaration || st.type === T.ExpressionStatement);
}
