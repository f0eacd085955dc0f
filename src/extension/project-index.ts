import ignore from 'ignore';
import * as vscode from 'vscode';
import { resolveProject, type AnalyzeResult, type Finding } from '../engine/host';
import { analyzeInWorkers } from '../worker/pool';
import { readConfig } from './config';
import type { TeamSettingsSource } from './team-settings';

import { FILE_GLOBS, SOURCE_GLOB, WORKFLOW_GLOB } from '../engine/files/globs';
import { kindFromName, needsSniff } from '../engine/files/kinds';

export const SOURCE_EXCLUDE = '{**/node_modules/**,**/dist/**,**/build/**,**/out/**,**/coverage/**,**/.next/**,**/*.d.ts,**/*.min.js}';

/**
 * The workspace's JS/TS files and the files that may be Dockerfiles, manifests, specs or workflows (the engine
 * looks at their content and skips the rest), relative to the folder, minus the user's excludes.
 */
export async function workspaceFiles(folder: vscode.WorkspaceFolder, token?: vscode.CancellationToken): Promise<string[]> {
  const find = (glob: string) => vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), SOURCE_EXCLUDE, undefined, token);
  const [sources, ...others] = await Promise.all([SOURCE_GLOB, ...FILE_GLOBS, WORKFLOW_GLOB].map(find));
  const excluded = ignore().add(readConfig(folder.uri).exclude);
  const rel = (u: vscode.Uri) => vscode.workspace.asRelativePath(u, false);
  const candidates = others.flat().map(rel).filter((f) => kindFromName(f) !== undefined || needsSniff(f));
  return [...new Set([...sources.map(rel), ...candidates])].filter((f) => !excluded.ignores(f)).sort();
}

/**
 * What other files say about a file: routers mounted behind auth, mount prefixes, Nest global guards,
 * Next.js middleware. Built in the background on a worker after activation, so findings in the editor
 * match a workspace scan instead of crying wolf about a router that app.ts protects.
 */
export class ProjectIndex {
  private results = new Map<string, AnalyzeResult>();
  private building: Promise<void> | undefined;

  constructor(
    private readonly extensionPath: string,
    private readonly team: TeamSettingsSource,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Builds the index once; files the editor analyses later update their own entries. Never throws. */
  ready(): Promise<void> {
    this.building ??= this.build();
    return this.building;
  }

  private async build(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file') return;
    const started = Date.now();
    try {
      const files = await workspaceFiles(folder);
      const results = await analyzeInWorkers(folder.uri.fsPath, files, this.team.settings, 1, undefined, { workerFile: `${this.extensionPath}/out/worker.js` });
      this.results = new Map(results.map((r) => [r.fileName, r]));
      this.log.info(`project index: ${files.length} files in ${Date.now() - started} ms`);
    } catch (error) {
      this.log.warn(`project index failed: ${(error as Error).message}; findings use single-file knowledge`);
    }
  }

  /** Replaces a file's entry (what the editor just analysed) and returns its findings with cross-file knowledge applied. */
  resolve(result: AnalyzeResult): Finding[] {
    this.results.set(result.fileName, result);
    const resolved = resolveProject([...this.results.values()].map((r) => ({ path: r.fileName, result: r })), this.team.settings, result.fileName);
    return resolved.get(result.fileName) ?? result.findings;
  }

  /** Results for every file, as of the last index or scan. */
  setAll(results: AnalyzeResult[]): void {
    this.results = new Map(results.map((r) => [r.fileName, r]));
    this.building = Promise.resolve();
  }
}
