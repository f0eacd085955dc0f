import { entry, type RuleEntry } from './entry';
import unboundedQuery, { unboundedQuerySpec } from '../unbounded-query';

/** The rules of the guide's database area. */
export const databaseRules: RuleEntry[] = [
  entry(unboundedQuery, unboundedQuerySpec)
];
