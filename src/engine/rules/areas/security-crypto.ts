import type { RuleEntry } from './entry';

/** Rules of the security-crypto group. Register a rule here with `entry(rule, spec)` from './entry'. */
export const securityCryptoRules: RuleEntry[] = [];
