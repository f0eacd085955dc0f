import specData from '../../../../rules/k8s-missing-probes.yaml';
import type { RuleSpec } from '../../catalog/types';
import { FixText } from '../../rules/fix-text';
import { appendToMap, containerAnchor, containerPorts, containers, LONG_RUNNING, servicesFor, servingPorts, workloads, type Container } from '../kubernetes/model';
import { defineFileRule, type FileFixReport } from '../rule';

const spec = specData as RuleSpec;

function addReadiness(container: Container, text: string, eol: string, snippet: boolean): FileFixReport | undefined {
  const [port] = [...servingPorts(container), ...containerPorts(container)];
  const at = port && appendToMap(text, container.node);
  if (!port || !at) return undefined;
  const i = at.indent;
  const portText = port.name ?? String(port.port);
  const t = new FixText(snippet)
    .text(`${eol}${i}readinessProbe:${eol}${i}  httpGet:${eol}${i}    path: `)
    .choice('/healthz')
    .text(`${eol}${i}    port: ${portText}${eol}${i}  periodSeconds: `)
    .choice('10');
  return { messageId: 'addReadiness', data: { container: container.name ?? 'the container', port: portText }, edits: [{ start: at.offset, end: at.offset, text: t.toString() }] };
}

/**
 * Long-running workloads only. A container serves when it declares a port other than a metrics one, or is the only
 * app container of pods a Service in the file selects. Helper containers beside a serving one are left alone.
 */
export default defineFileRule(spec, 'kubernetes', (file, context) => {
  for (const workload of workloads(file)) {
    if (!LONG_RUNNING.has(workload.kind) || !workload.complete) continue;
    const apps = containers(workload).filter((c) => !c.init);
    const selected = servicesFor(file, workload).length > 0;
    const serving = new Set(apps.filter((c) => servingPorts(c).length > 0));
    if (serving.size === 0 && selected && apps.length === 1) serving.add(apps[0]);
    for (const container of apps) {
      const { doc } = workload;
      const readiness = doc.pair(container.node, 'readinessProbe');
      const other = doc.pair(container.node, 'livenessProbe') ?? doc.pair(container.node, 'startupProbe');
      const where = containerAnchor(container);
      if (!where || readiness) continue;
      const data = { container: container.name ?? 'the container' };
      if (serving.has(container)) {
        const fix = addReadiness(container, file.lines.text, file.lines.eol, context.snippetFixes);
        context.report({ start: where[0], end: where[1], messageId: other ? 'noReadiness' : undefined, data, fixes: fix ? [fix] : [] });
      } else if (serving.size === 0 && !other) {
        context.report({ start: where[0], end: where[1], messageId: 'worker', data });
      }
    }
  }
});
