import specData from '../../../../rules/gha-pull-request-target-checkout.yaml';
import type { RuleSpec } from '../../catalog/types';
import { actionRepo, parseActionRef, readWorkflow, triggeredBy, type Job, type Step, type Workflow } from '../github-actions/model';
import type { ScriptCommand } from '../github-actions/script';
import { commands, commandSpan } from '../github-actions/steps';
import { defineFileRule } from '../rule';

const spec = specData as RuleSpec;

/** Expressions naming the pull request's own code rather than the base branch. */
const PR_HEAD = /github\.event\.pull_request\.(?:head\.(?:sha|ref)|merge_commit_sha|number)|github\.head_ref|github\.event\.number|refs\/pull\/|pull\/\$\{\{|github\.event\.workflow_run\.(?:head_sha|head_branch|head_commit\.id)/;
/** `gh pr checkout`, `git fetch origin pull/42/head`, `git checkout ${{ github.event.pull_request.head.sha }}`. */
const SHELL_CHECKOUT = /^(?:gh\s+pr\s+checkout\b|git\s+(?:fetch|checkout|switch|pull)\b.*(?:\bpull\/|\$\{\{[^}]*(?:head\.(?:sha|ref)|head_ref|head_sha|head_branch)))/;
/** Conditions that keep fork pull requests out: same-repository heads, a maintainer's label, the author's role or login (Dependabot). */
const GATE = /head\.repo\.(?:full_name|fork)|head_repository\.(?:full_name|fork)|\.labels\b|github\.event\.label\.name|author_association|pull_request\.user\.login|github\.actor\s*==/;
/** Commands that only read or report; running them on untrusted files executes nothing from them. */
const INERT = /^(?:echo|printf|ls|cat|head|tail|wc|diff|grep|jq|test|\[|true|mkdir|cd|pwd|date|sleep|exit|git\s+(?:diff|log|status|show|rev-parse|config|ls-files|describe)|gh\s+(?:pr\s+(?:comment|edit|review|view|diff)|issue|label|api))\b/;
/** Actions that build or run the checked-out project. */
const EXECUTING_ACTIONS = new Set([
  'docker/build-push-action',
  'github/codeql-action',
  'cypress-io/github-action',
  'gradle/gradle-build-action',
  'gradle/actions',
  'pre-commit/action',
  'golangci/golangci-lint-action',
  'super-linter/super-linter',
  'github/super-linter',
  'borales/actions-yarn',
  'bahmutov/npm-install',
]);

interface Checkout {
  step: Step;
  start: number;
  end: number;
  /** The directory it checks out into (`path:`), `''` for the workspace. */
  path: string;
  /** For `gh pr checkout` and the like, the script index after the checkout command. */
  after?: number;
}

function prCheckout(step: Step): Checkout | undefined {
  if (actionRepo(step) === 'actions/checkout') {
    const ref = step.with.get('ref');
    const repo = step.with.get('repository');
    const at = ref && PR_HEAD.test(ref.value) ? ref : repo && /pull_request\.head\.repo|head_repository/.test(repo.value) ? repo : undefined;
    return at ? { step, start: at.start, end: at.end, path: (step.with.get('path')?.value ?? '').replace(/^\.\/|\/$/g, '') } : undefined;
  }
  const cmd = commands(step).find((c) => SHELL_CHECKOUT.test(c.text.replace(/\s+/g, ' ')));
  return cmd ? { step, ...commandSpan(step, cmd), path: '', after: cmd.end } : undefined;
}

function runsSomething(cmd: ScriptCommand): boolean {
  return !INERT.test(cmd.words.join(' ').replace(/^(?:[A-Za-z_]\w*=\S*\s+)*/, ''));
}

/** Whether a step after the checkout runs code from it: a local action, a build action, a script beyond inert commands. */
function executes(step: Step, checkout: Checkout): boolean {
  const inPath = (dir: string) => !checkout.path || dir === checkout.path || dir.startsWith(`${checkout.path}/`);
  if (step.uses) {
    const ref = parseActionRef(step.uses.value);
    if (ref.kind === 'local') return inPath(ref.path.replace(/\/$/, ''));
    return ref.kind === 'remote' && EXECUTING_ACTIONS.has(ref.repo) && (!checkout.path || [...step.with.values()].some((w) => w.value.includes(checkout.path)));
  }
  if (!step.run) return false;
  if (!commands(step).some(runsSomething)) return false;
  if (!checkout.path) return true;
  const wd = (step.workingDirectory ?? '').replace(/^\.\/|\/$/g, '');
  const mentions = new RegExp(`(?:^|[\\s"'=/])(?:\\./)?${checkout.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:/|\\s|$|["'])`);
  return (wd !== '' && inPath(wd)) || commands(step).some((c) => mentions.test(c.text));
}

/** Whether the workflow runs with the base repository's secrets on code an outside contributor controls. */
function privilegedOnPullRequests(workflow: Workflow, job: Job): boolean {
  if (triggeredBy(workflow, 'pull_request_target')) return true;
  // A `workflow_run` follows a run that may come from a fork; it shows when the workflow looks at that run's event.
  if (!triggeredBy(workflow, 'workflow_run')) return false;
  return [job.condition ?? '', ...job.steps.map((s) => s.condition ?? '')].some((c) => /workflow_run\.event\s*==\s*'pull_request'/.test(c));
}

/**
 * `pull_request_target` (and `workflow_run` after a pull request) runs with the base repository's secrets and a
 * write token. Checking out the pull request's head there is fine for reading it; running anything from it hands
 * those to the pull request's author.
 */
export default defineFileRule(spec, 'github-actions', (file, context) => {
  const workflow = readWorkflow(file);
  if (!workflow) return;
  for (const job of workflow.jobs) {
    if (!privilegedOnPullRequests(workflow, job) || GATE.test(job.condition ?? '') || job.environment !== undefined) continue;
    for (const step of job.steps) {
      if (GATE.test(step.condition ?? '')) continue;
      const checkout = prCheckout(step);
      if (!checkout) continue;
      const sameStep = checkout.after !== undefined && commands(step).some((c) => c.start >= checkout.after! && runsSomething(c));
      const runner = sameStep ? step : job.steps.slice(step.index + 1).find((s) => executes(s, checkout));
      if (!runner) continue;
      const label = runner.name ?? runner.uses?.value ?? commands(runner)[0]?.text.slice(0, 50) ?? `step ${runner.index + 1}`;
      context.report({ start: checkout.start, end: checkout.end, data: { step: label } });
      break;
    }
  }
});
