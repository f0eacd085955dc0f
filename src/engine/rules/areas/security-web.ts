import type { RuleEntry } from './entry';

/** Rules of the security-web group. Register a rule here with `entry(rule, spec)` from './entry'. */
export const securityWebRules: RuleEntry[] = [];
