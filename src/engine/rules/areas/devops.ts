import type { RuleEntry } from './entry';

/** The rules of the guide's devops area. Register a rule here with `entry(rule, spec)` from './entry'. */
export const devopsRules: RuleEntry[] = [];
