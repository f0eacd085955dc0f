export type { RuleSettings as EngineSettings } from './team';
