import type { TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/console-in-server-code.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, isFunction, memberPath, staticText, type Call, type Node } from '../model/ast';
import type { ModelContext } from '../model/file-index';
import { logCall, loggerAt, usesStructuredLogger } from '../model/loggers';
import { isScriptOrTestFile } from '../model/paths';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'consoleInServerCode' | 'useLogger';
type Options = [];

const spec = specData as RuleSpec;

export const consoleInServerCodeSpec = spec;

const CONSOLE_LEVELS = /^(log|info|warn|error|debug|trace)$/;
/** Files that are not request-serving code: config, the logger module itself, CLIs, client components. */
const NOT_SERVER_FILE = /(\.config\.[cm]?[jt]s$)|((^|\/)(log|logs|logger|loggers|logging)(\/|\.[cm]?[jt]s$))|((^|\/)(bin|cli|tools)\/)|(\.[jt]sx$)/i;
const CLI_PACKAGES = /^(commander|yargs|yargs\/yargs|meow|cac|@oclif\/core|inquirer|@inquirer\/prompts|@clack\/prompts|prompts|ora|listr2?)$/;
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

/**
 * Where console is the right tool even with a logger: a startup banner in the listen callback, a fatal handler
 * (`process.on('uncaughtException')`), and any block that ends the process, where an async logger's buffer is lost.
 */
function consoleOnPurpose(call: Call): boolean {
  if (BANNER.test(staticText(call.arguments[0] as Node | undefined) ?? '')) return true;
  for (let n: Node | undefined = call.parent; n; n = n.parent) {
    if (n.type === T.BlockStatement && n.body.some((s) => s.type === T.ExpressionStatement && s.expression.type === T.CallExpression && memberPath(s.expression.callee).join('.') === 'process.exit')) return true;
    if (isFunction(n) && n.parent?.type === T.CallExpression) {
      const outer = n.parent;
      const name = calleeName(outer);
      if (name === 'listen') return true;
      if ((name === 'on' || name === 'once') && FATAL_EVENTS.test(staticText(outer.arguments[0] as Node | undefined) ?? '')) return true;
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
          checked ??= isServerFile(ctx, sourceCode.ast, sourceCode.text) && usesStructuredLogger(ctx);
          if (!checked) return;
          if (consoleOnPurpose(call)) continue;
          const logger = loggerAt(ctx, call);
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
