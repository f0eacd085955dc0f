import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ignore from 'ignore';
import { discover } from '../../../src/cli/discover';
import { analyze, MAX_FILE_BYTES } from '../../../src/engine';
import { detectFileKind, isDevSetup } from '../../../src/engine/files/kinds';
import { checkFixtures, type FixtureCheck } from '../support/fixtures';

const DOCKERFILE = 'FROM node:22-slim\nCOPY . .\nCMD ["node", "server.js"]\n';

describe('file kinds', () => {
  it('Dockerfiles by name', () => {
    for (const name of ['Dockerfile', 'api/Dockerfile', 'Dockerfile.prod', 'docker/api.dockerfile', 'Containerfile', 'build/Containerfile.ci']) assert.equal(detectFileKind(name, ''), 'dockerfile', name);
    assert.equal(detectFileKind('Dockerfile.dockerignore', ''), undefined);
  });

  it('Compose files and GitHub workflows by name', () => {
    for (const name of ['docker-compose.yml', 'deploy/docker-compose.prod.yaml', 'compose.yaml', 'compose.override.yml']) assert.equal(detectFileKind(name, ''), 'compose', name);
    assert.equal(detectFileKind('.github/workflows/ci.yml', ''), 'github-actions');
    assert.equal(detectFileKind('services/api/.github/workflows/deploy.yaml', ''), 'github-actions');
  });

  it('Kubernetes manifests and OpenAPI specs by content, multi-document too', () => {
    assert.equal(detectFileKind('k8s/app.yaml', '---\napiVersion: v1\nkind: Service\n---\napiVersion: apps/v1\nkind: Deployment\n'), 'kubernetes');
    assert.equal(detectFileKind('api/openapi.yaml', 'openapi: 3.1.0\ninfo:\n  title: Orders\n'), 'openapi');
    assert.equal(detectFileKind('api/spec.json', '{\n  "openapi": "3.0.3",\n  "paths": {}\n}'), 'openapi');
    assert.equal(detectFileKind('swagger.yaml', 'swagger: "2.0"\n'), undefined);
  });

  it('never package.json, tsconfig, lockfiles or settings', () => {
    for (const name of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'pnpm-lock.yaml', '.backendcoach.yaml', 'charts/api/values.yaml']) {
      assert.equal(detectFileKind(name, 'openapi: 3.0.0\napiVersion: v1\nkind: Pod\n'), undefined, name);
    }
  });

  it('tells development setups apart', () => {
    assert.ok(isDevSetup('Dockerfile.dev') && isDevSetup('docker-compose.test.yml') && isDevSetup('.devcontainer/Dockerfile') && isDevSetup('compose.override.yaml'));
    assert.ok(!isDevSetup('Dockerfile') && !isDevSetup('docker-compose.prod.yml') && !isDevSetup('deploy/devops/Dockerfile'));
    // an image built by a test suite is a test setup; a sample project under test/fixtures/ is analysed as real
    assert.ok(isDevSetup('tests/ratelimit/Dockerfile.nginx') && isDevSetup('src/test/e2e/Dockerfile'));
    assert.ok(!isDevSetup('test/fixtures/docker/web/Dockerfile') && !isDevSetup('contest/Dockerfile'));
  });
});

