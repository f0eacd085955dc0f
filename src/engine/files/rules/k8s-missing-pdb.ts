import specData from '../../../../rules/k8s-missing-pdb.yaml';
import type { RuleSpec } from '../../catalog/types';
import { FixText } from '../../rules/fix-text';
import { autoscalersFor, disruptionBudgetsFor, manifestAnchor, workloads, type Workload } from '../kubernetes/model';
import { defineFileRule, type FileFixReport } from '../rule';
import { isMap, keySpan, span } from '../yaml';

const spec = specData as RuleSpec;

/** Appends a PodDisruptionBudget document selecting the workload's `matchLabels`, in the labels' own spelling. */
function addBudget(workload: Workload, text: string, eol: string, snippet: boolean): FileFixReport | undefined {
  const { doc } = workload;
  if (!isMap(workload.node) || workload.node.flow || workload.node !== doc.root) return undefined;
  const labels = doc.entries(doc.getIn(workload.node, ['spec', 'selector', 'matchLabels'])).flatMap((e) => {
    const k = keySpan(e.pair);
    const v = span(e.value);
    return k && v ? [`${text.slice(k[0], k[1])}: ${text.slice(v[0], v[1])}`] : [];
  });
  if (labels.length === 0 || !workload.name) return undefined;
  const trimmed = text.replace(/\s+$/, '');
  const lead = trimmed.length === 0 || /(?:^|\n)---$/.test(trimmed) ? '' : `---${eol}`;
  const t = new FixText(snippet)
    .text(`${eol}${lead}apiVersion: policy/v1${eol}kind: PodDisruptionBudget${eol}metadata:${eol}  name: ${workload.name}${eol}`)
    .text(workload.namespace ? `  namespace: ${workload.namespace}${eol}` : '')
    .text(`spec:${eol}  minAvailable: `)
    .choice('1')
    .text(`${eol}  selector:${eol}    matchLabels:${eol}${labels.map((l) => `      ${l}${eol}`).join('')}`);
  return { messageId: 'addPdb', data: { name: workload.name }, edits: [{ start: trimmed.length, end: text.length, text: t.toString() }] };
}

/**
 * Deployments and StatefulSets with more than one replica, written or guaranteed by an autoscaler's floor in the
 * file. Kustomize patches (no selector, no images) stay quiet: the budget belongs with the base.
 */
export default defineFileRule(spec, 'kubernetes', (file, context) => {
  for (const workload of workloads(file)) {
    if ((workload.kind !== 'Deployment' && workload.kind !== 'StatefulSet') || !workload.complete) continue;
    const floor = Math.max(0, ...autoscalersFor(file, workload).map((a) => a.minReplicas));
    const replicas = workload.replicas?.value ?? (workload.replicas ? undefined : floor);
    if (replicas === undefined || Math.max(replicas, floor) < 2 || disruptionBudgetsFor(file, workload).length > 0) continue;
    const where = workload.replicas ? span(workload.replicas.pair) : manifestAnchor(workload);
    if (!where) continue;
    const fix = addBudget(workload, file.lines.text, file.lines.eol, context.snippetFixes);
    context.report({
      start: where[0],
      end: where[1],
      data: { kind: workload.kind, name: workload.name ?? 'this workload', replicas: String(Math.max(replicas, floor)) },
      fixes: fix ? [fix] : [],
    });
  }
});
