/** The engine's public surface: hosts (editor, CLI, ESLint plugin, worker) import from here only. */
export { analyze, effectiveSeverity, looksMinified, MAX_FILE_BYTES, PLUGIN, type EngineSettings } from './analyze';
export { catalog, ruleDocsUrl, skillDocsUrl, type Area, type Catalog, type RuleSpec, type Skill } from './catalog';
export { resolveProject, type ProjectFile } from './project';
export { parseSettings, SETTINGS_FILE, type SettingsFile } from './settings';
export { SUPPRESSION } from './suppressions';
export { rules } from './rules';
export * from './types';
export { formatProblem, type YamlProblem } from './yaml-validate';
