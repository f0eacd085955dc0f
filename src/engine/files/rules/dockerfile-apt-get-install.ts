import specData from '../../../../rules/dockerfile-apt-get-install.yaml';
import type { RuleSpec } from '../../catalog/types';
import { FixText } from '../../rules/fix-text';
import { runCommands } from '../dockerfile/facts';
import { shellCommands } from '../dockerfile/shell';
import { defineFileRule } from '../rule';

const spec = specData as RuleSpec;

const INSTALL = /^(?:sudo\s+)?(?:DEBIAN_FRONTEND=\S+\s+)?apt(?:-get)?\s+(?:-\S+\s+)*install\b/;
const NO_RECOMMENDS = /--no-install-recommends|Install-Recommends=(?:false|0|no)/i;
const CLEANUP = /\brm\s+-[a-z]*r[a-z]*f?\s+.*\/var\/lib\/apt\/lists|\bapt(?:-get)?\s+(?:-\S+\s+)*(?:dist-)?clean\b.*&&.*\/var\/lib\/apt\/lists/;
const CACHE_MOUNT = /--mount=[^\s]*type=cache[^\s]*target=\/var\/(?:lib|cache)\/apt/;

/** Only the final image's size matters: builder stages are thrown away. */
export default defineFileRule(spec, 'dockerfile', (file, context) => {
  const stage = file.final;
  if (!stage) return;
  for (const { run, command } of runCommands(file, stage)) {
    const m = INSTALL.exec(command.text);
    if (!m) continue;
    const flagged = !NO_RECOMMENDS.test(command.text) && !NO_RECOMMENDS.test(run.raw.split(/\r?\n/)[0] ?? '');
    const cleaned = CACHE_MOUNT.test(run.source) || shellCommands(run, file.escape).some((c) => /\/var\/lib\/apt\/lists/.test(c.text) && /\brm\b/.test(c.text)) || CLEANUP.test(run.raw);
    if (!flagged && cleaned) continue;
    const messageId = flagged && !cleaned ? undefined : flagged ? 'noRecommends' : 'noCleanup';
    const at = command.offsetOf(m[0].length - 1) + 1;
    const fixes = flagged ? [{ messageId: 'addFlag', edits: [{ start: at, end: at, text: new FixText(context.snippetFixes).text(' --no-install-recommends').toString() }] }] : [];
    context.report({ start: command.start, end: at, messageId, fixes });
  }
});
