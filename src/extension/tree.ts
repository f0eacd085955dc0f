import * as vscode from 'vscode';
import { catalog, type Area, type RuleSpec, type Skill } from '../engine/host';
import { Command } from './command-ids';
import type { FindingStore } from './diagnostics';

type Node = { kind: 'area'; area: Area } | { kind: 'skill'; skill: Skill } | { kind: 'rule'; rule: RuleSpec };

/** The guide as a tree (area → skill → rule) with finding counts; a skill opens its page, a count lists its findings. */
export class GuideTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: FindingStore) {
    store.onDidChange(() => this.changed.fire());
  }

  getChildren(node?: Node): Node[] {
    if (!node) return catalog.areas.map((area) => ({ kind: 'area', area }));
    if (node.kind === 'area') return node.area.skills.map((skill) => ({ kind: 'skill', skill }));
    if (node.kind === 'skill') return [...catalog.rules.values()].filter((r) => r.skill === node.skill.id).map((rule) => ({ kind: 'rule', rule }));
    return [];
  }

  private count(ruleIds: string[]): number {
    const counts = this.store.countByRule();
    return ruleIds.reduce((n, id) => n + (counts.get(id) ?? 0), 0);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'area') {
      const n = this.count([...catalog.rules.values()].filter((r) => r.skill.startsWith(`${node.area.id}.`)).map((r) => r.id));
      const item = new vscode.TreeItem(node.area.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = n > 0 ? `${n}` : undefined;
      item.tooltip = node.area.guide;
      item.command = { command: Command.OpenSkill, title: 'Open area', arguments: [node.area.id] };
      item.contextValue = 'area';
      return item;
    }
    if (node.kind === 'skill') {
      const rules = [...catalog.rules.values()].filter((r) => r.skill === node.skill.id);
      const n = this.count(rules.map((r) => r.id));
      const item = new vscode.TreeItem(node.skill.title, rules.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.description = n > 0 ? `${n} finding${n === 1 ? '' : 's'}` : undefined;
      item.tooltip = node.skill.summary;
      item.iconPath = new vscode.ThemeIcon('book');
      item.command = { command: Command.OpenSkill, title: 'Open skill page', arguments: [node.skill.id] };
      item.contextValue = 'skill';
      return item;
    }
    const n = this.count([node.rule.id]);
    const item = new vscode.TreeItem(node.rule.title, vscode.TreeItemCollapsibleState.None);
    item.description = `${n} finding${n === 1 ? '' : 's'}`;
    item.tooltip = `${node.rule.id}: ${node.rule.why}`;
    item.iconPath = new vscode.ThemeIcon(n > 0 ? 'warning' : 'pass');
    item.command = { command: Command.ShowFindings, title: 'List findings', arguments: [node.rule.id] };
    item.contextValue = 'rule';
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
