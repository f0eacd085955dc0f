/**
 * backend-coach: the engine for CI.
 *   backend-coach scan [paths…] [--format text|json|sarif] [--fail-on error|warning|info|hint|none]
 * Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad usage or a broken settings file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import ignore from 'ignore';
import pkg from '../../package.json';
import { catalog, formatProblem, parseSettings, resolveProject, SETTINGS_FILE, SEVERITY_ORDER, type EngineSettings, type Severity } from '../engine/host';
import { discover } from './discover';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { analyzeInWorkers, defaultJobs } from '../worker/pool';
import type { FileReport, ScanReport } from './report';

export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

interface ScanOptions {
  format: 'text' | 'json' | 'sarif';
  failOn: Severity | 'none';
  output?: string;
  config?: string;
  jobs: number;
  color: boolean;
  progress: boolean;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

function loadSettings(root: string, configPath: string | undefined, notes: string[]): { settings: EngineSettings; broken: boolean } {
  const file = configPath ? path.resolve(configPath) : path.join(root, SETTINGS_FILE);
  if (!existsSync(file)) {
    if (configPath) {
      notes.push(`${configPath}: settings file not found; using the defaults.`);
      return { settings: {}, broken: true };
    }
    return { settings: {}, broken: false };
  }
  const { settings, problems } = parseSettings(readFileSync(file, 'utf8'), path.relative(root, file) || file);
  if (problems.length > 0) {
    for (const p of problems) notes.push(`${formatProblem(p)} (settings ignored; running with the defaults)`);
    return { settings: {}, broken: true };
  }
  for (const id of Object.keys(settings.rules ?? {})) {
    if (!catalog.rules.has(id)) notes.push(`${SETTINGS_FILE}: unknown rule "${id}" under rules; known rules: ${[...catalog.rules.keys()].join(', ')}.`);
  }
  return { settings: { file: settings }, broken: false };
}

async function scan(paths: string[], opts: ScanOptions): Promise<number> {
  const started = performance.now();
  const root = process.cwd();
  const notes: string[] = [];
  const { settings, broken } = loadSettings(root, opts.config, notes);
  const { files, notes: discoveryNotes } = await discover(root, paths, ignore().add(settings.file?.ignore ?? []));
  notes.push(...discoveryNotes);
  const showProgress = opts.progress && process.stderr.isTTY && opts.output === undefined ? true : opts.progress && process.stderr.isTTY;
  const results = await analyzeInWorkers(root, files, settings, opts.jobs, (done, total) => {
    if (showProgress) process.stderr.write(`\rbackend-coach: analysed ${done}/${total} files`);
  });
  if (showProgress) process.stderr.write('\r\u001b[K');

  const resolved = resolveProject(results.map((r) => ({ path: r.fileName, result: r })), settings);
  const reports: FileReport[] = results.map((r) => ({ path: r.fileName, findings: resolved.get(r.fileName) ?? [], skipped: r.skipped }));
  const ruleErrors = new Map<string, string>();
  for (const r of results) for (const e of r.ruleErrors) if (!ruleErrors.has(e.ruleId)) ruleErrors.set(e.ruleId, `${r.fileName}: rule ${e.ruleId} failed (${e.message}); the other rules still ran.`);
  notes.push(...ruleErrors.values());
  for (const r of results) if (r.skipped) notes.push(`${r.fileName}: ${r.skipped.message}`);

  const report: ScanReport = { root, files: reports, notes, durationMs: performance.now() - started };
  const out =
    opts.format === 'json' ? formatJson(report, pkg.version) : opts.format === 'sarif' ? formatSarif(report, pkg.version) : formatText(report, opts.color && !opts.output && process.stdout.isTTY);
  if (opts.output) writeFileSync(opts.output, out);
  else process.stdout.write(out);
  for (const n of notes) process.stderr.write(`backend-coach: ${n}\n`);

  if (broken) return EXIT.usage;
  if (opts.failOn === 'none') return EXIT.clean;
  const threshold = SEVERITY_ORDER.indexOf(opts.failOn);
  const failing = reports.some((f) => f.findings.some((x) => SEVERITY_ORDER.indexOf(x.severity) >= threshold));
  return failing ? EXIT.findings : EXIT.clean;
}

function listRules(): void {
  for (const spec of catalog.rules.values()) {
    const cwe = spec.cwe?.length ? `  CWE-${spec.cwe.join(', CWE-')}` : '';
    process.stdout.write(`${spec.id.padEnd(22)} ${spec.severity.padEnd(8)} ${spec.skill.padEnd(30)} ${spec.title}${cwe}\n`);
  }
}

export function buildProgram(): Command {
  const program = new Command('backend-coach')
    .description('Coaches backend code: finds missing auth, unbounded queries, unthrottled logins, and links each finding to the skill behind it.')
    .version(pkg.version)
    .exitOverride((err) => {
      process.exit(err.exitCode === 0 ? 0 : EXIT.usage);
    });
  program
    .command('scan')
    .description('analyse JS/TS files, Dockerfiles and Compose files (default: the current folder), honouring .gitignore and .backendcoach.yaml')
    .argument('[paths...]', 'files or folders to scan')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(['error', 'warning', 'info', 'hint', 'none']).default('error'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', `settings file (default: ./${SETTINGS_FILE})`)
    .option('-j, --jobs <n>', 'worker threads (default: one per core)', positiveInt, defaultJobs())
    .option('--no-color', 'plain text output')
    .option('--no-progress', 'no progress line on stderr')
    .action(async (paths: string[], opts: ScanOptions) => {
      process.exitCode = await scan(paths, opts);
    });
  program.command('rules').description('list the rules with their severity, skill and CWE').action(listRules);
  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`backend-coach: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.usage;
  });
