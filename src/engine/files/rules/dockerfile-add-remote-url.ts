import specData from '../../../../rules/dockerfile-add-remote-url.yaml';
import type { RuleSpec } from '../../catalog/types';
import { defineFileRule } from '../rule';

const spec = specData as RuleSpec;

const REMOTE = /^(?:https?:\/\/|git@|ssh:\/\/)/i;

/** `ADD --checksum=sha256:…` verifies what it fetched, so it stays quiet. */
export default defineFileRule(spec, 'dockerfile', (file, context) => {
  for (const stage of file.stages) {
    for (const ins of stage.instructions) {
      if (ins.keyword !== 'ADD' || ins.flags.has('checksum')) continue;
      const args = ins.node.getArguments();
      for (const arg of args.slice(0, -1)) {
        if (!REMOTE.test(arg.getValue())) continue;
        const r = arg.getRange();
        context.report({ start: file.lines.offsetAt(r.start.line, r.start.character), end: file.lines.offsetAt(r.end.line, r.end.character), data: { url: arg.getValue() } });
      }
    }
  }
});
