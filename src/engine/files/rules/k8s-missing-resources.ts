import specData from '../../../../rules/k8s-missing-resources.yaml';
import type { RuleSpec } from '../../catalog/types';
import { FixText } from '../../rules/fix-text';
import { appendToMap, containerAnchor, containers, ofKind, workloads, type Container } from '../kubernetes/model';
import { defineFileRule, type FileFixReport } from '../rule';
import { isMap, keySpan, type Node } from '../yaml';

const spec = specData as RuleSpec;

/** What is missing from a `resources` block: requests default to limits when only limits are set. */
function missing(container: Container, resources: Node | undefined): string[] {
  const { doc } = container.workload;
  const has = (...path: string[]) => doc.getIn(resources, path) !== undefined;
  const out: string[] = [];
  if (!has('requests', 'cpu') && !has('limits', 'cpu')) out.push('`requests.cpu`');
  if (!has('requests', 'memory') && !has('limits', 'memory')) out.push('`requests.memory`');
  if (!has('limits', 'memory')) out.push('`limits.memory`');
  return out;
}

function addResources(container: Container, text: string, eol: string, snippet: boolean): FileFixReport | undefined {
  const at = appendToMap(text, container.node);
  if (!at) return undefined;
  const i = at.indent;
  const t = new FixText(snippet)
    .text(`${eol}${i}resources:${eol}${i}  requests:${eol}${i}    cpu: `)
    .choice('100m')
    .text(`${eol}${i}    memory: `)
    .choice('128Mi')
    .text(`${eol}${i}  limits:${eol}${i}    memory: `)
    .choice('256Mi');
  return { messageId: 'addResources', data: { container: container.name ?? 'the container' }, edits: [{ start: at.offset, end: at.offset, text: t.toString() }] };
}

/**
 * Every container of a whole workload (Kustomize patches are fragments and stay quiet), init containers
 * included: the scheduler sizes a pod by its largest init container too. A LimitRange in the file supplies defaults.
 */
export default defineFileRule(spec, 'kubernetes', (file, context) => {
  const limitRanges = ofKind(file, 'LimitRange');
  for (const workload of workloads(file)) {
    if (!workload.complete || limitRanges.some((l) => (l.namespace ?? '') === (workload.namespace ?? ''))) continue;
    for (const container of containers(workload)) {
      const { doc } = workload;
      const pair = doc.pair(container.node, 'resources');
      const resources = doc.resolve(pair?.value);
      const name = container.name ?? 'the container';
      if (!pair) {
        const where = containerAnchor(container);
        const fix = addResources(container, file.lines.text, file.lines.eol, context.snippetFixes);
        if (where) context.report({ start: where[0], end: where[1], data: { container: name }, fixes: fix ? [fix] : [] });
        continue;
      }
      const gaps = missing(container, isMap(resources) ? resources : undefined);
      const where = keySpan(pair);
      if (gaps.length === 0 || !where) continue;
      const list = gaps.length === 1 ? gaps[0] : `${gaps.slice(0, -1).join(', ')} and ${gaps[gaps.length - 1]}`;
      context.report({ start: where[0], end: where[1], messageId: 'incomplete', data: { container: name, missing: list } });
    }
  }
});
