import { entry, type RuleEntry } from './entry';
import cacheWithoutTtl, { cacheWithoutTtlSpec } from '../cache-without-ttl';
import httpCallWithoutTimeout, { httpCallWithoutTimeoutSpec } from '../http-call-without-timeout';
import missingRateLimit, { missingRateLimitSpec } from '../missing-rate-limit';
import retryWithoutBackoff, { retryWithoutBackoffSpec } from '../retry-without-backoff';
import syncIoInHandler, { syncIoInHandlerSpec } from '../sync-io-in-handler';

/**
 * The rules of the guide's performance area. `sync-io-in-handler` links to architecture.concurrency (keeping the
 * event loop free is taught there) but is listed here, with the performance problems the guide groups it with.
 */
export const performanceRules: RuleEntry[] = [
  entry(missingRateLimit, missingRateLimitSpec),
  entry(httpCallWithoutTimeout, httpCallWithoutTimeoutSpec),
  entry(syncIoInHandler, syncIoInHandlerSpec),
  entry(retryWithoutBackoff, retryWithoutBackoffSpec),
  entry(cacheWithoutTtl, cacheWithoutTtlSpec),
];
