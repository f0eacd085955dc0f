import * as vscode from 'vscode';
import { catalog, type Finding, type Severity } from '../engine/host';

export const SOURCE = 'Backend Coach';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Engine ranges are 1-based, end exclusive; VS Code's are 0-based. The one place that converts. */
export function toRange(f: Finding): vscode.Range {
  return new vscode.Range(f.range.startLine - 1, f.range.startColumn - 1, f.range.endLine - 1, f.range.endColumn - 1);
}

export const EXTENSION_ID = 'backend-coach.backend-coach';

/**
 * A link that opens the skill page in the editor: `vscode://backend-coach.backend-coach/skill?security.auth`.
 * VS Code hands its own scheme to our UriHandler (command: links no longer run from the Problems panel).
 */
export function skillPageUri(skillId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: EXTENSION_ID, path: '/skill', query: skillId });
}

/** The one conversion from a Finding to what VS Code shows. */
export function toDiagnostic(f: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f), f.message, SEVERITY[f.severity]);
  d.source = SOURCE;
  const skill = f.skillId ? catalog.skills.get(f.skillId) : undefined;
  d.code = skill ? { value: f.ruleId, target: skillPageUri(skill.id) } : f.ruleId;
  return d;
}

/** VS Code hands code-action and hover providers copies of diagnostics: findings are found again by this key. */
export function findingKey(ruleId: string, range: vscode.Range): string {
  return `${ruleId}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** The findings behind the diagnostics, per document, with the version they were computed for. */
export class FindingStore {
  private readonly byUri = new Map<string, { version?: number; findings: Finding[] }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly collection: vscode.DiagnosticCollection) {}

  set(uri: vscode.Uri, findings: Finding[], version?: number): void {
    this.byUri.set(uri.toString(), { version, findings });
    this.collection.set(uri, findings.map(toDiagnostic));
    this.changed.fire();
  }

  delete(uri: vscode.Uri): void {
    this.byUri.delete(uri.toString());
    this.collection.delete(uri);
    this.changed.fire();
  }

  clear(): void {
    this.byUri.clear();
    this.collection.clear();
    this.changed.fire();
  }

  findings(uri: vscode.Uri): Finding[] {
    return this.byUri.get(uri.toString())?.findings ?? [];
  }

  find(uri: vscode.Uri, key: string): Finding | undefined {
    return this.findings(uri).find((f) => findingKey(f.ruleId, toRange(f)) === key);
  }

  /** Every finding in the workspace that the editor knows of: open documents and the last scan. */
  all(): { uri: vscode.Uri; finding: Finding }[] {
    const out: { uri: vscode.Uri; finding: Finding }[] = [];
    for (const [uri, entry] of this.byUri) for (const finding of entry.findings) out.push({ uri: vscode.Uri.parse(uri), finding });
    return out;
  }

  countByRule(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { finding } of this.all()) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
    return counts;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
