import { catalog } from './catalog';
import type { RuleSettings } from './rules/team';
import type { SeverityOrOff } from './types';

/** What a host passes to `analyze`: the team's settings file as data, and whether fixes may carry snippet placeholders. */
export type EngineSettings = RuleSettings;

/** The severity of a rule after the team's settings; `off` when disabled. */
export function effectiveSeverity(ruleId: string, settings: EngineSettings): SeverityOrOff {
  return settings.file?.rules?.[ruleId] ?? catalog.rules.get(ruleId)?.severity ?? 'warning';
}
