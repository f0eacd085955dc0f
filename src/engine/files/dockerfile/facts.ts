/** What Dockerfile rules ask of a stage: who it runs as, what it installs, what it builds. */
import { repositoryName } from '../image-ref';
import { shellCommands, words, type ShellCommand } from './shell';
import { baseImage, effectiveInstructions, substitute, type DockerfileDoc, type DockerInstruction, type Stage } from './parse';

export interface RunCommand {
  run: DockerInstruction;
  command: ShellCommand;
}

/** Every shell command the stage (with its ancestors) runs, in build order. */
export function runCommands(file: DockerfileDoc, stage: Stage): RunCommand[] {
  return effectiveInstructions(stage)
    .filter((i) => i.keyword === 'RUN')
    .flatMap((run) => shellCommands(run, file.escape).map((command) => ({ run, command })));
}

/** The ARG and ENV values a stage sees, for resolving `USER ${APP_USER}`. */
function stageVariables(file: DockerfileDoc, stage: Stage): Map<string, string | undefined> {
  const vars = new Map(file.globalArgs);
  for (const ins of effectiveInstructions(stage)) {
    if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV') continue;
    const props = (ins.node as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties();
    for (const p of props) vars.set(p.getName(), p.getValue() ?? vars.get(p.getName()));
  }
  return vars;
}

/** The user the stage's processes run as: the last USER in its lineage; `name` undefined when it hangs on an unknown build arg. */
export function lastUser(file: DockerfileDoc, stage: Stage): { ins: DockerInstruction; name: string | undefined } | undefined {
  const users = effectiveInstructions(stage).filter((i) => i.keyword === 'USER');
  const ins = users[users.length - 1];
  if (!ins) return undefined;
  const { value, unresolved } = substitute(ins.raw.trim(), stageVariables(file, stage));
  return { ins, name: unresolved ? undefined : value };
}

export function isRootUser(user: string): boolean {
  return /^(?:root|0)(?::.*)?$/i.test(user.trim());
}

/** Images whose default user is not root: distroless `:nonroot`, Chainguard, Bitnami, the unprivileged nginx. */
export function runsAsNonRootByDefault(image: string): boolean {
  return /nonroot|rootless|unprivileged/i.test(image) || /^cgr\.dev\/chainguard\//i.test(image) || /^(?:docker\.io\/)?bitnami\//i.test(image);
}

/** Whether the base is the official node image, which ships a `node` user (uid 1000). */
export function isNodeImage(file: DockerfileDoc, stage: Stage): boolean {
  const base = baseImage(stage);
  return !!base && repositoryName(base) === 'node';
}

/** An entrypoint that drops root itself (gosu, su-exec, setpriv) after setting up volumes. */
export function dropsPrivileges(file: DockerfileDoc, stage: Stage): boolean {
  return effectiveInstructions(stage).some((i) => /\b(?:gosu|su-exec|setpriv|chroot\s+--userspec|runuser)\b/.test(i.raw));
}

/** A package install that takes its versions from the manifest: `npm ci`, `npm install` with no package names, yarn/pnpm install. */
export interface DependencyInstall {
  tool: 'npm' | 'yarn' | 'pnpm';
  /** `ci`, `install` or `i`. */
  verb: string;
  /** Offsets of the verb in the file. */
  verbStart: number;
  verbEnd: number;
  args: string[];
}

const VALUE_FLAGS = new Set(['--registry', '--cache', '--prefix', '--loglevel', '--omit', '--include', '--workspace', '-w', '--userconfig', '--network-timeout', '--modules-folder', '--cache-folder', '--filter']);

export function dependencyInstall(command: ShellCommand): DependencyInstall | undefined {
  const m = /^(?:(?:sudo|env\s+[^\s=]+=\S+|[A-Z_]+=\S+)\s+)*(npm|yarn|pnpm)\s+(ci|install|i)(?=\s|$)/.exec(command.text);
  if (!m) return undefined;
  const args = words(command.text.slice(m[0].length));
  let prev = '';
  for (const a of args) {
    if (!a.startsWith('-') && !VALUE_FLAGS.has(prev)) return undefined; // names a package: a global tool or an addition, not the app's dependencies
    prev = a;
  }
  const verbIndex = m[0].length - m[2].length;
  return { tool: m[1] as DependencyInstall['tool'], verb: m[2], verbStart: command.offsetOf(verbIndex), verbEnd: command.offsetOf(verbIndex + m[2].length - 1) + 1, args };
}

/** Whether an install leaves devDependencies out. */
export function omitsDevDependencies(install: DependencyInstall): boolean {
  return install.args.some((a, i) => /^--(?:omit=dev|only=prod(?:uction)?|production(?:=true)?|prod)$/.test(a) || (a === '--omit' && install.args[i + 1] === 'dev'));
}

/** `npm prune --omit=dev` and friends, which drop devDependencies after a build. */
export function prunesDevDependencies(command: ShellCommand): boolean {
  return /^(?:npm\s+prune\b.*--(?:omit[= ]dev|production)|pnpm\s+prune\s+--prod|yarn\s+(?:install|workspaces\s+focus)\b.*--production)/.test(command.text);
}

/** A build step: the stage compiles the app (TypeScript, a bundler, a framework build). */
export function isBuildCommand(command: ShellCommand): boolean {
  return /^(?:(?:npm|pnpm)\s+(?:run\s+)?build\b|yarn\s+(?:run\s+)?build\b|npx\s+(?:tsc|nest\s+build|next\s+build|vite\s+build)\b|tsc\b|nest\s+build\b|next\s+build\b)/.test(command.text);
}

/** Whether NODE_ENV=production is set (by ENV, or an ARG default) before `offset` in the stage's lineage: npm then skips devDependencies. */
export function productionEnvBefore(stage: Stage, offset: number): boolean {
  return effectiveInstructions(stage).some(
    (i) => (i.keyword === 'ENV' || i.keyword === 'ARG') && i.start < offset && /(?:^|\s)NODE_ENV[= ]["']?production\b/.test(i.raw),
  );
}
