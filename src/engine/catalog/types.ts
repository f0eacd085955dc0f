import type { FileKind } from '../files/kinds';
import type { Severity } from '../types';

export interface RuleExample {
  label: 'bad' | 'good';
  file: string;
  code: string;
}

/** One rules/<id>.yaml file, as validated by rules/schema/rule.schema.json. */
export interface RuleSpec {
  id: string;
  title: string;
  skill: string;
  severity: Severity;
  cwe?: number[];
  description: string;
  message: string;
  messages?: Record<string, string>;
  why: string;
  fix: { summary: string; snippet?: string; fixer?: boolean };
  examples: RuleExample[];
  /** The kind of file the rule reads (`dockerfile`, `compose`…); absent for JS/TS rules. */
  fileKind?: FileKind;
}

export interface Skill {
  id: string;
  title: string;
  guide: string;
  summary: string;
  keywords: string[];
}

export interface Area {
  id: string;
  title: string;
  guide: string;
  skills: Skill[];
}

export interface SkillsFile {
  areas: Area[];
}
