import { entry, type RuleEntry } from './entry';
import unboundedQuery, { unboundedQuerySpec } from '../unbounded-query';
import queryInLoop, { queryInLoopSpec } from '../query-in-loop';
import writeWithoutWhere, { writeWithoutWhereSpec } from '../write-without-where';
import missingTransaction, { missingTransactionSpec } from '../missing-transaction';
import selectStar, { selectStarSpec } from '../select-star';

/** The rules of the guide's database area. */
export const databaseRules: RuleEntry[] = [
  entry(unboundedQuery, unboundedQuerySpec),
  entry(queryInLoop, queryInLoopSpec),
  entry(writeWithoutWhere, writeWithoutWhereSpec),
  entry(missingTransaction, missingTransactionSpec),
  entry(selectStar, selectStarSpec),
];
