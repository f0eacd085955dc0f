import path from 'node:path';
import * as vscode from 'vscode';
import { buildPageHtml, PAGE_COMMANDS, type PageRef } from './html';
import { buildPageModel, pageTitle } from './pages';
import type { SnippetInfo } from './snippets';

export const VIEW_TYPE = 'backendCoach.skill';

export interface PanelDeps {
  extensionUri: vscode.Uri;
  snippets: () => SnippetInfo[];
  /** Finding counts from the last workspace scan; undefined before one has run. */
  counts: () => ReadonlyMap<string, number> | undefined;
}

/** The one skill panel, reused for every page, with back and forward. */
export class SkillPanel {
  private static current: SkillPanel | undefined;
  private history: PageRef[] = [];
  private index = -1;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: PanelDeps,
  ) {
    panel.webview.options = SkillPanel.webviewOptions(deps.extensionUri);
    this.disposables.push(panel.onDidDispose(() => this.dispose()));
  }

  static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
    // No scripts; only our own commands can run from links; only media/ can be loaded.
    return { enableScripts: false, enableCommandUris: PAGE_COMMANDS, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
  }

  static createOrShow(deps: PanelDeps, ref: PageRef): SkillPanel {
    if (!SkillPanel.current) {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, pageTitle(ref), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, SkillPanel.webviewOptions(deps.extensionUri));
      panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'icon.svg');
      SkillPanel.current = new SkillPanel(panel, deps);
    } else {
      SkillPanel.current.panel.reveal(undefined, false);
    }
    SkillPanel.current.navigate(ref);
    return SkillPanel.current;
  }

  /** After a reload VS Code hands back the panel; show the guide's home page in it. */
  static revive(panel: vscode.WebviewPanel, deps: PanelDeps): void {
    SkillPanel.current = new SkillPanel(panel, deps);
    SkillPanel.current.navigate({ kind: 'home' });
  }

  static get active(): SkillPanel | undefined {
    return SkillPanel.current;
  }

  /** The page on show, for tests and the tree view. */
  get page(): PageRef | undefined {
    return this.history[this.index];
  }

  navigate(ref: PageRef): void {
    if (this.page && JSON.stringify(this.page) === JSON.stringify(ref)) return this.render();
    this.history = [...this.history.slice(0, this.index + 1), ref];
    this.index = this.history.length - 1;
    this.render();
  }

  back(): void {
    if (this.index > 0) this.index--;
    this.render();
  }

  forward(): void {
    if (this.index < this.history.length - 1) this.index++;
    this.render();
  }

  refresh(): void {
    if (this.page) this.render();
  }

  static refreshIfOpen(): void {
    SkillPanel.current?.refresh();
  }

  private render(): void {
    const ref = this.page;
    if (!ref) return;
    const media = vscode.Uri.joinPath(this.deps.extensionUri, 'media');
    const model = buildPageModel(media.fsPath ?? path.join(this.deps.extensionUri.fsPath, 'media'), ref, this.deps.snippets(), this.deps.counts(), {
      canGoBack: this.index > 0,
      canGoForward: this.index < this.history.length - 1,
    });
    this.panel.title = model.title;
    this.panel.webview.html = buildPageHtml(model, {
      cspSource: this.panel.webview.cspSource,
      styleUri: this.panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'webview.css')).toString(),
    });
  }

  dispose(): void {
    if (SkillPanel.current === this) SkillPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
