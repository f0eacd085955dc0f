import * as vscode from 'vscode';
import { resolveProject } from '../../engine/host';
import { analyzeInWorkers, defaultJobs } from '../../worker/pool';
import type { FindingStore } from '../diagnostics';
import { workspaceFiles, type ProjectIndex } from '../project-index';
import type { TeamSettingsSource } from '../team-settings';


/** Scans every JS/TS file of the workspace on worker threads, with a cancellable progress notification. */
export async function scanWorkspace(store: FindingStore, team: TeamSettingsSource, extensionPath: string, log: vscode.LogOutputChannel, state: { ran: boolean }, project: ProjectIndex): Promise<number | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('Backend Coach: open a folder to scan it.');
    return undefined;
  }
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Backend Coach', cancellable: true },
    async (progress, token) => {
      progress.report({ message: 'finding files…' });
      const files = await workspaceFiles(folder, token);
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      const started = Date.now();
      let last = 0;
      try {
        const results = await analyzeInWorkers(
          folder.uri.fsPath,
          files,
          team.settings,
          Math.max(1, defaultJobs() - 1),
          (done, total) => {
            progress.report({ message: `analysed ${done} of ${total} files`, increment: ((done - last) / total) * 100 });
            last = done;
          },
          { workerFile: `${extensionPath}/out/worker.js`, signal: abort.signal },
        );
        project.setAll(results);
        const resolved = resolveProject(results.map((r) => ({ path: r.fileName, result: r })), team.settings);
        let total = 0;
        for (const r of results) {
          const findings = resolved.get(r.fileName) ?? [];
          total += findings.length;
          store.set(vscode.Uri.joinPath(folder.uri, r.fileName), findings);
        }
        state.ran = true;
        log.info(`scan: ${files.length} files, ${total} findings in ${Date.now() - started} ms`);
        void vscode.window.showInformationMessage(`Backend Coach: ${total} finding${total === 1 ? '' : 's'} in ${files.length} files. See the Problems panel.`);
        return total;
      } catch (error) {
        if (token.isCancellationRequested) {
          log.info('scan cancelled');
          return undefined;
        }
        throw error;
      }
    },
  );
}
