import type { ScanReport } from './report';

/** A stable JSON document: files in path order, findings in position order. */
export function formatJson(report: ScanReport, version: string): string {
  const doc = {
    tool: { name: 'backend-coach', version },
    root: report.root,
    summary: {
      files: report.files.length,
      findings: report.files.reduce((n, f) => n + f.findings.length, 0),
      skipped: report.files.filter((f) => f.skipped).length,
      durationMs: Math.round(report.durationMs),
    },
    notes: report.notes,
    files: report.files.filter((f) => f.findings.length > 0 || f.skipped),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
