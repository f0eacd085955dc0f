import specData from '../../../../rules/compose-unpinned-image.yaml';
import type { RuleSpec } from '../../catalog/types';
import { composeServices } from '../compose/model';
import { unpinnedReason } from '../image-ref';
import { defineFileRule } from '../rule';
import { scalarText, span } from '../yaml';

const spec = specData as RuleSpec;

/** A service with `build:` names the image it builds: its tag is an output, not a pull. */
export default defineFileRule(spec, 'compose', (file, context) => {
  const seen = new Set<number>();
  for (const service of composeServices(file)) {
    const { doc } = service;
    if (doc.get(service.node, 'build') !== undefined) continue;
    const node = doc.get(service.node, 'image');
    const image = scalarText(node);
    const where = span(node);
    if (!image || !where || image.includes('$') || seen.has(where[0])) continue;
    seen.add(where[0]);
    const reason = unpinnedReason(image);
    if (!reason) continue;
    context.report({ start: where[0], end: where[1], messageId: reason === 'latest' ? 'latest' : undefined, data: { image, service: service.name } });
  }
});
