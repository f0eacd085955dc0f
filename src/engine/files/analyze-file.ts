import { catalog } from '../catalog';
import { effectiveSeverity, type EngineSettings } from '../analyze-settings';
import { emptyResult, sortFindings } from '../results';
import { applySuppressions, readSuppressions } from '../suppressions';
import type { AnalyzeResult, Finding, Severity } from '../types';
import type { FileKind } from './kinds';
import { isTemplate, parseFile } from './parse';
import { fileRulesFor } from './registry';
import { interpolate, type FileReport, type FileRule, type ParsedFiles } from './rule';
import { hashComments } from './suppressions';

/**
 * Analyses a Dockerfile, Compose file, manifest, spec or workflow whose kind is known. Never throws: a file
 * that does not parse gives no findings and no note (it may not be what its name suggests); a template gives
 * one note; a rule that throws is reported in `ruleErrors` while the other rules still run.
 */
export function analyzeFile(text: string, fileName: string, settings: EngineSettings, kind: FileKind): AnalyzeResult {
  const result = emptyResult(fileName);
  const rules = fileRulesFor(kind).filter((r) => effectiveSeverity(r.spec.id, settings) !== 'off');
  if (rules.length === 0) return result;
  if (isTemplate(kind, text)) {
    result.skipped = { reason: 'template', message: 'Skipped: the file is a template ({{ … }}); check the rendered output instead (helm template … > rendered.yaml).' };
    return result;
  }
  const parsed = parseFile(kind, text, fileName);
  if (!parsed) return result;

  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = effectiveSeverity(rule.spec.id, settings) as Severity;
    const report = (r: FileReport) => findings.push(toFinding(rule, severity, r, parsed, !!settings.snippetFixes));
    try {
      (rule as FileRule<typeof kind>).check(parsed, { fileName, snippetFixes: !!settings.snippetFixes, report });
    } catch (error) {
      result.ruleErrors.push({ ruleId: rule.spec.id, message: String(error instanceof Error ? error.message : error).split('\n')[0] });
    }
  }
  const suppressions = readSuppressions(hashComments(parsed.lines));
  result.findings = sortFindings(applySuppressions(findings, suppressions, new Set(catalog.rules.keys())));
  return result;
}

function toFinding(rule: FileRule, severity: Severity, r: FileReport, parsed: ParsedFiles[FileKind], snippet: boolean): Finding {
  const { spec } = rule;
  const words = (id: string | undefined, fallback: string, data: Record<string, string> | undefined) => interpolate((id && spec.messages?.[id]) || fallback, data);
  return {
    ruleId: spec.id,
    skillId: spec.skill,
    severity,
    message: words(r.messageId, spec.message, r.data),
    range: parsed.lines.range(r.start, r.end),
    fixes: (r.fixes ?? []).map((f) => ({
      ...(f.messageId ? { id: f.messageId } : {}),
      title: words(f.messageId, spec.fix.summary, f.data),
      edits: f.edits,
      snippet,
    })),
  };
}
