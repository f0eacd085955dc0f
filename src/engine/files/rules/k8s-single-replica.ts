import specData from '../../../../rules/k8s-single-replica.yaml';
import type { RuleSpec } from '../../catalog/types';
import { FixText } from '../../rules/fix-text';
import { autoscalersFor, containers, inDevEnvironment, inKustomizeBase, manifestAnchor, servicesFor, servingPorts, workloads, type Workload } from '../kubernetes/model';
import { defineFileRule, type FileFixReport } from '../rule';
import { isMap, span, type Node } from '../yaml';

const spec = specData as RuleSpec;

/** Replaces `replicas: 1`, or writes `replicas: 2` as the first key of a block-style `spec`. */
function setReplicas(workload: Workload, text: string, eol: string, snippet: boolean): FileFixReport | undefined {
  const data = { name: workload.name ?? 'the Deployment' };
  const t = new FixText(snippet);
  const value = span(workload.replicas?.pair.value);
  if (value) return { messageId: 'setReplicas', data, edits: [{ start: value[0], end: value[1], text: t.choice('2').toString() }] };
  const specNode = workload.doc.get(workload.node, 'spec');
  if (!isMap(specNode) || specNode.flow) return undefined;
  const first = (specNode.items[0]?.key as Node | undefined)?.range?.[0];
  if (first === undefined) return undefined;
  const indent = text.slice(text.lastIndexOf('\n', first - 1) + 1, first);
  if (!/^ +$/.test(indent)) return undefined;
  return { messageId: 'setReplicas', data, edits: [{ start: first, end: first, text: t.text('replicas: ').choice('2').text(`${eol}${indent}`).toString() }] };
}

/** A pod that mounts a PersistentVolumeClaim is usually pinned to one replica by a ReadWriteOnce volume. */
function mountsClaim(workload: Workload): boolean {
  const { doc } = workload;
  return doc.items(doc.get(workload.podSpec, 'volumes')).some((v) => doc.get(v, 'persistentVolumeClaim') !== undefined);
}

export default defineFileRule(spec, 'kubernetes', (file, context) => {
  const base = inKustomizeBase(file.fileName);
  if (inDevEnvironment(file.fileName)) return;
  for (const workload of workloads(file)) {
    if (workload.kind !== 'Deployment' || !workload.complete) continue;
    const { replicas } = workload;
    if (replicas ? replicas.value !== 1 : base) continue;
    const serving = containers(workload).some((c) => !c.init && servingPorts(c).length > 0) || servicesFor(file, workload).length > 0;
    if (!serving || mountsClaim(workload) || autoscalersFor(file, workload).length > 0) continue;
    const where = replicas ? span(replicas.pair) : manifestAnchor(workload);
    if (!where) continue;
    const fix = setReplicas(workload, file.lines.text, file.lines.eol, context.snippetFixes);
    context.report({ start: where[0], end: where[1], messageId: replicas ? undefined : 'unset', data: { name: workload.name ?? 'the Deployment' }, fixes: fix ? [fix] : [] });
  }
});
