import { entry, type RuleEntry } from './entry';
import consoleInServerCode, { consoleInServerCodeSpec } from '../console-in-server-code';
import errorLogWithoutError, { errorLogWithoutErrorSpec } from '../error-log-without-error';
import missingHealthRoute, { missingHealthRouteSpec } from '../missing-health-route';
import swallowedError, { swallowedErrorSpec } from '../swallowed-error';

/** The rules of the guide's observability area. Register a rule here with `entry(rule, spec)` from './entry'. */
export const observabilityRules: RuleEntry[] = [
  entry(swallowedError, swallowedErrorSpec),
  entry(consoleInServerCode, consoleInServerCodeSpec),
  entry(errorLogWithoutError, errorLogWithoutErrorSpec),
  entry(missingHealthRoute, missingHealthRouteSpec),
];
