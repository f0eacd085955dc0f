import { architectureAsyncRules } from './architecture-async';
import type { RuleEntry } from './entry';

/** The rules of the guide's architecture area. Register a rule here with `entry(rule, spec)` from './entry'. */
export const architectureRules: RuleEntry[] = [...architectureAsyncRules];
