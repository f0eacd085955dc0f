import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import { globSync } from 'tinyglobby';
import { analyze, catalog, rules } from '../../src/engine';
import { fileRuleSpecs } from '../../src/engine/files';
import { parseDockerfile } from '../../src/engine/files/dockerfile/parse';
import { parseYamlFile } from '../../src/engine/files/yaml';
import { expandDefaults, loadSnippets } from './support/snippets';
import { REPO } from './support/paths';

const AREA_IDS = ['security', 'performance', 'database', 'api', 'architecture', 'distributed', 'devops', 'observability'];

describe('catalog', () => {
  it('holds the guide: 8 areas and the 29 skills with their contract ids', () => {
    assert.deepEqual(catalog.areas.map((a) => a.id), AREA_IDS);
    assert.equal(catalog.skills.size, 29);
    for (const id of ['security.auth', 'performance.rate-limiting', 'database.query-optimization', 'api.http-conventions', 'distributed.event-driven', 'observability.alerting']) {
      assert.ok(catalog.skills.has(id), id);
    }
    for (const skill of catalog.skills.values()) assert.ok(skill.id.startsWith(`${skill.area.id}.`), `${skill.id} sits in its area`);
  });

  it('lets keywords find skills: jwt, pagination, kafka', () => {
    const find = (word: string) => [...catalog.skills.values()].filter((s) => s.keywords.includes(word)).map((s) => s.id);
    assert.deepEqual(find('jwt'), ['security.auth']);
    assert.deepEqual(find('pagination'), ['database.query-optimization', 'api.http-conventions']);
    assert.deepEqual(find('kafka'), ['distributed.event-driven']);
  });

  it('has one YAML, one rule module and one test file per rule, and nothing else', () => {
    const fileRuleIds = new Set(fileRuleSpecs.map((s) => s.id));
    const yamlIds = globSync('rules/*.yaml', { cwd: REPO }).map((f) => path.basename(f, '.yaml')).filter((id) => id !== 'skills' && !fileRuleIds.has(id)).sort();
    const moduleIds = globSync('src/engine/rules/*.ts', { cwd: REPO }).map((f) => path.basename(f, '.ts')).filter((id) => yamlIds.includes(id) || !/^(create-rule|fix-text|index|report-route|reuse|team)$/.test(id)).sort();
    const testIds = globSync('test/unit/rules/*.test.ts', { cwd: REPO }).map((f) => path.basename(f, '.test.ts')).sort();
    assert.deepEqual(moduleIds, yamlIds);
    assert.deepEqual(testIds, yamlIds);
    assert.deepEqual(Object.keys(rules).sort(), yamlIds);
    assert.deepEqual([...catalog.rules.keys()].filter((id) => !fileRuleIds.has(id)).sort(), yamlIds);
  });

  it('has one YAML with a fileKind, one module and one test file per file rule, and nothing else', () => {
    const yamlIds = globSync('rules/*.yaml', { cwd: REPO })
      .filter((f) => /^fileKind:/m.test(readFileSync(path.join(REPO, f), 'utf8')))
      .map((f) => path.basename(f, '.yaml'))
      .sort();
    const moduleIds = globSync('src/engine/files/rules/*.ts', { cwd: REPO }).map((f) => path.basename(f, '.ts')).sort();
    const testIds = globSync('test/unit/files/rules/*.test.ts', { cwd: REPO }).map((f) => path.basename(f, '.test.ts')).sort();
    assert.deepEqual(moduleIds, yamlIds);
    assert.deepEqual(testIds, yamlIds);
    assert.deepEqual(fileRuleSpecs.map((s) => s.id).sort(), yamlIds);
    for (const spec of fileRuleSpecs) assert.ok(!(spec.id in rules), `${spec.id} is not an ESLint rule`);
  });

  it('gives every rule a known skill, and every skill and area a page', () => {
    for (const spec of catalog.rules.values()) assert.ok(catalog.skills.has(spec.skill), `${spec.id} → ${spec.skill}`);
    for (const id of catalog.skills.keys()) assert.ok(existsSync(path.join(REPO, 'media/skills', `${id}.md`)), `media/skills/${id}.md`);
    for (const id of AREA_IDS) assert.ok(existsSync(path.join(REPO, 'media/areas', `${id}.md`)), `media/areas/${id}.md`);
  });

  it('names only snippets that exist', () => {
    const ids = new Set(loadSnippets().map((s) => s.id));
    for (const spec of catalog.rules.values()) if (spec.fix.snippet) assert.ok(ids.has(spec.fix.snippet), `${spec.id} names snippet ${spec.fix.snippet}`);
  });

  it('uses each rule\'s YAML message as the diagnostic text', () => {
    for (const [id, rule] of Object.entries(rules)) {
      const spec = catalog.rules.get(id)!;
      assert.ok(Object.values(rule.meta.messages).includes(spec.message), id);
      assert.equal(rule.meta.docs?.description, spec.description);
    }
  });

  for (const spec of catalog.rules.values()) {
    it(`runs the examples of ${spec.id} as labelled`, () => {
      assert.ok(spec.examples.some((e) => e.label === 'bad') && spec.examples.some((e) => e.label === 'good'));
      for (const example of spec.examples) {
        const result = analyze(example.code, example.file);
        assert.equal(result.skipped, undefined, `${example.file} parses`);
        const hits = result.findings.filter((f) => f.ruleId === spec.id);
        if (example.label === 'bad') assert.ok(hits.length > 0, `bad example ${example.file} is flagged`);
        else assert.deepEqual(hits, [], `good example ${example.file} stays quiet`);
      }
    });
  }
});

describe('snippets', () => {
  const snippets = loadSnippets();

  it('are valid JSON with a scope, a prefix and a description naming their skill', () => {
    assert.ok(snippets.length > 0);
    for (const s of snippets) {
      assert.match(s.scope, /javascript|typescript|dockerfile|yaml/, s.id);
      const skill = s.description.split(':')[0];
      assert.ok(catalog.skills.has(skill), `${s.id}: description starts with a skill id, got "${skill}"`);
    }
  });

  for (const s of snippets) {
    it(`${s.id} parses once its placeholders take their defaults`, () => {
      const code = expandDefaults(s.body);
      if (s.scope === 'dockerfile') assert.ok(parseDockerfile(code, 'Dockerfile').final, code);
      else if (/\byaml\b/.test(s.scope)) assert.ok(parseYamlFile(code, 'compose.yaml'), code);
      else assert.doesNotThrow(() => parse(code, { jsx: false, loc: true, range: true }), code);
    });
  }

  it('contribute every snippet file in package.json for JS, TS and their React variants, or for the languages it is scoped to', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { contributes?: { snippets?: { language: string; path: string }[] } };
    const contributed = pkg.contributes?.snippets ?? [];
    for (const file of globSync('snippets/*.code-snippets', { cwd: REPO })) {
      const scopes = [...new Set(snippets.filter((s) => s.file === file).flatMap((s) => s.scope.split(',')))];
      const languages = scopes.some((l) => /javascript|typescript/.test(l)) ? ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'] : scopes;
      for (const language of languages) {
        assert.ok(contributed.some((c) => c.language === language && c.path === `./${file}`), `${file} for ${language}`);
      }
    }
  });
});
