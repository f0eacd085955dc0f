/**
 * Builds the skill panel's HTML. Pure (no `vscode`), so tests check the CSP and the escaping directly.
 * The page needs no script: navigation, "Insert at cursor" and the back/forward buttons are command links
 * the webview allows by name (`enableCommandUris`), and http(s) links open in the browser.
 */
import MarkdownIt from 'markdown-it';

export type PageRef = { kind: 'home' } | { kind: 'area'; id: string } | { kind: 'skill'; id: string };

export interface RuleRow {
  id: string;
  title: string;
  severity: string;
  cwe: number[];
  why: string;
  /** Findings in the workspace from the last scan, or undefined when no scan has run. */
  count?: number;
}

export interface SnippetRow {
  key: string;
  title: string;
  prefix: string;
}

export interface PageModel {
  title: string;
  markdown: string;
  rules: RuleRow[];
  snippets: SnippetRow[];
  canGoBack: boolean;
  canGoForward: boolean;
}

export interface PageEnv {
  /** `webview.cspSource`. */
  cspSource: string;
  /** The stylesheet's webview URI. */
  styleUri: string;
}

/** Commands a page may run through links; the panel allows exactly these. */
export const PAGE_COMMANDS = ['backendCoach.openSkill', 'backendCoach.skillBack', 'backendCoach.skillForward', 'backendCoach.insertSnippet', 'backendCoach.showFindings'];

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A `command:` link with JSON arguments, as VS Code expects them. */
export function commandHref(command: string, ...args: unknown[]): string {
  return `command:${command}${args.length ? `?${encodeURIComponent(JSON.stringify(args))}` : ''}`;
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
// The pages link to each other with `skill:<id>` and `area:<id>`: turn those into command links.
md.validateLink = (url) => /^(https?:|mailto:|skill:|area:|#)/i.test(url.trim());
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const href = String(token.attrGet('href') ?? '');
  const internal = /^(skill|area):([a-z.-]+)$/.exec(href);
  if (internal) token.attrSet('href', commandHref('backendCoach.openSkill', internal[2]));
  else if (/^https?:/.test(href)) token.attrSet('title', href);
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}

function rulesSection(rules: RuleRow[]): string {
  if (rules.length === 0) return '';
  const rows = rules
    .map((r) => {
      const count =
        r.count === undefined
          ? '<span class="muted">run “Scan Workspace” for counts</span>'
          : r.count === 0
            ? '<span class="ok">none in this workspace</span>'
            : `<a href="${escapeHtml(commandHref('backendCoach.showFindings', r.id))}">${r.count} in this workspace</a>`;
      const cwe = r.cwe.map((n) => `<a href="https://cwe.mitre.org/data/definitions/${n}.html">CWE-${n}</a>`).join(', ');
      return `<li><strong>${escapeHtml(r.title)}</strong> <code>${escapeHtml(r.id)}</code> <span class="badge ${escapeHtml(r.severity)}">${escapeHtml(r.severity)}</span>${cwe ? ` · ${cwe}` : ''} · ${count}<br><span class="why">${escapeHtml(r.why)}</span></li>`;
    })
    .join('\n');
  return `<section class="generated"><h2>Rules that coach this skill</h2><ul class="rules">${rows}</ul></section>`;
}

function snippetsSection(snippets: SnippetRow[]): string {
  if (snippets.length === 0) return '';
  const rows = snippets
    .map((s) => `<li><a class="button" href="${escapeHtml(commandHref('backendCoach.insertSnippet', s.key))}">Insert at cursor</a> ${escapeHtml(s.title)} <code>${escapeHtml(s.prefix)}</code></li>`)
    .join('\n');
  return `<section class="generated"><h2>Snippets</h2><ul class="snippets">${rows}</ul></section>`;
}

/** The whole document for one page. */
export function buildPageHtml(page: PageModel, env: PageEnv): string {
  const body = renderMarkdown(page.markdown);
  // Skill pages end with "Further reading"; the generated sections go just before it.
  const marker = body.search(/<h2>Further reading<\/h2>/);
  const generated = rulesSection(page.rules) + snippetsSection(page.snippets);
  const content = marker >= 0 ? body.slice(0, marker) + generated + body.slice(marker) : body + generated;
  const nav = [
    page.canGoBack ? `<a class="nav" href="${escapeHtml(commandHref('backendCoach.skillBack'))}" title="Back">← Back</a>` : '<span class="nav disabled">← Back</span>',
    page.canGoForward ? `<a class="nav" href="${escapeHtml(commandHref('backendCoach.skillForward'))}" title="Forward">Forward →</a>` : '<span class="nav disabled">Forward →</span>',
    `<a class="nav" href="${escapeHtml(commandHref('backendCoach.openSkill', 'home'))}">Skill guide</a>`,
  ].join(' ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${[
    // Nothing loads unless named below.
    "default-src 'none'",
    // The stylesheet ships with the extension; no inline styles.
    `style-src ${env.cspSource}`,
    // Images only from the extension (none today).
    `img-src ${env.cspSource}`,
    // No script at all: the page works with links.
    "script-src 'none'",
    // No forms, no frames, no base rewriting.
    "form-action 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
  ].join('; ')}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(env.styleUri)}">
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<nav class="top">${nav}</nav>
<main>
${content}
</main>
</body>
</html>`;
}
