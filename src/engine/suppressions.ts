import type { TSESTree } from '@typescript-eslint/utils';
import type { Finding, Range } from './types';

/**
 * `// backend-coach-ignore-next-line <rule-id>[, <rule-id>] -- <reason>` silences those rules on the next line.
 * The reason is required. ESLint ignores these comments: they are not `eslint-` directives.
 */
export const SUPPRESSION = 'backend-coach-ignore-next-line';
const PATTERN = /^\s*backend-coach-ignore-next-line\b(.*)$/;

export interface Suppression {
  line: number;
  rules: string[];
  reason: string;
  range: Range;
}

/** A comment as the readers need it: ESLint's comments fit, and so do `#` comments of YAML and Dockerfiles. */
export type CommentLike = Pick<TSESTree.Comment, 'value'> & { loc: { start: { line: number; column: number }; end: { line: number; column: number } } };

export function readSuppressions(comments: readonly CommentLike[]): Suppression[] {
  const out: Suppression[] = [];
  for (const c of comments) {
    const m = PATTERN.exec(c.value);
    if (!m) continue;
    const [list, ...reasonParts] = m[1].split(/\s--\s?|^--\s?/);
    const reason = reasonParts.join(' -- ').trim();
    out.push({
      line: c.loc.end.line + 1,
      rules: list.split(/[\s,]+/).filter(Boolean).map((r) => r.replace(/^backend-coach\//, '')),
      reason,
      range: { startLine: c.loc.start.line, startColumn: c.loc.start.column + 1, endLine: c.loc.end.line, endColumn: c.loc.end.column + 1 },
    });
  }
  return out;
}

/** Drops suppressed findings; reports suppressions without a reason or naming rules that do not exist. */
export function applySuppressions(findings: Finding[], suppressions: Suppression[], knownRules: ReadonlySet<string>): Finding[] {
  const problems: Finding[] = [];
  const active: Suppression[] = [];
  for (const s of suppressions) {
    const unknown = s.rules.filter((r) => !knownRules.has(r));
    if (s.rules.length === 0) {
      problems.push(problem(s, `This ${SUPPRESSION} comment names no rule. Write the rule id and a reason: // ${SUPPRESSION} unbounded-query -- admin export, capped upstream`));
    } else if (unknown.length > 0) {
      problems.push(problem(s, `Unknown rule ${unknown.map((r) => `"${r}"`).join(', ')} in a ${SUPPRESSION} comment; nothing is silenced by that name. Known rules: ${[...knownRules].sort().join(', ')}.`));
    }
    if (s.rules.length > 0 && s.reason === '') {
      problems.push(problem(s, `Say why this is safe: a ${SUPPRESSION} comment needs a reason after " -- ", so the next reader knows. The finding is not silenced until it has one.`));
      continue;
    }
    active.push(s);
  }
  const kept = findings.filter((f) => !active.some((s) => s.line === f.range.startLine && s.rules.includes(f.ruleId)));
  return [...kept, ...problems];
}

function problem(s: Suppression, message: string): Finding {
  return { ruleId: 'invalid-suppression', severity: 'warning', message, range: s.range, fixes: [] };
}
