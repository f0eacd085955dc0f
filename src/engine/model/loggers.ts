/**
 * Logging calls: `console.*`, and structured loggers (pino, winston, bunyan, Nest's `Logger`, `req.log`, `fastify.log`,
 * a project `logger`); which convention a logger takes its error in; and which logger a fix can use at a given place.
 */
import { T, memberPath, walk, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';

const LEVELS = /^(log|info|warn|warning|error|debug|trace|fatal|verbose|silly|notice|crit|critical|emerg|alert|http)$/;
const LOGGER_NAME = /^(log|logger|_logger|\w+Logger|\w+Log|logging|winston|pino|bunyan|signale|consola|Logger)$/;
const LOGGER_PACKAGES = /^(pino|pino-http|winston|bunyan|log4js|consola|signale|roarr|loglevel|tslog|@nestjs\/common|nestjs-pino|hono-pino|@logtail\/\w+|@google-cloud\/logging-winston|@opentelemetry\/api-logs)$/;
const LOCAL_LOGGER_MODULE = /(^|\/)(log|logs|logger|loggers|logging)(\.[cm]?[jt]s)?$/i;
/** Request-logging middleware named like a logger module: they print access lines, they are not a logger to call. */
const MIDDLEWARE_LOGGERS = /^(hono\/logger|koa-logger|morgan|express-logger|@elysiajs\/logger)$/;
/** Packages whose logger takes a merge object first: `logger.error({ err }, 'msg')`. */
const PINO_STYLE = /^(pino|pino-http|hono-pino|bunyan|fastify)$/;
/** Packages whose logger takes the message first and metadata after it: `logger.error('msg', err)`. */
const TRAILING_STYLE = /^(winston|log4js|consola|signale|tslog|loglevel|@google-cloud\/logging-winston)$/;
/** Receivers that are pino by construction: Fastify's `request.log`/`fastify.log`, pino-http's `req.log`. */
const PINO_RECEIVER = /^(req|request|fastify|app|server|instance)\.log$/;

export interface LogCall {
  call: Call;
  /** The method: `error`, `info`, `log`… */
  level: string;
  /** `console.*` rather than a structured logger. */
  console: boolean;
}

/** How a logger takes an error: pino/bunyan `{ err }` first, winston-like as a trailing argument, Nest `(message, stack)`. */
export type LogConvention = 'pino' | 'trailing' | 'nest';

/** The logging call this is, or undefined. */
export function logCall(call: Call): LogCall | undefined {
  if (call.callee.type !== T.MemberExpression) return undefined;
  const path = memberPath(call.callee);
  const level = path[path.length - 1];
  if (!level || !LEVELS.test(level) || path.length < 2) return undefined;
  const owner = path[path.length - 2];
  if (owner === 'console' && path.length === 2) return { call, level, console: true };
  // logger.error, this.logger.warn, req.log.info, fastify.log.error, app.log.info, Logger.error (Nest static)
  if (LOGGER_NAME.test(owner)) return { call, level, console: false };
  // logger.child({ orderId }).info(…), getLogger('x').warn(…)
  if (owner === 'child()' && path.length >= 3 && LOGGER_NAME.test(path[path.length - 3])) return { call, level, console: false };
  if (/^(getLogger|createLogger|useLogger)\(\)$/.test(owner)) return { call, level, console: false };
  return undefined;
}

/** A module the project keeps its logger in: `../lib/logger`, `@/logger`, `@acme/logger`; not request-logging middleware. */
function isLoggerModule(source: string, local: string): boolean {
  if (MIDDLEWARE_LOGGERS.test(source)) return false;
  const relative = source.startsWith('.') || /^[@~#]\//.test(source);
  return LOCAL_LOGGER_MODULE.test(source) || (relative && /^(log|logger)$/i.test(local));
}

/** The file uses a structured logger: it imports one (a package or a local `logger` module) or logs through `req.log`/`fastify.log`. */
export function usesStructuredLogger(ctx: ModelContext): boolean {
  for (const [local, ref] of ctx.index.imports) {
    if (ref.source === '@nestjs/common') {
      if (ref.imported === 'Logger' || local === 'Logger') return true;
      continue;
    }
    if (LOGGER_PACKAGES.test(ref.source)) return true;
    if (isLoggerModule(ref.source, local)) return true;
  }
  return ctx.index.calls.some((c) => {
    const l = logCall(c);
    return !!l && !l.console;
  });
}

/** Logger calls that send every `console.*` line of the process through the logger: log4js, consola. */
const CONSOLE_ROUTING = /^(replaceConsole|wrapConsole|wrapAll|patchConsole|hijackConsole|interceptConsole|overrideConsole)$/;
const CONSOLE_LEVEL = /^(log|info|warn|error|debug|trace)$/;

/** The expression names a logger: `logger`, `log4js.getLogger('x')`, an import from a logging package or module. */
function namesLogger(ctx: ModelContext, node: Node): boolean {
  const root = memberPath(node)[0];
  if (!root) return false;
  const ref = ctx.index.imports.get(root);
  if (ref) return LOGGER_PACKAGES.test(ref.source) || isLoggerModule(ref.source, root);
  return LOGGER_NAME.test(root.replace(/\(\)$/, ''));
}

/**
 * The file routes the process's console through its logger: `log4js.replaceConsole()`, `consola.wrapConsole()`,
 * `console.log = logger.info.bind(logger)`, `Object.assign(console, logger)`. After that, a `console.warn`
 * anywhere in the app is a logger line with its level.
 */
export function routesConsoleToLogger(ctx: ModelContext): boolean {
  if (!/console|Console|wrapAll/.test(ctx.sourceCode.text)) return false;
  for (const call of ctx.index.calls) {
    const path = memberPath(call.callee);
    const name = path[path.length - 1] ?? '';
    if (CONSOLE_ROUTING.test(name) && path.length >= 2 && call.callee.type === T.MemberExpression && namesLogger(ctx, call.callee.object)) return true;
    if (path.join('.') === 'Object.assign' && call.arguments.length >= 2) {
      const target = call.arguments[0];
      if (target.type === T.Identifier && target.name === 'console' && call.arguments.slice(1).some((a) => namesLogger(ctx, a as Node))) return true;
    }
  }
  let assigned = false;
  walk(ctx.index.program, (n) => {
    if (assigned) return false;
    if (n.type !== T.AssignmentExpression || n.operator !== '=') return undefined;
    const left = memberPath(n.left);
    if (left.length !== 2 || left[0] !== 'console' || !CONSOLE_LEVEL.test(left[1])) return undefined;
    if (namesLogger(ctx, n.right)) assigned = true;
    return undefined;
  });
  return assigned;
}

/** Where the receiver of a log call comes from: `this.logger` → the class, `logger` → its import. */
function receiverPath(call: Call): string[] {
  return call.callee.type === T.MemberExpression ? memberPath(call.callee.object) : [];
}

/**
 * The convention a structured log call takes its error in, when the file says: the logger package it imports,
 * Fastify/pino-http's `req.log`, Nest's `Logger`, or the shape of the file's other log calls. Undefined when unknown.
 */
export function logConvention(ctx: ModelContext, call: Call): LogConvention | undefined {
  const path = receiverPath(call);
  const joined = path.join('.');
  if (PINO_RECEIVER.test(joined)) return 'pino';
  const root = path[0] === 'this' ? path[1] : path[0];
  const rootImport = root ? ctx.index.imports.get(root) : undefined;
  if (rootImport?.source === '@nestjs/common' || (rootImport?.source === 'nestjs-pino' && rootImport.imported === 'Logger')) return 'nest';
  if (rootImport && PINO_STYLE.test(rootImport.source)) return 'pino';
  if (rootImport && TRAILING_STYLE.test(rootImport.source)) return 'trailing';
  const { pino, nest, single } = importedConventions(ctx);
  if (nest && path[0] === 'this' && !pino) return 'nest';
  return single ?? conventionFromUse(ctx, joined);
}

/** The logger packages the file imports: pino-style, winston-style (one of them alone gives `single`), Nest's Logger. */
function importedConventions(ctx: ModelContext): { pino: boolean; nest: boolean; single?: LogConvention } {
  let pino = false;
  let trailing = false;
  let nest = false;
  for (const ref of ctx.index.imports.values()) {
    if (PINO_STYLE.test(ref.source) || (ref.source === 'nestjs-pino' && ref.imported === 'PinoLogger')) pino = true;
    else if (TRAILING_STYLE.test(ref.source)) trailing = true;
    else if ((ref.source === '@nestjs/common' || ref.source === 'nestjs-pino') && ref.imported === 'Logger') nest = true;
  }
  return { pino, nest, single: pino !== trailing ? (pino ? 'pino' : 'trailing') : undefined };
}

/** A project logger imported from its own module: read the convention off the file's other calls on it. */
function conventionFromUse(ctx: ModelContext, receiver: string): LogConvention | undefined {
  let objectFirst = 0;
  let messageFirst = 0;
  for (const other of ctx.index.calls) {
    if (other.arguments.length < 2) continue;
    const l = logCall(other);
    if (!l || l.console || receiverPath(other).join('.') !== receiver) continue;
    const first = other.arguments[0].type;
    if (first === T.ObjectExpression) objectFirst++;
    else if (first === T.Literal || first === T.TemplateLiteral) messageFirst++;
  }
  if (objectFirst > messageFirst) return 'pino';
  if (messageFirst > objectFirst) return 'trailing';
  return undefined;
}

export interface FileLogger {
  /** The expression to log through at that place: `logger`, `this.logger`, `request.log`. */
  text: string;
  convention?: LogConvention;
}

const topLevel = new WeakMap<object, string | null>();

/** A logger the whole module can reach: an imported project logger, or `const logger = pino()` at the top level. */
function moduleLogger(ctx: ModelContext): string | undefined {
  const cached = topLevel.get(ctx.index);
  if (cached !== undefined) return cached ?? undefined;
  let found: string | undefined;
  for (const [local, ref] of ctx.index.imports) {
    if (!/^(log|logger|_logger|\w+Logger)$/.test(local) || local === 'Logger') continue;
    // Only the project's own logger module: a package's named exports are factories and middleware (`pinoLogger()`).
    if (isLoggerModule(ref.source, local)) {
      found = local;
      break;
    }
  }
  if (!found) {
    for (const stmt of ctx.index.program.body) {
      const decl = stmt.type === T.ExportNamedDeclaration ? stmt.declaration : stmt;
      if (decl?.type !== T.VariableDeclaration) continue;
      for (const d of decl.declarations) {
        const init = d.init && (d.init.type === T.CallExpression || d.init.type === T.NewExpression) ? d.init : undefined;
        if (d.id.type === T.Identifier && /^(log|logger|\w+Logger)$/.test(d.id.name) && init) found ??= d.id.name;
      }
    }
  }
  topLevel.set(ctx.index, found ?? null);
  return found;
}

/** `this.logger` when the class around `at` declares a `logger` field or constructor parameter property. */
function classLogger(at: Node): string | undefined {
  for (let n: Node | undefined = at.parent; n; n = n.parent) {
    if (n.type !== T.ClassBody) continue;
    for (const m of n.body) {
      if (m.type === T.PropertyDefinition && m.key.type === T.Identifier && /^(logger|log)$/.test(m.key.name)) return `this.${m.key.name}`;
      if (m.type === T.MethodDefinition && m.kind === 'constructor') {
        for (const p of m.value.params) {
          if (p.type === T.TSParameterProperty && p.parameter.type === T.Identifier && /^(logger|log)$/.test(p.parameter.name)) return `this.${p.parameter.name}`;
        }
      }
    }
    return undefined;
  }
  return undefined;
}

/** `request.log` / `req.log` when the file logs through it and `at` runs in a function with that parameter. */
function requestLogger(ctx: ModelContext, at: Node): string | undefined {
  const used = new Set<string>();
  for (const c of ctx.index.calls) {
    const l = logCall(c);
    if (!l || l.console) continue;
    const r = receiverPath(c).join('.');
    if (r === 'req.log' || r === 'request.log') used.add(r.split('.')[0]);
  }
  if (used.size === 0) return undefined;
  for (let n: Node | undefined = at.parent; n; n = n.parent) {
    if (n.type !== T.FunctionDeclaration && n.type !== T.FunctionExpression && n.type !== T.ArrowFunctionExpression) continue;
    const param = n.params.find((p) => p.type === T.Identifier && used.has(p.name));
    if (param && param.type === T.Identifier) return `${param.name}.log`;
  }
  return undefined;
}

/**
 * The structured logger a fix can write at `at`: the class's `this.logger`, Fastify/pino-http's `request.log` when the
 * file logs through it, or the module's own logger. Undefined when the file has none in reach.
 */
export function loggerAt(ctx: ModelContext, at: Node): FileLogger | undefined {
  const fromClass = classLogger(at);
  const text = fromClass ?? requestLogger(ctx, at) ?? moduleLogger(ctx);
  if (!text) return undefined;
  const probe = ctx.index.calls.find((c) => {
    const l = logCall(c);
    return !!l && !l.console && receiverPath(c).join('.') === text;
  });
  let convention = probe ? (logConvention(ctx, probe) ?? conventionFromUse(ctx, text)) : undefined;
  if (!convention) {
    const ref = ctx.index.imports.get(text);
    if (ref && PINO_STYLE.test(ref.source)) convention = 'pino';
    else if (ref && TRAILING_STYLE.test(ref.source)) convention = 'trailing';
    else if (fromClass && [...ctx.index.imports.values()].some((r) => r.source === '@nestjs/common' && r.imported === 'Logger')) convention = 'nest';
    else if (!fromClass) convention = importedConventions(ctx).single;
  }
  return { text, convention };
}

/**
 * The text of an error log a fix inserts, split around its message so a fix can make the message a tab stop:
 * `head + message + tail`. pino/bunyan: `logger.error({ err }, 'msg')`; Nest: `this.logger.error('msg', err.stack)`;
 * other loggers and `console.error`: `logger.error('msg', err)`.
 */
export function errorLogParts(logger: FileLogger | undefined, err: string, typescript: boolean): { head: string; tail: string } {
  const target = logger?.text ?? 'console';
  switch (logger?.convention) {
    case 'pino':
      return { head: `${target}.error({ ${err === 'err' ? 'err' : `err: ${err}`} }, '`, tail: `')` };
    case 'nest':
      return { head: `${target}.error('`, tail: `', ${typescript ? `(${err} as Error).stack` : `${err}.stack`})` };
    default:
      return { head: `${target}.error('`, tail: `', ${err})` };
  }
}
