import type { TSESLint } from '@typescript-eslint/utils';
import type { RuleSpec } from '../../catalog/types';

/** One rule as registered: its ESLint module and its YAML spec. */
export interface RuleEntry {
  rule: TSESLint.RuleModule<string, readonly unknown[]>;
  spec: RuleSpec;
}

/** Registers a rule module with its spec (the cast hides each rule's own message ids and options). */
export function entry(rule: unknown, spec: RuleSpec): RuleEntry {
  return { rule: rule as TSESLint.RuleModule<string, readonly unknown[]>, spec };
}
