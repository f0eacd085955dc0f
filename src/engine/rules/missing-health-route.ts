import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/missing-health-route.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, isFunction, type Node } from '../model/ast';
import { registersHealthRoute } from '../model/health';
import { isScriptOrTestFile } from '../model/paths';
import { listenCalls, type ListenCall } from '../model/server-entry';
import { createRule, metaFromSpec } from './create-rule';
import { FixText, indentOf } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'missingHealthRoute' | 'addHealthRoute';
type Options = [];

const spec = specData as RuleSpec;

export const missingHealthRouteSpec = spec;

function declares(body: readonly Node[], app: string): boolean {
  return body.some((stmt) => {
    const decl = stmt.type === T.ExportNamedDeclaration ? stmt.declaration : stmt;
    if (decl?.type === T.VariableDeclaration) return decl.declarations.some((d) => d.id.type === T.Identifier && d.id.name === app);
    return decl?.type === T.ImportDeclaration && decl.specifiers.some((sp) => sp.local.name === app);
  });
}

/**
 * The statement, in the block that declares the app, that holds the listen call: the health route goes right before
 * it, where `app` is in scope. Undefined when a callback receives the app (`buildApp().then((app) => app.listen())`).
 */
function statementOf(node: Node, app: string): TSESTree.Statement | undefined {
  for (let n: Node | undefined = node.parent; n; n = n.parent) {
    if (isFunction(n) && n.params.some((p) => p.type === T.Identifier && p.name === app)) return undefined;
    const parent = n.parent;
    if (parent && (parent.type === T.Program || parent.type === T.BlockStatement) && declares(parent.body, app)) return n as TSESTree.Statement;
  }
  return undefined;
}

/** `app` in `serve({ fetch: app.fetch })`, or the receiver of `.listen`. */
function appName(listen: ListenCall): string | undefined {
  if (listen.receiver?.type === T.Identifier) return listen.receiver.name;
  const opts = listen.call.arguments[0];
  if (listen.kind === 'hono' && opts?.type === T.ObjectExpression) {
    for (const p of opts.properties) {
      if (p.type === T.Property && p.key.type === T.Identifier && p.key.name === 'fetch' && p.value.type === T.MemberExpression && p.value.object.type === T.Identifier) return p.value.object.name;
    }
  }
  return undefined;
}

function routeText(kind: ListenCall['kind'], app: string, path: string): string | undefined {
  switch (kind) {
    case 'express':
      return `${app}.get('${path}', (_req, res) => res.json({ status: 'ok' }));`;
    case 'fastify':
      return `${app}.get('${path}', async () => ({ status: 'ok' }));`;
    case 'hono':
      return `${app}.get('${path}', (c) => c.json({ status: 'ok' }));`;
    case 'koa':
      return `${app}.use(async (ctx, next) => {\n  if (ctx.path !== '${path}') return next();\n  ctx.body = { status: 'ok' };\n});`;
    default:
      return undefined;
  }
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

    function suggestion(listen: ListenCall): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const app = appName(listen);
      if (!app) return undefined;
      const stmt = statementOf(listen.call, app);
      if (!stmt) return undefined;
      const path = FixText.for(context).choice('/healthz').toString();
      const text = routeText(listen.kind, app, path);
      if (!text) return undefined;
      const indent = indentOf(sourceCode, stmt);
      return { messageId: 'addHealthRoute', fix: (fixer) => fixer.insertTextBefore(stmt, `${text.replace(/\n/g, `\n${indent}`)}\n${indent}`) };
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const listen = listenCalls(model.ctx).find((l) => l.kind !== 'other');
        if (!listen || registersHealthRoute(model.ctx, model.routes)) return;
        const s = suggestion(listen);
        context.report({ node: listen.call, messageId: 'missingHealthRoute', suggest: s ? [s] : [] });
      },
    };
  },
});
