import specData from '../../../../rules/dockerfile-npm-install.yaml';
import type { RuleSpec } from '../../catalog/types';
import { FixText } from '../../rules/fix-text';
import { dependencyInstall, runCommands } from '../dockerfile/facts';
import { effectiveInstructions, type DockerInstruction, type Stage } from '../dockerfile/parse';
import { defineFileRule } from '../rule';

const spec = specData as RuleSpec;

const LOCK_SOURCE = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|package\*\.json|\*\.json|\.)$/;

/** Whether the lockfile is in the build before `offset`: copied in (`COPY package*.json ./`, `COPY . .`) or bind-mounted by the RUN itself. */
function lockfileBefore(stage: Stage, run: DockerInstruction): boolean {
  if (/--mount=\S*(?:package-lock\.json|npm-shrinkwrap\.json)/.test(run.source)) return true;
  return effectiveInstructions(stage).some((i) => {
    if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.start > run.start || i.flags.has('from')) return false;
    const args = i.node.getArguments().map((a) => a.getValue());
    return args.slice(0, -1).some((src) => LOCK_SOURCE.test(src.replace(/\/+$/, '') || '.'));
  });
}

/** `npm install` with no package names, where the lockfile is there: `npm ci` installs exactly what it records. */
export default defineFileRule(spec, 'dockerfile', (file, context) => {
  const seen = new Set<number>();
  for (const stage of file.stages) {
    for (const { run, command } of runCommands(file, stage)) {
      const install = dependencyInstall(command);
      if (!install || install.tool !== 'npm' || install.verb === 'ci' || seen.has(install.verbStart)) continue;
      seen.add(install.verbStart);
      if (!lockfileBefore(stage, run)) continue;
      const text = new FixText(context.snippetFixes).text('ci').toString();
      context.report({
        start: command.start,
        end: install.verbEnd,
        fixes: [{ messageId: 'useCi', edits: [{ start: install.verbStart, end: install.verbEnd, text }] }],
      });
    }
  }
});
