import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/missing-auth-check.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, type Route } from '../model';
import { answersOnlyFlag } from '../model/handler';
import { isHealthPath, isPublicByNature, isScriptOrTestFile, isSensitivePath, isWebhookPath } from '../model/paths';
import { WRITE_METHODS } from '../model/route';
import { inDevOnlyBranch } from '../model/runtime';
import { createRule, metaFromSpec } from './create-rule';
import { indentOf, importInsertion } from './fix-text';
import { methodLabel, recordConditional, reportRoute } from './report-route';
import { authGuardToReuse, authMiddlewareToReuse, insertFirstInChain } from './reuse';
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
        // a test builds throwaway apps to drive with supertest
        if (isScriptOrTestFile(context.filename)) return;
        const team = teamFromContext(context);
        const model = getModel(context.sourceCode, context.filename, team);
        for (const route of model.routes) {
          if (route.path === undefined || route.declaredPublic || route.protection.auth) continue;
          // registered only under `if (isDev)`: production never serves it
          if (inDevOnlyBranch(route.reportNode)) continue;
          if (isHealthPath(route.path) && route.methods.every((m) => m === 'GET' || m === 'HEAD')) continue;
          if (team.publicRoutes.some((re) => re.test(route.path!))) continue;
          if (!needsAuth(route)) {
            // GET /:id on a router another file may mount under /orders: the workspace scan decides.
            if (!isPublicByNature(route.path) && !answersOnlyFlag(route.handler, model.ctx)) recordConditional(model, route, spec.id, 'missingAuthCheck');
            continue;
          }
          const data = { method: methodLabel(route), path: route.path };
          if (isWebhookPath(route.path)) {
            if (!route.verifiesSignature) reportRoute(context, model, route, { messageId: 'unverifiedWebhook', data });
            continue;
          }
          if (isPublicByNature(route.path) || route.signsIn) continue;
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          if (route.framework === 'nest') {
            const guard = authGuardToReuse(model);
            if (guard) suggest.push({ messageId: 'addGuard', data: { name: guard }, fix: guardFix(route, guard, context.sourceCode, program) });
          } else if (route.framework === 'express' || route.framework === 'koa' || route.framework === 'hono') {
            const name = authMiddlewareToReuse(model, route.reportNode.range[0]);
            const fix = name ? insertFirstInChain(route, name) : undefined;
            if (name && fix) suggest.push({ messageId: 'addMiddleware', data: { name }, fix });
          }
          reportRoute(context, model, route, { messageId: 'missingAuthCheck', data, suggest });
        }
      },
    };
  },
});

