/**
 * npm run bench:profile: where analysis time goes. Runs the full analysis over the bench corpus under the V8
 * profiler and prints self time per source module (engine modules, ESLint, the parser), then the cost of each rule
 * measured by running it alone against a run with no rules.
 */
import { Session } from 'node:inspector';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findSourceMap } from 'node:module';
import { analyze, rules, type EngineSettings } from '../../src/engine';
import { buildCorpus } from './corpus';

const REPO = path.resolve(__dirname, '..');

interface ProfileNode {
  id: number;
  callFrame: { url: string; lineNumber: number; columnNumber: number; functionName: string };
  hitCount?: number;
}

function profile(fn: () => void): Promise<{ nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }> {
  const session = new Session();
  session.connect();
  return new Promise((resolve, reject) => {
    session.post('Profiler.enable', () =>
      session.post('Profiler.start', () => {
        fn();
        session.post('Profiler.stop', (err, result) => (err ? reject(err) : resolve(result.profile as never)));
      }),
    );
  });
}

function moduleOf(source: string): string {
  const s = source.replace(/^.*node_modules\//, 'node_modules/');
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s);
  if (m) return m[1];
  return s.replace(/^(\.\.\/)+/, '');
}

async function main(): Promise<void> {
  const corpus = buildCorpus(REPO, path.join(REPO, 'out/bench-corpus'), Number(process.env.BENCH_LINES ?? 60_000));
  const texts = corpus.files.map((f) => ({ f, text: readFileSync(path.join(corpus.dir, f), 'utf8') }));
  const run = (settings?: EngineSettings) => {
    for (const { f, text } of texts) analyze(text, f, settings);
  };
  run();
  const prof = await profile(() => run());
  // Run with --enable-source-maps so Node keeps the bundle's map: bundle positions map back to our modules.
  const map = findSourceMap(path.join(REPO, 'out/profile.js'));
  const byNode = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    total += dt;
    const node = byNode.get(id)!;
    let key = node.callFrame.url ? 'node internals' : `(${node.callFrame.functionName || 'vm'})`;
    if (node.callFrame.url.endsWith('profile.js')) {
      const pos = map?.findEntry(node.callFrame.lineNumber, node.callFrame.columnNumber) as { originalSource?: string } | undefined;
      key = pos?.originalSource ? moduleOf(pos.originalSource) : 'unmapped';
      // BENCH_BY=function: one line per function, to find the hot spot inside a module
      if (process.env.BENCH_BY === 'function') key += ` ${node.callFrame.functionName || '(anonymous)'}`;
    }
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  console.log(`self time by module (${(total / 1000).toFixed(0)} ms sampled):`);
  if (process.env.BENCH_RULES === '0') {
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
    return;
  }
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);

  // Each rule alone, against no rules at all: its own cost plus the share of the model it builds first.
  const ids = Object.keys(rules);
  const only = (keep?: string): EngineSettings => ({ file: { rules: Object.fromEntries(ids.map((id) => [id, id === keep ? 'warning' : 'off'])) } as EngineSettings['file'] });
  const time = (settings: EngineSettings) => {
    const start = process.hrtime.bigint();
    run(settings);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  // Warm every rule first, then time each rule alone against no rules, interleaved, best of two each.
  run();
  const none = () => time(only());
  const costs = ids
    .map((id) => {
      const base = Math.min(none(), none());
      const alone = Math.min(time(only(id)), time(only(id)));
      return [id, alone - base] as const;
    })
    .sort((a, b) => b[1] - a[1]);
  console.log(`\neach rule alone, extra ms over no rules (best of two, interleaved):`);
  for (const [id, ms] of costs) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${id}`);
}

void main();
