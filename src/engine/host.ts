/**
 * What hosts need besides analysis itself: the catalog, settings, cross-file resolution and types.
 * Importing this instead of the engine's index keeps the parser (and TypeScript) out of bundles
 * that only hand work to a worker, such as the CLI's main thread.
 */
export { catalog, ruleDocsUrl, skillDocsUrl, type Area, type Catalog, type RuleSpec, type Skill } from './catalog';
export { resolveProject, type ProjectFile } from './project';
export { parseSettings, SETTINGS_FILE, type SettingsFile } from './settings';
export { SUPPRESSION } from './suppressions';
export { effectiveSeverity, type EngineSettings } from './analyze-settings';
export * from './types';
export { formatProblem, type YamlProblem } from './yaml-validate';
