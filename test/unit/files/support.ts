import assert from 'node:assert/strict';
import { analyze, type EngineSettings, type Finding } from '../../../src/engine';

/** The findings of one rule on a file, as the engine reports them to every host. */
export function findingsOf(ruleId: string, fileName: string, text: string, settings: EngineSettings = {}): Finding[] {
  const result = analyze(text, fileName, settings);
  assert.deepEqual(result.ruleErrors, [], 'no rule throws');
  return result.findings.filter((f) => f.ruleId === ruleId);
}

/** `line:column` of each finding of the rule. */
export function positions(ruleId: string, fileName: string, text: string): string[] {
  return findingsOf(ruleId, fileName, text).map((f) => `${f.range.startLine}:${f.range.startColumn}`);
}

/** The file after applying the first fix of the rule's only finding. */
export function fixed(ruleId: string, fileName: string, text: string): string {
  const found = findingsOf(ruleId, fileName, text);
  assert.equal(found.length, 1, `one ${ruleId} finding`);
  const fix = found[0].fixes[0];
  assert.ok(fix, 'the finding has a fix');
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Asserts the rule stays quiet on a file. */
export function quiet(ruleId: string, fileName: string, text: string): void {
  assert.deepEqual(positions(ruleId, fileName, text), [], `${ruleId} stays quiet on ${fileName}`);
}
