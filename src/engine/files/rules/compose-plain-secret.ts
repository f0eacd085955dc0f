import specData from '../../../../rules/compose-plain-secret.yaml';
import type { RuleSpec } from '../../catalog/types';
import { FixText } from '../../rules/fix-text';
import { composeServices, environment } from '../compose/model';
import { isDevSetup } from '../kinds';
import { defineFileRule } from '../rule';
import { hasInlineCredentials, isPlaceholderValue, isSecretName } from '../secrets';
import { span } from '../yaml';

const spec = specData as RuleSpec;

/**
 * `${VAR}` interpolation reads the value from the shell or an .env file that stays out of git, so it is quiet.
 * Files for local development and tests (`docker-compose.dev.yml`, `compose.override.yaml`) are left alone:
 * a throwaway password for a local database is not a leak.
 */
export default defineFileRule(spec, 'compose', (file, context) => {
  if (isDevSetup(file.fileName)) return;
  const seen = new Set<number>();
  for (const service of composeServices(file)) {
    for (const entry of environment(service)) {
      const value = entry.value ?? '';
      const where = span(entry.valueNode);
      if (!where || seen.has(where[0]) || isPlaceholderValue(value) || /^(?:true|false|yes|no|on|off)$/i.test(value)) continue;
      const secretName = isSecretName(entry.key);
      const credentialsInUrl = hasInlineCredentials(value);
      if (!secretName && !credentialsInUrl) continue;
      seen.add(where[0]);
      const variable = new FixText(context.snippetFixes).text(`${entry.form === 'list' ? `${entry.key}=` : ''}\${${entry.key}}`).toString();
      context.report({
        start: where[0],
        end: where[1],
        messageId: credentialsInUrl && !secretName ? 'urlCredentials' : undefined,
        data: { name: entry.key, service: service.name },
        fixes: [{ messageId: 'interpolate', data: { name: entry.key }, edits: [{ start: where[0], end: where[1], text: variable }] }],
      });
    }
  }
});
