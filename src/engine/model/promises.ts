/**
 * Calls known to return a promise, and whether a promise is handled where it is made. "Known" is strict: an
 * `async` function or method declared in this file, a database call (db-calls.ts), an outbound HTTP request
 * (outbound-http.ts), a `.then()` chain, `Promise.all`/`race`/`any`, and mail/queue clients whose send returns a
 * promise. A call to something imported whose return type we cannot see is not known.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { T, memberPath, unwrap, type Call, type FunctionNode, type Node } from './ast';
import type { DbCall } from './db-calls';
import type { ModelContext } from './file-index';
import { outboundCalls } from './outbound-http';

export interface KnownPromise {
  call: Call;
  /** What the call is, for a message: `the async function sendWelcomeEmail`, `a database write`, `an HTTP request`. */
  what: string;
}

interface AsyncFacts {
  /** Names of async functions declared at any level of the file (`async function f`, `const f = async () =>`). */
  functions: Set<string>;
  /** Async methods per class node, for `this.method()`. */
  methods: Map<Node, Set<string>>;
  db: Set<Call>;
  http: Set<Call>;
  mailers: boolean;
}

const cache = new WeakMap<object, AsyncFacts>();

function facts(ctx: ModelContext, dbCalls: readonly DbCall[]): AsyncFacts {
  const cached = cache.get(ctx.index);
  if (cached) return cached;
  const functions = new Set<string>();
  for (const fn of ctx.index.functions) {
    if (!fn.async) continue;
    if (fn.type === T.FunctionDeclaration && fn.id) functions.add(fn.id.name);
    const p = fn.parent;
    if (p?.type === T.VariableDeclarator && p.id.type === T.Identifier) functions.add(p.id.name);
  }
  const methods = new Map<Node, Set<string>>();
  for (const cls of ctx.index.classes) {
    const names = new Set<string>();
    for (const m of cls.body.body) {
      if ((m.type === T.MethodDefinition || m.type === T.PropertyDefinition) && m.key.type === T.Identifier && !m.computed) {
        const v = m.value;
        if (v && (v.type === T.FunctionExpression || v.type === T.ArrowFunctionExpression) && v.async) names.add(m.key.name);
      }
    }
    if (names.size > 0) methods.set(cls, names);
  }
  const mailers = [...ctx.index.imports.values()].some((i) => /^(nodemailer|@sendgrid\/mail|resend|postmark|mailgun\.js|@aws-sdk\/client-ses|kafkajs)$/.test(i.source));
  const result: AsyncFacts = {
    functions,
    methods,
    db: new Set(dbCalls.map((d) => d.call)),
    http: new Set(outboundCalls(ctx).filter((o) => !o.creates && o.client !== 'http' && o.client !== 'https' && o.client !== 'request' && o.client !== 'superagent' && o.client !== 'needle').map((o) => o.call)),
    mailers,
  };
  cache.set(ctx.index, result);
  return result;
}

function enclosingClass(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === T.ClassBody) return n.parent;
  return undefined;
}

/** The call returns a promise, as far as this file shows; undefined when we do not know. `dbCalls`: the model's `dbCalls()`. */
export function knownPromise(call: Call, ctx: ModelContext, dbCalls: readonly DbCall[]): KnownPromise | undefined {
  const f = facts(ctx, dbCalls);
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) {
    if (f.functions.has(callee.name)) return { call, what: `the async function \`${callee.name}\`` };
  } else if (callee.type === T.MemberExpression) {
    const path = memberPath(callee);
    const fn = path[path.length - 1];
    if (path.length === 2 && path[0] === 'this') {
      const cls = enclosingClass(call);
      if (cls && f.methods.get(cls)?.has(fn)) return { call, what: `the async method \`${fn}\`` };
    }
    if (fn === 'then' || fn === 'finally') return { call, what: 'a promise chain' };
    if (path.length === 2 && path[0] === 'Promise' && /^(all|race|any)$/.test(fn)) return { call, what: `\`Promise.${fn}\`` };
    // transporter.sendMail(opts) returns a promise when no callback is passed; sgMail.send(msg), producer.send(…)
    if (f.mailers && /^(sendMail|send|sendBatch|sendEmail)$/.test(fn) && !call.arguments.some((a) => a.type === T.ArrowFunctionExpression || a.type === T.FunctionExpression)) {
      const owner = path[path.length - 2] ?? '';
      if (/(transport|transporter|mailer|mail|sgMail|sendgrid|resend|producer|emails|ses|client)$/i.test(owner)) return { call, what: fn === 'sendMail' || /mail|email|resend|ses/i.test(owner) ? 'sending an email' : 'publishing a message' };
    }
  }
  if (f.db.has(call)) return { call, what: 'a database call' };
  if (f.http.has(call)) return { call, what: 'an HTTP request' };
  return undefined;
}

/** A promise chain ends in an error path: `.catch(h)`, `.then(ok, fail)`, or `.finally()` after one of them. */
export function hasErrorPath(call: Call): boolean {
  let n: Node = call;
  while (n.type === T.CallExpression && n.callee.type === T.MemberExpression) {
    const prop = n.callee.property;
    const name = prop.type === T.Identifier ? prop.name : undefined;
    if (name === 'catch') return true;
    if (name === 'then' && n.arguments.length >= 2) return true;
    if (name !== 'finally' && name !== 'then') return false;
    n = unwrap(n.callee.object);
  }
  return false;
}

/** The statement a value is dropped by: `f();`, `void f();`, `cond && f();`. Undefined when the value is used. */
export function droppedBy(call: Call): { statement: TSESTree.ExpressionStatement; voided?: TSESTree.UnaryExpression } | undefined {
  let n: Node = call;
  let voided: TSESTree.UnaryExpression | undefined;
  for (;;) {
    const p: Node | undefined = n.parent;
    if (!p) return undefined;
    if (p.type === T.ExpressionStatement) return { statement: p, voided };
    if (p.type === T.UnaryExpression && p.operator === 'void') voided = p;
    else if (p.type === T.ChainExpression || p.type === T.TSNonNullExpression || p.type === T.TSAsExpression) {
      /* transparent */
    } else if (p.type === T.LogicalExpression && p.right === n) {
      /* cond && f() */
    } else if (p.type === T.ConditionalExpression && p.test !== n) {
      /* cond ? f() : g() */
    } else if (p.type === T.SequenceExpression && p.expressions[p.expressions.length - 1] !== n) {
      /* (f(), x) */
    } else return undefined;
    n = p;
  }
}

/** The function a call is dropped in, when its arrow body is the call and the arrow goes to `forEach` (whose results are thrown away). */
export function droppedByForEach(call: Call): FunctionNode | undefined {
  const fn = call.parent;
  if (fn?.type !== T.ArrowFunctionExpression || fn.body !== call) return undefined;
  const outer = fn.parent;
  if (outer?.type === T.CallExpression && outer.arguments[0] === fn && outer.callee.type === T.MemberExpression && outer.callee.property.type === T.Identifier && outer.callee.property.name === 'forEach') return fn;
  return undefined;
}
