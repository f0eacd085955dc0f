import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { catalog, ruleDocsUrl, SUPPRESSION, type Severity } from '../engine/host';
import type { ScanReport } from './report';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function ruleDescriptors(): Sarif.ReportingDescriptor[] {
  const out: Sarif.ReportingDescriptor[] = [];
  for (const spec of catalog.rules.values()) {
    const skill = catalog.skills.get(spec.skill);
    out.push({
      id: spec.id,
      name: pascal(spec.id),
      shortDescription: { text: spec.title },
      fullDescription: { text: spec.description },
      help: { text: `${spec.why}\n\nFix: ${spec.fix.summary}`, markdown: `${spec.why}\n\n**Fix:** ${spec.fix.summary}\n\nSkill: ${skill?.title ?? spec.skill}` },
      helpUri: ruleDocsUrl(spec.id),
      defaultConfiguration: { level: LEVEL[spec.severity] },
      properties: {
        tags: [...(spec.cwe ?? []).map((n) => `external/cwe/cwe-${n}`), spec.skill, skill?.area.id ?? spec.skill.split('.')[0]],
        precision: 'high',
        'problem.severity': spec.severity === 'error' ? 'error' : spec.severity === 'warning' ? 'warning' : 'recommendation',
      },
    });
  }
  out.push({
    id: 'invalid-suppression',
    name: 'InvalidSuppression',
    shortDescription: { text: `A ${SUPPRESSION} comment without a reason or naming an unknown rule` },
    helpUri: ruleDocsUrl('invalid-suppression').replace(/rules\/invalid-suppression\.yaml$/, 'README.md#suppressing-a-finding'),
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['maintainability'] },
  });
  return out;
}

/** SARIF 2.1.0, as GitHub code scanning and other CI dashboards read it. */
export function formatSarif(report: ScanReport, version: string): string {
  const rules = ruleDescriptors();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const file of report.files) {
    const artifactLocation: Sarif.ArtifactLocation = { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' };
    if (file.skipped) notifications.push({ level: 'note', message: { text: `${file.path}: ${file.skipped.message}` }, locations: [{ physicalLocation: { artifactLocation } }] });
    for (const f of file.findings) {
      results.push({
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: { startLine: f.range.startLine, startColumn: f.range.startColumn, endLine: f.range.endLine, endColumn: f.range.endColumn },
            },
          },
        ],
        fixes: f.fixes
          .filter((fix) => !fix.snippet)
          .map((fix) => ({
            description: { text: fix.title },
            artifactChanges: [
              {
                artifactLocation,
                replacements: fix.edits.map((e) => ({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.text } })),
              },
            ],
          })),
        properties: f.skillId ? { skill: f.skillId } : undefined,
      });
    }
  }
  for (const note of report.notes) notifications.push({ level: 'warning', message: { text: note } });
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Backend Coach', semanticVersion: version, informationUri: 'https://github.com/backend-coach/backend-coach', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(report.root.endsWith('/') ? report.root : report.root + '/').href } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
