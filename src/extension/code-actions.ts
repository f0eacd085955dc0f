import * as vscode from 'vscode';
import { catalog, type Finding } from '../engine/host';
import { Command } from './command-ids';
import { SOURCE, findingKey, toRange, type FindingStore } from './diagnostics';
import { fixToEdit } from './fixes';

/** Suggestions safe to apply everywhere in a file at once: they reuse middleware the file already has. */
export const FIX_ALL_SAFE = new Set(['addMiddleware', 'addGuard', 'addLimiter']);

export function fixAllCandidates(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId && f.fixes[0]?.id !== undefined && FIX_ALL_SAFE.has(f.fixes[0].id));
}

/** For each finding, in this order: its fix (preferred), Learn, Ignore here…, and Fix all where that is safe. */
export class FindingCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: FindingStore) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const finding = this.store.find(doc.uri, findingKey(ruleId, diagnostic.range));
      if (!finding) continue;
      const fix = finding.fixes[0];
      if (fix) {
        // Rule messages use Markdown backticks (ESLint shows them as text); a menu item reads better without.
        const action = new vscode.CodeAction(fix.title.replace(/`/g, ''), vscode.CodeActionKind.QuickFix);
        action.edit = fixToEdit(doc, fix);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      const skill = finding.skillId ? catalog.skills.get(finding.skillId) : undefined;
      if (skill) {
        const learn = new vscode.CodeAction(`Learn: ${skill.title}`, vscode.CodeActionKind.QuickFix);
        learn.command = { command: Command.OpenSkill, title: learn.title, arguments: [skill.id] };
        learn.diagnostics = [diagnostic];
        actions.push(learn);
      }
      const ignore = new vscode.CodeAction(`Ignore ${finding.ruleId} here…`, vscode.CodeActionKind.QuickFix);
      ignore.command = { command: Command.IgnoreHere, title: ignore.title, arguments: [doc.uri.toString(), toRange(finding).start.line, finding.ruleId] };
      ignore.diagnostics = [diagnostic];
      actions.push(ignore);
      const all = fixAllCandidates(this.store.findings(doc.uri), finding.ruleId);
      if (all.length > 1 && all.includes(finding)) {
        const fixAll = new vscode.CodeAction(`Fix all ${finding.ruleId} in this file (${all.length})`, vscode.CodeActionKind.QuickFix);
        fixAll.command = { command: Command.FixAll, title: fixAll.title, arguments: [doc.uri.toString(), finding.ruleId] };
        fixAll.diagnostics = [diagnostic];
        actions.push(fixAll);
      }
    }
    return actions;
  }
}
