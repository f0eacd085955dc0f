import type { TSESLint } from '@typescript-eslint/utils';
import type { RuleSpec } from '../catalog/types';
import { apiRules } from './areas/api';
import { architectureRules } from './areas/architecture';
import { databaseRules } from './areas/database';
import { devopsRules } from './areas/devops';
import { distributedRules } from './areas/distributed';
import type { RuleEntry } from './areas/entry';
import { observabilityRules } from './areas/observability';
import { performanceRules } from './areas/performance';
import { securityRules } from './areas/security';

/**
 * Every rule, registered per area of the guide (src/engine/rules/areas/<area>.ts). A rule is three files of one
 * name: rules/<id>.yaml, src/engine/rules/<id>.ts, test/unit/rules/<id>.test.ts.
 */
const all: RuleEntry[] = [
  ...securityRules,
  ...performanceRules,
  ...databaseRules,
  ...apiRules,
  ...architectureRules,
  ...distributedRules,
  ...devopsRules,
  ...observabilityRules,
];

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = Object.fromEntries(all.map((e) => [e.spec.id, e.rule]));

export const ruleSpecs: RuleSpec[] = all.map((e) => e.spec);
