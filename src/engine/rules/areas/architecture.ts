import { architectureAsyncRules } from './architecture-async';
import { entry, type RuleEntry } from './entry';
import lostUpdate, { lostUpdateSpec } from '../lost-update';
import sharedMutableState, { sharedMutableStateSpec } from '../shared-mutable-state';

/** The rules of the guide's architecture area. Register a rule here with `entry(rule, spec)` from './entry'. */
export const architectureRules: RuleEntry[] = [...architectureAsyncRules, entry(lostUpdate, lostUpdateSpec), entry(sharedMutableState, sharedMutableStateSpec)];
