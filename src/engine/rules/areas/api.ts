import { entry, type RuleEntry } from './entry';
import createWithout201, { createWithout201Spec } from '../create-without-201';
import errorWithSuccessStatus, { errorWithSuccessStatusSpec } from '../error-with-success-status';
import listWithoutPagination, { listWithoutPaginationSpec } from '../list-without-pagination';
import unvalidatedRequestBody, { unvalidatedRequestBodySpec } from '../unvalidated-request-body';
import unversionedApi, { unversionedApiSpec } from '../unversioned-api';
import validationErrorAs500, { validationErrorAs500Spec } from '../validation-error-as-500';

/** The rules of the guide's api area (unvalidated-request-body coaches security.owasp: mass assignment). */
export const apiRules: RuleEntry[] = [
  entry(errorWithSuccessStatus, errorWithSuccessStatusSpec),
  entry(validationErrorAs500, validationErrorAs500Spec),
  entry(createWithout201, createWithout201Spec),
  entry(listWithoutPagination, listWithoutPaginationSpec),
  entry(unvalidatedRequestBody, unvalidatedRequestBodySpec),
  entry(unversionedApi, unversionedApiSpec),
];
