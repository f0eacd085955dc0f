/**
 * Server entry points: where a file starts listening for HTTP traffic (`app.listen`, `server.listen`,
 * `fastify.listen`, Nest's `app.listen`, Hono's `serve()` from @hono/node-server), and whether the file
 * takes care of the process's end (a SIGTERM handler, Nest's shutdown hooks, a graceful-shutdown library).
 */
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { T, calleeName, memberPath, unwrap, type Call, type Node } from './ast';
import { exportNameOf, type ModelContext } from './file-index';

export type ServerKind = 'express' | 'koa' | 'fastify' | 'nest' | 'hono' | 'http' | 'other';

export interface ListenCall {
  call: Call;
  kind: ServerKind;
  /** The receiver of `.listen` (`app`, `server`, `fastify`), undefined for `serve(...)`. */
  receiver?: Node;
  /** The receiver is a Node `http.Server` (made by `createServer`), so `.close(cb)` drains it. */
  receiverIsHttpServer: boolean;
  /**
   * The call runs inside a function or class this file exports (`export async function start()`): the entry point
   * is whoever calls it, in another file, and that is where signals are handled.
   */
  inExported: boolean;
}

/** Packages whose import means the file serves HTTP (a `.listen(...)` there starts a server). */
const SERVER_PACKAGES: Record<string, ServerKind> = {
  express: 'express',
  koa: 'koa',
  fastify: 'fastify',
  '@nestjs/core': 'nest',
  '@hono/node-server': 'hono',
  http: 'http',
  'node:http': 'http',
  https: 'http',
  'node:https': 'http',
  http2: 'http',
  'node:http2': 'http',
  restify: 'other',
  polka: 'other',
  '@apollo/server': 'other',
  'apollo-server': 'other',
  'apollo-server-express': 'other',
  'socket.io': 'other',
  connect: 'other',
  'micro': 'other',
  'json-server': 'other',
};

/** Packages that install signal handlers and drain the server for you. */
export const SHUTDOWN_PACKAGES = /^(@godaddy\/terminus|http-terminator|lightship|close-with-grace|stoppable|fastify-graceful-shutdown|@\w+\/fastify-graceful-shutdown|http-graceful-shutdown|graceful-shutdown|@moebius\/http-graceful-shutdown|node-graceful-shutdown|@neurocode\.io\/k8s-graceful-shutdown|death|exit-hook|async-exit-hook|signal-exit|@hapi\/hapi|fastify-close-with-grace)$/;
/** A local helper or module that owns shutdown: `setupGracefulShutdown(server)`, `import './shutdown'`. */
const SHUTDOWN_NAME = /shutdown|graceful|terminus|terminator|onSignal|handleSignals|lifecycle|drain/i;

const cache = new WeakMap<object, ListenCall[]>();

function serverKinds(ctx: ModelContext): Map<string, ServerKind> {
  const kinds = new Map<string, ServerKind>();
  for (const [local, ref] of ctx.index.imports) {
    const kind = SERVER_PACKAGES[ref.source];
    if (kind) kinds.set(local, kind);
  }
  return kinds;
}

/** The call that made a local variable (`const server = http.createServer(app)` → that call). */
function initOf(node: Node, ctx: ModelContext): Node | undefined {
  const n = unwrap(node);
  if (n.type !== T.Identifier) return undefined;
  const def = findVariable(ctx.sourceCode.getScope(n as TSESTree.Identifier), n.name)?.defs[0];
  if (def?.node.type === T.VariableDeclarator && def.node.init) return unwrap(def.node.init);
  return undefined;
}

/** `http.createServer()`, `https.createServer()`, `new http.Server()`; not `net`/`tls` servers, which speak raw TCP, not HTTP. */
function isCreateServer(node: Node | undefined, ctx: ModelContext): boolean {
  if (!node || (node.type !== T.CallExpression && node.type !== T.NewExpression)) return false;
  const name = calleeName(node);
  if (name !== 'createServer' && name !== 'createSecureServer' && name !== 'Server') return false;
  const root = memberPath(node.callee)[0];
  const source = root ? ctx.index.imports.get(root)?.source : undefined;
  return source ? !/^(node:)?(net|tls|dgram)$/.test(source) : !/^(net|tls)$/.test(root ?? '');
}

function inExported(call: Call, ctx: ModelContext): boolean {
  for (let n: Node | undefined = call.parent; n; n = n.parent) {
    if ((n.type === T.FunctionDeclaration || n.type === T.FunctionExpression || n.type === T.ArrowFunctionExpression) && exportNameOf(ctx.index, undefined, n)) {
      // export async function bootstrap() {…} followed by bootstrap(): started here after all
      const name = n.type === T.FunctionDeclaration ? n.id?.name : n.parent?.type === T.VariableDeclarator && n.parent.id.type === T.Identifier ? n.parent.id.name : undefined;
      return !name || !ctx.index.calls.some((c) => c.callee.type === T.Identifier && c.callee.name === name);
    }
    if ((n.type === T.ClassDeclaration || n.type === T.ClassExpression) && n.id && (ctx.index.exportsOf.has(n.id.name) || n.parent?.type === T.ExportNamedDeclaration || n.parent?.type === T.ExportDefaultDeclaration)) return true;
  }
  return false;
}

