import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { catalog } from '../../src/engine';
import { readAnnotations } from './support/annotations';
import { REPO } from './support/paths';

const CLI = path.join(REPO, 'out/cli.js');

function run(args: string[], cwd = REPO): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ROUTER = "import { Router } from 'express';\nconst router = Router();\nrouter.delete('/orders/:id', (req, res) => res.status(204).end());\nexport default router;\n";

describe('backend-coach scan (CLI)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bc-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('on the fixture projects, as SARIF', () => {
    let log: Sarif.Log;
    before(() => {
      const r = run(['scan', 'test/fixtures', '--format', 'sarif']);
      assert.equal(r.code, 1, r.stderr);
      log = JSON.parse(r.stdout) as Sarif.Log;
    });

    it('is valid SARIF 2.1.0 by the official schema', () => {
      const schema = JSON.parse(readFileSync(path.join(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      const validate = ajv.compile(schema);
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    });

    it('describes each rule with helpUri, CWE tags and its skill', () => {
      const rules = log.runs[0].tool.driver.rules ?? [];
      const auth = rules.find((r) => r.id === 'missing-auth-check');
      assert.ok(auth?.helpUri?.startsWith('https://'));
      assert.deepEqual(auth?.properties?.tags?.filter((t: string) => t.startsWith('external/cwe/')), ['external/cwe/cwe-306', 'external/cwe/cwe-862']);
      assert.ok(auth?.properties?.tags?.includes('security.auth'));
      assert.ok(rules.find((r) => r.id === 'unbounded-query')?.properties?.tags?.includes('external/cwe/cwe-770'));
    });

    it('reports every annotated line on every framework and ORM, and nothing on ok lines', () => {
      const results = log.runs[0].results ?? [];
      const found = new Set(results.map((r) => `${r.locations![0].physicalLocation!.artifactLocation!.uri}:${r.locations![0].physicalLocation!.region!.startLine} ${r.ruleId}`));
      const frameworks = new Set<string>();
      for (const uri of new Set(results.map((r) => r.locations![0].physicalLocation!.artifactLocation!.uri!))) frameworks.add(uri.split('/')[2]);
      const projects = readdirSync(path.join(REPO, 'test/fixtures'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
      assert.deepEqual([...frameworks].sort(), projects.sort(), 'every fixture project has findings');
      for (const uri of new Set(results.map((r) => r.locations![0].physicalLocation!.artifactLocation!.uri!))) {
        for (const e of readAnnotations(readFileSync(path.join(REPO, decodeURI(uri)), 'utf8'))) {
          const key = `${uri}:${e.line} ${e.rule}`;
          if (e.kind === 'ruleid') assert.ok(found.has(key), `missing ${key}`);
          else assert.ok(!found.has(key), `false positive ${key}`);
        }
      }
      assert.deepEqual([...new Set(results.map((r) => r.ruleId))].sort(), [...catalog.rules.keys()].sort(), 'every rule fires somewhere in the fixtures');
    });

    it('carries fixes as replacements', () => {
      const withFix = (log.runs[0].results ?? []).find((r) => r.ruleId === 'unbounded-query' && r.fixes?.length);
      const replacement = withFix?.fixes?.[0].artifactChanges[0].replacements[0];
      assert.equal(typeof replacement?.deletedRegion.charOffset, 'number');
      assert.match(replacement?.insertedContent?.text ?? '', /100/);
    });
  });

  it('prints findings grouped by file with their skill, and exits 1', () => {
    writeFileSync(path.join(dir, 'orders.ts'), ROUTER);
    const r = run(['scan'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^orders\.ts\n {2}3:8 +error +DELETE \/orders\/:id/m);
    assert.match(r.stdout, /skill: Authentication & Authorization \(security\.auth\)/);
    assert.match(r.stdout, /1 problem \(1 error\) in 1 of 1 files/);
  });

  it('exits 0 when nothing reaches --fail-on', () => {
    writeFileSync(path.join(dir, 'products.ts'), ROUTER.replace("router.delete('/orders/:id'", "router.get('/products/:id'"));
    assert.equal(run(['scan'], dir).code, 0);
    writeFileSync(path.join(dir, 'orders.ts'), "import { prisma } from './db';\nexport const all = () => prisma.order.findMany();\n");
    assert.equal(run(['scan', '--fail-on', 'error'], dir).code, 0, 'a warning does not fail at --fail-on error');
    assert.equal(run(['scan', '--fail-on', 'warning'], dir).code, 1);
    assert.equal(run(['scan', '--fail-on', 'none'], dir).code, 0);
  });

  it('exits 2 on bad usage', () => {
    assert.equal(run(['scan', '--format', 'xml'], dir).code, 2);
    assert.equal(run(['scan', '--jobs', 'zero'], dir).code, 2);
    assert.equal(run(['lint'], dir).code, 2);
  });

  it('exits 2 on a broken settings file, naming line and column, and still scans with the defaults', () => {
    writeFileSync(path.join(dir, '.backendcoach.yaml'), 'rules:\n  unbounded-query: of\n');
    writeFileSync(path.join(dir, 'orders.ts'), ROUTER);
    const r = run(['scan', '--format', 'json'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.backendcoach\.yaml:2:20: rules\.unbounded-query must be one of/);
    assert.equal(JSON.parse(r.stdout).summary.findings, 1);
  });

  it('honours the settings file: a rule off, an ignored path', () => {
    writeFileSync(path.join(dir, '.backendcoach.yaml'), "rules:\n  missing-auth-check: off\nignore: ['legacy/']\n");
    mkdirSync(path.join(dir, 'legacy'));
    writeFileSync(path.join(dir, 'legacy/old.ts'), "import { prisma } from './db';\nexport const all = () => prisma.order.findMany();\n");
    writeFileSync(path.join(dir, 'orders.ts'), ROUTER);
    const r = run(['scan', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).summary.files, 1);
  });

  it('respects .gitignore files, skips huge and minified files with a note, survives symlink loops', () => {
    writeFileSync(path.join(dir, '.gitignore'), 'generated/\n');
    mkdirSync(path.join(dir, 'generated'));
    writeFileSync(path.join(dir, 'generated/client.ts'), ROUTER);
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src/orders.ts'), ROUTER);
    writeFileSync(path.join(dir, 'src/big.ts'), '// x\n'.repeat(250_000) + ROUTER);
    writeFileSync(path.join(dir, 'src/bundle.js'), 'var a=' + '1,'.repeat(40_000) + '1;');
    symlinkSync(dir, path.join(dir, 'src/loop'));
    spawnSync('mkfifo', [path.join(dir, 'src/pipe.ts')]);
    const r = run(['scan', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout) as { files: { path: string; findings: unknown[]; skipped?: { reason: string } }[] };
    const byPath = new Map(doc.files.map((f) => [f.path, f]));
    assert.equal(byPath.get('src/orders.ts')?.findings.length, 1);
    assert.equal(byPath.has('generated/client.ts'), false);
    assert.equal(byPath.get('src/big.ts')?.skipped?.reason, 'too-large');
    assert.equal(byPath.get('src/bundle.js')?.skipped?.reason, 'minified');
    assert.equal(byPath.has('src/pipe.ts'), false, 'a named pipe is not read (reading would hang)');
    assert.match(r.stderr, /src\/big\.ts: Skipped/);
    const named = run(['scan', 'src/pipe.ts', 'src/orders.ts', 'src/missing.ts'], dir);
    assert.equal(named.code, 1);
    assert.match(named.stderr, /src\/pipe\.ts: not a regular file or folder; skipped/);
    assert.match(named.stderr, /src\/missing\.ts: no such file or folder/);
  });

  it('gives the same output with one worker and with several', () => {
    const one = JSON.parse(run(['scan', 'test/fixtures', '--format', 'json', '--jobs', '1']).stdout);
    const many = JSON.parse(run(['scan', 'test/fixtures', '--format', 'json', '--jobs', '4']).stdout);
    delete one.summary.durationMs;
    delete many.summary.durationMs;
    assert.deepEqual(one, many);
  });

  it('lists the rules', () => {
    const r = run(['rules']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /missing-auth-check +error +security\.auth/);
  });
});
