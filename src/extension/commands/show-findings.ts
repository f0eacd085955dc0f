import * as vscode from 'vscode';
import { catalog } from '../../engine/host';
import { toRange, type FindingStore } from '../diagnostics';

/** Lists the findings (of one rule, or all) and opens the one picked. */
export async function showFindings(store: FindingStore, ruleId?: unknown): Promise<void> {
  const rule = typeof ruleId === 'string' && catalog.rules.has(ruleId) ? ruleId : undefined;
  const all = store.all().filter((x) => !rule || x.finding.ruleId === rule);
  if (all.length === 0) {
    void vscode.window.showInformationMessage(`Backend Coach: no ${rule ?? ''} findings. Run "Backend Coach: Scan Workspace" to look at every file.`.replace('  ', ' '));
    return;
  }
  const pick = await vscode.window.showQuickPick(
    all.map((x) => ({ label: x.finding.message.split(':')[0], description: `${vscode.workspace.asRelativePath(x.uri)}:${x.finding.range.startLine}`, detail: x.finding.ruleId, x })),
    { placeHolder: `${all.length} finding${all.length === 1 ? '' : 's'}`, matchOnDescription: true },
  );
  if (pick) await vscode.window.showTextDocument(pick.x.uri, { selection: toRange(pick.x.finding) });
}
