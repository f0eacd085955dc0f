import { isDevSetup } from '../kinds';
import { isMap, isScalar, scalarText, span, type Node, type Pair, type YamlDoc, type YamlFile } from '../yaml';

/** One Kubernetes object of a (multi-document) manifest file: a document's root, or an item of a `kind: List`. */
export interface Manifest {
  doc: YamlDoc;
  node: Node;
  apiVersion: string;
  kind: string;
  name: string | undefined;
  namespace: string | undefined;
}

/** Kinds that run pods from a pod template (or are a pod). */
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'Job' | 'CronJob' | 'Pod' | 'Rollout';

/** Workloads whose pods are meant to run until replaced, as opposed to Jobs and bare Pods. */
export const LONG_RUNNING: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Rollout']);

export interface Workload extends Manifest {
  kind: WorkloadKind;
  /** The pod spec (`spec`, `spec.template.spec`, `spec.jobTemplate.spec.template.spec`). */
  podSpec: Node;
  /** The pod template's labels (a Pod's own labels). */
  podLabels: Record<string, string>;
  /** `spec.replicas` as written, for kinds that have it. */
  replicas: { value: number | undefined; pair: Pair<Node, Node> } | undefined;
  /**
   * Whether the object is a whole workload rather than a fragment: every container names an image and, for
   * `apps/v1`, the required `spec.selector` is there. Kustomize strategic-merge patches carry neither.
   */
  complete: boolean;
}

export interface Container {
  workload: Workload;
  node: Node;
  name: string | undefined;
  /** `containers`, or `initContainers` (`sidecar` when it has `restartPolicy: Always` and runs beside the app). */
  init: boolean;
  sidecar: boolean;
  image: string | undefined;
}

const WORKLOAD_KINDS = new Set<string>(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'Rollout']);

/** Every object with an `apiVersion` and a `kind`, in file order; other documents (values, config) are skipped. */
export function manifests(file: YamlFile): Manifest[] {
  return cached(file).manifests;
}

/** Every workload of the file, with its pod spec. */
export function workloads(file: YamlFile): Workload[] {
  return cached(file).workloads;
}

/** The objects of one kind (`PodDisruptionBudget`, `HorizontalPodAutoscaler`, `Service`). */
export function ofKind(file: YamlFile, kind: string): Manifest[] {
  return manifests(file).filter((m) => m.kind === kind);
}

/** The app containers, init containers and native sidecars of a workload, in file order. */
export function containers(workload: Workload): Container[] {
  const { doc, podSpec } = workload;
  const out: Container[] = [];
  for (const field of ['initContainers', 'containers'] as const) {
    for (const node of doc.items(doc.get(podSpec, field))) {
      if (!isMap(node)) continue;
      const init = field === 'initContainers';
      out.push({
        workload,
        node,
        name: scalarText(doc.get(node, 'name')),
        init,
        sidecar: init && scalarText(doc.get(node, 'restartPolicy')) === 'Always',
        image: scalarText(doc.get(node, 'image')),
      });
    }
  }
  return out;
}

/** Where a finding about a container goes: its `name: …` pair, or its first key. */
export function containerAnchor(container: Container): [number, number] | undefined {
  const pair = container.workload.doc.pair(container.node, 'name') ?? (isMap(container.node) ? (container.node.items[0] as Pair<Node, Node> | undefined) : undefined);
  return span(pair);
}

/** Where a finding about a whole object goes: its `metadata.name` pair, or its `kind` pair. */
export function manifestAnchor(m: Manifest): [number, number] | undefined {
  return span(m.doc.pair(m.doc.get(m.node, 'metadata'), 'name') ?? m.doc.pair(m.node, 'kind'));
}

/** The container ports a container declares: `containerPort` numbers and their names. */
export function containerPorts(container: Container): { port: number; name: string | undefined }[] {
  const { doc } = container.workload;
  return doc.items(doc.get(container.node, 'ports')).flatMap((p) => {
    const port = Number(scalarText(doc.get(p, 'containerPort')));
    return Number.isInteger(port) && port > 0 ? [{ port, name: scalarText(doc.get(p, 'name')) }] : [];
  });
}

/** Port names that carry telemetry or diagnostics rather than the traffic the workload serves. */
const SIDE_PORT = /^(?:https?-)?(?:metrics|prom|prometheus|monitoring|telemetry|health|healthz|probes?|admin|debug|pprof|profiler?)$/i;

/** The container's ports that serve clients: every declared port except those named for metrics or diagnostics. */
export function servingPorts(container: Container): { port: number; name: string | undefined }[] {
  return containerPorts(container).filter((p) => !p.name || !SIDE_PORT.test(p.name));
}

