import type { AnalyzeResult, Finding, SkippedNote } from './types';

/** Above this size a file is skipped: generated bundles and dumps teach nothing and cost seconds. */
export const MAX_FILE_BYTES = 1_000_000;

/** A result with nothing found: the start of every analysis, and what a skipped file returns. */
export function emptyResult(fileName: string, skipped?: SkippedNote): AnalyzeResult {
  return { fileName, findings: [], facts: { mounts: [], globalGuard: { auth: false, rateLimit: false } }, ruleErrors: [], ...(skipped ? { skipped } : {}) };
}

/** The note for a file over the size limit, whether the size came from the text or from the disk. */
export function tooLarge(bytes: number): SkippedNote {
  return { reason: 'too-large', message: `Skipped: ${Math.round(bytes / 1024)} KB is above the ${MAX_FILE_BYTES / 1000} KB limit for analysis.` };
}

/** Findings in reading order: line, column, then rule id. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn || a.ruleId.localeCompare(b.ruleId));
}
