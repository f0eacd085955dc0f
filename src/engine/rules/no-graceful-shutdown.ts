import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import specData from '../../../rules/no-graceful-shutdown.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, unwrap, words, type Node } from '../model/ast';
import { isScriptOrTestFile } from '../model/paths';
import { isDevOnlyFile } from '../model/runtime';
import { handlesShutdown, listenCalls, type ListenCall } from '../model/server-entry';
import { createRule, metaFromSpec } from './create-rule';
import { FixText, indentOf } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'noGracefulShutdown' | 'addSigtermHandler' | 'enableShutdownHooks';
type Options = [];

const spec = specData as RuleSpec;

export const noGracefulShutdownSpec = spec;

/** The statement a listen call sits in, and the variable its server is kept in, when the shape is a plain one. */
function statementOf(listen: ListenCall): { stmt: TSESTree.Statement; stored?: string } | undefined {
  let n: Node = listen.call;
  if (n.parent?.type === T.AwaitExpression) n = n.parent;
  const p = n.parent;
  if (p?.type === T.ExpressionStatement) return { stmt: p };
  if (p?.type === T.VariableDeclarator && p.id.type === T.Identifier && p.parent.type === T.VariableDeclaration && p.parent.declarations.length === 1) {
    return { stmt: p.parent, stored: p.id.name };
  }
  if (p?.type === T.AssignmentExpression && p.left.type === T.Identifier && p.parent.type === T.ExpressionStatement) return { stmt: p.parent, stored: p.left.name };
  return undefined;
}

/** The listen runs inside a function named for development (`async function dev(cwd)`, `startDevServer()`): nobody deploys it. */
function inDevFunction(listen: ListenCall): boolean {
  for (let n: Node | undefined = listen.call.parent; n; n = n.parent) {
    let name: string | undefined;
    if ((n.type === T.FunctionDeclaration || n.type === T.FunctionExpression) && n.id) name = n.id.name;
    else if ((n.type === T.FunctionExpression || n.type === T.ArrowFunctionExpression) && n.parent?.type === T.VariableDeclarator && n.parent.id.type === T.Identifier) name = n.parent.id.name;
    if (name && words(name).some((w) => w === 'dev' || w === 'development')) return true;
  }
  return false;
}

export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'problem',
    ...metaFromSpec<MessageIds>(spec),
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;

    function freeName(at: Node, wanted: string[]): string | undefined {
      const scope = sourceCode.getScope(at as TSESTree.Node);
      return wanted.find((name) => !findVariable(scope, name));
    }

    function suggestion(listen: ListenCall): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const found = statementOf(listen);
      if (!found) return undefined;
      const { stmt } = found;
      const indent = indentOf(sourceCode, stmt);
      const receiverText = listen.receiver ? sourceCode.getText(listen.receiver as TSESTree.Node) : undefined;
      if (listen.kind === 'nest' && receiverText && !found.stored) {
        return {
          messageId: 'enableShutdownHooks',
          data: { app: receiverText },
          fix: (fixer) => fixer.insertTextBefore(stmt, `${receiverText}.enableShutdownHooks();\n${indent}`),
        };
      }
      const text = FixText.for(context);
      let prefix: TSESLint.RuleFix | undefined;
      let close: string;
      if (listen.kind === 'fastify' && receiverText && !found.stored) {
        close = `void ${receiverText}.close().then(() => process.exit(0));`;
      } else if (listen.kind === 'nest' || listen.kind === 'fastify') {
        return undefined;
      } else {
        let server = found.stored;
        if (!server && listen.receiverIsHttpServer && listen.receiver && unwrap(listen.receiver).type === T.Identifier) server = receiverText;
        if (!server) {
          if (stmt.type !== T.ExpressionStatement || unwrap(stmt.expression) !== listen.call || stmt.expression.type === T.AwaitExpression) return undefined;
          server = freeName(listen.call, ['server', 'httpServer']);
          if (!server) return undefined;
          prefix = { range: [stmt.range[0], stmt.range[0]], text: `const ${server} = ` };
        }
        close = `${server}.close(() => process.exit(0));`;
      }
      text
        .text(`\n${indent}process.once('SIGTERM', () => {\n${indent}  // stop accepting connections, let in-flight requests finish, exit before the platform's SIGKILL\n`)
        .text(`${indent}  setTimeout(() => process.exit(1), `)
        .choice('10_000')
        .text(`).unref();\n${indent}  ${close}\n${indent}});`);
      const handler = text.toString();
      return {
        messageId: 'addSigtermHandler',
        fix: (fixer) => {
          const fixes = [fixer.insertTextAfter(stmt, handler)];
          if (prefix) fixes.unshift(prefix);
          return fixes;
        },
      };
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename) || isDevOnlyFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const listens = listenCalls(model.ctx).filter((l) => !l.inExported && !inDevFunction(l));
        if (listens.length === 0 || handlesShutdown(model.ctx)) return;
        const listen = listens[0];
        const callee = listen.call.callee;
        const s = suggestion(listen);
        context.report({
          node: callee.type === T.MemberExpression ? callee.property : callee,
          messageId: 'noGracefulShutdown',
          suggest: s ? [s] : [],
        });
      },
    };
  },
});