/** A `{ key: value }` selector (a Service's) or a LabelSelector (`matchLabels`, `matchExpressions`) against labels. */
export function selectorMatches(doc: YamlDoc, selector: Node | undefined, labels: Record<string, string>, form: 'map' | 'labelSelector'): boolean {
  if (!isMap(selector)) return false;
  const wanted = form === 'map' ? selector : doc.get(selector, 'matchLabels');
  const pairs = doc.entries(wanted);
  const expressions = form === 'labelSelector' ? doc.items(doc.get(selector, 'matchExpressions')) : [];
  if (pairs.length === 0 && expressions.length === 0) return false;
  for (const e of pairs) if (labels[e.key] !== scalarText(e.value)) return false;
  for (const x of expressions) {
    const key = scalarText(doc.get(x, 'key'));
    const values = doc.items(doc.get(x, 'values')).map(scalarText);
    if (!key) return false;
    const has = key in labels;
    switch (scalarText(doc.get(x, 'operator'))) {
      case 'In':
        if (!has || !values.includes(labels[key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/**
 * Services of the same file and namespace whose selector picks the workload's pods, leaving out Services that only
 * expose metrics or diagnostics ports (the ones a Prometheus ServiceMonitor scrapes).
 */
export function servicesFor(file: YamlFile, workload: Workload): Manifest[] {
  return ofKind(file, 'Service').filter((s) => {
    const { doc } = s;
    if (!sameNamespace(s, workload) || !selectorMatches(doc, doc.getIn(s.node, ['spec', 'selector']), workload.podLabels, 'map')) return false;
    const ports = doc.items(doc.getIn(s.node, ['spec', 'ports']));
    return ports.length === 0 || ports.some((p) => ![scalarText(doc.get(p, 'name')), scalarText(doc.get(p, 'targetPort'))].some((n) => n !== undefined && SIDE_PORT.test(n)));
  });
}

/**
 * Whether the file describes a development environment (`deploy/local/`, `k8s/dev/`, `api.dev.yaml`, `minikube/`),
 * where one replica is the point.
 */
export function inDevEnvironment(fileName: string): boolean {
  const path = fileName.replace(/\\/g, '/');
  return isDevSetup(path) || /(?:^|\/)(?:dev|develop|development|local|minikube|e2e|sandbox|preview)\//i.test(path);
}

/**
 * PodDisruptionBudgets of the same file and namespace whose selector picks the workload's pods. In `policy/v1`
 * an empty selector (`selector: {}`) picks every pod of the namespace; a missing one picks none.
 */
export function disruptionBudgetsFor(file: YamlFile, workload: Workload): Manifest[] {
  return ofKind(file, 'PodDisruptionBudget').filter((p) => {
    if (!sameNamespace(p, workload)) return false;
    const selector = p.doc.getIn(p.node, ['spec', 'selector']);
    if (p.apiVersion === 'policy/v1' && isMap(selector) && p.doc.entries(selector).length === 0) return true;
    return selectorMatches(p.doc, selector, workload.podLabels, 'labelSelector');
  });
}

/**
 * Autoscalers of the same file that scale the workload: a HorizontalPodAutoscaler or a KEDA ScaledObject
 * whose `scaleTargetRef` names it. `minReplicas` is the HPA's floor (1 when unset).
 */
export function autoscalersFor(file: YamlFile, workload: Workload): { manifest: Manifest; minReplicas: number }[] {
  return manifests(file).flatMap((m) => {
    if (m.kind !== 'HorizontalPodAutoscaler' && m.kind !== 'ScaledObject') return [];
    const ref = m.doc.getIn(m.node, ['spec', 'scaleTargetRef']);
    const kind = scalarText(m.doc.get(ref, 'kind')) ?? (m.kind === 'ScaledObject' ? 'Deployment' : undefined);
    if (kind !== workload.kind || scalarText(m.doc.get(ref, 'name')) !== workload.name || !sameNamespace(m, workload)) return [];
    const min = Number(scalarText(m.doc.getIn(m.node, ['spec', m.kind === 'ScaledObject' ? 'minReplicaCount' : 'minReplicas'])) ?? 1);
    return [{ manifest: m, minReplicas: Number.isFinite(min) ? min : 1 }];
  });
}

/**
 * Whether the file sits in a Kustomize base (`base/`, `bases/`): overlays there usually set the replica count
 * and the image tag (`images: [{ name, newTag }]`), so their absence from the base is by design.
 */
export function inKustomizeBase(fileName: string): boolean {
  return /(?:^|\/)bases?\//.test(fileName.replace(/\\/g, '/'));
}

/**
 * Where to append a key to a block-style map, and the indentation its keys use (a sequence item's `- `
 * counts as indentation). `undefined` for flow maps (`{ … }`, JSON), where a YAML block cannot go.
 */
export function appendToMap(text: string, map: Node | undefined): { offset: number; indent: string } | undefined {
  if (!isMap(map) || map.flow) return undefined;
  const first = (map.items[0]?.key as Node | undefined)?.range?.[0];
  const where = span(map);
  if (first === undefined || !where) return undefined;
  const lineStart = text.lastIndexOf('\n', first - 1) + 1;
  const prefix = text.slice(lineStart, first);
  if (!/^ *(?:- +)?$/.test(prefix)) return undefined;
  return { offset: text.slice(0, where[1]).replace(/\s+$/, '').length, indent: ' '.repeat(prefix.length) };
}

/**
 * Whether a scalar means `true` to Kubernetes: the YAML 1.2 booleans, plus the unquoted YAML 1.1 spellings
 * (`yes`, `on`) that the API machinery's YAML decoder still reads as true.
 */
export function isTrue(node: Node | undefined): boolean {
  if (!isScalar(node)) return false;
  return node.value === true || (node.type === 'PLAIN' && typeof node.value === 'string' && /^(?:y|Y|yes|Yes|YES|on|On|ON)$/.test(node.value));
}

function sameNamespace(a: Manifest, b: Manifest): boolean {
  return (a.namespace ?? '') === (b.namespace ?? '');
}

interface Parsed {
  manifests: Manifest[];
  workloads: Workload[];
}

const cache = new WeakMap<YamlFile, Parsed>();

function cached(file: YamlFile): Parsed {
  let parsed = cache.get(file);
  if (!parsed) {
    const all: Manifest[] = [];
    for (const doc of file.documents) collect(doc, doc.root, all, 0);
    parsed = { manifests: all, workloads: all.flatMap((m) => toWorkload(m) ?? []) };
    cache.set(file, parsed);
  }
  return parsed;
}

function collect(doc: YamlDoc, node: Node | undefined, out: Manifest[], depth: number): void {
  if (!isMap(node)) return;
  const apiVersion = scalarText(doc.get(node, 'apiVersion'));
  const kind = scalarText(doc.get(node, 'kind'));
  if (!apiVersion || !kind) return;
  if (kind === 'List' && depth === 0) {
    for (const item of doc.items(doc.get(node, 'items'))) collect(doc, item, out, 1);
    return;
  }
  const metadata = doc.get(node, 'metadata');
  out.push({ doc, node, apiVersion, kind, name: scalarText(doc.get(metadata, 'name')), namespace: scalarText(doc.get(metadata, 'namespace')) });
}

function toWorkload(m: Manifest): Workload | undefined {
  if (!WORKLOAD_KINDS.has(m.kind)) return undefined;
  if (m.kind === 'Rollout' && !m.apiVersion.startsWith('argoproj.io/')) return undefined;
  const { doc } = m;
  const spec = doc.get(m.node, 'spec');
  const template = m.kind === 'Pod' ? m.node : m.kind === 'CronJob' ? doc.getIn(spec, ['jobTemplate', 'spec', 'template']) : doc.get(spec, 'template');
  const podSpec = doc.get(template, 'spec');
  if (!isMap(podSpec)) return undefined;
  const labels: Record<string, string> = {};
  for (const e of doc.entries(doc.getIn(template, ['metadata', 'labels']))) {
    const v = scalarText(e.value);
    if (v !== undefined) labels[e.key] = v;
  }
  const replicasPair = ['Deployment', 'StatefulSet', 'ReplicaSet', 'Rollout'].includes(m.kind) ? doc.pair(spec, 'replicas') : undefined;
  const replicasText = scalarText(doc.resolve(replicasPair?.value));
  const replicas = replicasPair ? { value: replicasText !== undefined && /^\d+$/.test(replicasText) ? Number(replicasText) : undefined, pair: replicasPair } : undefined;
  const workload: Workload = { ...m, kind: m.kind as WorkloadKind, podSpec, podLabels: labels, replicas, complete: false };
  const all = containers(workload);
  const apps = all.filter((c) => !c.init);
  const needsSelector = m.apiVersion === 'apps/v1' && m.kind !== 'Pod';
  workload.complete = apps.length > 0 && all.every((c) => !!c.image) && (!needsSelector || isMap(doc.get(spec, 'selector')));
  return workload;
}

