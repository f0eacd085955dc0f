import { entry, type RuleEntry } from './entry';
import missingRateLimit, { missingRateLimitSpec } from '../missing-rate-limit';

/** The rules of the guide's performance area. */
export const performanceRules: RuleEntry[] = [
  entry(missingRateLimit, missingRateLimitSpec)
];
