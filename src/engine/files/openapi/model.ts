import { visit } from 'yaml';
import { isMap, isSeq, scalarText, type Node, type Pair, type YAMLMap, type YamlDoc, type YamlFile } from '../yaml';

/** One OpenAPI 3.x document of a file (Swagger 2.0 and anything else are left out). */
export interface OpenApiSpec {
  doc: YamlDoc;
  root: YAMLMap;
  /** `3.0.3`, `3.1.0`… */
  version: string;
}

/** The documents of a file whose root says `openapi: 3.x`. */
export function openApiSpecs(file: YamlFile): OpenApiSpec[] {
  const out: OpenApiSpec[] = [];
  for (const doc of file.documents) {
    const root = doc.root;
    const version = scalarText(doc.get(root, 'openapi'));
    if (isMap(root) && version && /^3\.\d/.test(version)) out.push({ doc, root, version });
  }
  return out;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One operation: a method under a path, with its key (for reporting) and its map (for lookups and edits). */
export interface Operation {
  spec: OpenApiSpec;
  path: string;
  method: HttpMethod;
  /** The path item map (after a local `$ref`). */
  pathItem: Node;
  /** `get: …`: the pair whose key a finding underlines. */
  pair: Pair<Node, Node>;
  node: YAMLMap;
}

/** Every operation under `paths`, in source order. Path items behind a local `$ref` (3.1 `components/pathItems`) are followed. */
export function operations(spec: OpenApiSpec): Operation[] {
  const { doc } = spec;
  const out: Operation[] = [];
  for (const p of doc.entries(doc.get(spec.root, 'paths'))) {
    if (!p.key.startsWith('/')) continue;
    const item = deref(spec, p.value);
    if (!isMap(item)) continue;
    for (const e of doc.entries(item)) {
      const method = e.key.toLowerCase() as HttpMethod;
      if (e.key !== method || !HTTP_METHODS.includes(method) || !isMap(e.value)) continue;
      out.push({ spec, path: p.key, method, pathItem: item, pair: e.pair, node: e.value });
    }
  }
  return out;
}

/** The `$ref` of a map, when it has one. */
export function refOf(spec: OpenApiSpec, node: unknown): string | undefined {
  return isMap(spec.doc.resolve(node)) ? scalarText(spec.doc.get(node, '$ref')) : undefined;
}

/**
 * The node a local `$ref` (`#/components/schemas/Order`) points at, following chains of refs. Nodes
 * without a `$ref` come back as they are; `undefined` for a ref into another file or to nothing, which
 * rules must treat as "unknown" rather than "absent".
 */
export function deref(spec: OpenApiSpec, node: unknown, depth = 0): Node | undefined {
  const resolved = spec.doc.resolve(node);
  const ref = refOf(spec, resolved);
  if (ref === undefined) return resolved;
  if (!ref.startsWith('#/') || depth > 16) return undefined;
  let target: Node | undefined = spec.root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodePointer(raw);
    target = isSeq(target) ? spec.doc.items(target)[Number(key)] : spec.doc.get(target, key);
    if (target === undefined) return undefined;
  }
  return deref(spec, target, depth + 1);
}

