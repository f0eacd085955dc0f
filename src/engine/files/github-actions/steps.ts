import { parseActionRef, type Job, type Step } from './model';
import { pipelines, type ScriptCommand } from './script';

/**
 * What a step does, as far as the `gha-` rules care: ship something (deploy, publish, push an image) or run a
 * project's tests. Commands are matched one simple command at a time, so `npm ci && npm test` is two commands.
 */

const DEPLOY_COMMANDS: RegExp[] = [
  /^kubectl\b.*\s(?:apply|replace|patch|set\s+image|rollout\s+(?:restart|undo|resume))\b/,
  /^helm\b.*\s(?:upgrade|install)\b/,
  /^(?:terraform|tofu)\b.*\sapply\b/,
  /^terragrunt\b.*\s(?:apply|run-all\s+apply)\b/,
  /^(?:serverless|sls)\s+deploy\b/,
  /^(?:vercel|netlify)\b.*\s--prod\b/,
  /^(?:fly|flyctl)\s+deploy\b/,
  /^(?:npm|pnpm|yarn)\s+(?:npm\s+)?publish\b/,
  /^(?:npm|pnpm|yarn)\s+(?:run\s+)?deploy(?::[\w-]+)?\b/,
  /^make\s+(?:[\w-]+\s+)*deploy\b/,
  /^docker\s+(?:image\s+)?push\b/,
  /^docker\s+(?:buildx\s+)?build\b.*\s--push\b/,
  /^aws\s+ecs\s+update-service\b/,
  /^aws\s+lambda\s+update-function-code\b/,
  /^aws\s+cloudformation\s+deploy\b/,
  /^sam\s+deploy\b/,
  /^gcloud\s+(?:beta\s+)?(?:run|app|functions)\s+deploy\b/,
  /^az\s+(?:webapp\s+(?:deploy|up)|functionapp\s+deployment|containerapp\s+update)\b/,
  /^cdk\s+deploy\b/,
  /^pulumi\s+up\b/,
  /^wrangler\s+(?:deploy|publish)\b/,
  /^eb\s+deploy\b/,
  /^kamal\s+deploy\b/,
  /^git\s+push\s+(?:-\S+\s+)*heroku\b/,
  /^heroku\s+container:release\b/,
];

/** Dry runs only print what would change. */
const DRY_RUN = /\s--dry-run(?!=none)\b|\s--plan\b/;

/** Actions that deploy by themselves (`path` `''` is the repository's root action). */
const DEPLOY_ACTIONS = new Set([
  'aws-actions/amazon-ecs-deploy-task-definition',
  'aws-actions/aws-cloudformation-github-deploy',
  'azure/webapps-deploy',
  'azure/functions-action',
  'azure/k8s-deploy',
  'google-github-actions/deploy-cloudrun',
  'google-github-actions/deploy-appengine',
  'google-github-actions/deploy-cloud-functions',
  'appleboy/ssh-action',
  'easingthemes/ssh-deploy',
  'superfly/flyctl-actions',
  'amondnet/vercel-action',
  'cloudflare/wrangler-action',
  'akhileshns/heroku-deploy',
  'js-devtools/npm-publish',
]);

/** Throwaway clusters and registries for tests: deploying to them is part of an end-to-end test, not a release. */
const EPHEMERAL_ACTIONS = new Set(['helm/kind-action', 'engineerd/setup-kind', 'container-tools/kind-action', 'medyagh/setup-minikube', 'manusa/actions-setup-minikube', 'absaoss/k3d-action', 'nolar/setup-k3d-k3s', 'helm/chart-testing-action']);
const EPHEMERAL_COMMANDS = /^(?:kind\s+create\s+cluster|minikube\s+start|k3d\s+cluster\s+create|ct\s+install)\b/;
const LOCAL_TARGET = /\s(?:localhost|127\.0\.0\.1|kind-registry|registry\.local)(?::\d+)?\//;

/** Whether a job sets up a throwaway cluster (kind, minikube, k3d, chart-testing). */
export function usesEphemeralCluster(job: Job): boolean {
  return job.steps.some((s) => {
    const ref = s.uses ? parseActionRef(s.uses.value) : undefined;
    if (ref?.kind === 'remote' && EPHEMERAL_ACTIONS.has(ref.repo)) return true;
    return commands(s).some((c) => EPHEMERAL_COMMANDS.test(normalise(c.text)));
  });
}

/** The deploy command or action of a step, as text for a message, and where it starts in the file. */
export interface DeployStep {
  step: Step;
  what: string;
  start: number;
  end: number;
  /** For a `run:` step, the index of the deploy command in its script. */
  index?: number;
}

/** Whether a step ships something, and what. */
export function deployOf(step: Step): DeployStep | undefined {
  if (step.uses) {
    const ref = parseActionRef(step.uses.value);
    if (ref.kind !== 'remote') return undefined;
    const input = (name: string) => step.with.get(name)?.value ?? '';
    const deploys =
      (DEPLOY_ACTIONS.has(ref.repo) && ref.path === '') ||
      (ref.repo === 'docker/build-push-action' && step.with.has('push') && input('push') !== 'false') ||
      (ref.repo === 'pulumi/actions' && input('command') === 'up') ||
      (ref.repo === 'serverless/github-action' && /\bdeploy\b/.test(input('args')));
    return deploys ? { step, what: step.uses.value.replace(/@.*$/, ''), start: step.uses.start, end: step.uses.end } : undefined;
  }
  if (!step.run) return undefined;
  for (const cmd of commands(step)) {
    const text = normalise(cmd.text);
    if (DEPLOY_COMMANDS.some((re) => re.test(text)) && !DRY_RUN.test(text) && !LOCAL_TARGET.test(text)) {
      return { step, what: text.length > 60 ? `${text.slice(0, 57)}…` : text, index: cmd.start, ...commandSpan(step, cmd) };
    }
  }
  return undefined;
}

