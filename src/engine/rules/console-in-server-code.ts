import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import specData from '../../../rules/console-in-server-code.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, importedCalleeName, isFunction, memberPath, staticText, unwrap, type Call, type Node } from '../model/ast';
import type { ModelContext } from '../model/file-index';
import { logCall, loggerAt, routesConsoleToLogger, usesStructuredLogger } from '../model/loggers';
import { isScriptOrTestFile } from '../model/paths';
import { CLI_PACKAGES } from '../model/runtime';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'consoleInServerCode' | 'useLogger';
type Options = [];

const spec = specData as RuleSpec;

export const consoleInServerCodeSpec = spec;

const CONSOLE_LEVELS = /^(log|info|warn|error|debug|trace)$/;
/** Files that are not request-serving code: config, the logger module itself, CLIs, client components. */
const NOT_SERVER_FILE = /(\.config\.[cm]?[jt]s$)|((^|\/)(log|logs|logger|loggers|logging)(\/|\.[cm]?[jt]s$))|((^|\/)(bin|cli|tools)\/)|(\.[jt]sx$)/i;
const BANNER = /\b(listening|started|running|ready|server (is )?up|up on|bound to)\b/i;
const FATAL_EVENTS = /^(uncaughtException|unhandledRejection|SIGTERM|SIGINT|exit|beforeExit)$/;

function isServerFile(ctx: ModelContext, program: TSESTree.Program, text: string): boolean {
  if (isScriptOrTestFile(ctx.fileName) || NOT_SERVER_FILE.test(ctx.fileName.replace(/\\/g, '/'))) return false;
  if (text.startsWith('#!')) return false;
  const first = program.body[0];
  if (first?.type === T.ExpressionStatement && first.directive === 'use client') return false;
  for (const ref of ctx.index.imports.values()) if (CLI_PACKAGES.test(ref.source)) return false;
  return true;
}

const CHILD_PROCESS = /^(exec|execFile|spawn|fork)$/;
/** Terminal-formatting packages: text built with them is meant for a person at a terminal, not a log pipeline. */
const TERMINAL_UI = /^(boxen|chalk|picocolors|kleur|colorette|cli-table3?|figlet|ansi-colors|kolorist)$/;

/** `boxen(msg, opts)`, `chalk.green(…)`, or a local made from one (`const message = boxen(…)`). */
function terminalText(arg: Node, ctx: ModelContext): boolean {
  let n = unwrap(arg);
  if (n.type === T.Identifier) {
    const def = findVariable(ctx.sourceCode.getScope(n), n.name)?.defs[0];
    if (def?.node.type !== T.VariableDeclarator || !def.node.init) return false;
    n = unwrap(def.node.init);
  }
  if (n.type !== T.CallExpression) return false;
  const root = memberPath(n.callee)[0];
  const source = root ? ctx.index.imports.get(root)?.source : undefined;
  return !!source && TERMINAL_UI.test(source);
}

/** `// eslint-disable-next-line no-console` above the call, on its line, or for the whole file: the author chose console here. */
function consoleAllowedByComment(call: Call, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const line = call.loc.start.line;
  return sourceCode.getAllComments().some((c) => {
    const m = /^\s*eslint-disable(-next-line|-line)?(?:\s+([^\n]*?))?\s*(?:--.*)?$/.exec(c.value);
    if (!m || (m[2] && !/\bno-console\b/.test(m[2]))) return false;
    if (m[1] === '-next-line') return c.loc.end.line === line - 1;
    if (m[1] === '-line') return c.loc.start.line === line;
    return c.loc.start.line <= line;
  });
}

/** Top-level code that runs before the logger is declared (`console.log('Welcome')` above `const { log } = require(…)`): there is no logger yet. */
function beforeLogger(call: Call, logger: string | undefined, ctx: ModelContext): boolean {
  if (!logger || /[.()]/.test(logger)) return false;
  for (let n: Node | undefined = call.parent; n; n = n.parent) if (isFunction(n) || n.type === T.ClassBody) return false;
  const def = findVariable(ctx.sourceCode.getScope(call), logger)?.defs[0];
  return !!def && call.range[1] <= def.node.range[0];
}

