import type { RuleEntry } from './entry';

/** Rules of the architecture-async group. Register a rule here with `entry(rule, spec)` from './entry'. */
export const architectureAsyncRules: RuleEntry[] = [];
