import type { RuleSpec } from '../catalog/types';
import type { FileKind } from './kinds';
import type { FileRule } from './rule';
import composeMissingHealthcheck from './rules/compose-missing-healthcheck';
import composePlainSecret from './rules/compose-plain-secret';
import composeUnpinnedImage from './rules/compose-unpinned-image';
import dockerfileAddRemoteUrl from './rules/dockerfile-add-remote-url';
import dockerfileAptGetInstall from './rules/dockerfile-apt-get-install';
import dockerfileDevDependencies from './rules/dockerfile-dev-dependencies';
import dockerfileMissingHealthcheck from './rules/dockerfile-missing-healthcheck';
import dockerfileNpmInstall from './rules/dockerfile-npm-install';
import dockerfileRunsAsRoot from './rules/dockerfile-runs-as-root';
import dockerfileSecretInEnv from './rules/dockerfile-secret-in-env';
import dockerfileUnpinnedBaseImage from './rules/dockerfile-unpinned-base-image';

/**
 * Every rule over non-JS files. A file rule is three files of one name: rules/<id>.yaml (with `fileKind`),
 * src/engine/files/rules/<id>.ts, test/unit/files/rules/<id>.test.ts. Register it here.
 */
export const fileRules: readonly FileRule[] = [
  // Dockerfile
  dockerfileRunsAsRoot,
  dockerfileUnpinnedBaseImage,
  dockerfileNpmInstall,
  dockerfileDevDependencies,
  dockerfileSecretInEnv,
  dockerfileAddRemoteUrl,
  dockerfileMissingHealthcheck,
  dockerfileAptGetInstall,
  // docker-compose
  composeMissingHealthcheck,
  composePlainSecret,
  composeUnpinnedImage,
  // Kubernetes, OpenAPI, GitHub Actions: add them here.
] as FileRule[];

export const fileRuleSpecs: RuleSpec[] = fileRules.map((r) => r.spec);

const byKind = new Map<FileKind, FileRule[]>();
for (const rule of fileRules) byKind.set(rule.kind, [...(byKind.get(rule.kind) ?? []), rule]);

/** The rules that read files of a kind. */
export function fileRulesFor(kind: FileKind): readonly FileRule[] {
  return byKind.get(kind) ?? [];
}
