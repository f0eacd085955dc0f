import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { LineIndex } from './source';

/** A YAML (or JSON) file parsed once: every document with its nodes' source offsets. */
export interface YamlFile {
  fileName: string;
  lines: LineIndex;
  documents: YamlDoc[];
}

export type { Node, Pair, YAMLMap };

/**
 * Parses every document of a YAML stream (JSON is YAML too). `undefined` when any document has a
 * syntax error: rules never run on a half-understood file.
 */
export function parseYamlFile(text: string, fileName: string): YamlFile | undefined {
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false }) as Document.Parsed[];
  } catch {
    return undefined;
  }
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined;
  return { fileName, lines: new LineIndex(text), documents: docs.map((d) => new YamlDoc(d)) };
}

/** One document, with lookups that follow aliases and `<<` merge keys as YAML tools do. */
export class YamlDoc {
  constructor(readonly doc: Document.Parsed) {}

  get root(): Node | undefined {
    return this.resolve(this.doc.contents ?? undefined);
  }

  /** The node behind an alias (`*common`). */
  resolve(node: unknown): Node | undefined {
    if (isAlias(node)) return (node.resolve(this.doc) as Node | undefined) ?? undefined;
    return (node as Node | undefined) ?? undefined;
  }

  /** The pair for `key` in a map, looking into `<<: *anchor` merges after the map's own keys. */
  pair(map: unknown, key: string, depth = 0): Pair<Node, Node> | undefined {
    const m = this.resolve(map);
    if (!isMap(m) || depth > 8) return undefined;
    let merged: Pair<Node, Node> | undefined;
    for (const item of m.items as Pair<Node, Node>[]) {
      const k = scalarText(item.key);
      if (k === key) return item;
      if (k === '<<' && !merged) {
        const sources = isSeq(item.value) ? item.value.items : [item.value];
        for (const s of sources) {
          merged = this.pair(s, key, depth + 1);
          if (merged) break;
        }
      }
    }
    return merged;
  }

  /** The value node for `key`, resolved. */
  get(map: unknown, key: string): Node | undefined {
    return this.resolve(this.pair(map, key)?.value);
  }

  /** The value at a path of keys. */
  getIn(map: unknown, keys: readonly string[]): Node | undefined {
    let node: Node | undefined = this.resolve(map);
    for (const k of keys) node = this.get(node, k);
    return node;
  }

  /** The entries of a map (own keys first, then merged ones not overridden), values resolved. */
  entries(map: unknown): { key: string; pair: Pair<Node, Node>; value: Node | undefined }[] {
    const m = this.resolve(map);
    if (!isMap(m)) return [];
    const out: { key: string; pair: Pair<Node, Node>; value: Node | undefined }[] = [];
    const seen = new Set<string>();
    const merges: Node[] = [];
    for (const item of m.items as Pair<Node, Node>[]) {
      const k = scalarText(item.key);
      if (k === undefined) continue;
      if (k === '<<') {
        merges.push(...(isSeq(item.value) ? (item.value.items as Node[]) : item.value ? [item.value] : []));
        continue;
      }
      seen.add(k);
      out.push({ key: k, pair: item, value: this.resolve(item.value) });
    }
    for (const src of merges) {
      for (const e of this.entries(src)) {
        if (seen.has(e.key)) continue;
        seen.add(e.key);
        out.push(e);
      }
    }
    return out;
  }

  /** The items of a sequence, resolved. */
  items(seq: unknown): Node[] {
    const s = this.resolve(seq);
    return isSeq(s) ? (s.items as Node[]).map((n) => this.resolve(n)).filter((n): n is Node => !!n) : [];
  }
}

/** A scalar's value as text (numbers and booleans too); `undefined` for maps, sequences and null. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

/** Source offsets of a node: `[start, end]` of its value, without trailing comments. */
export function span(node: Node | Pair | null | undefined): [number, number] | undefined {
  if (!node) return undefined;
  if (isPair(node)) {
    const k = span(node.key as Node);
    const v = span(node.value as Node);
    return k && v ? [k[0], v[1]] : k ?? v;
  }
  const r = (node as Node).range;
  return r ? [r[0], r[1]] : undefined;
}

/** Source offsets of a pair's key. */
export function keySpan(pair: Pair): [number, number] | undefined {
  return span(pair.key as Node);
}

export { isMap, isScalar, isSeq };
