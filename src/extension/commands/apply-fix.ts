import * as vscode from 'vscode';
import { fixAllCandidates } from '../code-actions';
import type { FindingStore } from '../diagnostics';
import { fixToEdit, plainText } from '../fixes';

function documentFor(uriText: unknown): vscode.TextDocument | undefined {
  return typeof uriText === 'string' ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriText) : undefined;
}

/** Applies a finding's preferred fix (from the hover's "Fix it" link). */
export async function applyFix(store: FindingStore, uriText: unknown, key: unknown): Promise<boolean> {
  const doc = documentFor(uriText);
  const finding = doc && typeof key === 'string' ? store.find(doc.uri, key) : undefined;
  if (!doc || !finding?.fixes[0]) return false;
  await vscode.window.showTextDocument(doc);
  return vscode.workspace.applyEdit(fixToEdit(doc, finding.fixes[0]));
}

/** Applies every safe fix of one rule in a document, in one edit. */
export async function fixAll(store: FindingStore, uriText: unknown, ruleId: unknown): Promise<boolean> {
  const doc = documentFor(uriText);
  if (!doc || typeof ruleId !== 'string') return false;
  const edit = new vscode.WorkspaceEdit();
  for (const f of fixAllCandidates(store.findings(doc.uri), ruleId)) {
    const fix = f.fixes[0];
    for (const e of fix.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), plainText(fix, e.text));
  }
  return vscode.workspace.applyEdit(edit);
}
