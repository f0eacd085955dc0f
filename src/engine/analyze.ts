import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import type { Rule } from 'eslint';
import { Linter } from 'eslint/universal';
import { catalog } from './catalog';
import { normalizedConfig } from './flat-config';
import { analyzeFile, detectFileKind } from './files';
import { getModel } from './model';
import { conditionalsOf, exposureKey, exposuresOf } from './rules/report-route';
import { rules } from './rules';
import { effectiveSeverity, type EngineSettings } from './analyze-settings';
import { compileSettings } from './rules/team';
import { applySuppressions, readSuppressions } from './suppressions';
import { emptyResult, MAX_FILE_BYTES, sortFindings, tooLarge } from './results';
import type { AnalyzeResult, Exposure, Finding, Severity } from './types';


export { effectiveSeverity, type EngineSettings };


export const PLUGIN = 'backend-coach';
const ANALYSABLE = /\.(?:[cm]?[jt]sx?)$/i;



/** Whether a file is minified or generated: very long lines carry no code a person wrote. */
export function looksMinified(text: string, fileName: string): boolean {
  if (/\.min\.[cm]?js$/i.test(fileName)) return true;
  if (text.length < 5_000) return false;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines++;
    longest = Math.max(longest, i - start);
    start = i + 1;
  }
  longest = Math.max(longest, text.length - start);
  return longest > 5_000 || text.length / lines > 300;
}

/** The Linter's working directory, as it would pick it; the normalized config must share it. */
const LINTER_CWD = (globalThis as { process?: { cwd?: () => string } }).process?.cwd?.() ?? '/';

interface LinterSetup {
  linter: Linter;
  config: Linter.Config[];
  enabled: string[];
}

const setups = new WeakMap<object, LinterSetup>();
const DEFAULT_SETTINGS: EngineSettings = {};

function setupFor(settings: EngineSettings, disabled: ReadonlySet<string>): LinterSetup {
  const cached = disabled.size === 0 ? setups.get(settings) : undefined;
  if (cached) return cached;
  const enabled = Object.keys(rules).filter((id) => effectiveSeverity(id, settings) !== 'off' && !disabled.has(id));
  const config: Linter.Config[] = [
    {
      // A pattern ending in '*' alone does not count as a match in flat config: name the extensions.
      files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
      languageOptions: {
        parser: tsParser as unknown as Linter.Parser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        // No type information is used: skip the ESTree↔TypeScript node maps the parser would build for every node.
        // `lib: []`: no rule asks the scope manager about the standard library's globals (a name with no definition
        // is treated as global either way), and declaring the ~1,000 `esnext` lib names costs every file.
        parserOptions: { ecmaFeatures: { jsx: true }, preserveNodeMaps: false, lib: [] },
      },
      plugins: { [PLUGIN]: { rules: rules as unknown as Record<string, Rule.RuleModule> } },
      rules: Object.fromEntries(enabled.map((id) => [`${PLUGIN}/${id}`, 'warn'])),
      settings: { backendCoach: settings },
      // Users' own eslint-disable comments name rules this Linter does not have; our suppressions are separate.
      linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
    },
  ];
  const setup = { linter: new Linter({ configType: 'flat', cwd: LINTER_CWD }), config: normalizedConfig(config, LINTER_CWD), enabled };
  if (disabled.size === 0) setups.set(settings, setup);
  return setup;
}

function toFinding(message: Linter.LintMessage, settings: EngineSettings, exposures: ReadonlyMap<string, Exposure>): Finding | undefined {
  if (!message.ruleId?.startsWith(`${PLUGIN}/`)) return undefined;
  const ruleId = message.ruleId.slice(PLUGIN.length + 1);
  const severity = effectiveSeverity(ruleId, settings);
  if (severity === 'off') return undefined;
  const spec = catalog.rules.get(ruleId);
  return {
    ruleId,
    skillId: spec?.skill,
    severity: severity as Severity,
    message: message.message,
    range: {
      startLine: message.line,
      startColumn: message.column,
      endLine: message.endLine ?? message.line,
      endColumn: message.endColumn ?? message.column,
    },
    fixes: [
      ...(message.fix ? [{ title: spec?.fix.summary ?? 'Fix', edits: [{ start: message.fix.range[0], end: message.fix.range[1], text: message.fix.text }], snippet: false }] : []),
      ...(message.suggestions ?? []).map((s) => ({
        id: s.messageId,
        title: s.desc,
        edits: [{ start: s.fix.range[0], end: s.fix.range[1], text: s.fix.text }],
        snippet: !!settings.snippetFixes,
      })),
    ],
    exposure: exposures.get(exposureKey(ruleId, message.line, message.column)),
  };
}

/**
 * Analyses one file. Never throws: a file that does not parse, is too large or minified comes back with
 * `skipped` and no findings; a rule that throws is reported in `ruleErrors` and the other rules still run.
 */
export function analyze(text: string, fileName: string, settings: EngineSettings = DEFAULT_SETTINGS): AnalyzeResult {
  const result = emptyResult(fileName);
  // Dockerfiles, Compose files, manifests, specs and workflows go to the file rules after the same size and ignore checks.
  const fileKind = ANALYSABLE.test(fileName) ? undefined : detectFileKind(fileName, text);
  if ((!fileKind && !ANALYSABLE.test(fileName)) || /\.d\.[cm]?ts$/i.test(fileName)) return result;
  if (text.length > MAX_FILE_BYTES) {
    result.skipped = tooLarge(text.length);
    return result;
  }
  if (!fileKind && looksMinified(text, fileName)) {
    result.skipped = { reason: 'minified', message: 'Skipped: the file looks minified or generated (very long lines).' };
    return result;
  }
  if (settings.file?.ignore?.length && compileSettings(settings).ignore.ignores(fileName.replace(/^\/+/, ''))) {
    result.skipped = { reason: 'ignored', message: 'Skipped: ignored by .backendcoach.yaml.' };
    return result;
  }
  if (fileKind) return analyzeFile(text, fileName, settings, fileKind);

  const disabled = new Set<string>();
  for (;;) {
    const { linter, config } = setupFor(settings, disabled);
    let messages: Linter.LintMessage[];
    try {
      messages = linter.verify(text, config, { filename: fileName });
    } catch (error) {
      const failed = /Rule: "backend-coach\/([\w-]+)"/.exec(String((error as Error).message))?.[1];
      if (!failed || disabled.has(failed)) {
        result.ruleErrors.push({ ruleId: failed ?? 'engine', message: firstLine(error) });
        return result;
      }
      result.ruleErrors.push({ ruleId: failed, message: firstLine(error) });
      disabled.add(failed);
      continue;
    }
    const fatal = messages.find((m) => m.fatal);
    if (fatal) {
      result.skipped = { reason: 'parse-error', message: `Not analysed: the file does not parse (${fatal.message}).`, line: fatal.line, column: fatal.column };
      return result;
    }
    const sourceCode = linter.getSourceCode() as unknown as TSESLint.SourceCode | null;
    if (!sourceCode) return result;
    const model = getModel(sourceCode, fileName, compileSettings(settings));
    const exposures = exposuresOf(model);
    const findings = messages.map((m) => toFinding(m, settings, exposures)).filter((f): f is Finding => !!f);
    result.findings = sortFindings(applySuppressions(findings, readSuppressions(sourceCode.getAllComments()), new Set(Object.keys(rules))));
    result.facts = model.facts;
    const conditional = conditionalsOf(model).filter((c) => effectiveSeverity(c.ruleId, settings) !== 'off');
    if (conditional.length > 0) result.conditional = conditional;
    return result;
  }
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}
