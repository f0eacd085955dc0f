import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { catalog } from '../../src/engine/host';
import { buildPageHtml, commandHref, escapeHtml, PAGE_COMMANDS, renderMarkdown, type PageModel } from '../../src/extension/html';
import { buildPageModel, parsePageRef } from '../../src/extension/pages';
import { loadSnippets } from '../../src/extension/snippets';
import { REPO } from './support/paths';

const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const source = (file: string) => readFileSync(path.join(REPO, 'src/extension', file), 'utf8');
const env = { cspSource: 'vscode-webview://abc', styleUri: 'vscode-webview://abc/media/webview.css' };
const page = (markdown: string, extra: Partial<PageModel> = {}): PageModel => ({ title: 'T', markdown, rules: [], snippets: [], canGoBack: false, canGoForward: false, ...extra });

describe('skill page HTML', () => {
  it('carries a strict CSP: nothing by default, no script, styles only from the extension', () => {
    const html = buildPageHtml(page('# Title'), env);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'none'/);
    assert.match(csp, /style-src vscode-webview:\/\/abc(;|$)/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /style="/, 'no inline styles');
  });

  it('renders Markdown with raw HTML disabled and escapes every dynamic string', () => {
    const html = buildPageHtml(
      page('# Hi\n\n<img src=x onerror=alert(1)>\n\n[bad](javascript:alert(1))', {
        title: '<title>',
        rules: [{ id: 'x', title: '<b>rule</b>', severity: 'error', cwe: [79], why: '"quoted" & <tags>', count: 2 }],
        snippets: [{ key: 'k', title: '<s>', prefix: 'bc-<p>' }],
      }),
      env,
    );
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.doesNotMatch(html, /href="javascript:/);
    assert.match(html, /<title>&lt;title&gt;<\/title>/);
    assert.match(html, /&lt;b&gt;rule&lt;\/b&gt;/);
    assert.match(html, /&quot;quoted&quot; &amp; &lt;tags&gt;/);
    assert.match(html, /bc-&lt;p&gt;/);
  });

  it('turns skill: and area: links into command links the panel allows', () => {
    const html = renderMarkdown('[Auth](skill:security.auth) and [Security](area:security)');
    assert.ok(html.includes(`href="${escapeHtml(commandHref('backendCoach.openSkill', 'security.auth'))}"`));
    assert.ok(html.includes(`href="${escapeHtml(commandHref('backendCoach.openSkill', 'security'))}"`));
    for (const href of [...buildPageHtml(page('x', { canGoBack: true, canGoForward: true, snippets: [{ key: 'k', title: 't', prefix: 'p' }], rules: [{ id: 'r', title: 't', severity: 'error', cwe: [], why: 'w', count: 1 }] }), env).matchAll(/href="command:([\w.]+)/g)]) {
      assert.ok(PAGE_COMMANDS.includes(href[1]), `${href[1]} is allowed in the panel`);
    }
  });

  it('puts the rules (with workspace counts) and snippets of a skill before Further reading', () => {
    const model = buildPageModel(path.join(REPO, 'media'), { kind: 'skill', id: 'security.auth' }, loadSnippets(REPO), new Map([['missing-auth-check', 3]]), { canGoBack: false, canGoForward: false });
    const html = buildPageHtml(model, env);
    const rules = html.indexOf('Rules that coach this skill');
    const reading = html.indexOf('<h2>Further reading</h2>');
    assert.ok(rules > 0 && reading > rules);
    assert.match(html, /3 in this workspace/);
    assert.match(html, /Insert at cursor/);
  });
});

describe('page arguments', () => {
  it('accept skill, area and rule ids and home', () => {
    assert.deepEqual(parsePageRef('security.auth'), { kind: 'skill', id: 'security.auth' });
    assert.deepEqual(parsePageRef('database'), { kind: 'area', id: 'database' });
    assert.deepEqual(parsePageRef('unbounded-query'), { kind: 'skill', id: 'database.query-optimization' });
    assert.deepEqual(parsePageRef(undefined), { kind: 'home' });
  });

  it('refuse anything else, such as a path or an object from a crafted link', () => {
    for (const bad of ['../../etc/passwd', 'security.auth/../../x', {}, 42, ['security.auth'], 'javascript:alert(1)']) assert.equal(parsePageRef(bad), undefined);
  });
});

describe('package.json contributions', () => {
  const commandIds = [...source('command-ids.ts').matchAll(/= '([\w.]+)'/g)].map((m) => m[1]).sort();

  it('contribute exactly the commands the code registers, in the "Backend Coach" category', () => {
    const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(contributed, commandIds);
    for (const c of pkg.contributes.commands) assert.equal(c.category, 'Backend Coach');
    const registered = [...source('commands/index.ts').matchAll(/registerCommand\(Command\.(\w+)/g)].length;
    assert.equal(registered, commandIds.length, 'one registration per command id');
  });

  it('declare each setting once, with a default and a markdownDescription, matching what config.ts reads', () => {
    const props = pkg.contributes.configuration.properties as Record<string, { default: unknown; markdownDescription?: string }>;
    const read = [...source('config.ts').matchAll(/c\.get<.+?>\('(\w+)'\)/g)].map((m) => `backendCoach.${m[1]}`).sort();
    assert.deepEqual(Object.keys(props).sort(), read);
    for (const [key, p] of Object.entries(props)) {
      assert.ok('default' in p, `${key} has a default`);
      assert.ok(p.markdownDescription && p.markdownDescription.length > 20, `${key} explains itself`);
    }
    assert.doesNotMatch(source('config.ts'), /\?\?|\|\|/, 'no inline defaults in config.ts');
  });

  it('activate on the JS/TS languages, the languages of Dockerfiles, Compose, YAML and JSON, and the skill panel only, and declare restricted mode', () => {
    assert.deepEqual(pkg.activationEvents.filter((e: string) => e.startsWith('onLanguage:')).sort(), [
      'onLanguage:dockercompose',
      'onLanguage:dockerfile',
      'onLanguage:github-actions-workflow',
      'onLanguage:javascript',
      'onLanguage:javascriptreact',
      'onLanguage:json',
      'onLanguage:jsonc',
      'onLanguage:typescript',
      'onLanguage:typescriptreact',
      'onLanguage:yaml',
    ]);
    assert.equal(pkg.main, './out/extension.js');
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('ship at least 25 snippets covering every skill that has code', () => {
    const snippets = loadSnippets(REPO);
    assert.ok(snippets.length >= 25, `${snippets.length} snippets`);
    const covered = new Set(snippets.map((s) => s.skillId));
    const without = [...catalog.skills.keys()].filter((id) => !covered.has(id));
    assert.deepEqual(without, [], 'every skill has a snippet (CI/CD in the workflow snippets)');
    for (const rule of catalog.rules.values()) if (rule.fix.snippet) assert.ok(snippets.some((s) => s.key === rule.fix.snippet), rule.fix.snippet);
  });

  it('keep the webview\'s files in media/ and the walkthrough\'s pages present', () => {
    for (const step of pkg.contributes.walkthroughs[0].steps) {
      if (step.media?.markdown) assert.ok(readFileSync(path.join(REPO, step.media.markdown), 'utf8').length > 100, step.media.markdown);
    }
  });
});
