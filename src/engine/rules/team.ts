import type { TSESLint } from '@typescript-eslint/utils';
import { DEFAULT_SETTINGS, teamSettings, type SettingsFile, type TeamSettings } from '../settings';

/** What hosts put in ESLint's `settings.backendCoach`: plain data, so ESLint can merge and copy it. */
export interface RuleSettings {
  file?: SettingsFile;
  snippetFixes?: boolean;
}

/** ESLint copies `settings` for every file it lints, so settings are cached by content, not identity. */
const built = new Map<string, TeamSettings>();

/** The team's settings as the engine needs them, built once per distinct settings. */
export function compileSettings(raw: RuleSettings | undefined): TeamSettings {
  if (!raw || (!raw.file && !raw.snippetFixes)) return DEFAULT_SETTINGS;
  const key = JSON.stringify(raw);
  let team = built.get(key);
  if (!team) {
    if (built.size > 32) built.clear();
    team = teamSettings(raw.file ?? {}, { snippetFixes: raw.snippetFixes });
    built.set(key, team);
  }
  return team;
}

/** The team's settings for a rule run. */
export function teamFromContext(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TeamSettings {
  return compileSettings((context.settings as { backendCoach?: RuleSettings }).backendCoach);
}