/** `3000`, `PORT`, `config.port`, `process.env.PORT`, `Number(process.env.PORT)`, `{ port, host }`. */
function portLike(arg: Node | undefined): boolean {
  if (!arg) return false;
  const n = unwrap(arg);
  if (n.type === T.Literal) return typeof n.value === 'number';
  if (n.type === T.ObjectExpression) return n.properties.some((p) => p.type === T.Property && p.key.type === T.Identifier && p.key.name === 'port');
  if (n.type === T.CallExpression) return n.arguments.length > 0 && portLike(n.arguments[0] as Node);
  if (n.type === T.LogicalExpression) return portLike(n.left) || portLike(n.right);
  const path = memberPath(n);
  return path.length > 0 && /port/i.test(path[path.length - 1]);
}

/**
 * Every call in the file that starts an HTTP server: `.listen(port…)` on an app or server in a file that imports
 * a server framework or `http`, and `serve(...)` from @hono/node-server. Built once per file.
 */
export function listenCalls(ctx: ModelContext): readonly ListenCall[] {
  const cached = cache.get(ctx.index);
  if (cached) return cached;
  const out: ListenCall[] = [];
  let kinds: Map<string, ServerKind> | undefined;
  for (const call of ctx.index.calls) {
    const name = calleeName(call);
    if (name !== 'listen' && name !== 'serve') continue;
    kinds ??= serverKinds(ctx);
    const callee = unwrap(call.callee);
    if (name === 'serve') {
      if (callee.type === T.Identifier && ctx.index.imports.get(callee.name)?.source === '@hono/node-server') out.push({ call, kind: 'hono', receiverIsHttpServer: true, inExported: inExported(call, ctx) });
      continue;
    }
    // `server.listen()` with no port is a test's ephemeral server; a real entry names its port or options.
    if (callee.type !== T.MemberExpression || call.arguments.length === 0) continue;
    const receiver = unwrap(callee.object);
    const made = receiver.type === T.CallExpression || receiver.type === T.NewExpression ? receiver : initOf(receiver, ctx);
    let kind: ServerKind | undefined;
    if (made && (made.type === T.CallExpression || made.type === T.NewExpression)) {
      const root = memberPath(made.callee)[0];
      if (root) kind = kinds.get(root);
      if (!kind && isCreateServer(made, ctx)) kind = 'http';
      // const app = await NestFactory.create(AppModule)
      if (!kind && memberPath(made.callee).join('.') === 'NestFactory.create') kind = 'nest';
    }
    if (!kind) {
      // An app handed in from elsewhere (`import app from './app'`): the file imports a framework or http itself.
      const path = memberPath(receiver);
      if (path.length !== 1 || !/^(app|server|httpServer|fastify|api|instance|application|koa|service)$/i.test(path[0])) continue;
      if (kinds.size === 0 && !portLike(call.arguments[0] as Node)) continue;
      kind = [...kinds.values()][0] ?? 'other';
    }
    out.push({ call, kind, receiver, receiverIsHttpServer: isCreateServer(made, ctx) || kind === 'http', inExported: inExported(call, ctx) });
  }
  cache.set(ctx.index, out);
  return out;
}

/**
 * Whether the file takes care of shutdown: it names SIGTERM (`process.on('SIGTERM', …)`, a list of signals),
 * enables Nest's shutdown hooks, uses a graceful-shutdown package, or calls or imports a local shutdown helper.
 */
export function handlesShutdown(ctx: ModelContext): boolean {
  if (/['"`]SIGTERM['"`]/.test(ctx.sourceCode.text)) return true;
  for (const [local, ref] of ctx.index.imports) {
    if (SHUTDOWN_PACKAGES.test(ref.source)) return true;
    if ((ref.source.startsWith('.') || /^[@~#]\//.test(ref.source)) && (SHUTDOWN_NAME.test(local) || SHUTDOWN_NAME.test(ref.source))) return true;
  }
  for (const stmt of ctx.index.program.body) {
    // import './shutdown'
    if (stmt.type === T.ImportDeclaration && stmt.specifiers.length === 0 && SHUTDOWN_NAME.test(stmt.source.value)) return true;
  }
  for (const call of ctx.index.calls) {
    const name = calleeName(call);
    if (!name) continue;
    if (name === 'enableShutdownHooks' || name === 'closeGraceful' || SHUTDOWN_NAME.test(name)) return true;
    // require('./shutdown')(server)
    if (name === 'require' && SHUTDOWN_NAME.test(String((call.arguments[0] as { value?: unknown } | undefined)?.value ?? ''))) return true;
  }
  return false;
}
