import specData from '../../../../rules/k8s-latest-image.yaml';
import type { RuleSpec } from '../../catalog/types';
import { parseImageRef, unpinnedReason } from '../image-ref';
import { containers, inKustomizeBase, workloads } from '../kubernetes/model';
import { defineFileRule } from '../rule';
import { span } from '../yaml';

const spec = specData as RuleSpec;

/**
 * Whether a value is a real image reference rather than a placeholder a tool replaces (`${IMAGE}`, `<image>`,
 * `API_IMAGE`): repository names are lower-case by definition.
 */
function isImageReference(image: string): boolean {
  return /^[a-z0-9][a-z0-9._/:@-]*$/i.test(image) && !/[A-Z]/.test(parseImageRef(image).name);
}

/** Every container with an image, patches included: an overlay that sets `latest` is as real as a base. */
export default defineFileRule(spec, 'kubernetes', (file, context) => {
  const base = inKustomizeBase(file.fileName);
  for (const workload of workloads(file)) {
    for (const container of containers(workload)) {
      const image = container.image?.trim();
      if (!image || !isImageReference(image)) continue;
      const reason = unpinnedReason(image);
      if (!reason || (reason === 'untagged' && base)) continue;
      const where = span(workload.doc.get(container.node, 'image'));
      if (where) context.report({ start: where[0], end: where[1], messageId: reason === 'latest' ? 'latest' : undefined, data: { image, container: container.name ?? 'the container' } });
    }
  }
});
