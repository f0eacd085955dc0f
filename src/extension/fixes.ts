import * as vscode from 'vscode';
import type { Fix } from '../engine/host';
import { expandSnippetDefaults } from '../engine/rules/fix-text';

/** A Fix's edits as a WorkspaceEdit: snippet edits (with tab stops) when the fix carries placeholders. */
export function fixToEdit(doc: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const edits = fix.edits.map((e) => {
    const range = new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end));
    return fix.snippet ? new vscode.SnippetTextEdit(range, new vscode.SnippetString(e.text)) : new vscode.TextEdit(range, e.text);
  });
  edit.set(doc.uri, edits);
  return edit;
}

/** The same fix as plain text (placeholders take their defaults): for "Fix all", where no one tabs through stops. */
export function plainText(fix: Fix, text: string): string {
  return fix.snippet ? expandSnippetDefaults(text) : text;
}
