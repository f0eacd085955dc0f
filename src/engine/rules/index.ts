import type { TSESLint } from '@typescript-eslint/utils';
import type { RuleSpec } from '../catalog/types';
import missingAuthCheck, { missingAuthCheckSpec } from './missing-auth-check';
import missingRateLimit, { missingRateLimitSpec } from './missing-rate-limit';
import unboundedQuery, { unboundedQuerySpec } from './unbounded-query';

/** Every rule, by id. A rule is three files of one name: rules/<id>.yaml, src/engine/rules/<id>.ts, test/unit/rules/<id>.test.ts. */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
  'missing-auth-check': missingAuthCheck as TSESLint.RuleModule<string, readonly unknown[]>,
  'unbounded-query': unboundedQuery as TSESLint.RuleModule<string, readonly unknown[]>,
  'missing-rate-limit': missingRateLimit as TSESLint.RuleModule<string, readonly unknown[]>,
};

export const ruleSpecs: RuleSpec[] = [missingAuthCheckSpec, unboundedQuerySpec, missingRateLimitSpec];
