import { catalog, type Severity } from '../engine/host';
import type { ScanReport } from './report';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };

/** Findings grouped by file, each with the skill it coaches; a summary line at the end. */
export function formatText(report: ScanReport, color: boolean): string {
  const paint = (code: number, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sev = (s: Severity): string => paint(s === 'error' ? 31 : s === 'warning' ? 33 : 36, LABEL[s].padEnd(7));
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let withFindings = 0;
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    withFindings++;
    lines.push(paint(4, file.path));
    for (const f of file.findings) {
      counts[f.severity]++;
      const skill = f.skillId ? catalog.skills.get(f.skillId) : undefined;
      const where = `${f.range.startLine}:${f.range.startColumn}`.padEnd(8);
      lines.push(`  ${paint(2, where)} ${sev(f.severity)} ${f.message}  ${paint(2, f.ruleId)}`);
      if (skill) lines.push(`  ${' '.repeat(8)} ${' '.repeat(7)} ${paint(2, `skill: ${skill.title} (${skill.id})`)}`);
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const parts = (Object.keys(counts) as Severity[]).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}${counts[s] === 1 || s === 'info' ? '' : 's'}`);
  const skipped = report.files.filter((f) => f.skipped).length;
  const seconds = (report.durationMs / 1000).toFixed(2);
  lines.push(
    total === 0
      ? paint(32, `No problems found in ${report.files.length} files (${seconds}s).`)
      : `${paint(1, `${total} problem${total === 1 ? '' : 's'}`)} (${parts.join(', ')}) in ${withFindings} of ${report.files.length} files (${seconds}s).`,
  );
  if (skipped > 0) lines.push(paint(2, `${skipped} file${skipped === 1 ? '' : 's'} skipped (see notes on stderr).`));
  return lines.join('\n') + '\n';
}
