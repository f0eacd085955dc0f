import { isMap } from 'yaml';
import specData from '../../../../rules/compose-missing-healthcheck.yaml';
import type { RuleSpec } from '../../catalog/types';
import { FixText } from '../../rules/fix-text';
import { composeServices, dependencies, type ComposeService } from '../compose/model';
import { repositoryName } from '../image-ref';
import { defineFileRule, type FileFixReport } from '../rule';
import { keySpan, scalarText, span } from '../yaml';

const spec = specData as RuleSpec;

/** Health checks that work inside the official images, by repository name. */
const PROBES: Record<string, string> = {
  postgres: '["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]',
  redis: '["CMD", "redis-cli", "ping"]',
  valkey: '["CMD", "valkey-cli", "ping"]',
  mysql: '["CMD", "mysqladmin", "ping", "-h", "127.0.0.1"]',
  mariadb: '["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"]',
  mongo: '["CMD", "mongosh", "--quiet", "--eval", "db.adminCommand(\'ping\')"]',
  rabbitmq: '["CMD", "rabbitmq-diagnostics", "-q", "ping"]',
};

/** Inserts a `healthcheck:` block at the end of a block-style service map. */
function healthcheckFix(service: ComposeService, eol: string, text: string, snippet: boolean): FileFixReport | undefined {
  const where = span(service.node);
  const key = keySpan(service.pair);
  if (!where || !key || !isMap(service.node) || service.node.flow) return undefined;
  const firstKey = service.node.items[0]?.key as { range?: [number, number, number] } | undefined;
  const keyStart = firstKey?.range?.[0];
  if (keyStart === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const indent = text.slice(lineStart, keyStart);
  if (!/^[ ]+$/.test(indent)) return undefined;
  const image = scalarText(service.doc.get(service.node, 'image'));
  const probe = image ? PROBES[repositoryName(image)] : undefined;
  const t = new FixText(snippet).text(`${eol}${indent}healthcheck:${eol}${indent}  test: `);
  if (probe) t.text(probe);
  else t.text('["CMD", "wget", "-qO-", "http://127.0.0.1:').choice('8080/health').text('"]');
  t.text(`${eol}${indent}  interval: 5s${eol}${indent}  timeout: 3s${eol}${indent}  retries: 10`);
  const end = text.slice(0, where[1]).replace(/\s+$/, '').length;
  return { messageId: 'addHealthcheck', data: { service: service.name }, edits: [{ start: end, end, text: t.toString() }] };
}

/**
 * A service others wait for needs a health check, or "depends_on" only waits for its container to start.
 * Services with `build:` may define HEALTHCHECK in their Dockerfile, and one-shot jobs (migrations) are waited
 * for with `service_completed_successfully`, so both stay quiet.
 */
export default defineFileRule(spec, 'compose', (file, context) => {
  const services = composeServices(file);
  const byName = new Map(services.map((s) => [s.name, s]));
  const waiting = new Map<string, { dependents: string[]; healthy: boolean }>();
  for (const s of services) {
    for (const d of dependencies(s)) {
      if (d.condition === 'service_completed_successfully') continue;
      const entry = waiting.get(d.target) ?? { dependents: [], healthy: false };
      entry.dependents.push(s.name);
      entry.healthy ||= d.condition === 'service_healthy';
      waiting.set(d.target, entry);
    }
  }
  for (const [name, { dependents, healthy }] of waiting) {
    const target = byName.get(name);
    if (!target) continue;
    const { doc } = target;
    if (doc.pair(target.node, 'healthcheck') || doc.get(target.node, 'build') !== undefined) continue;
    const key = keySpan(target.pair);
    if (!key) continue;
    const fix = healthcheckFix(target, file.lines.eol, file.lines.text, context.snippetFixes);
    context.report({
      start: key[0],
      end: key[1],
      messageId: healthy ? 'healthyCondition' : undefined,
      data: { service: name, dependents: dependents.map((d) => `\`${d}\``).join(', ') },
      fixes: fix ? [fix] : [],
    });
  }
});
