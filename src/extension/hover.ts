import * as vscode from 'vscode';
import { catalog } from '../engine/host';
import { Command } from './command-ids';
import { findingKey, toRange, type FindingStore } from './diagnostics';

function link(label: string, command: Command, args: unknown[]): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** On a finding: why it matters, its skill, and links to the skill page and the fix. */
export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: FindingStore) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const hits = this.store.findings(doc.uri).filter((f) => toRange(f).contains(position));
    if (hits.length === 0) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    // Only our own commands run from these links.
    md.isTrusted = { enabledCommands: [Command.OpenSkill, Command.ApplyFix] };
    for (const f of hits) {
      const spec = catalog.rules.get(f.ruleId);
      const skill = f.skillId ? catalog.skills.get(f.skillId) : undefined;
      md.appendMarkdown(`**Backend Coach: ${spec?.title ?? f.ruleId}**\n\n`);
      if (spec) md.appendMarkdown(`${spec.why}\n\n`);
      if (skill) md.appendMarkdown(`Skill: *${skill.title}* (${skill.area.title})\n\n`);
      const links = [];
      if (skill) links.push(link('$(book) Open skill page', Command.OpenSkill, [skill.id]));
      if (f.fixes.length > 0) links.push(link(`$(wrench) Fix it: ${f.fixes[0].title}`, Command.ApplyFix, [doc.uri.toString(), findingKey(f.ruleId, toRange(f))]));
      md.appendMarkdown(links.join(' · ') + '\n\n');
    }
    return new vscode.Hover(md, toRange(hits[0]));
  }
}
