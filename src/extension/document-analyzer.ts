import ignore from 'ignore';
import * as vscode from 'vscode';
import { detectFileKind } from '../engine/files/kinds';
import type { AnalysisClient } from './analysis-client';
import { readConfig } from './config';
import type { FindingStore } from './diagnostics';
import type { ProjectIndex } from './project-index';
import type { TeamSettingsSource } from './team-settings';

export const JS_LANGUAGES = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'];
/** Languages of the files around the code; such a document is analysed only when the engine recognises its kind. */
export const FILE_LANGUAGES = ['dockerfile', 'dockercompose', 'yaml', 'json', 'jsonc', 'github-actions-workflow', 'plaintext'];
export const LANGUAGES = [...JS_LANGUAGES, ...FILE_LANGUAGES];
const UNTITLED: Record<string, string> = {
  javascript: 'untitled.js',
  typescript: 'untitled.ts',
  javascriptreact: 'untitled.jsx',
  typescriptreact: 'untitled.tsx',
  dockerfile: 'Dockerfile',
  dockercompose: 'compose.yaml',
  yaml: 'untitled.yaml',
  json: 'untitled.json',
  jsonc: 'untitled.json',
};

/** The path the engine sees: workspace-relative, so path rules (Next.js `app/`, `scripts/`) apply; untitled files get a name that selects their kind. */
export function engineFileName(doc: vscode.TextDocument): string {
  if (doc.isUntitled) return UNTITLED[doc.languageId] ?? 'untitled.ts';
  return vscode.workspace.asRelativePath(doc.uri, false);
}

/** Whether the engine reads this document: JS/TS always, other languages when the name or content is a kind it knows. */
function analysable(doc: vscode.TextDocument): boolean {
  if (JS_LANGUAGES.includes(doc.languageId)) return true;
  return FILE_LANGUAGES.includes(doc.languageId) && detectFileKind(engineFileName(doc), doc.getText()) !== undefined;
}

/**
 * Decides when a document is analysed (on open, when typing pauses, on save) and publishes the results,
 * dropping any that arrive for a version the user has already changed.
 */
export class DocumentAnalyzer implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly reportedRuleErrors = new Set<string>();

  constructor(
    private readonly client: AnalysisClient,
    private readonly store: FindingStore,
    private readonly team: TeamSettingsSource,
    private readonly log: vscode.LogOutputChannel,
    private readonly project?: ProjectIndex,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const config = readConfig(e.document.uri);
        if (config.run === 'onType') this.schedule(e.document, config.debounceMs);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cancel(d.uri);
        this.store.delete(d.uri);
      }),
      team.onDidChange(() => this.analyzeOpenDocuments()),
    );
  }

  private excluded = { key: '', ig: ignore() };

  private applies(doc: vscode.TextDocument): boolean {
    if (!analysable(doc) || (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote')) return false;
    const config = readConfig(doc.uri);
    if (!config.enable) return false;
    if (config.exclude.length === 0 || doc.isUntitled) return true;
    // Typing calls this on every change: compile the patterns once per distinct setting.
    const key = config.exclude.join('\n');
    if (key !== this.excluded.key) this.excluded = { key, ig: ignore().add(config.exclude) };
    return !this.excluded.ig.ignores(engineFileName(doc));
  }

  analyzeOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  schedule(doc: vscode.TextDocument, delayMs: number): void {
    if (!this.applies(doc)) {
      if (this.store.findings(doc.uri).length > 0 && !readConfig(doc.uri).enable) this.store.delete(doc.uri);
      return;
    }
    this.cancel(doc.uri);
    this.timers.set(
      doc.uri.toString(),
      setTimeout(() => {
        this.timers.delete(doc.uri.toString());
        void this.analyze(doc);
      }, delayMs),
    );
  }

  private cancel(uri: vscode.Uri): void {
    const t = this.timers.get(uri.toString());
    if (t) clearTimeout(t);
    this.timers.delete(uri.toString());
  }

  /** Analyses a document now; resolves when its diagnostics are published (or dropped as stale). */
  async analyze(doc: vscode.TextDocument): Promise<void> {
    const version = doc.version;
    const started = performance.now();
    let result;
    try {
      result = await this.client.analyze(doc.getText(), engineFileName(doc), this.team.settings);
    } catch (error) {
      this.log.warn(`analysis of ${engineFileName(doc)} failed: ${(error as Error).message}`);
      return;
    }
    if (doc.isClosed || doc.version !== version) return; // the user has typed since: a newer analysis is on its way
    for (const e of result.ruleErrors) {
      if (this.reportedRuleErrors.has(e.ruleId)) continue;
      this.reportedRuleErrors.add(e.ruleId);
      this.log.error(`rule ${e.ruleId} failed on ${result.fileName}: ${e.message}; the other rules still run`);
    }
    if (result.skipped) this.log.info(`${result.fileName}: ${result.skipped.message}`);
    const findings = this.project && !doc.isUntitled ? this.project.resolve(result) : result.findings;
    this.store.set(doc.uri, findings, version);
    this.log.trace(`${result.fileName}: ${result.findings.length} findings in ${(performance.now() - started).toFixed(1)} ms (main thread ${this.client.lastMainThreadMs.toFixed(2)} ms)`);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
