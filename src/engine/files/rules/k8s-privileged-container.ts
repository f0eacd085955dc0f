import specData from '../../../../rules/k8s-privileged-container.yaml';
import type { RuleSpec } from '../../catalog/types';
import { containers, isTrue, workloads, type Container } from '../kubernetes/model';
import { defineFileRule, type FileFixReport, type FileRuleContext } from '../rule';
import { scalarText, span, type Node, type Pair } from '../yaml';

const spec = specData as RuleSpec;

/** Capabilities the Pod Security Standards' baseline profile allows a container to add. */
const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

const HOST_NAMESPACES: Record<string, string> = { hostNetwork: 'network', hostPID: 'process', hostIPC: 'IPC' };

/** Turns an explicit `true` into `false`, keeping the key and any comment. */
function setFalse(pair: Pair<Node, Node>, field: string): FileFixReport[] {
  const where = span(pair.value);
  return where ? [{ messageId: 'setFalse', data: { field }, edits: [{ start: where[0], end: where[1], text: 'false' }] }] : [];
}

function report(context: FileRuleContext, pair: Pair<Node, Node> | undefined, messageId: string | undefined, data: Record<string, string>, fixes: FileFixReport[] = []): void {
  const where = span(pair);
  if (where) context.report({ start: where[0], end: where[1], messageId, data, fixes });
}

function checkContainer(container: Container, context: FileRuleContext): void {
  const { doc } = container.workload;
  const name = container.name ?? 'the container';
  const security = doc.get(container.node, 'securityContext');
  const privileged = doc.pair(security, 'privileged');
  if (privileged && isTrue(doc.resolve(privileged.value))) report(context, privileged, undefined, { container: name }, setFalse(privileged, 'privileged'));
  const escalation = doc.pair(security, 'allowPrivilegeEscalation');
  if (escalation && isTrue(doc.resolve(escalation.value))) report(context, escalation, 'escalation', { container: name }, setFalse(escalation, 'allowPrivilegeEscalation'));
  const user = doc.pair(security, 'runAsUser');
  if (user && scalarText(doc.resolve(user.value)) === '0') report(context, user, 'root', { target: `container \`${name}\`` });
  for (const cap of doc.items(doc.getIn(security, ['capabilities', 'add']))) {
    const text = scalarText(cap)?.toUpperCase().replace(/^CAP_/, '');
    const where = span(cap);
    if (!text || BASELINE_CAPABILITIES.has(text) || !where) continue;
    context.report({ start: where[0], end: where[1], messageId: 'capability', data: { container: name, capability: text } });
  }
}

/**
 * Explicit settings only, on every container (init containers and Kustomize patches too: a patch that turns
 * `privileged` on is as real as a full manifest). A pod-level `runAsUser: 0` counts when a container inherits it.
 */
export default defineFileRule(spec, 'kubernetes', (file, context) => {
  for (const workload of workloads(file)) {
    const { doc, podSpec } = workload;
    const all = containers(workload);
    if (workload.kind !== 'DaemonSet') {
      for (const [field, namespace] of Object.entries(HOST_NAMESPACES)) {
        const pair = doc.pair(podSpec, field);
        if (pair && isTrue(doc.resolve(pair.value))) report(context, pair, 'hostNamespace', { field, namespace, kind: workload.kind }, setFalse(pair, field));
      }
    }
    const podUser = doc.pair(doc.get(podSpec, 'securityContext'), 'runAsUser');
    const inherits = (c: Container) => doc.getIn(c.node, ['securityContext', 'runAsUser']) === undefined;
    if (podUser && scalarText(doc.resolve(podUser.value)) === '0' && (all.length === 0 || all.some(inherits))) {
      report(context, podUser, 'root', { target: `every container of this ${workload.kind} that does not set its own uid` });
    }
    for (const container of all) checkContainer(container, context);
  }
});
