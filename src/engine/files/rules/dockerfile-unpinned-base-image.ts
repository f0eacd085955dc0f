import type { From } from 'dockerfile-ast';
import specData from '../../../../rules/dockerfile-unpinned-base-image.yaml';
import type { RuleSpec } from '../../catalog/types';
import { unpinnedReason } from '../image-ref';
import { defineFileRule } from '../rule';

const spec = specData as RuleSpec;

/** Every stage counts (a floating builder image changes what gets compiled); stages built on earlier stages do not. */
export default defineFileRule(spec, 'dockerfile', (file, context) => {
  for (const stage of file.stages) {
    if (stage.parent || stage.unresolved) continue;
    const reason = unpinnedReason(stage.image);
    if (!reason) continue;
    const range = (stage.from.node as From).getImageRange();
    const start = range ? file.lines.offsetAt(range.start.line, range.start.character) : stage.from.argsStart;
    const end = range ? file.lines.offsetAt(range.end.line, range.end.character) : stage.from.end;
    context.report({ start, end, messageId: reason === 'latest' ? 'latest' : undefined, data: { image: stage.image } });
  }
});
