import specData from '../../../../rules/openapi-operation-id.yaml';
import type { RuleSpec } from '../../catalog/types';
import { insertEntry } from '../openapi/edit';
import { openApiSpecs, operations, type Operation } from '../openapi/model';
import { defineFileRule } from '../rule';
import { keySpan, scalarText, span } from '../yaml';

const spec = specData as RuleSpec;

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

/** `GET /v1/orders/{orderId}/line-items` → `getOrdersByOrderIdLineItems`: method, then the path without its version prefix. */
export function derivedOperationId(method: string, path: string): string {
  const segments = path.split('/').filter(Boolean);
  while (segments.length > 1 && /^(?:api|v\d+(?:\.\d+)*)$/i.test(segments[0])) segments.shift();
  const words = segments.map((s) => (/^\{.+\}$/.test(s) ? `By${pascal(s.slice(1, -1))}` : pascal(s))).join('');
  return `${method.toLowerCase()}${words || 'Root'}`;
}

const label = (op: Operation) => `${op.method.toUpperCase()} ${op.path}`;

/**
 * Every operation needs an `operationId`, unique across the spec: code generators name client methods and
 * server handlers after it, and links and docs anchor on it. Duplicates are reported where they repeat the
 * first use; a missing one gets an id made from the method and path.
 */
export default defineFileRule(spec, 'openapi', (file, context) => {
  for (const api of openApiSpecs(file)) {
    const { doc } = api;
    const ops = operations(api);
    const taken = new Set(ops.map((op) => scalarText(doc.get(op.node, 'operationId'))).filter((id): id is string => !!id));
    const firstUse = new Map<string, Operation>();
    for (const op of ops) {
      const node = doc.get(op.node, 'operationId');
      const id = scalarText(node);
      if (id) {
        const first = firstUse.get(id);
        const where = span(node);
        if (!first) firstUse.set(id, op);
        else if (where) context.report({ start: where[0], end: where[1], messageId: 'duplicate', data: { operationId: id, first: label(first) } });
        continue;
      }
      const key = keySpan(op.pair);
      if (!key) continue;
      let derived = derivedOperationId(op.method, op.path);
      for (let n = 2; taken.has(derived); n++) derived = `${derivedOperationId(op.method, op.path)}${n}`;
      taken.add(derived);
      const firstPair = op.node.items[0];
      const edit = node === undefined && firstPair ? insertEntry(file.lines.text, op.node, { before: firstPair }, 'operationId', derived, context.snippetFixes) : undefined;
      context.report({
        start: key[0],
        end: key[1],
        data: { operation: label(op) },
        fixes: edit ? [{ messageId: 'addOperationId', data: { operationId: derived }, edits: [edit] }] : [],
      });
    }
  }
});
