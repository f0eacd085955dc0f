import { entry, type RuleEntry } from './entry';
import floatingPromiseInHandler, { floatingPromiseInHandlerSpec } from '../floating-promise-in-handler';

/** Rules of the architecture-async group. Register a rule here with `entry(rule, spec)` from './entry'. */
export const architectureAsyncRules: RuleEntry[] = [entry(floatingPromiseInHandler, floatingPromiseInHandlerSpec)];
