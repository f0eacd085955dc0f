import * as vscode from 'vscode';
import { catalog, formatProblem, parseSettings, type EngineSettings, type SettingsFile } from '../engine/host';
import { readConfig } from './config';

/**
 * The team's `.backendcoach.yaml`, merged with the user's VS Code settings (which win), watched for changes.
 * In an untrusted workspace the file is not read: built-in rules only.
 */
export class TeamSettingsSource implements vscode.Disposable {
  private current: EngineSettings = { snippetFixes: true };
  private readonly problems = vscode.languages.createDiagnosticCollection('backend-coach-settings');
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.problems, this.changed];
  private reported = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.backendcoach.{yaml,yml}');
    this.disposables.push(
      watcher,
      watcher.onDidChange(() => void this.reload()),
      watcher.onDidCreate(() => void this.reload()),
      watcher.onDidDelete(() => void this.reload()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('backendCoach') && void this.reload()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()),
    );
  }

  get settings(): EngineSettings {
    return this.current;
  }

  get restricted(): boolean {
    return !vscode.workspace.isTrusted;
  }

  async reload(): Promise<void> {
    const config = readConfig();
    let file: SettingsFile = {};
    this.problems.clear();
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder && vscode.workspace.isTrusted) {
      const uri = vscode.Uri.joinPath(folder.uri, config.settingsFile);
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        const loaded = parseSettings(text, vscode.workspace.asRelativePath(uri));
        if (loaded.problems.length > 0) {
          this.problems.set(
            uri,
            loaded.problems.map((p) => {
              const d = new vscode.Diagnostic(new vscode.Range(p.line - 1, p.column - 1, p.line - 1, p.column + 20), p.message, vscode.DiagnosticSeverity.Error);
              d.source = 'Backend Coach';
              return d;
            }),
          );
          const first = formatProblem(loaded.problems[0]);
          if (!this.reported.has(first)) {
            this.reported.add(first);
            this.log.warn(`settings file ignored: ${loaded.problems.map(formatProblem).join('; ')}`);
            void vscode.window.showErrorMessage(`Backend Coach: ${first}. Using the default settings until it is fixed.`, 'Open File').then((pick) => pick && vscode.window.showTextDocument(uri, { selection: new vscode.Range(loaded.problems[0].line - 1, loaded.problems[0].column - 1, loaded.problems[0].line - 1, loaded.problems[0].column - 1) }));
          }
        } else {
          file = loaded.settings;
          for (const id of Object.keys(file.rules ?? {})) if (!catalog.rules.has(id)) this.log.warn(`${config.settingsFile}: unknown rule "${id}"`);
        }
      } catch {
        // No settings file: the defaults apply.
      }
    }
    this.current = { snippetFixes: true, file: { ...file, rules: { ...file.rules, ...config.rules } } };
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
