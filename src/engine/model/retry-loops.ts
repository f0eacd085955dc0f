/**
 * Hand-written retry loops: a `for`/`while`/`do` loop around a `try` that awaits a call, leaves the loop when the
 * call succeeds (`return`, `break`, or setting the flag the loop tests) and goes round again from its `catch`.
 * A loop over a list of items with a try per item is not a retry: it does not leave on success.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { T, calleeName, isFunction, memberPath, walk, type Node } from './ast';
import type { ModelContext } from './file-index';

export type Loop = TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement;

export interface RetryLoop {
  loop: Loop;
  tryStmt: TSESTree.TryStatement;
  handler: TSESTree.CatchClause;
  /** Something waits between attempts: `sleep`, `delay`, `setTimeout`, a backoff helper, `await new Promise(…)`. */
  waits: boolean;
  /** The attempt counter declared in the loop (`for (let attempt = 0; …)`), when there is one. */
  counter?: string;
  /** Nothing bounds the attempts: `while (true)`, `for (;;)`, `while (!done)` with no counter check. */
  unbounded: boolean;
}

/** Calls that wait, whatever the project calls its helper. */
const WAIT_CALL = /sleep|delay|wait|backoff|pause|setTimeout|jitter|throttle|retryAfter|cooldown|nap/i;

function isLoop(n: Node): n is Loop {
  return n.type === T.ForStatement || n.type === T.WhileStatement || n.type === T.DoWhileStatement;
}

/** Whether `stmt` leaves `loop` on its own path: a `return`, or a `break` that belongs to this loop. */
function exitsLoop(block: Node): boolean {
  let found = false;
  walk(block, (n) => {
    if (found || isFunction(n)) return false;
    if (n.type === T.ReturnStatement) found = true;
    // a break inside an inner loop or switch leaves that one, not ours (labelled breaks count)
    if (n.type === T.BreakStatement && (n.label || !insideInner(n, block))) found = true;
    return undefined;
  });
  return found;
}

function insideInner(node: Node, root: Node): boolean {
  for (let n = node.parent; n && n !== root; n = n.parent) {
    if (isLoop(n) || n.type === T.ForOfStatement || n.type === T.ForInStatement || n.type === T.SwitchStatement) return true;
  }
  return false;
}

/** The flag a `while (!done)` loop tests, when the try block sets it. */
function flagOf(test: Node | null | undefined): string | undefined {
  if (test?.type === T.UnaryExpression && test.operator === '!' && test.argument.type === T.Identifier) return test.argument.name;
  return undefined;
}

function setsFlag(block: Node, flag: string): boolean {
  let found = false;
  walk(block, (n) => {
    if (found || isFunction(n)) return false;
    if (n.type === T.AssignmentExpression && n.left.type === T.Identifier && n.left.name === flag) found = true;
    return undefined;
  });
  return found;
}

/** A catch that always ends the loop (its last statement throws, returns or breaks) is not a retry. */
function catchRetries(handler: TSESTree.CatchClause): boolean {
  const last = handler.body.body[handler.body.body.length - 1];
  return !last || (last.type !== T.ThrowStatement && last.type !== T.ReturnStatement && last.type !== T.BreakStatement);
}

function waitsIn(loop: Loop): boolean {
  let found = false;
  walk(loop.body, (n) => {
    if (found) return false;
    if (n.type === T.CallExpression) {
      const path = memberPath(n.callee);
      if (path.some((p) => WAIT_CALL.test(p))) found = true;
    }
    // await new Promise((r) => setTimeout(r, ms)) is caught by the setTimeout inside; a bare timer promise too
    if (n.type === T.AwaitExpression && n.argument.type === T.NewExpression && calleeName(n.argument) === 'Promise') found = true;
    return undefined;
  });
  return found;
}

function counterOf(loop: Loop): string | undefined {
  if (loop.type !== T.ForStatement || loop.init?.type !== T.VariableDeclaration) return undefined;
  const d = loop.init.declarations[0];
  return d?.id.type === T.Identifier ? d.id.name : undefined;
}

function isUnbounded(loop: Loop): boolean {
  const test = loop.type === T.ForStatement ? loop.test : loop.test;
  if (!test) return true;
  if (test.type === T.Literal && test.value === true) return true;
  return !!flagOf(test);
}

const cache = new WeakMap<object, RetryLoop[]>();

/** Every retry loop in the file, found from the awaited calls the index already holds (built once per file). */
export function retryLoops(ctx: ModelContext): readonly RetryLoop[] {
  const cached = cache.get(ctx.index);
  if (cached) return cached;
  const seen = new Set<Node>();
  const out: RetryLoop[] = [];
  for (const call of ctx.index.calls) {
    if (call.parent?.type !== T.AwaitExpression) continue;
    // climb to the try whose block holds the call, then to the loop right around that try
    let n: Node = call;
    let tryStmt: TSESTree.TryStatement | undefined;
    while (n.parent && !isFunction(n.parent)) {
      const p: Node = n.parent;
      if (p.type === T.TryStatement && p.block === n) tryStmt = p;
      if (isLoop(p) || p.type === T.ForOfStatement || p.type === T.ForInStatement) {
        if (tryStmt && isLoop(p) && !seen.has(p)) {
          seen.add(p);
          const found = classify(p, tryStmt, ctx);
          if (found) out.push(found);
        }
        break;
      }
      n = p;
    }
  }
  cache.set(ctx.index, out);
  return out;
}

const RETRY_WORDS = /retr|attempt|tries|tried|trycount|maxtry/i;

/**
 * Says it is a retry: retry words in the loop's header, its catch or its function's name, or a counted loop bounded
 * by a small literal (`for (let i = 0; i < 3; i++)`). Keeps queue consumers and batch loops out.
 */
function retryish(loop: Loop, handler: TSESTree.CatchClause, ctx: ModelContext): boolean {
  const text = (node: Node | null | undefined) => (node ? ctx.sourceCode.getText(node as TSESTree.Node) : '');
  const header = loop.type === T.ForStatement ? text(loop.init) + text(loop.test) + text(loop.update) : text(loop.test);
  if (RETRY_WORDS.test(header) || RETRY_WORDS.test(text(handler))) return true;
  for (let n: Node | undefined = loop.parent; n; n = n.parent) {
    if (isFunction(n)) {
      const id = n.id ?? (n.parent?.type === T.VariableDeclarator ? n.parent.id : n.parent?.type === T.MethodDefinition || n.parent?.type === T.Property ? n.parent.key : undefined);
      if (id && id.type === T.Identifier && RETRY_WORDS.test(id.name)) return true;
      break;
    }
  }
  const test = loop.test;
  return loop.type === T.ForStatement && test?.type === T.BinaryExpression && test.right.type === T.Literal && typeof test.right.value === 'number' && test.right.value <= 10;
}

function classify(loop: Loop, tryStmt: TSESTree.TryStatement, ctx: ModelContext): RetryLoop | undefined {
  const handler = tryStmt.handler;
  if (!handler || !catchRetries(handler) || !retryish(loop, handler, ctx)) return undefined;
  const flag = flagOf(loop.test);
  if (!exitsLoop(tryStmt.block) && !(flag && setsFlag(tryStmt.block, flag))) return undefined;
  return { loop, tryStmt, handler, waits: waitsIn(loop), counter: counterOf(loop), unbounded: isUnbounded(loop) };
}
