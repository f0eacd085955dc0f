/**
 * npm run bench:real-world: how noisy the rules are on real backends nobody wrote for us.
 *
 * Downloads pinned releases of 17 open-source Node backends from the npm registry (Ghost, Directus, Strapi, Etherpad,
 * Node-RED, Backstage, …), scans each with the CLI, and prints findings per rule next to the reviewed baseline in
 * `test/bench/real-world-baseline.json`. Every finding in that baseline was read by a person and judged; the
 * counts that remain are real problems or known, documented misses. A change that moves a count shows up here as a
 * delta, so a precision fix can be checked against code nobody tuned the rules on. Numbers, not a pass/fail test.
 *
 *   node test/bench/real-world.mjs [--update] [--only ghost,directus]   (REAL_WORLD_CACHE=dir: where downloads are kept)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// REAL_WORLD_CACHE lets several checkouts share one download.
const CACHE = path.resolve(process.env.REAL_WORLD_CACHE ?? path.join(REPO, 'out/real-world'));
const BASELINE = path.join(REPO, 'test/bench/real-world-baseline.json');

/** name → npm package, the version reviewed, and the folder that holds its server code. */
const CORPORA = {
  ghost: { pkg: 'ghost@5.130.6', scan: '.', what: 'Ghost CMS: Express, knex, Bookshelf (JS)' },
  directus: { pkg: '@directus/api@23.3.2', scan: 'dist', what: 'Directus: Express, knex (compiled TS)' },
  strapi: { pkg: '@strapi/core@5.54.0', scan: 'dist', what: 'Strapi: Koa (compiled TS)' },
  nocobase: { pkg: '@nocobase/server@2.2.15', scan: '.', what: 'NocoBase: Koa, Sequelize (compiled TS)' },
  medusa: { pkg: '@medusajs/medusa@2.21.2', scan: 'dist', what: 'Medusa: Express (compiled TS)' },
  payload: { pkg: 'payload@3.90.2', scan: 'dist', what: 'Payload: Next.js route handlers (compiled TS)' },
  etherpad: { pkg: 'ep_etherpad-lite@1.8.14', scan: '.', what: 'Etherpad: Express, socket.io (JS)' },
  'node-red-api': { pkg: '@node-red/editor-api@5.0.7', scan: '.', what: 'Node-RED editor API: Express, passport (JS)' },
  'node-red-runtime': { pkg: '@node-red/runtime@5.0.7', scan: '.', what: 'Node-RED runtime (JS)' },
  'backstage-catalog': { pkg: '@backstage/plugin-catalog-backend@4.0.5', scan: 'dist', what: 'Backstage catalog: Express router, knex' },
  'backstage-scaffolder': { pkg: '@backstage/plugin-scaffolder-backend@4.3.0', scan: 'dist', what: 'Backstage scaffolder' },
  'backstage-auth': { pkg: '@backstage/plugin-auth-backend@0.31.0', scan: 'dist', what: 'Backstage auth: OAuth, JWT' },
  keystone: { pkg: '@keystone-6/core@8.1.0', scan: 'dist', what: 'Keystone: Express, Prisma, GraphQL' },
  actual: { pkg: '@actual-app/sync-server@25.6.0', scan: 'build', what: 'Actual sync server: Express, SQLite' },
  vendure: { pkg: '@vendure/core@3.7.3', scan: 'dist', what: 'Vendure: NestJS, TypeORM, GraphQL (compiled TS)' },
  unleash: { pkg: 'unleash-server@7.5.1', scan: 'dist', what: 'Unleash: Express, knex (compiled TS)' },
  'uptime-kuma': { pkg: 'uptime-kuma@2.0.0-dev.0', scan: 'server', what: 'Uptime Kuma: Express, socket.io (JS)' },
};

const { values } = parseArgs({ options: { update: { type: 'boolean' }, only: { type: 'string' } } });
const cli = path.join(REPO, 'out/cli.js');
if (!existsSync(cli)) throw new Error('out/cli.js is missing: run `npm run build` first.');
const baseline = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, 'utf8')) : {};
const names = values.only ? values.only.split(',') : Object.keys(CORPORA);

/** The package unpacked under out/real-world/<name>, downloaded once. */
function unpacked(name) {
  const { pkg } = CORPORA[name];
  const dir = path.join(CACHE, name);
  if (existsSync(path.join(dir, 'package.json'))) return dir;
  mkdirSync(dir, { recursive: true });
  const tgz = execFileSync('npm', ['pack', pkg, '--silent', '--pack-destination', CACHE], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', path.join(CACHE, tgz), '-C', dir, '--strip-components=1']);
  return dir;
}

const results = {};
let total = 0;
let totalBefore = 0;
for (const name of names) {
  const corpus = CORPORA[name];
  if (!corpus) throw new Error(`unknown corpus "${name}"; known: ${Object.keys(CORPORA).join(', ')}`);
  const dir = unpacked(name);
  const run = spawnSync(process.execPath, [cli, 'scan', corpus.scan, '--format', 'json', '--fail-on', 'none', '--no-progress'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`scan of ${name} failed: ${run.stderr}`);
  const report = JSON.parse(run.stdout);
  const byRule = {};
  for (const file of report.files) for (const f of file.findings ?? []) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  results[name] = { files: report.summary.files, skipped: report.summary.skipped, findings: report.summary.findings, byRule };
  const before = baseline[name];
  total += report.summary.findings;
  totalBefore += before?.findings ?? 0;
  const delta = before ? signed(report.summary.findings - before.findings) : 'new';
  console.log(`${name.padEnd(22)} ${String(report.summary.files).padStart(5)} files  ${String(report.summary.findings).padStart(4)} findings (${delta})  ${(report.summary.durationMs / 1000).toFixed(1)} s   ${corpus.what}`);
  const rules = new Set([...Object.keys(byRule), ...Object.keys(before?.byRule ?? {})]);
  for (const rule of [...rules].sort()) {
    const now = byRule[rule] ?? 0;
    const was = before?.byRule?.[rule] ?? 0;
    if (now !== 0 || was !== 0) console.log(`    ${rule.padEnd(32)} ${String(now).padStart(4)}${now !== was && before ? `  (was ${was})` : ''}`);
  }
}
console.log(`total: ${total} findings${values.only ? '' : ` (reviewed baseline: ${totalBefore})`}`);
if (values.update) {
  writeFileSync(BASELINE, `${JSON.stringify({ ...baseline, ...results }, null, 2)}\n`);
  console.log(`baseline written: ${path.relative(REPO, BASELINE)}`);
}

function signed(n) {
  return n === 0 ? '±0' : n > 0 ? `+${n}` : String(n);
}
