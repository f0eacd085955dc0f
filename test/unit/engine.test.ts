import assert from 'node:assert/strict';
import { analyze, MAX_FILE_BYTES } from '../../src/engine';

const ROUTE = `import { Router } from 'express';
const router = Router();
router.delete('/orders/:id', async (req, res) => {
  res.status(204).end();
});
export default router;
`;

describe('analyze', () => {
  it('returns findings with rule, skill, severity, range and message', () => {
    const { findings } = analyze(ROUTE, 'src/routes/orders.ts');
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.equal(f.ruleId, 'missing-auth-check');
    assert.equal(f.skillId, 'security.auth');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, { startLine: 3, startColumn: 8, endLine: 3, endColumn: 14 });
    assert.match(f.message, /^DELETE \/orders\/:id changes or exposes data/);
  });

  it('reads JS, JSX, TSX, ESM and CommonJS alike', () => {
    const cjs = "const express = require('express');\nconst router = express.Router();\nrouter.post('/orders', (req, res) => res.json({}));\nmodule.exports = router;\n";
    assert.equal(analyze(cjs, 'routes/orders.js').findings.length, 1);
    assert.equal(analyze(cjs, 'routes/orders.cjs').findings.length, 1);
    const tsx = `import { Router } from 'express';\nconst router = Router();\nconst view = <div>ok</div>;\nrouter.post('/orders', (req, res) => res.send(view));\nexport default router;\n`;
    assert.equal(analyze(tsx, 'routes/orders.tsx').findings.length, 1);
  });

  it('says when a file does not parse, and throws nothing', () => {
    const result = analyze('router.post("/orders", (req, res) => {', 'src/broken.ts');
    assert.deepEqual(result.findings, []);
    assert.equal(result.skipped?.reason, 'parse-error');
    assert.equal(result.skipped?.line, 1);
    assert.match(result.skipped!.message, /does not parse/);
  });

  it('skips a file above the size limit, with a note', () => {
    const big = ROUTE + '// padding\n'.repeat(Math.ceil(MAX_FILE_BYTES / 11) + 1);
    const result = analyze(big, 'src/huge.ts');
    assert.equal(result.skipped?.reason, 'too-large');
    assert.deepEqual(result.findings, []);
  });

  it('skips minified code', () => {
    const line = 'var a=' + 'function(){return 1},'.repeat(2000) + '0;';
    assert.equal(analyze(line, 'public/app.js').skipped?.reason, 'minified');
    assert.equal(analyze(ROUTE, 'dist/app.min.js').skipped?.reason, 'minified');
  });

  it('ignores files that are not JS or TS, and declaration files', () => {
    assert.deepEqual(analyze(ROUTE, 'README.md').findings, []);
    assert.deepEqual(analyze(ROUTE, 'types/index.d.ts').findings, []);
  });

  it('applies the team settings: a rule off, a severity change, a public route, an auth middleware name', () => {
    assert.deepEqual(analyze(ROUTE, 'src/routes/orders.ts', { file: { rules: { 'missing-auth-check': 'off' } } }).findings, []);
    assert.equal(analyze(ROUTE, 'src/routes/orders.ts', { file: { rules: { 'missing-auth-check': 'warning' } } }).findings[0].severity, 'warning');
    assert.deepEqual(analyze(ROUTE, 'src/routes/orders.ts', { file: { publicRoutes: ['/orders/*'] } }).findings, []);
    const custom = ROUTE.replace("router.delete('/orders/:id', async", "router.delete('/orders/:id', gatekeeper, async");
    assert.equal(analyze(custom, 'src/routes/orders.ts').findings.length, 1, 'a name that says nothing is not auth');
    assert.deepEqual(analyze(custom, 'src/routes/orders.ts', { file: { auth: { middleware: ['gatekeeper'] } } }).findings, []);
  });

  it('skips paths the settings ignore', () => {
    const result = analyze(ROUTE, 'legacy/routes/orders.ts', { file: { ignore: ['legacy/'] } });
    assert.equal(result.skipped?.reason, 'ignored');
  });

  it('offers fixes as plain text for CI and as snippets for the editor', () => {
    const code = "import { prisma } from './db';\nexport const all = () => prisma.order.findMany({ where: { open: true } });\n";
    const plain = analyze(code, 'src/orders.ts').findings[0].fixes[0];
    assert.equal(plain.snippet, false);
    assert.deepEqual(plain.edits.map((e) => e.text), [', take: 100']);
    const snippet = analyze(code, 'src/orders.ts', { snippetFixes: true }).findings[0].fixes[0];
    assert.equal(snippet.snippet, true);
    assert.deepEqual(snippet.edits.map((e) => e.text), [', take: ${1:100}']);
  });

  it("ignores the team's own eslint-disable comments naming rules it does not have", () => {
    const code = '/* eslint-disable @typescript-eslint/no-namespace */\n' + ROUTE;
    assert.deepEqual(analyze(code, 'src/routes/orders.ts').findings.map((f) => f.ruleId), ['missing-auth-check']);
  });
});

describe('snippet text', () => {
  it('expands tab stops to their defaults and keeps escaped dollars', async () => {
    const { expandSnippetDefaults } = await import('../../src/engine/rules/fix-text');
    assert.equal(expandSnippetDefaults('take: ${1:100}, q: `\\$1`, ${2:a ${3:b}}$0'), 'take: 100, q: `$1`, a b');
    assert.equal(expandSnippetDefaults('{ \\$limit: ${1:100} \\}'), '{ $limit: 100 }');
  });
});
