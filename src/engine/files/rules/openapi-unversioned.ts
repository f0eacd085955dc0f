import specData from '../../../../rules/openapi-unversioned.yaml';
import type { RuleSpec } from '../../catalog/types';
import { allParameters, mediaTypes, openApiSpecs, type OpenApiSpec } from '../openapi/model';
import { defineFileRule } from '../rule';
import { isMap, keySpan, scalarText, span } from '../yaml';

const spec = specData as RuleSpec;

/** A version segment or label: `/v1`, `/api/v2.1`, `v3beta`, `api-v2.example.com`, `/2024-06-01`. */
const VERSION = /(?:^|[/.\-_])v\d+(?:[._]\d+)*(?:alpha\d*|beta\d*)?(?=$|[/.\-_])|\/\d{4}-\d{2}-\d{2}(?=$|\/)/i;

function serverVersioned(api: OpenApiSpec): boolean {
  const { doc } = api;
  return doc.items(doc.get(api.root, 'servers')).some((server) => {
    const url = scalarText(doc.get(server, 'url')) ?? '';
    if (VERSION.test(url)) return true;
    // `https://api.example.com/{version}` with a `version` variable defaulting to v1.
    return doc.entries(doc.get(server, 'variables')).some((v) => url.includes(`{${v.key}}`) && (/version/i.test(v.key) || VERSION.test(`/${scalarText(doc.get(v.value, 'default')) ?? ''}`)));
  });
}

/** Versioning by header or query (`Api-Version`, `X-API-Version`, `api-version`) or by media type (`application/vnd.acme.v2+json`). */
function otherwiseVersioned(api: OpenApiSpec): boolean {
  if (allParameters(api).some((p) => (p.in === 'header' || p.in === 'query') && /version/i.test(p.name))) return true;
  return mediaTypes(api).some((media) => /[.+;=-]v\d+\b|version\s*=/i.test(media));
}

/**
 * A spec whose servers and paths carry no version: the first breaking change has nowhere to go. `info.version`
 * is the version of the document, not of the API clients call; versioning by header or media type, when the
 * spec documents it, counts. Reported once per spec.
 */
export default defineFileRule(spec, 'openapi', (file, context) => {
  for (const api of openApiSpecs(file)) {
    const { doc } = api;
    const paths = doc.pair(api.root, 'paths');
    const keys = doc.entries(paths?.value).map((e) => e.key).filter((k) => k.startsWith('/'));
    if (!paths || keys.length === 0) continue;
    if (keys.some((k) => VERSION.test(k.split('{')[0])) || serverVersioned(api) || otherwiseVersioned(api)) continue;
    const firstUrl = doc.get(doc.items(doc.get(api.root, 'servers'))[0], 'url');
    const where = firstUrl && isMap(doc.items(doc.get(api.root, 'servers'))[0]) ? span(firstUrl) : keySpan(paths);
    if (!where) continue;
    context.report({ start: where[0], end: where[1], messageId: firstUrl ? undefined : 'noServers' });
  }
});
