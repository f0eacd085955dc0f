import { isMap, isSeq, scalarText, type Node, type Pair, type YamlDoc, type YamlFile } from '../yaml';

/** One service of a Compose file, with its node for lookups and its key for reporting. */
export interface ComposeService {
  name: string;
  doc: YamlDoc;
  pair: Pair<Node, Node>;
  node: Node;
}

/** The services of every document that is a Compose file (a top-level `services` map). */
export function composeServices(file: YamlFile): ComposeService[] {
  const out: ComposeService[] = [];
  for (const doc of file.documents) {
    const services = doc.get(doc.root, 'services');
    if (!isMap(services)) continue;
    for (const e of doc.entries(services)) if (isMap(e.value)) out.push({ name: e.key, doc, pair: e.pair, node: e.value });
  }
  return out;
}

export type DependsCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

/** `depends_on` in its list form (`[db]`: started) and its map form (`db: { condition: service_healthy }`). */
export function dependencies(service: ComposeService): { target: string; condition: DependsCondition }[] {
  const { doc } = service;
  const node = doc.get(service.node, 'depends_on');
  if (isSeq(node)) return doc.items(node).map((n) => ({ target: scalarText(n) ?? '', condition: 'service_started' as const })).filter((d) => d.target);
  return doc.entries(node).map((e) => ({ target: e.key, condition: (scalarText(doc.get(e.value, 'condition')) ?? 'service_started') as DependsCondition }));
}

/** An environment entry in either form: `KEY: value` or `- KEY=value`; `valueNode` is the scalar to edit. */
export interface EnvEntry {
  key: string;
  value: string | undefined;
  form: 'map' | 'list';
  valueNode: Node;
}

export function environment(service: ComposeService): EnvEntry[] {
  const { doc } = service;
  const node = doc.get(service.node, 'environment');
  if (isSeq(node)) {
    return doc.items(node).flatMap((n) => {
      const text = scalarText(n);
      const eq = text?.indexOf('=') ?? -1;
      return text && eq > 0 ? [{ key: text.slice(0, eq), value: text.slice(eq + 1), form: 'list' as const, valueNode: n }] : [];
    });
  }
  return doc.entries(node).flatMap((e) => (e.value ? [{ key: e.key, value: scalarText(e.value), form: 'map' as const, valueNode: e.value }] : []));
}
