import { isMap, isScalar, isSeq, scalarText, span, type Node, type Pair, type YamlDoc, type YamlFile } from '../yaml';

/**
 * A GitHub Actions workflow read once for every `gha-` rule: its triggers in all three forms of `on:`, its jobs
 * with their `needs` graph, and each step's `uses`/`run`/`env` with source offsets.
 */
export interface Workflow {
  doc: YamlDoc;
  root: Node;
  triggers: Trigger[];
  env: EnvVar[];
  jobs: Job[];
  /** Jobs by id. */
  byId: Map<string, Job>;
}

/** One event of `on:` (`push`, `pull_request_target`, `workflow_run`…) and its configuration node, if any. */
export interface Trigger {
  event: string;
  config: Node | undefined;
}

/** An `env:` entry at workflow, job or step level; `value` is its text (`${{ secrets.NPM_TOKEN }}`). */
export interface EnvVar {
  name: string;
  value: string;
}

/** A scalar value with its text and offsets. */
export interface Located {
  value: string;
  start: number;
  end: number;
}

export interface Job {
  id: string;
  pair: Pair<Node, Node>;
  node: Node;
  /** Direct `needs:` (a string or a list). */
  needs: string[];
  /** The job's `if:` condition text. */
  condition?: string;
  env: EnvVar[];
  steps: Step[];
  /** A job that calls a reusable workflow (`uses: ./.github/workflows/test.yml`, `org/repo/…@v1`). */
  uses?: Located;
  environment?: string;
}

export interface Step {
  index: number;
  node: Node;
  job: Job;
  id?: string;
  name?: string;
  condition?: string;
  uses?: Located;
  run?: RunScript;
  /** `with:` inputs, by name, as text. */
  with: Map<string, Located>;
  env: EnvVar[];
  workingDirectory?: string;
  shell?: string;
}

/** A `run:` script: the text the shell receives (before `${{ }}` expansion) and a way back to file offsets. */
export interface RunScript {
  text: string;
  start: number;
  end: number;
  /** The file offset of an index in `text`; the scalar's start when the scalar is folded or escaped there. */
  offsetOf(index: number): number;
}

/** The workflow of a file under .github/workflows: a top-level map with a `jobs` map. `undefined` for anything else. */
export function readWorkflow(file: YamlFile): Workflow | undefined {
  if (!cache.has(file)) cache.set(file, read(file));
  return cache.get(file);
}

/** Every rule of a file asks for the same workflow: read it once. */
const cache = new WeakMap<YamlFile, Workflow | undefined>();

function read(file: YamlFile): Workflow | undefined {
  const doc = file.documents[0];
  if (!doc || file.documents.length !== 1) return undefined;
  const root = doc.root;
  const jobsNode = doc.get(root, 'jobs');
  if (!isMap(root) || !isMap(jobsNode)) return undefined;
  const jobs: Job[] = [];
  for (const e of doc.entries(jobsNode)) {
    if (!isMap(e.value)) continue;
    const job: Job = {
      id: e.key,
      pair: e.pair,
      node: e.value,
      needs: listOf(doc, doc.get(e.value, 'needs')),
      condition: text(doc.get(e.value, 'if')),
      env: envOf(doc, doc.get(e.value, 'env')),
      steps: [],
      uses: located(doc.get(e.value, 'uses')),
      environment: text(doc.get(e.value, 'environment')) ?? text(doc.getIn(e.value, ['environment', 'name'])),
    };
    job.steps = doc.items(doc.get(e.value, 'steps')).filter(isMap).map((node, index) => readStep(doc, node, index, job, file.lines.text));
    jobs.push(job);
  }
  return { doc, root, triggers: triggersOf(doc, doc.pair(root, 'on') ?? doc.pair(root, 'true')), env: envOf(doc, doc.get(root, 'env')), jobs, byId: new Map(jobs.map((j) => [j.id, j])) };
}

function readStep(doc: YamlDoc, node: Node, index: number, job: Job, source: string): Step {
  const withNode = doc.get(node, 'with');
  const run = doc.get(node, 'run');
  return {
    index,
    node,
    job,
    id: text(doc.get(node, 'id')),
    name: text(doc.get(node, 'name')),
    condition: text(doc.get(node, 'if')),
    uses: located(doc.get(node, 'uses')),
    run: isScalar(run) && typeof run.value === 'string' ? runScript(run, source) : undefined,
    with: new Map(doc.entries(withNode).flatMap((e) => (located(e.value) ? [[e.key, located(e.value)!] as const] : []))),
    env: envOf(doc, doc.get(node, 'env')),
    workingDirectory: text(doc.get(node, 'working-directory')),
    shell: text(doc.get(node, 'shell')),
  };
}

/** `on: push`, `on: [push, pull_request]`, `on: { push: { branches: [main] }, workflow_dispatch: }`. */
function triggersOf(doc: YamlDoc, pair: Pair<Node, Node> | undefined): Trigger[] {
  const node = doc.resolve(pair?.value);
  if (isScalar(node)) return text(node) ? [{ event: text(node)!, config: undefined }] : [];
  if (isSeq(node)) return doc.items(node).flatMap((n) => (text(n) ? [{ event: text(n)!, config: undefined }] : []));
  return doc.entries(node).map((e) => ({ event: e.key, config: e.value }));
}

