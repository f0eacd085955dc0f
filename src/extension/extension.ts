/**
 * The composition root: builds the few long-lived objects and registers them. Nothing is parsed here;
 * the analysis worker starts with the first JS/TS document.
 */
import * as vscode from 'vscode';
import { AnalysisClient } from './analysis-client';
import { FindingCodeActions } from './code-actions';
import { registerCommands } from './commands';
import { Command } from './command-ids';
import { FindingStore } from './diagnostics';
import { DocumentAnalyzer, LANGUAGES } from './document-analyzer';
import { FindingHoverProvider } from './hover';
import { SkillPanel, VIEW_TYPE, type PanelDeps } from './skill-panel';
import { loadSnippets, type SnippetInfo } from './snippets';
import { ProjectIndex } from './project-index';
import { TeamSettingsSource } from './team-settings';
import { GuideTree } from './tree';

export interface CoachApi {
  store: FindingStore;
  analyzer: DocumentAnalyzer;
  /** The page on show in the skill panel, for tests. */
  currentPage(): unknown;
  /** Whether the analysis worker has started (it must not at activation). */
  workerStarted(): boolean;
  activatedInMs: number;
  /** Resolves when the background project index is built. */
  projectReady(): Promise<void>;
  /** Main-thread milliseconds the last analysis cost the extension host (posting the text, taking the result). */
  mainThreadMs(): number;
}

export function activate(context: vscode.ExtensionContext): CoachApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Backend Coach', { log: true });
  const collection = vscode.languages.createDiagnosticCollection('backend-coach');
  const store = new FindingStore(collection);
  const team = new TeamSettingsSource(log);
  const client = new AnalysisClient(context.extensionPath, log);
  const project = new ProjectIndex(context.extensionPath, team, log);
  const analyzer = new DocumentAnalyzer(client, store, team, log, project);
  let snippets: SnippetInfo[] | undefined;
  const getSnippets = () => (snippets ??= loadSnippets(context.extensionPath));
  const scan = { ran: false };
  const panelDeps: PanelDeps = { extensionUri: context.extensionUri, snippets: getSnippets, counts: () => (scan.ran ? store.countByRule() : undefined) };
  const selector = LANGUAGES.flatMap((language) => [{ language, scheme: 'file' }, { language, scheme: 'untitled' }, { language, scheme: 'vscode-remote' }]);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 50);
  const updateStatus = () => {
    const restricted = team.restricted;
    status.text = restricted ? '$(shield) Backend Coach: restricted' : '$(mortar-board) Backend Coach';
    status.tooltip = restricted
      ? 'Restricted mode: this workspace is not trusted, so only the built-in rules run and .backendcoach.yaml is not read. Trust the workspace to use the team settings.'
      : 'Open the Backend Skills Guide';
    status.command = Command.OpenGuide;
    status.show();
  };

  context.subscriptions.push(
    log,
    collection,
    store,
    team,
    { dispose: () => client.dispose() },
    analyzer,
    status,
    ...registerCommands({ panel: panelDeps, store, team, snippets: getSnippets, extensionPath: context.extensionPath, log, scan, project }),
    vscode.languages.registerHoverProvider(selector, new FindingHoverProvider(store)),
    vscode.languages.registerCodeActionsProvider(selector, new FindingCodeActions(store), { providedCodeActionKinds: FindingCodeActions.kinds }),
    vscode.window.createTreeView('backendCoach.guide', { treeDataProvider: new GuideTree(store), showCollapseAll: true }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => SkillPanel.revive(panel, panelDeps),
    }),
    store.onDidChange(() => SkillPanel.refreshIfOpen()),
    vscode.workspace.onDidGrantWorkspaceTrust(updateStatus),
    // The diagnostic's code link (vscode://backend-coach.backend-coach/skill?<id>) lands here; openSkill validates the id.
    vscode.window.registerUriHandler({
      handleUri: (uri) => {
        if (uri.path === '/skill') void vscode.commands.executeCommand(Command.OpenSkill, uri.query);
      },
    }),
  );

  updateStatus();
  // Open documents first (single-file knowledge), then again once the project index knows the other files.
  void team.reload().then(async () => {
    analyzer.analyzeOpenDocuments();
    if (vscode.workspace.isTrusted) {
      await project.ready();
      analyzer.analyzeOpenDocuments();
    }
  });

  const activatedInMs = performance.now() - started;
  log.info(`activated in ${activatedInMs.toFixed(1)} ms${team.restricted ? ' (restricted mode: untrusted workspace)' : ''}`);
  return {
    store,
    analyzer,
    currentPage: () => SkillPanel.active?.page,
    workerStarted: () => (client as unknown as { worker?: unknown }).worker !== undefined,
    activatedInMs,
    projectReady: () => project.ready(),
    mainThreadMs: () => client.lastMainThreadMs,
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
