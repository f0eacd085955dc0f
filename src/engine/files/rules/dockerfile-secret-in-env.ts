import specData from '../../../../rules/dockerfile-secret-in-env.yaml';
import type { RuleSpec } from '../../catalog/types';
import { lineage } from '../dockerfile/parse';
import { isSecretName } from '../secrets';
import { defineFileRule } from '../rule';

const spec = specData as RuleSpec;

interface PropertyNode {
  getName(): string;
  getValue(): string | null;
  getRange(): { start: { line: number; character: number }; end: { line: number; character: number } };
}

/**
 * ENV values stay in the image's config, ARG values in its history: anyone who can pull the image reads them.
 * Builder stages do not ship, so there only a literal value counts (a credential written in the source);
 * an ARG or a `$TOKEN` passed through is quiet.
 */
export default defineFileRule(spec, 'dockerfile', (file, context) => {
  const shipped = file.final ? lineage(file.final) : [];
  for (const stage of file.stages) {
    const ships = shipped.includes(stage);
    for (const ins of stage.instructions) {
      if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG') continue;
      if (ins.keyword === 'ARG' && !ships) continue;
      for (const p of (ins.node as unknown as { getProperties(): PropertyNode[] }).getProperties()) {
        const name = p.getName();
        if (!isSecretName(name)) continue;
        const value = p.getValue() ?? '';
        if (ins.keyword === 'ENV' && (value === '' || /^\/run\/secrets\//.test(value) || (!ships && value.includes('$')))) continue;
        const r = p.getRange();
        context.report({
          start: file.lines.offsetAt(r.start.line, r.start.character),
          end: file.lines.offsetAt(r.end.line, r.end.character),
          messageId: ins.keyword === 'ARG' ? 'buildArg' : undefined,
          data: { name },
        });
      }
    }
  }
});
