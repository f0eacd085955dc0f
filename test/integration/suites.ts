/* Runs inside the real extension host against the real `vscode` API. The workspace is a copy of test/fixtures. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { catalog } from '../../src/engine/catalog';
import { readAnnotations } from '../unit/support/annotations';
import { EXTENSION_ID, codeOf, coachDiagnostics, openFixture, setConfig, sleep } from './helpers';

interface CoachApi {
  activatedInMs: number;
  projectReady(): Promise<void>;
  mainThreadMs(): number;
  currentPage(): { kind: string; id?: string } | undefined;
}

const FRAMEWORK_FILES = [
  'express/src/routes/admin.routes.ts',
  'fastify/src/routes/orders.ts',
  'koa/src/routes/catalog.js',
  'nestjs/src/orders/orders.controller.ts',
  'hono/src/index.ts',
  'nextjs/app/api/orders/route.ts',
  'orms/raw-sql.ts',
];

/** Dockerfiles, Compose files, manifests, specs and workflows: the same diagnostics, hover and fixes as JS. */
const FILE_KIND_FILES = [
  'docker/api/Dockerfile',
  'compose/docker-compose.yml',
  'kubernetes/k8s/storefront.yaml',
  'openapi/orders-api.yaml',
  'github-actions/.github/workflows/deploy.yml',
];

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Every `ruleid:` line of a fixture is a diagnostic with the rule's severity and skill link; no `ok:` line is. */
async function assertAnnotations(file: string): Promise<vscode.Diagnostic[]> {
  const editor = await openFixture(file);
  const expected = readAnnotations(editor.document.getText());
  const wanted = expected.filter((e) => e.kind === 'ruleid');
  const diagnostics = await coachDiagnostics(editor.document.uri, (d) => d.length >= wanted.length);
  for (const e of wanted) {
    const d = diagnostics.find((x) => codeOf(x) === e.rule && x.range.start.line === e.line - 1);
    assert.ok(d, `${file}:${e.line} ${e.rule} is reported`);
    assert.equal(d.source, 'Backend Coach');
    assert.ok(typeof d.code === 'object' && d.code.target.authority === EXTENSION_ID && d.code.target.path === '/skill' && d.code.target.query.length > 0, 'the code links to the skill page');
    assert.equal(d.severity, SEVERITY[catalog.rules.get(e.rule)!.severity], `${e.rule} has its catalog severity`);
  }
  for (const e of expected.filter((x) => x.kind === 'ok')) {
    assert.ok(!diagnostics.some((x) => codeOf(x) === e.rule && x.range.start.line === e.line - 1), `${file}:${e.line} stays quiet for ${e.rule}`);
  }
  return diagnostics;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Run alone in a workspace VS Code does not trust (BACKEND_COACH_SUITE=untrusted). */
export function defineUntrustedSuite(): void {
  describe('untrusted workspace', () => {
    it('runs the built-in rules but does not read the workspace settings file', async () => {
      assert.equal(vscode.workspace.isTrusted, false, 'the workspace is untrusted');
      // The workspace holds a .backendcoach.yaml that switches missing-auth-check off (written by the runner).
      const editor = await openFixture('express/src/routes/orders.routes.ts');
      const d = await coachDiagnostics(editor.document.uri, (x) => x.some((y) => codeOf(y) === 'missing-auth-check'));
      assert.ok(d.some((y) => codeOf(y) === 'missing-auth-check'), 'the team file is ignored: the rule still runs');
    });
  });
}

export function defineSuites(): void {
  let api: CoachApi;

  describe('activation', () => {
    it('activates on a TypeScript document and reports how long activation took', async () => {
      const ext = vscode.extensions.getExtension<CoachApi>(EXTENSION_ID);
      assert.ok(ext, 'the extension is installed');
      await openFixture('express/src/app.ts');
      api = await ext.activate();
      assert.ok(ext.isActive);
      assert.ok(api.activatedInMs < 500, `activation took ${api.activatedInMs} ms`);
      console.log(`    [measure] activation: ${api.activatedInMs.toFixed(1)} ms`);
    });

    for (const [language, code] of [
      ['javascript', "const express = require('express');\nconst router = express.Router();\nrouter.post('/orders', (req, res) => res.end());\nmodule.exports = router;\n"],
      ['javascriptreact', "import { Router } from 'express';\nconst router = Router();\nconst page = <p>ok</p>;\nrouter.post('/orders', (req, res) => res.send(page));\nexport default router;\n"],
      ['typescriptreact', "import { Router } from 'express';\nconst router = Router();\nconst page = <p>ok</p>;\nrouter.put('/orders/:id', (req, res) => res.send(page));\nexport default router;\n"],
    ] as const) {
      it(`analyses ${language} documents`, async () => {
        const doc = await vscode.workspace.openTextDocument({ language, content: code });
        await vscode.window.showTextDocument(doc);
        const d = await coachDiagnostics(doc.uri);
        assert.deepEqual(d.map(codeOf), ['missing-auth-check']);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      });
    }

    it('contributes every command', async () => {
      const commands = await vscode.commands.getCommands(true);
      for (const id of ['backendCoach.lookUpSkill', 'backendCoach.insertSnippet', 'backendCoach.scanWorkspace', 'backendCoach.openGuide', 'backendCoach.openSkill']) assert.ok(commands.includes(id), id);
    });
  });

  describe('diagnostics on every framework', () => {
    before(async () => {
      const started = Date.now();
      await api.projectReady();
      console.log(`    [measure] project index of the fixtures: ${Date.now() - started} ms`);
    });
    it('measures the time from opening a file to its first diagnostic', async () => {
      const started = Date.now();
      const editor = await openFixture('koa/src/routes/invoices.js');
      const d = await coachDiagnostics(editor.document.uri);
      const ms = Date.now() - started;
      console.log(`    [measure] open a file → first diagnostic: ${ms} ms`);
      assert.ok(d.length > 0);
    });

    for (const file of FRAMEWORK_FILES) {
      it(`match the annotations in ${file}`, async () => {
        await assertAnnotations(file);
      });
    }
  });

  describe('Dockerfiles, manifests, specs and workflows', () => {
    for (const file of FILE_KIND_FILES) {
      it(`match the annotations in ${file}`, async () => {
        await assertAnnotations(file);
      });
    }

    it('read an OpenAPI spec written in JSON, with exact positions and a fix', async () => {
      const spec = {
        openapi: '3.0.3',
        info: { title: 'Payments', version: '1.0.0' },
        servers: [{ url: 'https://api.example.com/v1' }],
        paths: {
          '/payments/{id}': {
            get: {
              operationId: 'getPayment',
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
              responses: { '200': { description: 'The payment' }, '404': { description: 'Not found' } },
            },
            delete: {
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
              responses: { '204': { description: 'Deleted' }, '404': { description: 'Not found' } },
            },
          },
        },
      };
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(spec, null, 2) + '\n' });
      await vscode.window.showTextDocument(doc);
      const d = (await coachDiagnostics(doc.uri, (x) => x.some((y) => codeOf(y) === 'openapi-operation-id'))).find((x) => codeOf(x) === 'openapi-operation-id');
      assert.ok(d, 'the operation without an operationId is reported');
      assert.match(doc.lineAt(d.range.start.line).text, /"delete"/);
      // VS Code's own JSON language service answers code-action requests too and may cancel one while it starts.
      let actions: vscode.CodeAction[] = [];
      for (let attempt = 0; attempt < 5 && actions.length === 0; attempt++) {
        actions = await Promise.resolve(vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value)).catch(async () => {
          await sleep(500);
          return [];
        });
      }
      const fix = actions.find((a) => a.isPreferred && a.edit);
      assert.ok(fix, `a fix among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      const fixed = JSON.parse(doc.getText()) as typeof spec;
      assert.equal(typeof (fixed.paths['/payments/{id}'].delete as { operationId?: string }).operationId, 'string', 'the fix leaves valid JSON with an operationId');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('offer hover, the fix and Learn on a Dockerfile finding, and the fix clears it', async () => {
      const editor = await openFixture('docker/api/Dockerfile');
      const doc = editor.document;
      assert.equal(doc.languageId, 'dockerfile');
      const d = (await coachDiagnostics(doc.uri, (x) => x.some((y) => codeOf(y) === 'dockerfile-runs-as-root'))).find((x) => codeOf(x) === 'dockerfile-runs-as-root')!;
      assert.ok(d, 'runs-as-root is reported');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, d.range.start.translate(0, 1));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
      assert.match(text, /command:backendCoach\.openSkill\?/);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((a) => a.title);
      assert.ok(titles.some((t) => t.startsWith('Learn: ')), `offered: ${titles.join(' | ')}`);
      const fix = actions.find((a) => a.isPreferred && a.edit);
      assert.ok(fix, `a preferred fix among: ${titles.join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assert.match(doc.getText(), /^USER \S+/m);
      const after = await coachDiagnostics(doc.uri, (x) => !x.some((y) => codeOf(y) === 'dockerfile-runs-as-root'));
      assert.ok(!after.some((y) => codeOf(y) === 'dockerfile-runs-as-root'));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  });

  describe('editing', () => {
    let doc: vscode.TextDocument;
    const route = "\nrouter.delete('/invoices/:id', async (req, res) => {\n  res.status(204).end();\n});\n";

    before(async () => {
      doc = await vscode.workspace.openTextDocument({
        language: 'typescript',
        content: "import { Router } from 'express';\nimport { requireAuth } from './auth';\nconst router = Router();\nrouter.get('/me', requireAuth, (req, res) => res.json(req.user));\nexport default router;\n",
      });
      await vscode.window.showTextDocument(doc);
      await coachDiagnostics(doc.uri, () => true, 2000);
    });

    it('updates diagnostics after an edit', async () => {
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((e) => e.insert(new vscode.Position(4, 0), route));
      const d = await coachDiagnostics(doc.uri, (x) => x.some((y) => codeOf(y) === 'missing-auth-check'));
      assert.equal(d.filter((x) => codeOf(x) === 'missing-auth-check').length, 1);
    });

    it('offers the fix first, then Learn, then Ignore here…', async () => {
      const d = (await coachDiagnostics(doc.uri)).find((x) => codeOf(x) === 'missing-auth-check')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((a) => a.title);
      const expected = ['Add requireAuth before the handler', 'Learn: Authentication & Authorization', 'Ignore missing-auth-check here…'];
      const at = expected.map((t) => titles.indexOf(t));
      assert.ok(at.every((i) => i >= 0), `offered: ${titles.join(' | ')}`);
      assert.deepEqual([...at].sort((a, b) => a - b), at, 'in this order');
      assert.equal(actions[at[0]].isPreferred, true);
    });

    it('shows why it matters in the hover, with links to the skill page and the fix', async () => {
      const d = (await coachDiagnostics(doc.uri)).find((x) => codeOf(x) === 'missing-auth-check')!;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, d.range.start.translate(0, 1));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
      assert.match(text, /Missing authentication \(CWE-306\)/);
      assert.match(text, /command:backendCoach\.openSkill\?/);
      assert.match(text, /command:backendCoach\.applyFix\?/);
    });

    it('applies the preferred fix: valid code, and the diagnostic is gone', async () => {
      const d = (await coachDiagnostics(doc.uri)).find((x) => codeOf(x) === 'missing-auth-check')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.isPreferred && a.edit)!;
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assert.match(doc.getText(), /router\.delete\('\/invoices\/:id', requireAuth, async/);
      const after = await coachDiagnostics(doc.uri, (x) => !x.some((y) => codeOf(y) === 'missing-auth-check'));
      assert.ok(!after.some((y) => codeOf(y) === 'missing-auth-check'));
    });

    it('"Ignore here…" asks for a reason and writes the suppression', async () => {
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount - 1, 0), "router.post('/exports', (req, res) => res.end());\n"));
      const d = (await coachDiagnostics(doc.uri, (x) => x.some((y) => codeOf(y) === 'missing-auth-check'))).find((x) => codeOf(x) === 'missing-auth-check')!;
      const original = vscode.window.showInputBox;
      (vscode.window as { showInputBox: unknown }).showInputBox = async () => 'runs only inside the VPN';
      try {
        assert.equal(await vscode.commands.executeCommand('backendCoach.ignoreHere', doc.uri.toString(), d.range.start.line, 'missing-auth-check'), true);
      } finally {
        (vscode.window as { showInputBox: unknown }).showInputBox = original;
      }
      assert.match(doc.getText(), /\/\/ backend-coach-ignore-next-line missing-auth-check -- runs only inside the VPN\nrouter\.post\('\/exports'/);
      const after = await coachDiagnostics(doc.uri, (x) => !x.some((y) => codeOf(y) === 'missing-auth-check'));
      assert.ok(!after.some((y) => codeOf(y) === 'missing-auth-check'));
    });

    it('clears the diagnostics of a closed document', async () => {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await sleep(300);
      assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'Backend Coach'), []);
    });
  });

  describe('skill pages', () => {
    const panelTab = (title: string) => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === title);

    it('open for a finding (Learn), a rule id, and the guide, in one reused panel', async () => {
      assert.equal(await vscode.commands.executeCommand('backendCoach.openSkill', 'database.query-optimization'), true);
      for (let i = 0; i < 40 && !panelTab('Query Optimization & Indexing'); i++) await sleep(50);
      assert.ok(panelTab('Query Optimization & Indexing'), vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', '));
      assert.deepEqual(api.currentPage(), { kind: 'skill', id: 'database.query-optimization' });
      await vscode.commands.executeCommand('backendCoach.openSkill', 'missing-rate-limit');
      assert.deepEqual(api.currentPage(), { kind: 'skill', id: 'performance.rate-limiting' });
      await vscode.commands.executeCommand('backendCoach.openGuide');
      assert.deepEqual(api.currentPage(), { kind: 'home' });
      await vscode.commands.executeCommand('backendCoach.skillBack');
      assert.deepEqual(api.currentPage(), { kind: 'skill', id: 'performance.rate-limiting' });
      const pages = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => ['Query Optimization & Indexing', 'Rate Limiting & Throttling', 'Backend Skills Guide'].includes(t.label));
      assert.equal(pages.length, 1, 'one panel, reused');
    });

    it('refuse a bad argument without a crash', async () => {
      assert.equal(await vscode.commands.executeCommand('backendCoach.openSkill', '../../package.json'), false);
      assert.equal(await vscode.commands.executeCommand('backendCoach.openSkill', { id: 'x' }), false);
    });
  });

  describe('snippets and scan', () => {
    it('"Insert Snippet" inserts the chosen snippet', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: '' });
      await vscode.window.showTextDocument(doc);
      assert.equal(await vscode.commands.executeCommand('backendCoach.insertSnippet', 'express-rate-limit-router'), true);
      assert.match(doc.getText(), /export const loginLimiter = rateLimit\(\{/);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('"Scan Workspace" fills the Problems panel for files that are not open', async () => {
      const mb = () => Math.round(process.memoryUsage().rss / 1048576);
      const before = mb();
      const total = await vscode.commands.executeCommand<number>('backendCoach.scanWorkspace');
      console.log(`    [measure] extension host memory (RSS): ${before} MB before the scan, ${mb()} MB after`);
      assert.ok(total && total > 50, `${total} findings`);
      const root = vscode.workspace.workspaceFolders![0].uri;
      const unopened = vscode.Uri.joinPath(root, 'orms/knex.js');
      assert.ok(vscode.languages.getDiagnostics(unopened).some((d) => codeOf(d) === 'unbounded-query'));
    });
  });

  describe('settings', () => {
    after(async () => {
      await setConfig('rules', undefined);
    });

    it('a rule set to off disappears, and a severity change applies', async () => {
      const editor = await openFixture('orms/prisma.ts');
      await coachDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'unbounded-query'));
      await setConfig('rules', { 'unbounded-query': 'error' });
      let d = await coachDiagnostics(editor.document.uri, (x) => x.some((y) => codeOf(y) === 'unbounded-query' && y.severity === vscode.DiagnosticSeverity.Error));
      assert.ok(d.some((y) => codeOf(y) === 'unbounded-query' && y.severity === vscode.DiagnosticSeverity.Error));
      await setConfig('rules', { 'unbounded-query': 'off' });
      d = await coachDiagnostics(editor.document.uri, (x) => !x.some((y) => codeOf(y) === 'unbounded-query'));
      assert.ok(!d.some((y) => codeOf(y) === 'unbounded-query'));
    });

    it("reads the workspace's .backendcoach.yaml", async () => {
      const root = vscode.workspace.workspaceFolders![0].uri;
      const file = vscode.Uri.joinPath(root, '.backendcoach.yaml');
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode("rules:\n  missing-rate-limit: off\n"));
      try {
        const editor = await openFixture('express/src/routes/auth.routes.ts');
        const d = await coachDiagnostics(editor.document.uri, (x) => x.length > 0 && !x.some((y) => codeOf(y) === 'missing-rate-limit'), 10_000);
        assert.ok(!d.some((y) => codeOf(y) === 'missing-rate-limit'));
      } finally {
        await vscode.workspace.fs.delete(file);
      }
    });
  });

  describe('speed in the editor (numbers, not pass/fail goals)', () => {
    it('measures keystroke-to-squiggle on a small route file', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: "import { Router } from 'express';\nconst router = Router();\nexport default router;\n" });
      const editor = await vscode.window.showTextDocument(doc);
      await coachDiagnostics(doc.uri, () => true, 2000);
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const bad = i % 2 === 0;
        const started = Date.now();
        await editor.edit((e) => (bad ? e.insert(new vscode.Position(2, 0), "router.delete('/orders/:id', (req, res) => res.end());\n") : e.delete(new vscode.Range(2, 0, 3, 0))));
        await coachDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'missing-auth-check') === bad, 10_000);
        times.push(Date.now() - started);
      }
      console.log(`    [measure] keystroke → squiggle on a small route file: median ${median(times)} ms, worst ${Math.max(...times)} ms (debounce ${vscode.workspace.getConfiguration('backendCoach').get('debounceMs')} ms included)`);
      assert.ok(median(times) < 1000, 'a squiggle within a second');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('measures keystroke-to-diagnostics on a 2,000-line file', async () => {
      const block = (i: number) => `router.get('/items/${i}', requireAuth, async (req, res) => {\n  const rows = await prisma.item.findMany({ where: { ownerId: req.user.id }, take: 50 });\n  res.json(rows);\n});\n`;
      const content = "import { Router } from 'express';\nimport { requireAuth } from './auth';\nimport { prisma } from './db';\nconst router = Router();\n" + Array.from({ length: 499 }, (_, i) => block(i)).join('') + 'export default router;\n';
      const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content });
      const editor = await vscode.window.showTextDocument(doc);
      assert.ok(doc.lineCount >= 2000, `${doc.lineCount} lines`);
      await coachDiagnostics(doc.uri, () => true, 3000);
      const times: number[] = [];
      const mainThread: number[] = [];
      for (let i = 0; i < 20; i++) {
        const bad = i % 2 === 0;
        const started = Date.now();
        const changed = new Promise<void>((resolve) => {
          const sub = vscode.languages.onDidChangeDiagnostics((e) => {
            if (e.uris.some((u) => u.toString() === doc.uri.toString())) {
              const has = vscode.languages.getDiagnostics(doc.uri).some((d) => codeOf(d) === 'missing-auth-check');
              if (has === bad) {
                sub.dispose();
                resolve();
              }
            }
          });
        });
        await editor.edit((e) =>
          bad
            ? e.insert(new vscode.Position(4, 0), "router.delete('/items/:id', async (req, res) => res.end());\n")
            : e.delete(new vscode.Range(4, 0, 5, 0)),
        );
        await changed;
        times.push(Date.now() - started);
        mainThread.push(api.mainThreadMs());
      }
      console.log(`    [measure] extension-host main thread per analysis: median ${median(mainThread).toFixed(2)} ms, worst ${Math.max(...mainThread).toFixed(2)} ms`);
      console.log(`    [measure] keystroke → diagnostics on ${doc.lineCount} lines: median ${median(times)} ms, worst ${Math.max(...times)} ms (debounce included)`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });
}
