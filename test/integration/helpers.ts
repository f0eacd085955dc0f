import * as vscode from 'vscode';

export const EXTENSION_ID = 'backend-coach.backend-coach';

export async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** Our diagnostics on a document, once `until` holds (or the timeout passes). */
export async function coachDiagnostics(uri: vscode.Uri, until: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  const get = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Backend Coach');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const d = get();
    if (until(d)) return d;
    await sleep(50);
  }
  return get();
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export async function openFixture(relative: string): Promise<vscode.TextEditor> {
  const root = vscode.workspace.workspaceFolders![0].uri;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, relative));
  return vscode.window.showTextDocument(doc);
}

export async function setConfig(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('backendCoach').update(key, value, vscode.ConfigurationTarget.Workspace);
}
