import * as vscode from 'vscode';
import { SUPPRESSION } from '../../engine/host';

/** Asks for a reason and writes `// backend-coach-ignore-next-line <rule> -- <reason>` above the line. */
export async function ignoreHere(uriText: unknown, line: unknown, ruleId: unknown): Promise<boolean> {
  if (typeof uriText !== 'string' || typeof line !== 'number' || typeof ruleId !== 'string' || !/^[a-z0-9-]+$/.test(ruleId)) return false;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriText);
  if (!doc || line < 0 || line >= doc.lineCount) return false;
  const reason = await vscode.window.showInputBox({
    title: `Ignore ${ruleId} on this line`,
    prompt: 'Why is this safe? The next reader will see your reason.',
    placeHolder: 'e.g. internal admin tool behind the VPN',
    validateInput: (v) => (v.trim().length < 3 ? 'Give a short reason (3 characters or more).' : undefined),
  });
  if (!reason) return false;
  const indent = /^\s*/.exec(doc.lineAt(line).text)![0];
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(line, 0), `${indent}// ${SUPPRESSION} ${ruleId} -- ${reason.trim().replace(/\r?\n/g, ' ')}\n`);
  return vscode.workspace.applyEdit(edit);
}
