import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/missing-auth-check.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, type FileModel, type Route } from '../model';
import { T } from '../model/ast';
import { classifyName } from '../model/middleware';
import { isPublicByNature, isSensitivePath, isWebhookPath } from '../model/paths';
import { WRITE_METHODS } from '../model/route';
import { createRule, metaFromSpec } from './create-rule';
import { indentOf, importInsertion } from './fix-text';
import { methodLabel, recordConditional, reportRoute } from './report-route';
import { teamFromContext } from './team';

type MessageIds = 'missingAuthCheck' | 'unverifiedWebhook' | 'addMiddleware' | 'addGuard';
type Options = [];

const spec = specData as RuleSpec;

export const missingAuthCheckSpec = spec;

/** Whether the route changes data or serves something only a signed-in user should see. */
function needsAuth(route: Route): boolean {
  const path = route.path ?? '';
  const writes = route.methods.some((m) => WRITE_METHODS.has(m)) || (route.methods.includes('ALL') && !!route.writes);
  return writes || isSensitivePath(path);
}

/** An auth middleware or guard the file already knows about: the team's, or one it imports. */
function knownAuthName(model: FileModel, framework: Route['framework']): string | undefined {
  const team = model.ctx.team;
  for (const name of team.authNames) return name;
  for (const [local, ref] of model.ctx.index.imports) {
    if (framework === 'nest' ? /Guard$/.test(local) && classifyName(local, team).auth : classifyName(local, team).auth && !/Guard$/.test(local) && ref.source.startsWith('.')) return local;
  }
  return undefined;
}

function middlewareFix(route: Route, name: string): TSESLint.ReportFixFunction | undefined {
  const call = route.reportNode.parent?.parent;
  if (call?.type !== T.CallExpression || !route.handler) return undefined;
  const handler = route.handler as TSESTree.Node;
  if (!call.arguments.includes(handler as TSESTree.CallExpressionArgument)) return undefined;
  return (fixer) => fixer.insertTextBefore(handler, `${name}, `);
}

function guardFix(route: Route, name: string, sourceCode: Readonly<TSESLint.SourceCode>, program: TSESTree.Program): TSESLint.ReportFixFunction {
  const decorator = route.reportNode as TSESTree.Decorator;
  const indent = indentOf(sourceCode, decorator);
  const hasUseGuards = /\bUseGuards\b/.test(sourceCode.text.slice(0, importInsertion(program)));
  return (fixer) => {
    const fixes = [fixer.insertTextBefore(decorator, `@UseGuards(${name})\n${indent}`)];
    if (!hasUseGuards) fixes.push(fixer.insertTextAfterRange([0, importInsertion(program)], `\nimport { UseGuards } from '@nestjs/common';`));
    return fixes;
  };
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
    return {
      'Program:exit'(program: TSESTree.Program) {
        const team = teamFromContext(context);
        const model = getModel(context.sourceCode, context.filename, team);
        for (const route of model.routes) {
          if (route.path === undefined || route.declaredPublic || route.protection.auth) continue;
          if (team.publicRoutes.some((re) => re.test(route.path!))) continue;
          if (!needsAuth(route)) {
            // GET /:id on a router another file may mount under /orders: the workspace scan decides.
            if (!isPublicByNature(route.path)) recordConditional(model, route, spec.id, 'missingAuthCheck');
            continue;
          }
          const data = { method: methodLabel(route), path: route.path };
          if (isWebhookPath(route.path)) {
            if (!route.verifiesSignature) reportRoute(context, model, route, { messageId: 'unverifiedWebhook', data });
            continue;
          }
          if (isPublicByNature(route.path)) continue;
          const name = knownAuthName(model, route.framework);
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          if (name && route.framework === 'nest') {
            suggest.push({ messageId: 'addGuard', data: { name }, fix: guardFix(route, name, context.sourceCode, program) });
          } else if (name && (route.framework === 'express' || route.framework === 'koa' || route.framework === 'hono')) {
            const fix = middlewareFix(route, name);
            if (fix) suggest.push({ messageId: 'addMiddleware', data: { name }, fix });
          }
          reportRoute(context, model, route, { messageId: 'missingAuthCheck', data, suggest });
        }
      },
    };
  },
});

