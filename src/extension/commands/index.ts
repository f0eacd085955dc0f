import * as vscode from 'vscode';
import { Command } from '../command-ids';
import type { FindingStore } from '../diagnostics';
import type { ProjectIndex } from '../project-index';
import { SkillPanel, type PanelDeps } from '../skill-panel';
import type { SnippetInfo } from '../snippets';
import type { TeamSettingsSource } from '../team-settings';
import { applyFix, fixAll } from './apply-fix';
import { ignoreHere } from './ignore-here';
import { insertSnippet } from './insert-snippet';
import { lookUpSkill } from './look-up-skill';
import { openSample } from './open-sample';
import { openSkill } from './open-skill';
import { scanWorkspace } from './scan-workspace';
import { showFindings } from './show-findings';

export interface CommandDeps {
  panel: PanelDeps;
  store: FindingStore;
  team: TeamSettingsSource;
  snippets: () => SnippetInfo[];
  extensionPath: string;
  log: vscode.LogOutputChannel;
  /** Set once a workspace scan has run, so skill pages show counts. */
  scan: { ran: boolean };
  project: ProjectIndex;
}

/** One line per command. */
export function registerCommands(d: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Command.OpenSkill, (arg?: unknown) => openSkill(d.panel, arg)),
    vscode.commands.registerCommand(Command.OpenGuide, () => openSkill(d.panel, 'home')),
    vscode.commands.registerCommand(Command.SkillBack, () => SkillPanel.active?.back()),
    vscode.commands.registerCommand(Command.SkillForward, () => SkillPanel.active?.forward()),
    vscode.commands.registerCommand(Command.LookUpSkill, () => lookUpSkill(d.panel)),
    vscode.commands.registerCommand(Command.InsertSnippet, (key?: unknown) => insertSnippet(d.snippets(), key)),
    vscode.commands.registerCommand(Command.ScanWorkspace, () => scanWorkspace(d.store, d.team, d.extensionPath, d.log, d.scan, d.project)),
    vscode.commands.registerCommand(Command.IgnoreHere, (uri: unknown, line: unknown, rule: unknown) => ignoreHere(uri, line, rule)),
    vscode.commands.registerCommand(Command.ApplyFix, (uri: unknown, key: unknown) => applyFix(d.store, uri, key)),
    vscode.commands.registerCommand(Command.FixAll, (uri: unknown, rule: unknown) => fixAll(d.store, uri, rule)),
    vscode.commands.registerCommand(Command.ShowFindings, (rule?: unknown) => showFindings(d.store, rule)),
    vscode.commands.registerCommand(Command.OpenSample, () => openSample()),
  ];
}
