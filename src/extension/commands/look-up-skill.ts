import * as vscode from 'vscode';
import { catalog } from '../../engine/host';
import type { PanelDeps } from '../skill-panel';
import { openSkill } from './open-skill';

interface Item extends vscode.QuickPickItem {
  target: string;
}

/** One QuickPick over areas, skills and rules; keywords ("jwt", "n+1", "kafka") match through each item's detail. */
export async function lookUpSkill(deps: PanelDeps): Promise<void> {
  const items: (Item | vscode.QuickPickItem)[] = [];
  for (const area of catalog.areas) {
    items.push({ label: area.title, kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: `$(list-tree) ${area.title}`, description: 'area overview', detail: area.guide, target: area.id } as Item);
    for (const skill of area.skills) {
      items.push({ label: `$(book) ${skill.title}`, description: skill.id, detail: `${skill.summary} — ${skill.keywords.join(', ')}`, target: skill.id } as Item);
    }
  }
  items.push({ label: 'Rules', kind: vscode.QuickPickItemKind.Separator });
  for (const rule of catalog.rules.values()) {
    items.push({ label: `$(law) ${rule.title}`, description: rule.id, detail: `${catalog.skills.get(rule.skill)?.title ?? rule.skill} — ${rule.why}`, target: rule.id } as Item);
  }
  const pick = await vscode.window.showQuickPick(items, { placeHolder: 'Find a skill, area or rule (try "jwt", "n+1", "idempotency", "kafka")', matchOnDescription: true, matchOnDetail: true });
  if (pick && 'target' in pick) openSkill(deps, pick.target);
}
