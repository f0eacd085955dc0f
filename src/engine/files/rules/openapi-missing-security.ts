import specData from '../../../../rules/openapi-missing-security.yaml';
import type { RuleSpec } from '../../catalog/types';
import { insertEntry } from '../openapi/edit';
import { effectiveSecurity, openApiSpecs, operations, parameters, schemeNames, type Operation } from '../openapi/model';
import { defineFileRule } from '../rule';
import { keySpan } from '../yaml';

const spec = specData as RuleSpec;

/**
 * Path segments of endpoints that are public by nature: sign-in and token endpoints (the credential is in
 * the body), health probes, discovery documents, and webhooks (authenticated by a payload signature, which
 * OpenAPI security schemes cannot describe).
 */
const PUBLIC_SEGMENT =
  /^(?:login|signin|signup|register|registration|token|refresh|oauth2?|authorize|forgotpassword|resetpassword|passwordreset|verifyemail|confirmemail|health|healthz|healthcheck|livez|readyz|liveness|readiness|ping|wellknown|jwks(?:json)?|webhooks?)$/;

function publicByNature(op: Operation): boolean {
  if (op.method === 'options') return true;
  const segments = op.path.split('/').filter((s) => s && !s.startsWith('{'));
  return segments.some((s) => PUBLIC_SEGMENT.test(s.toLowerCase().replace(/[-_.]/g, '')));
}

/**
 * An operation with no `security` while others in the same spec have one is public by omission. The global
 * `security` covers every operation that does not set its own, and `security: []` (on the operation or as
 * the global default) is an explicit "no authentication": both stay quiet.
 */
export default defineFileRule(spec, 'openapi', (file, context) => {
  for (const api of openApiSpecs(file)) {
    const ops = operations(api);
    const counts = new Map<string, number>();
    for (const op of ops) {
      const sec = effectiveSecurity(op);
      for (const name of schemeNames(api, sec.requirements)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    if (counts.size === 0) continue;
    const scheme = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    for (const op of ops) {
      if (effectiveSecurity(op).source !== 'none' || publicByNature(op)) continue;
      if (parameters(op).some((p) => p.in === 'header' && /^authorization$|signature/i.test(p.name))) continue;
      const key = keySpan(op.pair);
      if (!key) continue;
      const where = api.doc.pair(op.node, 'responses') ?? op.node.items[op.node.items.length - 1];
      const before = where === api.doc.pair(op.node, 'responses');
      const edit = where ? insertEntry(file.lines.text, op.node, before ? { before: where } : { after: where }, 'security', [{ [scheme]: [] }], context.snippetFixes) : undefined;
      context.report({
        start: key[0],
        end: key[1],
        data: { operation: `${op.method.toUpperCase()} ${op.path}`, scheme },
        fixes: edit ? [{ messageId: 'addSecurity', data: { scheme }, edits: [edit] }] : [],
      });
    }
  }
});
