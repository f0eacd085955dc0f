import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import type { RuleSpec } from '../catalog/types';
import { ruleDocsUrl } from '../catalog/urls';

/** Every rule is created here, so ESLint, the CLI and the editor share one docs URL per rule. */
export const createRule = RuleCreator<{ skill: string; recommended: boolean }>((name) => ruleDocsUrl(name));

/** The ESLint `meta` fields that come from the rule's YAML: the catalog is the one source of its words. */
export function metaFromSpec<M extends string>(spec: RuleSpec): {
  docs: { description: string; skill: string; recommended: boolean };
  messages: Record<M, string>;
} {
  return {
    docs: { description: spec.description, skill: spec.skill, recommended: true },
    messages: { [camel(spec.id)]: spec.message, ...spec.messages } as Record<M, string>,
  };
}

/** The main message id of a rule: its id in camelCase (`missing-auth-check` → `missingAuthCheck`). */
export function camel(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
