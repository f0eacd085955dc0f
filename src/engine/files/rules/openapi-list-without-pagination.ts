import specData from '../../../../rules/openapi-list-without-pagination.yaml';
import type { RuleSpec } from '../../catalog/types';
import { Choice, appendItems, insertEntry, type Value } from '../openapi/edit';
import { contentSchemas, deref, isJsonMedia, parameters, openApiSpecs, operations, responses, schemaType, type OpenApiSpec, type Operation } from '../openapi/model';
import { defineFileRule, type FileFixReport } from '../rule';
import { isMap, isSeq, keySpan, type Node } from '../yaml';

const spec = specData as RuleSpec;

/** Request parameters that page through a list, by name with case, `_`, `-`, `$` and brackets dropped (`page[size]`, `$top`, `starting_after`). */
const PAGING_PARAM =
  /^(?:limit|offset|cursor|after|before|skip|take|top|first|last|size|count|maxresults|maxpagesize|startingafter|endingbefore|startafter|continuation(?:token)?|nexttoken|pagetoken|page\w*|paging|pagination|perpage|\w*cursor|\w*pagesize|\w*limit|range)$/;
/** Response fields that carry paging state: the response already pages, whatever the parameters are called. */
const PAGING_FIELD = /^(?:next\w*|prev\w*|cursor\w*|\w*cursor|has(?:more|next)\w*|page\w*|paging|pagination|links|meta|continuation\w*|offset|limit)$/;
/** Names under which a wrapper object returns its list. */
const LIST_FIELD = /^(?:data|items|results|records|entries|rows|content|nodes|edges|elements|values|list)$/;

const normalize = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** An array the server decides the length of: not capped by `maxItems`, not a list of enum values. */
function unboundedArray(api: OpenApiSpec, schema: Node | undefined): boolean {
  const { doc } = api;
  if (!schema) return false;
  const type = schemaType(api, schema);
  if (type !== 'array' && !(type === undefined && doc.get(schema, 'items') && !doc.get(schema, 'properties'))) return false;
  if (doc.get(schema, 'maxItems') !== undefined) return false;
  return doc.get(deref(api, doc.get(schema, 'items')), 'enum') === undefined;
}

/** The properties of an object schema, with those of its `allOf` members. */
function properties(api: OpenApiSpec, schema: Node, depth = 0): { key: string; value: Node | undefined }[] {
  const { doc } = api;
  const own = doc.entries(doc.get(schema, 'properties')).map((e) => ({ key: e.key, value: deref(api, e.value) }));
  if (depth > 4) return own;
  return [...own, ...doc.items(doc.get(schema, 'allOf')).flatMap((m) => { const s = deref(api, m); return s ? properties(api, s, depth + 1) : []; })];
}

/** Whether a 2xx schema is a list: a bare array, or a wrapper object with one (`{ data: [...] }`) and no paging fields. */
function listShape(api: OpenApiSpec, op: Operation, schema: Node): { wrapper?: string } | undefined {
  if (unboundedArray(api, schema)) return {};
  const last = op.path.split('/').filter(Boolean).pop() ?? '';
  if (last.startsWith('{')) return undefined;
  const props = properties(api, schema);
  if (props.length === 0 || props.some((p) => p.key === 'id' || PAGING_FIELD.test(normalize(p.key)))) return undefined;
  const list = props.find((p) => LIST_FIELD.test(p.key) && unboundedArray(api, p.value));
  return list ? { wrapper: list.key } : undefined;
}

function listResponse(api: OpenApiSpec, op: Operation): { wrapper?: string } | undefined {
  const { doc } = api;
  const ok = responses(op).filter((r) => /^2(?:\d\d|XX)$/.test(r.code));
  const main = ok.find((r) => r.code === '200') ?? ok[0];
  if (!main?.node) return undefined;
  if (doc.entries(doc.get(main.node, 'headers')).some((h) => /^link$|next|cursor|continuation/i.test(h.key))) return undefined;
  for (const { mediaType, schema } of contentSchemas(api, main.node)) {
    if (!isJsonMedia(mediaType)) continue;
    const shape = listShape(api, op, schema);
    if (shape) return shape;
  }
  return undefined;
}

const PAGING_PARAMETERS: Value[] = [
  { name: 'limit', in: 'query', description: 'Maximum number of items to return', schema: { type: 'integer', minimum: 1, maximum: new Choice(100), default: new Choice(20) } },
  { name: 'cursor', in: 'query', description: 'The nextCursor of the previous page', schema: { type: 'string', maxLength: 512 } },
];

function pagingFix(text: string, api: OpenApiSpec, op: Operation, snippet: boolean): FileFixReport | undefined {
  const { doc } = api;
  const own = doc.pair(op.node, 'parameters');
  let edit;
  if (own) {
    if (isSeq(own.value) && op.node.items.includes(own)) edit = appendItems(text, own.value, PAGING_PARAMETERS, snippet);
  } else {
    const responsesPair = doc.pair(op.node, 'responses');
    const anchor = responsesPair && op.node.items.includes(responsesPair) ? { before: responsesPair } : op.node.items.length ? { after: op.node.items[op.node.items.length - 1] } : undefined;
    if (anchor) edit = insertEntry(text, op.node, anchor, 'parameters', PAGING_PARAMETERS, snippet);
  }
  return edit ? { messageId: 'addPaging', edits: [edit] } : undefined;
}

/**
 * A GET that answers with a list the server does not bound, and lets the client ask for no less than all of
 * it. Lists capped by `maxItems`, lists of enum values, responses with paging fields (`next`, `cursor`,
 * `hasMore`, `links`) or a `Link` header, and single resources (`/orders/{id}`) that hold an array are not lists to page.
 */
export default defineFileRule(spec, 'openapi', (file, context) => {
  for (const api of openApiSpecs(file)) {
    for (const op of operations(api)) {
      if (op.method !== 'get' || !isMap(op.node)) continue;
      const shape = listResponse(api, op);
      if (!shape) continue;
      if (parameters(op).some((p) => p.in !== 'path' && PAGING_PARAM.test(normalize(p.name)))) continue;
      const key = keySpan(op.pair);
      if (!key) continue;
      const fix = pagingFix(file.lines.text, api, op, context.snippetFixes);
      context.report({
        start: key[0],
        end: key[1],
        messageId: shape.wrapper ? 'wrapper' : undefined,
        data: { operation: `GET ${op.path}`, field: shape.wrapper ?? '' },
        fixes: fix ? [fix] : [],
      });
    }
  }
});