const TEST_COMMANDS: RegExp[] = [
  /^(?:npm|pnpm|yarn|bun)\s+(?:(?:-r|--recursive|-w|--workspaces?|--if-present|--filter\s+\S+)\s+)*(?:t|test|tests)\b/,
  /^(?:npm|pnpm|yarn|bun)\s+(?:(?:-r|--recursive|-w|--workspaces?|--if-present|--filter\s+\S+)\s+)*run\s+(?:(?:--if-present|-r)\s+)*(?:test|tests|ci|verify|check)(?::[\w:-]+)?\b/,
  /^yarn\s+workspaces\s+(?:run|foreach\b.*\srun)\s+test\b/,
  /^(?:npx|pnpm\s+exec|pnpm\s+dlx|yarn|bunx)?\s*(?:jest|vitest|mocha|ava|tap|cypress\s+run|playwright\s+test)\b/,
  /^(?:turbo|nx|lerna)\b.*\s(?:test|run-many\b.*-t\s+test|affected\b.*-t\s+test)\b/,
  /^(?:python3?\s+-m\s+)?(?:pytest|tox|nox)\b/,
  /^(?:python3?\s+)?manage\.py\s+test\b/,
  /^go\s+test\b/,
  /^(?:\.\/)?mvnw?\b(?!.*-DskipTests)(?!.*-Dmaven\.test\.skip=true).*\s(?:test|verify|install|package)\b/,
  /^(?:\.\/)?gradlew?\b(?!.*-x\s+test).*\s(?:test|check|build)\b/,
  /^make\s+(?:[\w-]+\s+)*(?:test|tests|check|ci)\b/,
  /^cargo\s+(?:test|nextest)\b/,
  /^(?:bundle\s+exec\s+)?(?:rspec|rake\s+(?:test|spec)|rails\s+test)\b/,
  /^(?:php\s+artisan\s+test|(?:vendor\/bin\/)?phpunit|(?:vendor\/bin\/)?pest)\b/,
  /^dotnet\s+test\b/,
  /^deno\s+test\b/,
  /^terraform\b.*\s(?:test|validate)\b/,
  /^(?:bash\s+|sh\s+|\.\/)\S*test\S*\.sh\b/,
];

/** Actions that run a test suite. */
const TEST_ACTIONS = new Set(['cypress-io/github-action']);

/** A step name that says it runs tests (`Run unit tests`, `Test`). */
const TEST_NAME = /\b(?:unit|integration|e2e|end-to-end|smoke)?[ -]?tests?\b/i;

/** Whether a step runs tests; `before` limits a `run:` script to the commands before that index. */
export function runsTests(step: Step, before = Infinity): boolean {
  if (step.uses) {
    const ref = parseActionRef(step.uses.value);
    return ref.kind === 'remote' && TEST_ACTIONS.has(ref.repo);
  }
  if (!step.run) return false;
  const cmds = commands(step).filter((c) => c.start < before);
  if (cmds.some((c) => TEST_COMMANDS.some((re) => re.test(normalise(c.text))))) return true;
  return before === Infinity && !!step.name && TEST_NAME.test(step.name) && cmds.length > 0;
}

/** A job or reusable workflow named for tests or CI (`test`, `unit-tests`, `./.github/workflows/ci.yml`). */
const TEST_JOB = /(?:^|[-_./\s])(?:test|tests|testing|e2e|ci|check|checks|verify)(?:[-_.\s]|$)/i;

/** Whether a job runs tests: a test step, a test-like job id, or a call to a test/CI reusable workflow. */
export function jobRunsTests(job: Job): boolean {
  if (TEST_JOB.test(job.id)) return true;
  if (job.uses) {
    const file = job.uses.value.replace(/@.*$/, '');
    return TEST_JOB.test(file.slice(file.lastIndexOf('/') + 1).replace(/\.ya?ml$/, ''));
  }
  return job.steps.some((s) => runsTests(s));
}

const commandCache = new WeakMap<Step, ScriptCommand[]>();

/** The simple commands of a step's `run:` script. */
export function commands(step: Step): ScriptCommand[] {
  let cached = commandCache.get(step);
  if (!cached) {
    cached = step.run ? pipelines(step.run.text).flat() : [];
    commandCache.set(step, cached);
  }
  return cached;
}

/** File offsets of a command of a step's script, kept to its first line. */
export function commandSpan(step: Step, cmd: ScriptCommand): { start: number; end: number } {
  const run = step.run!;
  const lineEnd = run.text.indexOf('\n', cmd.start);
  const end = lineEnd >= 0 && lineEnd < cmd.end ? run.text.slice(0, lineEnd).trimEnd().length : cmd.end;
  const start = run.offsetOf(cmd.start);
  const endOffset = run.offsetOf(Math.max(cmd.start, end - 1)) + 1;
  return { start, end: endOffset > start ? endOffset : start + 1 };
}

/** Command text as matched: no `sudo`, no leading `VAR=value` assignments, single spaces. */
function normalise(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^(?:[A-Za-z_]\w*=\S*\s+)*/, '')
    .replace(/^sudo\s+(?:-\S+\s+)*/, '')
    .replace(/^npx\s+(?:--yes\s+|-y\s+)?(?=cdk|serverless|sls|vercel|netlify|wrangler)/, '')
    .replace(/^(?:\.\/)?node_modules\/\.bin\//, '');
}
