import { entry, type RuleEntry } from './entry';
import { securityCryptoRules } from './security-crypto';
import { securityInjectionRules } from './security-injection';
import { securityWebRules } from './security-web';
import missingAuthCheck, { missingAuthCheckSpec } from '../missing-auth-check';

/** The rules of the guide's security area. */
export const securityRules: RuleEntry[] = [
  entry(missingAuthCheck, missingAuthCheckSpec),
  ...securityCryptoRules,
  ...securityInjectionRules,
  ...securityWebRules,
];
