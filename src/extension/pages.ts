import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { catalog } from '../engine/host';
import type { PageModel, PageRef } from './html';
import type { SnippetInfo } from './snippets';

/** Parses what a link or a command argument names: `home`, an area id, a skill id, or a rule id. Anything else is refused. */
export function parsePageRef(arg: unknown): PageRef | undefined {
  if (arg === undefined || arg === 'home') return { kind: 'home' };
  if (typeof arg !== 'string') return undefined;
  if (catalog.skills.has(arg)) return { kind: 'skill', id: arg };
  if (catalog.areas.some((a) => a.id === arg)) return { kind: 'area', id: arg };
  const rule = catalog.rules.get(arg);
  if (rule) return { kind: 'skill', id: rule.skill };
  return undefined;
}

export function pageTitle(ref: PageRef): string {
  if (ref.kind === 'home') return 'Backend Skills Guide';
  if (ref.kind === 'area') return catalog.areas.find((a) => a.id === ref.id)?.title ?? ref.id;
  return catalog.skills.get(ref.id)?.title ?? ref.id;
}

/** Reads a page's markdown; the path comes from a validated id, never from the argument itself. */
function markdownFor(mediaDir: string, ref: PageRef): string {
  const file = ref.kind === 'home' ? 'home.md' : ref.kind === 'area' ? path.join('areas', `${ref.id}.md`) : path.join('skills', `${ref.id}.md`);
  const full = path.join(mediaDir, file);
  return existsSync(full) ? readFileSync(full, 'utf8') : `# ${pageTitle(ref)}\n\nThis page is missing from the extension's media folder.`;
}

export function buildPageModel(
  mediaDir: string,
  ref: PageRef,
  snippets: SnippetInfo[],
  counts: ReadonlyMap<string, number> | undefined,
  history: { canGoBack: boolean; canGoForward: boolean },
): PageModel {
  const rules =
    ref.kind === 'skill'
      ? [...catalog.rules.values()]
          .filter((r) => r.skill === ref.id)
          .map((r) => ({ id: r.id, title: r.title, severity: r.severity, cwe: r.cwe ?? [], why: r.why, count: counts ? (counts.get(r.id) ?? 0) : undefined }))
      : [];
  return {
    title: pageTitle(ref),
    markdown: markdownFor(mediaDir, ref),
    rules,
    snippets: ref.kind === 'skill' ? snippets.filter((s) => s.skillId === ref.id).map((s) => ({ key: s.key, title: s.title, prefix: s.prefix })) : [],
    ...history,
  };
}
