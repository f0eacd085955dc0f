import skillsData from '../../../rules/skills.yaml';
import { fileRuleSpecs } from '../files/registry';
import { ruleSpecs } from '../rules';
import type { Area, RuleSpec, Skill, SkillsFile } from './types';

export type { Area, RuleExample, RuleSpec, Skill } from './types';

/** The guide and the rule catalog, read once from the YAML files bundled at build time. */
export interface Catalog {
  areas: readonly Area[];
  skills: ReadonlyMap<string, Skill & { area: Area }>;
  rules: ReadonlyMap<string, RuleSpec>;
}

function build(): Catalog {
  const areas = (skillsData as SkillsFile).areas;
  const skills = new Map<string, Skill & { area: Area }>();
  for (const area of areas) for (const skill of area.skills) skills.set(skill.id, { ...skill, area });
  const rules = new Map<string, RuleSpec>();
  for (const spec of [...ruleSpecs, ...fileRuleSpecs]) rules.set(spec.id, spec);
  return { areas, skills, rules };
}

export const catalog: Catalog = build();

export { ruleDocsUrl, skillDocsUrl } from './urls';
