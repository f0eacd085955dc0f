import * as vscode from 'vscode';
import { parsePageRef } from '../pages';
import { SkillPanel, type PanelDeps } from '../skill-panel';

/** Opens a skill, area or rule page, or the guide's home. Arguments can come from links: an unknown one is refused. */
export function openSkill(deps: PanelDeps, arg: unknown): boolean {
  const ref = parsePageRef(arg);
  if (!ref) {
    void vscode.window.showWarningMessage(`Backend Coach: there is no skill page named ${JSON.stringify(arg)?.slice(0, 80) ?? 'that'}.`);
    return false;
  }
  SkillPanel.createOrShow(deps, ref);
  return true;
}
