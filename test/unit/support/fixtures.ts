import { readFileSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { analyze, resolveProject, type Finding } from '../../../src/engine';
import { detectFileKind } from '../../../src/engine/files';
import { readAnnotations, type Expectation } from './annotations';
import { REPO } from './paths';

export const FIXTURES = path.join(REPO, 'test/fixtures');

export interface FixtureCheck {
  /** `file:line rule` for each annotated finding that did not come. */
  missed: string[];
  /** `file:line rule: message` for each finding on a line not annotated `ruleid`. */
  unexpected: string[];
  expectations: (Expectation & { file: string })[];
  findings: (Finding & { file: string })[];
}

/** Analyses every fixture project as a workspace scan would (with cross-file resolution) and checks each annotation. */
export async function checkFixtures(): Promise<FixtureCheck> {
  const sources = await glob('**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}', { cwd: FIXTURES });
  // Dockerfiles, Compose files, manifests, specs and workflows (dot-folders too, for .github/workflows), kept when the engine knows their kind.
  const others = (await glob('**/*', { cwd: FIXTURES, dot: true, ignore: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}', '**/*.md', '**/node_modules/**'] })).filter((f) =>
    detectFileKind(f, readFileSync(path.join(FIXTURES, f), 'utf8')),
  );
  const files = [...sources, ...others].sort();
  const results = files.map((f) => ({ path: f, text: readFileSync(path.join(FIXTURES, f), 'utf8') }));
  const analysed = results.map((r) => ({ path: r.path, result: analyze(r.text, r.path, {}) }));
  const resolved = resolveProject(analysed);
  const check: FixtureCheck = { missed: [], unexpected: [], expectations: [], findings: [] };
  for (const r of results) {
    const expectations = readAnnotations(r.text).map((e) => ({ ...e, file: r.path }));
    const findings = (resolved.get(r.path) ?? []).map((f) => ({ ...f, file: r.path }));
    check.expectations.push(...expectations);
    check.findings.push(...findings);
    for (const e of expectations) {
      if (e.kind === 'ruleid' && !findings.some((f) => f.ruleId === e.rule && f.range.startLine === e.line)) check.missed.push(`${r.path}:${e.line} ${e.rule}`);
    }
    for (const f of findings) {
      if (!expectations.some((e) => e.kind === 'ruleid' && e.rule === f.ruleId && e.line === f.range.startLine)) {
        check.unexpected.push(`${r.path}:${f.range.startLine} ${f.ruleId}: ${f.message.slice(0, 90)}`);
      }
    }
  }
  return check;
}
