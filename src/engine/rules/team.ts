import type { TSESLint } from '@typescript-eslint/utils';
import { DEFAULT_SETTINGS, teamSettings, type SettingsFile, type TeamSettings } from '../settings';

/** What hosts put in ESLint's `settings.backendCoach`: plain data, so ESLint can merge and copy it. */
export interface RuleSettings {
  file?: SettingsFile;
  snippetFixes?: boolean;
}

const built = new WeakMap<object, TeamSettings>();

/** The team's settings for a rule run, built once per settings object. */
export function teamFromContext(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TeamSettings {
  const raw = (context.settings as { backendCoach?: RuleSettings }).backendCoach;
  if (!raw) return DEFAULT_SETTINGS;
  let team = built.get(raw);
  if (!team) {
    team = teamSettings(raw.file ?? {}, { snippetFixes: raw.snippetFixes });
    built.set(raw, team);
  }
  return team;
}
