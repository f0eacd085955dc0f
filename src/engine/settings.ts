import ignore, { type Ignore } from 'ignore';
import settingsSchema from '../../rules/schema/settings.schema.json';
import type { SeverityOrOff } from './types';
import { parseYamlWithSchema, type YamlProblem } from './yaml-validate';

/** `.backendcoach.yaml` as a team writes it. */
export interface SettingsFile {
  auth?: { middleware?: string[]; guards?: string[] };
  rateLimit?: { middleware?: string[] };
  publicRoutes?: string[];
  rules?: Record<string, SeverityOrOff>;
  ignore?: string[];
}

/** What the engine needs from the team's settings, ready to use. */
export interface TeamSettings {
  /** The team's auth middleware and functions. */
  authNames: ReadonlySet<string>;
  /** The team's NestJS guards that authenticate. */
  authGuards: ReadonlySet<string>;
  rateLimitNames: ReadonlySet<string>;
  publicRoutes: readonly RegExp[];
  rules: Readonly<Record<string, SeverityOrOff>>;
  ignore: Ignore;
  /** Fixes carry VS Code snippet placeholders (the editor) rather than plain text (CLI, ESLint). */
  snippetFixes: boolean;
}

export const SETTINGS_FILE = '.backendcoach.yaml';

/** Turns a route pattern (`/share/:token`, `/public/**`, `/status`) into a regular expression over paths. */
export function routePattern(pattern: string): RegExp {
  const body = pattern
    .replace(/\/+$/, '')
    .split('/')
    .map((seg) => {
      if (seg === '**') return '(?:/.*)?';
      if (seg === '*' || seg.startsWith(':')) return '/[^/]+';
      return '/' + seg.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
    })
    .slice(1)
    .join('');
  return new RegExp(`^${body.replace(/^\(\?:\/\.\*\)\?/, '(?:/.*)?')}/?$`, 'i');
}

export function teamSettings(file: SettingsFile = {}, options: { snippetFixes?: boolean } = {}): TeamSettings {
  return {
    authNames: new Set(file.auth?.middleware ?? []),
    authGuards: new Set(file.auth?.guards ?? []),
    rateLimitNames: new Set(file.rateLimit?.middleware ?? []),
    publicRoutes: (file.publicRoutes ?? []).map(routePattern),
    rules: file.rules ?? {},
    ignore: ignore().add(file.ignore ?? []),
    snippetFixes: options.snippetFixes ?? false,
  };
}

export const DEFAULT_SETTINGS: TeamSettings = teamSettings();

export interface SettingsLoad {
  /** The file's contents as plain data (what hosts pass to `analyze` and to workers). */
  settings: SettingsFile;
  /** Mistakes in the file; when there are any, `settings` are the defaults. */
  problems: YamlProblem[];
}

/**
 * Reads the text of a `.backendcoach.yaml`. A broken file gives its mistakes with line and column,
 * and the defaults, so analysis keeps running.
 */
export function parseSettings(text: string, fileName = SETTINGS_FILE): SettingsLoad {
  const result = parseYamlWithSchema<SettingsFile | null>(text, fileName, settingsSchema);
  if (!result.ok) return { settings: {}, problems: result.problems };
  return { settings: result.value ?? {}, problems: [] };
}
