import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/missing-rate-limit.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, type FileModel, type Route } from '../model';
import { T, property } from '../model/ast';
import { isAuthEndpoint } from '../model/paths';
import { createRule, metaFromSpec } from './create-rule';
import { FixText, importInsertion, indentOf, usesEsm } from './fix-text';
import { methodLabel, reportRoute } from './report-route';
import { insertFirstInChain, limiterToReuse } from './reuse';
import { teamFromContext } from './team';

type MessageIds = 'missingRateLimit' | 'addLimiter' | 'defineLimiter' | 'addRouteConfig' | 'addThrottle';
type Options = [];

const spec = specData as RuleSpec;

export const missingRateLimitSpec = spec;

const AUTH_OPERATION = /^(login|logIn|signIn|signin|register|signUp|signup|forgotPassword|resetPassword|requestPasswordReset|verifyOtp|verifyOTP|verify2fa|verifyMfa|refreshToken|token|authenticate|magicLink)$/;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'ALL']);

function isAuthRoute(route: Route): boolean {
  if (!route.methods.some((m) => BODY_METHODS.has(m))) return false;
  // PUT /users/:id/token behind auth: a signed-in caller rotates a stored token; nothing secret is guessed
  if (route.protection.auth && route.path !== undefined && /\/:\w+\/tokens?$/.test(route.path)) return false;
  if (route.path !== undefined && isAuthEndpoint(route.path)) return true;
  return !!route.operationName && AUTH_OPERATION.test(route.operationName);
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

    function suggestions(route: Route, model: FileModel, program: TSESTree.Program): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const call = route.reportNode.parent?.parent;
      const handler = route.handler as TSESTree.Node | undefined;
      if (route.framework === 'express' || route.framework === 'koa' || route.framework === 'hono') {
        if (call?.type !== T.CallExpression || !handler || !call.arguments.includes(handler as TSESTree.CallExpressionArgument)) return [];
        const known = limiterToReuse(model, route.reportNode.range[0]);
        const first = known ? insertFirstInChain(route, known) : undefined;
        if (known && first) return [{ messageId: 'addLimiter', data: { name: known }, fix: first }];
        if (route.framework !== 'express') return [];
        const putFirst = insertFirstInChain(route, 'loginLimiter');
        if (!putFirst || [...model.ctx.index.imports.keys()].includes('loginLimiter')) return [];
        const statement = enclosingStatement(call);
        const esm = usesEsm(program);
        const at = importInsertion(program);
        const existing = [...model.ctx.index.imports.entries()].find(([, r]) => r.source === 'express-rate-limit' && (r.imported === 'default' || r.imported === 'rateLimit'));
        const factory = existing?.[0] ?? 'rateLimit';
        const limiter = FixText.for(context)
          .text(`const loginLimiter = ${factory}({ windowMs: `)
          .choice('15 * 60 * 1000')
          .text(', limit: ')
          .choice('5')
          .text(", standardHeaders: 'draft-7', legacyHeaders: false });\n" + indentOf(sourceCode, statement))
          .toString();
        const importLine = esm ? "import rateLimit from 'express-rate-limit';" : "const rateLimit = require('express-rate-limit');";
        return [
          {
            messageId: 'defineLimiter',
            fix: (fixer) => [
              ...(existing ? [] : [at > 0 ? fixer.insertTextAfterRange([0, at], `\n${importLine}`) : fixer.insertTextBeforeRange([0, 0], `${importLine}\n`)]),
              fixer.insertTextBefore(statement, limiter),
              putFirst(fixer) as TSESLint.RuleFix,
            ],
          },
        ];
      }
      if (route.framework === 'fastify' && call?.type === T.CallExpression && handler) {
        const opts = call.arguments.find((a) => a.type === T.ObjectExpression && a !== handler) as TSESTree.ObjectExpression | undefined;
        const config = FixText.for(context).text('config: { rateLimit: { max: ').choice('5').text(", timeWindow: '").choice('1 minute').text("' } }").toString();
        if (opts && property(opts, 'config')) return [];
        if (opts && opts.properties.length > 0) {
          const last = opts.properties[opts.properties.length - 1];
          return [{ messageId: 'addRouteConfig', fix: (fixer) => fixer.insertTextAfter(last, `, ${config}`) }];
        }
        if (!opts && call.arguments.length === 2) return [{ messageId: 'addRouteConfig', fix: (fixer) => fixer.insertTextBefore(handler, `{ ${config} }, `) }];
        return [];
      }
      if (route.framework === 'nest') {
        // With @SkipThrottle() in force, @Throttle changes nothing: the user must lift the skip themselves.
        if (route.rateLimitSkipped) return [];
        const decorator = route.reportNode;
        const indent = indentOf(sourceCode, decorator);
        const throttle = FixText.for(context).text('@Throttle({ default: { limit: ').choice('5').text(', ttl: ').choice('60_000').text(' } })\n' + indent).toString();
        const hasImport = [...model.ctx.index.imports.entries()].some(([local, r]) => local === 'Throttle' && r.source === '@nestjs/throttler');
        const at = importInsertion(program);
        return [
          {
            messageId: 'addThrottle',
            fix: (fixer) => [
              ...(hasImport ? [] : [fixer.insertTextAfterRange([0, at], "\nimport { Throttle } from '@nestjs/throttler';")]),
              fixer.insertTextBefore(decorator, throttle),
            ],
          },
        ];
      }
      return [];
    }

    return {
      'Program:exit'(program: TSESTree.Program) {
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        for (const route of model.routes) {
          if (!isAuthRoute(route)) continue;
          if (route.protection.rateLimit && !route.rateLimitSkipped) continue;
          reportRoute(context, model, route, {
            messageId: 'missingRateLimit',
            data: { method: methodLabel(route), path: route.path ?? route.operationName ?? '' },
            suggest: suggestions(route, model, program),
          });
        }
      },
    };
  },
});

function enclosingStatement(node: TSESTree.Node): TSESTree.Node {
  let n: TSESTree.Node = node;
  while (n.parent && n.parent.type !== T.Program && n.parent.type !== T.BlockStatement) n = n.parent;
  return n;
}


