import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import type { RuleSpec } from '../catalog/types';
import { ruleDocsUrl } from '../catalog/urls';

const named = RuleCreator<{ skill: string; recommended: boolean }>((name) => ruleDocsUrl(name));

/**
 * Every rule is created here, so ESLint, the CLI and the editor share one docs URL per rule. Our rules take no
 * options, so `create` gets an empty list directly: RuleCreator would otherwise `structuredClone` the defaults for
 * every rule on every file (about 1% of analysis time).
 */
export const createRule: typeof named = (rule) => {
  const created = named(rule);
  if ((rule.defaultOptions?.length ?? 0) > 0 || (rule.meta.defaultOptions?.length ?? 0) > 0) return created;
  return { ...created, create: (context) => rule.create(context, [] as unknown as NonNullable<typeof rule.defaultOptions>) };
};

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
