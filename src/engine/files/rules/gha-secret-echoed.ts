import specData from '../../../../rules/gha-secret-echoed.yaml';
import type { RuleSpec } from '../../catalog/types';
import { effectiveEnv, expressions, readWorkflow, referencesSecret, type Step } from '../github-actions/model';
import { pipelines, shellVariables, splitWords, unquote, type Pipeline, type ScriptCommand } from '../github-actions/script';
import { commandSpan } from '../github-actions/steps';
import { defineFileRule } from '../rule';

const spec = specData as RuleSpec;

type Taint = 'secret' | 'derived' | undefined;

/** Commands that write their arguments (or, for `cat`, a heredoc or file) to standard output. */
const PRINTERS = new Set(['echo', 'printf', 'cat', 'Write-Host', 'Write-Output', 'write-host', 'write-output']);
/** Commands that print the whole environment when run without arguments. */
const DUMPS = new Set(['printenv', 'env', 'set', 'export', 'declare']);
/** Filters that pass their input through unchanged. */
const PASS = new Set(['cat', 'tee', 'head', 'tail', 'sort', 'uniq']);
/** Filters that turn a secret into a value GitHub's log masking no longer recognises. */
const TRANSFORMS = new Set(['base64', 'base32', 'basenc', 'xxd', 'od', 'hexdump', 'rev', 'tr', 'sed', 'awk', 'cut', 'jq', 'fold', 'openssl', 'gzip', 'sha256sum', 'md5sum', 'urlencode']);
const NON_SHELL = /^(?:python|node|ruby|perl)/;

/** What a step's script knows about secrets as it runs line by line. */
class ScriptState {
  readonly secret = new Set<string>();
  readonly derived = new Set<string>();
  readonly files = new Map<string, Taint>();

  constructor(env: Map<string, string>) {
    for (const [name, value] of env) if (referencesSecret(value)) this.secret.add(name);
  }

  /** Whether text carries a secret: an expression, a variable holding one, a transform of one. */
  taint(text: string): Taint {
    const vars = shellVariables(text);
    if (vars.some((v) => this.derived.has(v))) return 'derived';
    const direct = referencesSecret(text) || expressions(text).some((e) => /\benv\.(\w+)/.test(e) && this.secret.has(/\benv\.(\w+)/.exec(e)![1])) || vars.some((v) => this.secret.has(v));
    if (!direct) return undefined;
    const substitutions = [...text.matchAll(/\$\(([^)]*)\)/g)].map((m) => m[1]);
    return substitutions.some((s) => splitWords(s.replace(/\|/g, ' | ')).some((w) => TRANSFORMS.has(w))) ? 'derived' : 'secret';
  }
}

/** `NAME=value`, `export NAME=value`: remembers which variables now hold a secret or a value derived from one. */
function assign(cmd: ScriptCommand, state: ScriptState): boolean {
  const words = /^(?:export|declare|local|readonly|typeset)$/.test(cmd.words[0] ?? '') ? cmd.words.slice(1).filter((w) => !w.startsWith('-')) : cmd.words;
  if (!words.length || !words.every((w) => /^[A-Za-z_]\w*=/.test(w))) return false;
  for (const w of words) {
    const name = w.slice(0, w.indexOf('='));
    const taint = state.taint(w.slice(w.indexOf('=') + 1));
    state.secret.delete(name);
    state.derived.delete(name);
    if (taint === 'derived') state.derived.add(name);
    else if (taint === 'secret') state.secret.add(name);
  }
  return true;
}

/** What the first command of a pipeline prints: a secret, a derived value, the environment, or nothing of note. */
function produced(cmd: ScriptCommand, state: ScriptState): { taint: Taint; dump?: boolean } {
  const name = cmd.words[0] ?? '';
  const args = cmd.words.slice(1).filter((w) => !/^(?:\d?>>?|&>)/.test(w));
  if (PRINTERS.has(name)) {
    if (name === 'cat') {
      if (cmd.heredoc !== undefined) return { taint: state.taint(cmd.heredoc) };
      const files = args.filter((a) => !a.startsWith('-')).map(unquote);
      return { taint: files.map((f) => state.files.get(f)).find(Boolean) };
    }
    return { taint: state.taint(args.join(' ')) };
  }
  if (TRANSFORMS.has(name)) {
    const input = cmd.words.indexOf('<<<');
    if (input >= 0 && state.taint(cmd.words.slice(input + 1).join(' '))) return { taint: 'derived' };
    return { taint: undefined };
  }
  if (DUMPS.has(name) && state.secret.size + state.derived.size > 0) {
    const bare = args.length === 0 || (name === 'export' && args.join(' ') === '-p') || (name === 'declare' && /^-[px]+$/.test(args.join(' ')));
    const named = name === 'printenv' && args.some((a) => state.secret.has(unquote(a)) || state.derived.has(unquote(a)));
    if (bare || named) return { taint: args.some((a) => state.derived.has(unquote(a))) ? 'derived' : 'secret', dump: bare };
  }
  return { taint: undefined };
}

/** Follows a tainted value down a pipeline: `undefined` when a command consumes it or its output goes to a file. */
function reachesLog(pipeline: Pipeline, taint: Taint): Taint {
  let t = taint;
  for (const cmd of pipeline.slice(1)) {
    const name = cmd.words[cmd.words[0] === 'sudo' ? 1 : 0] ?? '';
    if (TRANSFORMS.has(name)) t = 'derived';
    else if (!PASS.has(name)) return undefined;
  }
  return pipeline[pipeline.length - 1].redirect ? undefined : t;
}

function checkStep(step: Step, env: Map<string, string>, report: (cmd: ScriptCommand, messageId: string | undefined) => void): void {
  const state = new ScriptState(env);
  for (const pipeline of pipelines(step.run!.text)) {
    const first = pipeline[0];
    if (pipeline.length === 1 && assign(first, state)) continue;
    const text = first.words.slice(1).join(' ');
    if (/::add-mask::/.test(text)) {
      for (const v of shellVariables(text)) state.derived.delete(v);
      continue;
    }
    // Workflow commands that set values are read by the runner, not shown in the log.
    if (/^["']?::(?:set-output|save-state|add-mask|stop-commands)\b/.test(text)) continue;
    const { taint, dump } = produced(first, state);
    if (!taint) continue;
    const last = pipeline[pipeline.length - 1];
    if (last.redirect && last.redirect !== '/dev/null' && pipeline.every((c) => PASS.has(c.words[0] ?? '') || TRANSFORMS.has(c.words[0] ?? '') || c === first)) {
      state.files.set(unquote(last.redirect), pipeline.some((c) => c !== first && TRANSFORMS.has(c.words[0] ?? '')) ? 'derived' : taint);
    }
    const printed = reachesLog(pipeline, taint);
    if (printed) report(first, dump ? 'dump' : printed === 'derived' ? 'derived' : undefined);
  }
}

/**
 * Steps whose script prints a secret to the job log. Values handed to another command (`| docker login
 * --password-stdin`), written to a file or to `$GITHUB_ENV`/`$GITHUB_OUTPUT`, or registered with `::add-mask::`
 * are not printed and stay quiet.
 */
export default defineFileRule(spec, 'github-actions', (file, context) => {
  const workflow = readWorkflow(file);
  if (!workflow) return;
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      if (!step.run || NON_SHELL.test(step.shell ?? '')) continue;
      checkStep(step, effectiveEnv(workflow, step), (cmd, messageId) => {
        const where = commandSpan(step, cmd);
        context.report({ ...where, messageId, data: { command: cmd.words[0] ?? '' } });
      });
    }
  }
});
