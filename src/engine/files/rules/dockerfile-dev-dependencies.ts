import specData from '../../../../rules/dockerfile-dev-dependencies.yaml';
import type { RuleSpec } from '../../catalog/types';
import { FixText } from '../../rules/fix-text';
import { dependencyInstall, isBuildCommand, omitsDevDependencies, productionEnvBefore, prunesDevDependencies, runCommands } from '../dockerfile/facts';
import { effectiveInstructions, type DockerfileDoc, type Stage } from '../dockerfile/parse';
import { isDevSetup } from '../kinds';
import { defineFileRule, type FileRuleContext } from '../rule';

const spec = specData as RuleSpec;

/** The stage's installs that keep devDependencies, unless a prune after them removes them. */
function devInstalls(file: DockerfileDoc, stage: Stage) {
  const commands = runCommands(file, stage);
  const lastPrune = Math.max(-1, ...commands.filter((c) => prunesDevDependencies(c.command)).map((c) => c.command.start));
  return commands
    .map((c) => ({ ...c, install: dependencyInstall(c.command) }))
    .filter((c) => c.install && !omitsDevDependencies(c.install) && c.command.start > lastPrune && !productionEnvBefore(stage, c.command.start));
}

function checkFinalStage(file: DockerfileDoc, stage: Stage, context: FileRuleContext): void {
  const builds = runCommands(file, stage).some((c) => isBuildCommand(c.command));
  for (const { command, install } of devInstalls(file, stage)) {
    if (!install) continue;
    if (builds) {
      context.report({ start: command.start, end: command.end, messageId: 'singleStage' });
      continue;
    }
    const flag = { npm: ' --omit=dev', pnpm: ' --prod', yarn: ' --production' }[install.tool];
    const text = new FixText(context.snippetFixes).text(flag).toString();
    context.report({ start: command.start, end: command.end, data: { command: command.text }, fixes: [{ messageId: 'omitDev', data: { flag: flag.trim() }, edits: [{ start: install.verbEnd, end: install.verbEnd, text }] }] });
  }
}

/** `COPY --from=build /app/node_modules …` from a stage that installed devDependencies. */
function checkCopiedModules(file: DockerfileDoc, stage: Stage, context: FileRuleContext): void {
  for (const copy of effectiveInstructions(stage)) {
    const from = copy.flags.get('from');
    if (copy.keyword !== 'COPY' || !from) continue;
    const sources = copy.node.getArguments().map((a) => a.getValue()).slice(0, -1);
    if (!sources.some((s) => /(?:^|\/)node_modules\/?$/.test(s))) continue;
    const source = file.stages.find((s) => s.name?.toLowerCase() === from.toLowerCase() && s.index < stage.index);
    if (!source || devInstalls(file, source).length === 0) continue;
    context.report({ start: copy.start, end: copy.end, messageId: 'copiedFromBuilder', data: { stage: from } });
  }
}

/** Only the final stage ships: a builder stage needs its devDependencies to compile. */
export default defineFileRule(spec, 'dockerfile', (file, context) => {
  const stage = file.final;
  if (!stage || isDevSetup(file.fileName)) return;
  checkFinalStage(file, stage, context);
  checkCopiedModules(file, stage, context);
});
