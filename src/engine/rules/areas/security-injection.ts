import type { RuleEntry } from './entry';

/** Rules of the security-injection group. Register a rule here with `entry(rule, spec)` from './entry'. */
export const securityInjectionRules: RuleEntry[] = [];