function decodePointer(token: string): string {
  let text = token;
  try {
    text = decodeURIComponent(token);
  } catch {
    // a stray `%` stays as written
  }
  return text.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A parameter as the operation receives it: path-level ones merged with its own (which win by name and location). */
export interface Parameter {
  name: string;
  in: string;
  node: YAMLMap;
  /** The schema, or the one of its first `content` entry; refs followed. */
  schema: Node | undefined;
}

export function parameters(op: Operation): Parameter[] {
  const { doc } = op.spec;
  const byKey = new Map<string, Parameter>();
  for (const owner of [op.pathItem, op.node]) {
    for (const raw of doc.items(doc.get(owner, 'parameters'))) {
      const node = deref(op.spec, raw);
      if (!isMap(node)) continue;
      const name = scalarText(doc.get(node, 'name'));
      const where = scalarText(doc.get(node, 'in'));
      if (!name || !where) continue;
      const content = doc.entries(doc.get(node, 'content'))[0]?.value;
      const schema = deref(op.spec, doc.get(node, 'schema') ?? doc.get(content, 'schema'));
      byKey.set(`${where}:${name}`, { name, in: where, node, schema });
    }
  }
  return [...byKey.values()];
}

/** The `parameters` of every path item, operation and `components/parameters` of a spec, refs followed (for spec-wide questions). */
export function allParameters(spec: OpenApiSpec): { name: string; in: string; node: YAMLMap }[] {
  const { doc } = spec;
  const out: { name: string; in: string; node: YAMLMap }[] = [];
  const add = (raw: unknown) => {
    const node = deref(spec, raw);
    const name = scalarText(doc.get(node, 'name'));
    const where = scalarText(doc.get(node, 'in'));
    if (isMap(node) && name && where) out.push({ name, in: where, node });
  };
  for (const e of doc.entries(doc.getIn(spec.root, ['components', 'parameters']))) add(e.value);
  for (const p of doc.entries(doc.get(spec.root, 'paths'))) {
    const item = deref(spec, p.value);
    for (const raw of doc.items(doc.get(item, 'parameters'))) add(raw);
    for (const e of doc.entries(item)) if (isMap(e.value)) for (const raw of doc.items(doc.get(e.value, 'parameters'))) add(raw);
  }
  return out;
}

/**
 * The security that applies to an operation: its own `security` when it has the key (an empty list is a
 * deliberate "no auth"), else the document's. `requirements` are the requirement objects; one that is
 * empty (`- {}`) makes authentication optional.
 */
export interface EffectiveSecurity {
  source: 'operation' | 'global' | 'none';
  requirements: Node[];
}

export function effectiveSecurity(op: Operation): EffectiveSecurity {
  const { doc } = op.spec;
  if (doc.pair(op.node, 'security')) return { source: 'operation', requirements: doc.items(doc.get(op.node, 'security')) };
  if (doc.pair(op.spec.root, 'security')) return { source: 'global', requirements: doc.items(doc.get(op.spec.root, 'security')) };
  return { source: 'none', requirements: [] };
}

/** The scheme names of security requirements (`bearerAuth` of `- bearerAuth: []`). */
export function schemeNames(spec: OpenApiSpec, requirements: Node[]): string[] {
  return requirements.flatMap((r) => spec.doc.entries(r).map((e) => e.key));
}

/** One entry of an operation's `responses`: its status code (`200`, `4XX`, `default`) and the response behind any `$ref`. */
export interface ResponseEntry {
  code: string;
  pair: Pair<Node, Node>;
  node: Node | undefined;
}

export function responses(op: Operation): ResponseEntry[] {
  const { doc } = op.spec;
  return doc.entries(doc.get(op.node, 'responses')).map((e) => ({ code: e.key.toUpperCase(), pair: e.pair, node: deref(op.spec, e.value) }));
}

/** Whether a media type carries JSON (`application/json`, `application/problem+json`, `application/vnd.api+json`, `*\/*`). */
export function isJsonMedia(mediaType: string): boolean {
  return /^(?:application\/(?:[\w.-]+\+)?json|\*\/\*)(?:\s*;.*)?$/i.test(mediaType.trim());
}

/** The schemas of a request body or response's `content`, refs followed, with their media types. */
export function contentSchemas(spec: OpenApiSpec, owner: Node | undefined): { mediaType: string; schema: Node }[] {
  const { doc } = spec;
  const out: { mediaType: string; schema: Node }[] = [];
  for (const e of doc.entries(doc.get(owner, 'content'))) {
    const schema = deref(spec, doc.get(e.value, 'schema'));
    if (schema) out.push({ mediaType: e.key, schema });
  }
  return out;
}

/** A schema's `type`: the 3.0 string, or the non-null member of a 3.1 list (`[string, 'null']`). */
export function schemaType(spec: OpenApiSpec, schema: Node | undefined): string | undefined {
  const node = spec.doc.get(schema, 'type');
  if (isSeq(node)) {
    const types = spec.doc.items(node).map(scalarText).filter((t) => t && t !== 'null');
    return types.length === 1 ? types[0] : undefined;
  }
  return scalarText(node);
}

/** Every media type named under a `content` map anywhere in the spec (`application/json`, `application/vnd.acme.v2+json`). */
export function mediaTypes(spec: OpenApiSpec): string[] {
  const out = new Set<string>();
  visit(spec.doc.doc, {
    Pair(_, pair) {
      if (scalarText(pair.key) !== 'content' || !isMap(pair.value)) return;
      for (const item of pair.value.items) {
        const key = scalarText(item.key);
        if (key?.includes('/')) out.add(key);
      }
    },
  });
  return [...out];
}
