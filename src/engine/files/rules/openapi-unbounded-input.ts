import specData from '../../../../rules/openapi-unbounded-input.yaml';
import type { RuleSpec } from '../../catalog/types';
import { Choice, insertEntry } from '../openapi/edit';
import { contentSchemas, deref, openApiSpecs, operations, parameters, schemaType, type OpenApiSpec } from '../openapi/model';
import { defineFileRule, type FileRuleContext } from '../rule';
import { isMap, scalarText, span, type Node, type YamlFile } from '../yaml';

const spec = specData as RuleSpec;

/** Formats whose values have a fixed or small length; `binary` is an uploaded file, bounded by the body limit, not by maxLength. */
const BOUNDED_FORMAT = /^(?:uuid|guid|date|date-time|time|ipv4|ipv6|int32|int64|binary|char|byte-size)$/i;

/** An anchored pattern without `*`, `+` or `{n,}` admits only strings of bounded length (`^[A-Z]{2}$`). */
function boundedPattern(pattern: string | undefined): boolean {
  return !!pattern && /^\^/.test(pattern) && /(?<!\\)\$$/.test(pattern) && !/(?<!\\)[*+]|\{\d+,\}/.test(pattern);
}

function walker(file: YamlFile, api: OpenApiSpec, context: FileRuleContext) {
  const { doc } = api;
  const seen = new Set<Node>();

  const check = (schema: Node, name: string, type: 'string' | 'array') => {
    const typePair = doc.pair(schema, 'type');
    const where = typePair && span(typePair);
    if (!where || !isMap(schema)) return;
    const email = type === 'string' && /^e-?mail$/i.test(scalarText(doc.get(schema, 'format')) ?? '');
    const key = type === 'string' ? 'maxLength' : 'maxItems';
    const limit = type === 'array' ? 100 : email ? 254 : 255;
    const edit = schema.items.includes(typePair) ? insertEntry(file.lines.text, schema, { after: typePair }, key, new Choice(limit), context.snippetFixes) : undefined;
    context.report({
      start: where[0],
      end: where[1],
      messageId: type === 'array' ? 'array' : undefined,
      data: { name },
      fixes: edit ? [{ messageId: type === 'array' ? 'addMaxItems' : 'addMaxLength', data: { limit: String(limit) }, edits: [edit] }] : [],
    });
  };

  const walk = (raw: unknown, name: string, depth = 0): void => {
    const schema = deref(api, raw);
    if (!schema || !isMap(schema) || seen.has(schema) || depth > 32) return;
    seen.add(schema);
    if (scalarText(doc.get(schema, 'readOnly')) === 'true') return;
    const type = schemaType(api, schema);
    if (type === 'string') {
      const format = scalarText(doc.get(schema, 'format')) ?? '';
      const bounded =
        doc.get(schema, 'maxLength') !== undefined || doc.get(schema, 'enum') !== undefined || doc.get(schema, 'const') !== undefined || BOUNDED_FORMAT.test(format) || boundedPattern(scalarText(doc.get(schema, 'pattern')));
      if (!bounded) check(schema, name, 'string');
    } else if (type === 'array') {
      if (doc.get(schema, 'maxItems') === undefined) check(schema, name, 'array');
    }
    if (doc.get(schema, 'items') !== undefined) walk(doc.get(schema, 'items'), `${name}[]`, depth + 1);
    for (const p of doc.entries(doc.get(schema, 'properties'))) walk(p.value, p.key, depth + 1);
    const extra = doc.get(schema, 'additionalProperties');
    if (isMap(extra)) walk(extra, `${name}{}`, depth + 1);
    for (const k of ['allOf', 'anyOf', 'oneOf']) for (const m of doc.items(doc.get(schema, k))) walk(m, name, depth + 1);
  };
  return walk;
}

/**
 * Strings and arrays a client sends without a `maxLength` or `maxItems`: validators generated from the spec
 * then accept a 10 MB name or a million-element list. Only input counts: request bodies and query, header and
 * cookie parameters, with the schemas they reference; response-only and `readOnly` schemas are never sent.
 * Path parameters are left out: the URL length limit of every server bounds them, and each is one segment.
 * Enums, `const`, fixed-size formats (uuid, date-time) and anchored patterns are bounded; `email` is not
 * (the format checks the shape, not the length). A schema referenced from many places is reported once.
 */
export default defineFileRule(spec, 'openapi', (file, context) => {
  for (const api of openApiSpecs(file)) {
    const walk = walker(file, api, context);
    for (const op of operations(api)) {
      for (const p of parameters(op)) if (p.in !== 'path') walk(p.schema, p.name);
      const body = deref(api, api.doc.get(op.node, 'requestBody'));
      for (const { schema } of contentSchemas(api, body)) walk(schema, 'request body');
    }
  }
});
