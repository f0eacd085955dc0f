import { entry, type RuleEntry } from './entry';
import hardcodedSecret, { hardcodedSecretSpec } from '../hardcoded-secret';
import insecureJwt, { insecureJwtSpec } from '../insecure-jwt';
import insecureRandom, { insecureRandomSpec } from '../insecure-random';
import weakCipher, { weakCipherSpec } from '../weak-cipher';
import weakPasswordHash, { weakPasswordHashSpec } from '../weak-password-hash';

/** Rules of the security-crypto group. Register a rule here with `entry(rule, spec)` from './entry'. */
export const securityCryptoRules: RuleEntry[] = [
  entry(hardcodedSecret, hardcodedSecretSpec),
  entry(insecureJwt, insecureJwtSpec),
  entry(weakPasswordHash, weakPasswordHashSpec),
  entry(weakCipher, weakCipherSpec),
  entry(insecureRandom, insecureRandomSpec),
];
