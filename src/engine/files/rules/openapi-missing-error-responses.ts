import specData from '../../../../rules/openapi-missing-error-responses.yaml';
import type { RuleSpec } from '../../catalog/types';
import { Choice, insertEntry, type Value } from '../openapi/edit';
import { effectiveSecurity, openApiSpecs, operations, parameters, responses, type OpenApiSpec, type Operation } from '../openapi/model';
import { defineFileRule, type FileFixReport } from '../rule';
import { isMap, keySpan } from '../yaml';

const spec = specData as RuleSpec;

/** Shared responses a 400 can point at, by their usual names. */
const BAD_REQUEST = /^(?:400|BadRequest|BadRequestError|ValidationError|ValidationFailed|InvalidRequest|UnprocessableEntity|ProblemDetails|Problem|Error|ErrorResponse)$/i;

/** Whether a client can get anything wrong: it sends input (parameters, a body) or credentials. */
function takesInput(op: Operation): boolean {
  const { doc } = op.spec;
  if (parameters(op).length > 0 || doc.get(op.node, 'requestBody') !== undefined) return true;
  return effectiveSecurity(op).requirements.some((r) => isMap(r) && r.items.length > 0);
}

function badRequestFix(text: string, api: OpenApiSpec, op: Operation, snippet: boolean): FileFixReport | undefined {
  const { doc } = api;
  const map = doc.get(op.node, 'responses');
  if (!isMap(map) || map.items.length === 0) return undefined;
  const shared = doc.entries(doc.getIn(api.root, ['components', 'responses'])).find((e) => BAD_REQUEST.test(e.key));
  const value: Value = shared ? { $ref: `#/components/responses/${shared.key}` } : { description: new Choice('The request is invalid') };
  const own = responses(op).filter((r) => map.items.includes(r.pair));
  const lower = own.filter((r) => /^[123](?:\d\d|XX)$/.test(r.code)).pop();
  const edit = insertEntry(text, map, lower ? { after: lower.pair } : { before: own[0]?.pair ?? map.items[0] }, '400', value, snippet);
  return edit ? { messageId: 'add400', edits: [edit] } : undefined;
}

/**
 * An operation whose responses name no 4xx status: clients learn its error shape from production. A
 * `default` response is the spec's "any other status" and usually documents the error body, so it counts;
 * so does a `4XX` range. Operations that take no input and no credentials (a public health check) have no
 * client error to describe.
 */
export default defineFileRule(spec, 'openapi', (file, context) => {
  for (const api of openApiSpecs(file)) {
    for (const op of operations(api)) {
      const pair = api.doc.pair(op.node, 'responses');
      if (!pair || !isMap(api.doc.resolve(pair.value))) continue;
      const codes = responses(op).map((r) => r.code);
      if (codes.length === 0 || codes.some((c) => c === 'DEFAULT' || /^4(?:\d\d|XX)$/.test(c)) || !takesInput(op)) continue;
      const key = keySpan(pair);
      if (!key) continue;
      const fix = badRequestFix(file.lines.text, api, op, context.snippetFixes);
      context.report({ start: key[0], end: key[1], data: { operation: `${op.method.toUpperCase()} ${op.path}` }, fixes: fix ? [fix] : [] });
    }
  }
});
