import { entry, type RuleEntry } from './entry';
import codeInjection, { codeInjectionSpec } from '../code-injection';
import nosqlInjection, { nosqlInjectionSpec } from '../nosql-injection';
import openRedirect, { openRedirectSpec } from '../open-redirect';
import pathTraversal, { pathTraversalSpec } from '../path-traversal';
import sqlInjection, { sqlInjectionSpec } from '../sql-injection';
import ssrf, { ssrfSpec } from '../ssrf';

/** Rules of the security-injection group. Register a rule here with `entry(rule, spec)` from './entry'. */
export const securityInjectionRules: RuleEntry[] = [
  entry(sqlInjection, sqlInjectionSpec),
  entry(nosqlInjection, nosqlInjectionSpec),
  entry(pathTraversal, pathTraversalSpec),
  entry(openRedirect, openRedirectSpec),
  entry(ssrf, ssrfSpec),
  entry(codeInjection, codeInjectionSpec),
];