function envOf(doc: YamlDoc, node: Node | undefined): EnvVar[] {
  return doc.entries(node).flatMap((e) => (text(e.value) !== undefined ? [{ name: e.key, value: text(e.value)! }] : []));
}

function listOf(doc: YamlDoc, node: Node | undefined): string[] {
  if (isSeq(node)) return doc.items(node).flatMap((n) => (text(n) ? [text(n)!] : []));
  return text(node) ? [text(node)!] : [];
}

function text(node: Node | undefined): string | undefined {
  return scalarText(node);
}

function located(node: Node | undefined): Located | undefined {
  const value = scalarText(node);
  const where = span(node);
  return value !== undefined && where ? { value, start: where[0], end: where[1] } : undefined;
}

/**
 * Maps each line of a `run:` value back to the file. A literal block (`|`) keeps one source line per script line;
 * a plain or quoted one-line scalar is found as-is in its source. Folded or escaped lines fall back to the scalar's start.
 */
function runScript(node: Node & { value: unknown; range?: [number, number, number] | null }, source: string): RunScript {
  const value = String(node.value);
  const [start, end] = node.range ? [node.range[0], node.range[1]] : [0, 0];
  const raw = source.slice(start, end);
  const lineBases: (number | undefined)[] = [];
  let cursor = 0;
  for (const line of value.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) {
      lineBases.push(undefined);
      continue;
    }
    let found: number | undefined;
    for (let from = cursor; from < raw.length; ) {
      const lineEnd = raw.indexOf('\n', from) === -1 ? raw.length : raw.indexOf('\n', from);
      const at = raw.slice(from, lineEnd).indexOf(trimmed);
      if (at >= 0) {
        found = start + from + at - (line.length - line.trimStart().length);
        cursor = lineEnd + 1;
        break;
      }
      from = lineEnd + 1;
    }
    lineBases.push(found);
  }
  const lineStarts = [0];
  for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return {
    text: value,
    start,
    end,
    offsetOf(index: number) {
      let line = 0;
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= index) line++;
      const base = lineBases[line];
      return base === undefined ? start : base + (index - lineStarts[line]);
    },
  };
}

/** The texts inside `${{ … }}` in a value. */
export function expressions(value: string): string[] {
  return [...value.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1].trim());
}

/** Whether a value carries a secret: `${{ secrets.X }}`, `${{ secrets['X'] }}`, `${{ toJSON(secrets) }}`, `${{ github.token }}`. */
export function referencesSecret(value: string): boolean {
  return expressions(value).some((e) => /(?<![\w.])secrets\b|\bgithub\.token\b/.test(e) && !isCondition(e));
}

/** An expression that yields `true`/`false` rather than a value: `secrets.TOKEN != ''`, `!secrets.X`, `contains(…)`. */
function isCondition(expression: string): boolean {
  return /[=!]=|[<>]|^!/.test(expression) || /^(?:contains|startsWith|endsWith)\s*\(/i.test(expression);
}

/** The environment a step's script sees: workflow, then job, then step `env:` (later levels win). */
export function effectiveEnv(workflow: Workflow, step: Step): Map<string, string> {
  const env = new Map<string, string>();
  for (const v of [...workflow.env, ...step.job.env, ...step.env]) env.set(v.name, v.value);
  return env;
}

/** Every job a job waits for, directly or through other jobs' `needs`. */
export function upstreamJobs(workflow: Workflow, job: Job): Job[] {
  const seen = new Set<string>();
  const queue = [...job.needs];
  const out: Job[] = [];
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const upstream = workflow.byId.get(id);
    if (!upstream) continue;
    out.push(upstream);
    queue.push(...upstream.needs);
  }
  return out;
}

/** An action reference split into its parts: `actions/checkout@v4`, `org/repo/path@ref`, `./local`, `docker://image:tag`. */
export type ActionRef =
  | { kind: 'local'; path: string }
  | { kind: 'docker'; image: string }
  | { kind: 'remote'; repo: string; path: string; ref: string | undefined };

export function parseActionRef(uses: string): ActionRef {
  const value = uses.trim();
  if (value.startsWith('./') || value.startsWith('.\\')) return { kind: 'local', path: value.slice(2) };
  if (/^docker:\/\//i.test(value)) return { kind: 'docker', image: value.slice('docker://'.length) };
  const at = value.indexOf('@');
  const name = at >= 0 ? value.slice(0, at) : value;
  const parts = name.split('/');
  return { kind: 'remote', repo: parts.slice(0, 2).join('/').toLowerCase(), path: parts.slice(2).join('/'), ref: at >= 0 ? value.slice(at + 1) : undefined };
}

/** The repository of a step's action in lower case (`actions/checkout`), `undefined` for `run:` steps, local and Docker actions. */
export function actionRepo(step: Step): string | undefined {
  if (!step.uses) return undefined;
  const ref = parseActionRef(step.uses.value);
  return ref.kind === 'remote' ? ref.repo : undefined;
}

/** Whether any of the workflow's triggers is one of the events. */
export function triggeredBy(workflow: Workflow, ...events: string[]): boolean {
  return workflow.triggers.some((t) => events.includes(t.event));
}
