/**
 * npm run bench: how fast the engine is, as numbers (never a pass/fail test).
 *   (a) parsing alone with typescript-estree, (b) the full analysis, their ratio (goal: at most 2x),
 *   and a whole-project CLI scan with one worker against one per core (goal: at least 1.6x faster on 2 cores).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { parse } from '@typescript-eslint/typescript-estree';
import { Linter } from 'eslint/universal';
import { analyze, rules } from '../../src/engine';
import { buildCorpus } from './corpus';

const REPO = path.resolve(__dirname, '..'); // out/bench.js → the repository
const MIN_LINES = Number(process.env.BENCH_LINES ?? 60_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  const corpus = buildCorpus(REPO, path.join(REPO, 'out/bench-corpus'), MIN_LINES);
  const texts = corpus.files.map((f) => ({ f, text: readFileSync(path.join(corpus.dir, f), 'utf8') }));
  console.log(`corpus: ${corpus.files.length} files, ${corpus.lines} lines (out/bench-corpus, built from test/fixtures)`);

  const parseAll = () => {
    for (const { f, text } of texts) parse(text, { filePath: f, loc: true, range: true, tokens: true, comment: true, jsx: true });
  };
  // ESLint's Linter with no rules at all: the floor any ESLint-based analysis pays (parse, scopes, traversal, code paths).
  const linter = new Linter({ configType: 'flat' });
  const bare = [{ files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'], languageOptions: { parser: tsParser as unknown as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true }, preserveNodeMaps: false, lib: [] } } }]; // the engine's parser options
  const lintBare = () => {
    for (const { f, text } of texts) linter.verify(text, bare, { filename: f });
  };
  let findings = 0;
  const analyzeAll = () => {
    findings = 0;
    for (const { f, text } of texts) findings += analyze(text, f).findings.length;
  };
  // Warm the JIT and the caches once, then measure alternately so both see the same machine state.
  parseAll();
  lintBare();
  analyzeAll();
  const parseTimes: number[] = [];
  const bareTimes: number[] = [];
  const analyzeTimes: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    parseTimes.push(time(parseAll));
    bareTimes.push(time(lintBare));
    analyzeTimes.push(time(analyzeAll));
  }
  const p = median(parseTimes);
  const l = median(bareTimes);
  const a = median(analyzeTimes);
  const kloc = corpus.lines / 1000;
  console.log(`(a) parse only (typescript-estree): ${p.toFixed(0)} ms  ${(kloc / (p / 1000)).toFixed(1)} kLOC/s`);
  console.log(`    ESLint Linter, no rules:         ${l.toFixed(0)} ms  ${(kloc / (l / 1000)).toFixed(1)} kLOC/s  (${(l / p).toFixed(2)}x parse)`);
  console.log(`(b) full analysis (${Object.keys(rules).length} rules):       ${a.toFixed(0)} ms  ${(kloc / (a / 1000)).toFixed(1)} kLOC/s  (${findings} findings)`);
  console.log(`    ratio b/a: ${(a / p).toFixed(2)}x   (goal: at most 2.00x); rules + model on top of the bare Linter: ${((a - l) / p).toFixed(2)}x parse`);

  if (process.env.BENCH_SKIP_CLI) return;
  const cli = path.join(REPO, 'out/cli.js');
  const scan = (jobs: number): number => {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'scan', '.', '--format', 'json', '--jobs', String(jobs), '--fail-on', 'none', '--no-progress'], { cwd: corpus.dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`scan failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const cores = availableParallelism();
  scan(cores); // warm the file system cache
  const one = median([scan(1), scan(1), scan(1)]);
  const all = median([scan(cores), scan(cores), scan(cores)]);
  console.log(`CLI scan, 1 worker:       ${one.toFixed(0)} ms`);
  console.log(`CLI scan, ${cores} workers:      ${all.toFixed(0)} ms`);
  console.log(`    speed-up: ${(one / all).toFixed(2)}x on ${cores} cores   (goal: at least 1.60x on 2 cores)`);
}

main();
