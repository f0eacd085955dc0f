import * as vscode from 'vscode';
import { catalog } from '../../engine/host';
import type { SnippetInfo } from '../snippets';

/** Inserts a snippet (chosen from a list grouped by skill, or named by a link) at the cursor of the active editor. */
export async function insertSnippet(snippets: SnippetInfo[], key?: unknown): Promise<boolean> {
  let chosen: SnippetInfo | undefined;
  if (key !== undefined) {
    chosen = typeof key === 'string' ? snippets.find((s) => s.key === key) : undefined;
    if (!chosen) {
      void vscode.window.showWarningMessage(`Backend Coach: there is no snippet named ${JSON.stringify(key)?.slice(0, 80)}.`);
      return false;
    }
  } else {
    const items: (vscode.QuickPickItem & { snippet?: SnippetInfo })[] = [];
    for (const area of catalog.areas) {
      for (const skill of area.skills) {
        const mine = snippets.filter((s) => s.skillId === skill.id);
        if (mine.length === 0) continue;
        items.push({ label: skill.title, kind: vscode.QuickPickItemKind.Separator });
        for (const s of mine) items.push({ label: s.title, description: s.prefix, detail: s.key, snippet: s });
      }
    }
    chosen = (await vscode.window.showQuickPick(items, { placeHolder: 'Insert a Backend Coach snippet', matchOnDescription: true, matchOnDetail: true }))?.snippet;
    if (!chosen) return false;
  }
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme !== 'output');
  if (!editor) {
    void vscode.window.showInformationMessage('Backend Coach: open a JavaScript or TypeScript file to insert a snippet into.');
    return false;
  }
  if (!chosen.languages.includes(editor.document.languageId)) {
    void vscode.window.showWarningMessage(`Backend Coach: "${chosen.title}" is written for ${chosen.languages.join(', ')}, not ${editor.document.languageId}.`);
    return false;
  }
  return editor.insertSnippet(new vscode.SnippetString(chosen.body), editor.selection);
}
