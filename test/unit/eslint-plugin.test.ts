import assert from 'node:assert/strict';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { catalog, rules } from '../../src/engine';
import { REPO } from './support/paths';

// The built artifact, as a team's eslint.config.js would load it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require(path.join(REPO, 'out/eslint-plugin.js')) as { configs: { recommended: Linter.Config }; rules: Record<string, unknown> };

describe('ESLint plugin', () => {
  it('exposes every rule and a recommended flat config', () => {
    // Every JS/TS rule, and none of the Dockerfile/YAML rules (ESLint does not lint those files).
    assert.deepEqual(Object.keys(plugin.rules).sort(), Object.keys(rules).sort());
    assert.ok(Object.keys(plugin.rules).length >= 40);
    assert.ok(!Object.keys(plugin.rules).some((id) => catalog.rules.get(id)?.fileKind));
    assert.equal(plugin.configs.recommended.rules?.['backend-coach/missing-auth-check'], 'error');
    assert.equal(plugin.configs.recommended.rules?.['backend-coach/unbounded-query'], 'warn');
  });

  it("runs in ESLint's own API on a fixture project", async function () {
    this.timeout(30_000);
    const eslint = new ESLint({
      cwd: path.join(REPO, 'test/fixtures/express'),
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended],
    });
    const results = await eslint.lintFiles(['src/**/*.ts']);
    const ids = results.flatMap((r) => r.messages.map((m) => m.ruleId));
    assert.ok(ids.includes('backend-coach/missing-auth-check'));
    assert.ok(ids.includes('backend-coach/unbounded-query'));
    assert.ok(ids.includes('backend-coach/missing-rate-limit'));
    assert.ok(results.every((r) => r.messages.every((m) => !m.fatal)), 'every file parses');
    const docs = (plugin.rules['missing-auth-check'] as { meta: { docs: { url: string } } }).meta.docs.url;
    assert.match(docs, /rules\/missing-auth-check\.yaml$/);
  });
});