/** `process.exit(1)`, `await shutdownFunction()`, `gracefulShutdown()`: the statement ends the process. */
function endsProcess(stmt: Node): boolean {
  if (stmt.type !== T.ExpressionStatement) return false;
  const e = unwrap(stmt.expression);
  if (e.type !== T.CallExpression) return false;
  const path = memberPath(e.callee);
  return path.join('.') === 'process.exit' || (path.length === 1 && /^(shutdown|graceful\w*|\w*Shutdown\w*|exitProcess)$/i.test(path[0]));
}

/**
 * Where console is the right tool even with a logger: a startup banner in the listen callback, a fatal handler
 * (`process.on('uncaughtException')`), and any block that ends the process, where an async logger's buffer is lost.
 */
function consoleOnPurpose(call: Call, ctx: ModelContext): boolean {
  if (BANNER.test(staticText(call.arguments[0] as Node | undefined) ?? '')) return true;
  if (call.arguments.some((a) => terminalText(a as Node, ctx))) return true;
  for (let n: Node | undefined = call.parent; n; n = n.parent) {
    if (n.type === T.BlockStatement && n.body.some(endsProcess)) return true;
    if (isFunction(n) && n.parent?.type === T.CallExpression) {
      const outer: Call = n.parent;
      const name = calleeName(outer);
      if (name === 'listen') return true;
      // program.command('db:sync').action(async () => { console.log('db sync…') }): a CLI command talks to a terminal
      if (name === 'action' && memberPath(outer.callee).some((seg) => seg === 'command()')) return true;
      // execFile(bin, args, (error, stdout, stderr) => console.log(stdout)): relaying a child process's output
      if (CHILD_PROCESS.test(importedCalleeName(outer) ?? '') && outer.arguments[outer.arguments.length - 1] === n) return true;
      // child.stdout.on('data', (data) => console.log(data.toString())): the same, from a spawned process's streams
      if (name === 'on' && /^(stdout|stderr)$/.test(memberPath(outer.callee).slice(-2)[0] ?? '') && staticText(outer.arguments[0] as Node | undefined) === 'data') return true;
      if ((name === 'on' || name === 'once' || name === 'addListener' || name === 'prependListener') && FATAL_EVENTS.test(staticText(outer.arguments[0] as Node | undefined) ?? '')) return true;
    }
  }
  return false;
}

export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'suggestion',
    ...metaFromSpec<MessageIds>(spec),
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const ctx = model.ctx;
        let checked: boolean | undefined;
        for (const call of ctx.index.calls) {
          const callee = call.callee;
          if (callee.type !== T.MemberExpression || callee.object.type !== T.Identifier || callee.object.name !== 'console') continue;
          const l = logCall(call);
          if (!l?.console || !CONSOLE_LEVELS.test(l.level)) continue;
          checked ??= isServerFile(ctx, sourceCode.ast, sourceCode.text) && usesStructuredLogger(ctx) && !routesConsoleToLogger(ctx);
          if (!checked) return;
          if (consoleOnPurpose(call, ctx) || consoleAllowedByComment(call, sourceCode)) continue;
          const logger = loggerAt(ctx, call);
          if (beforeLogger(call, logger?.text, ctx)) continue;
          const level = logger?.convention === 'nest' ? (l.level === 'info' ? 'log' : l.level) : l.level === 'log' ? 'info' : l.level;
          const replacement = logger ? `${logger.text}.${level}` : undefined;
          context.report({
            node: callee,
            messageId: 'consoleInServerCode',
            data: { level: l.level },
            // Several arguments mean different things to each logger (pino reads them as format values): no blind rewrite.
            suggest: replacement && call.arguments.length <= 1 ? [{ messageId: 'useLogger', data: { replacement }, fix: (fixer) => fixer.replaceText(callee, replacement) }] : [],
          });
        }
      },
    };
  },
});
