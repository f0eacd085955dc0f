/**
 * Which non-JS files the engine reads, and how it recognises them: by name where the name says it
 * (Dockerfile, docker-compose.yml, .github/workflows/*.yml), by a cheap look at the content otherwise
 * (a Kubernetes manifest's `apiVersion` and `kind`, an OpenAPI document's `openapi: 3.x`).
 */
export type FileKind = 'dockerfile' | 'compose' | 'kubernetes' | 'openapi' | 'github-actions';

export const FILE_KINDS: readonly FileKind[] = ['dockerfile', 'compose', 'kubernetes', 'openapi', 'github-actions'];

/** How much of a file the content sniff reads: the markers sit at the top of any real manifest or spec. */
export const SNIFF_BYTES = 64 * 1024;

const DOCKERFILE = /(?:^|\/)(?:(?:Dockerfile|Containerfile)(?:\.[^/]+)?|[^/]+\.(?:dockerfile|containerfile))$/i;
const COMPOSE = /(?:^|\/)(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i;
const WORKFLOW = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;
const YAML = /\.ya?ml$/i;
const JSON_FILE = /\.json$/i;
/** Files that are YAML or JSON but never one of the kinds: reading them would only cost time. */
const NEVER = /(?:^|\/)(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|yarn\.lock|composer\.(?:json|lock)|(?:ts|js)config(?:\.[^/]*)?\.json|\.eslintrc(?:\.[^/]*)?|\.prettierrc(?:\.[^/]*)?|\.backendcoach\.ya?ml|[^/]*\.lock\.json|renovate\.json|lerna\.json|nx\.json|turbo\.json|vercel\.json|angular\.json|project\.json|\.?devcontainer\.json|\.vscode\/[^/]+|\.pre-commit-config\.ya?ml|\.gitlab-ci\.ya?ml|Chart\.ya?ml|values(?:[.-][^/]*)?\.ya?ml|\.github\/(?:dependabot|FUNDING|ISSUE_TEMPLATE\/[^/]+)\.ya?ml)$/i;

/**
 * The kind a file name alone settles. `undefined` when the name rules the file out or needs a look at
 * the content (a `.yaml` may be a manifest, a `.json` an OpenAPI spec): see {@link needsSniff}.
 */
export function kindFromName(fileName: string): FileKind | undefined {
  const path = fileName.replace(/\\/g, '/');
  if (DOCKERFILE.test(path) && !/\.dockerignore$/i.test(path)) return 'dockerfile';
  if (WORKFLOW.test(path)) return 'github-actions';
  if (COMPOSE.test(path)) return 'compose';
  return undefined;
}

/** Whether the file's content decides its kind: a YAML or JSON file that no name rule settles or rules out. */
export function needsSniff(fileName: string): boolean {
  const path = fileName.replace(/\\/g, '/');
  return (YAML.test(path) || JSON_FILE.test(path)) && !NEVER.test(path) && kindFromName(path) === undefined;
}

const OPENAPI_YAML = /^["']?openapi["']?[ \t]*:[ \t]*["']?3\.\d/m;
const OPENAPI_JSON = /"openapi"\s*:\s*"3\.\d/;
const API_VERSION = /^(?:---[ \t]*\n)?["']?apiVersion["']?[ \t]*:[ \t]*\S/m;
const K8S_KIND = /^["']?kind["']?[ \t]*:[ \t]*["']?[A-Z][A-Za-z]+/m;
/** A JSON manifest (`kubectl get -o json`, generated output): an object with a Kubernetes-style apiVersion and kind. */
const K8S_JSON = /^\s*\{/;
const K8S_JSON_API_VERSION = /"apiVersion"\s*:\s*"(?:[a-z0-9.-]+\/)?v\d[a-z0-9]*"/;
const K8S_JSON_KIND = /"kind"\s*:\s*"[A-Z][A-Za-z]+"/;

/** The kind of a YAML or JSON file from its first {@link SNIFF_BYTES}; the rule family then checks each document properly. */
export function kindFromContent(fileName: string, text: string): FileKind | undefined {
  const head = text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text;
  if (JSON_FILE.test(fileName)) {
    if (OPENAPI_JSON.test(head)) return 'openapi';
    return K8S_JSON.test(head) && K8S_JSON_API_VERSION.test(head) && K8S_JSON_KIND.test(head) ? 'kubernetes' : undefined;
  }
  if (OPENAPI_YAML.test(head)) return 'openapi';
  if (API_VERSION.test(head) && K8S_KIND.test(head)) return 'kubernetes';
  return undefined;
}

/** The kind of a non-JS file, or `undefined` when no rule family reads it. */
export function detectFileKind(fileName: string, text: string): FileKind | undefined {
  return kindFromName(fileName) ?? (needsSniff(fileName) ? kindFromContent(fileName, text) : undefined);
}

/**
 * Whether a file describes a development or test setup (`Dockerfile.dev`, `docker-compose.test.yml`,
 * `.devcontainer/Dockerfile`, `tests/ratelimit/Dockerfile`): production hardening rules stay quiet there.
 */
export function isDevSetup(fileName: string): boolean {
  const path = fileName.replace(/\\/g, '/');
  if (/(?:^|\/)\.devcontainer\//.test(path)) return true;
  // an image a test suite builds (`tests/ratelimit/Dockerfile.nginx`); not sample projects kept under test/fixtures/
  if (/(?:^|\/)(?:tests?|__tests__|e2e|integration-tests?)\//i.test(path) && !/(?:^|\/)fixtures\//i.test(path)) return true;
  const base = path.slice(path.lastIndexOf('/') + 1);
  return /(?:^|[.\-_])(?:dev|develop|development|local|test|tests|testing|e2e|ci|debug|override)(?:[.\-_]|$)/i.test(base);
}