describe('analysing non-JS files', () => {
  it('gives findings with skill, severity, 1-based ranges and fixes', () => {
    const [f] = analyze(DOCKERFILE, 'Dockerfile').findings.filter((x) => x.ruleId === 'dockerfile-runs-as-root');
    assert.equal(f.skillId, 'devops.containers');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 18 });
    assert.equal(f.fixes[0].title, 'Run as node: add `USER node` before CMD');
  });

  it('honours .backendcoach.yaml severities, off and ignore', () => {
    const raised = analyze(DOCKERFILE, 'Dockerfile', { file: { rules: { 'dockerfile-runs-as-root': 'error' } } });
    assert.equal(raised.findings.find((f) => f.ruleId === 'dockerfile-runs-as-root')?.severity, 'error');
    const off = analyze(DOCKERFILE, 'Dockerfile', { file: { rules: { 'dockerfile-runs-as-root': 'off' } } });
    assert.ok(!off.findings.some((f) => f.ruleId === 'dockerfile-runs-as-root'));
    const ignored = analyze(DOCKERFILE, 'docker/Dockerfile', { file: { ignore: ['docker/'] } });
    assert.deepEqual([ignored.findings, ignored.skipped?.reason], [[], 'ignored']);
  });

  it('silences a finding with a # comment that gives a reason, and flags one without', () => {
    const silenced = analyze('# backend-coach-ignore-next-line dockerfile-runs-as-root -- the entrypoint drops to uid 1000 itself\nFROM node:22-slim\nCMD ["node", "a.js"]\n', 'Dockerfile');
    assert.ok(!silenced.findings.some((f) => f.ruleId === 'dockerfile-runs-as-root'));
    const noReason = analyze('services:\n  db:\n    # backend-coach-ignore-next-line compose-unpinned-image\n    image: postgres\n', 'compose.yaml');
    assert.deepEqual(noReason.findings.map((f) => f.ruleId).sort(), ['compose-unpinned-image', 'invalid-suppression']);
  });

  it('broken YAML, a file that is not what its name says, and an empty file: no findings, no note, no error', () => {
    for (const [text, name] of [['services:\n  api:\n    image: node\n   - x\n  : [\n', 'docker-compose.yml'], ['- just\n- a list\n', 'compose.yaml'], ['', 'Dockerfile'], ['\u0000\u0001garbage', 'Dockerfile']]) {
      const result = analyze(text, name);
      assert.deepEqual([result.findings, result.skipped, result.ruleErrors], [[], undefined, []], name);
    }
  });

  it('a Helm-style template gives one note, not a crash', () => {
    const result = analyze('services:\n  api:\n    image: {{ .Values.image }}\n', 'compose.yaml');
    assert.deepEqual(result.findings, []);
    assert.equal(result.skipped?.reason, 'template');
    assert.equal(analyze('on: push\njobs:\n  a:\n    runs-on: ${{ matrix.os }}\n', '.github/workflows/ci.yml').skipped, undefined);
  });

  it('skips files over the size limit', () => {
    assert.equal(analyze(`FROM node\n${'#'.repeat(MAX_FILE_BYTES)}`, 'Dockerfile').skipped?.reason, 'too-large');
  });

  it('leaves YAML and JSON of no known kind alone', () => {
    assert.deepEqual(analyze('image: node\n', 'config/app.yaml').findings, []);
    assert.deepEqual(analyze('{"name": "x"}', 'package.json').findings, []);
  });
});

describe('CLI discovery of non-JS files', () => {
  it('finds Dockerfiles, Compose files, manifests and workflows in dot-folders, and skips other YAML, JSON and node_modules', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bc-files-'));
    const files: Record<string, string> = {
      'Dockerfile': DOCKERFILE,
      'api/Dockerfile.prod': DOCKERFILE,
      'docker-compose.yml': 'services: {}\n',
      'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
      'docs/openapi.json': '{"openapi": "3.0.3"}',
      '.github/workflows/ci.yml': 'on: push\n',
      'config/app.yaml': 'port: 3000\n',
      'package.json': '{"name": "x"}',
      'tsconfig.json': '{}',
      'node_modules/pkg/Dockerfile': DOCKERFILE,
      'src/app.ts': 'export {};\n',
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
    const { files: found } = await discover(root, [], ignore());
    assert.deepEqual(found, ['.github/workflows/ci.yml', 'Dockerfile', 'api/Dockerfile.prod', 'docker-compose.yml', 'docs/openapi.json', 'k8s/deploy.yaml', 'src/app.ts']);
  });
});

describe('annotated Dockerfile and Compose fixtures', () => {
  let check: FixtureCheck;
  before(async function () {
    this.timeout(60_000);
    check = await checkFixtures();
  });

  it('hold enough annotations and every file rule fires somewhere', () => {
    const ours = check.expectations.filter((e) => /^(docker|compose)\//.test(e.file));
    assert.ok(ours.filter((e) => e.kind === 'ruleid').length >= 20, 'ruleid annotations');
    assert.ok(ours.filter((e) => e.kind === 'ok').length >= 15, 'ok annotations');
    for (const rule of ['dockerfile-runs-as-root', 'dockerfile-unpinned-base-image', 'dockerfile-npm-install', 'dockerfile-dev-dependencies', 'dockerfile-secret-in-env', 'dockerfile-add-remote-url', 'dockerfile-missing-healthcheck', 'dockerfile-apt-get-install', 'compose-missing-healthcheck', 'compose-plain-secret', 'compose-unpinned-image']) {
      assert.ok(check.findings.some((f) => f.ruleId === rule), rule);
    }
  });

  it('match their annotations exactly', () => {
    assert.deepEqual(check.missed.filter((m) => /^(docker|compose)\//.test(m)), []);
    assert.deepEqual(check.unexpected.filter((m) => /^(docker|compose)\//.test(m)), []);
  });
});
