import { entry, type RuleEntry } from './entry';
import missingAuthCheck, { missingAuthCheckSpec } from '../missing-auth-check';

/** The rules of the guide's security area. */
export const securityRules: RuleEntry[] = [
  entry(missingAuthCheck, missingAuthCheckSpec)
];
