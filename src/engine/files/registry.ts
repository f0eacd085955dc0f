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
import ghaDeployWithoutTests from './rules/gha-deploy-without-tests';
import ghaPullRequestTargetCheckout from './rules/gha-pull-request-target-checkout';
import ghaSecretEchoed from './rules/gha-secret-echoed';
import ghaUnpinnedAction from './rules/gha-unpinned-action';
import k8sLatestImage from './rules/k8s-latest-image';
import k8sMissingPdb from './rules/k8s-missing-pdb';
import k8sMissingProbes from './rules/k8s-missing-probes';
import k8sMissingResources from './rules/k8s-missing-resources';
import k8sPrivilegedContainer from './rules/k8s-privileged-container';
import k8sSingleReplica from './rules/k8s-single-replica';
import openapiListWithoutPagination from './rules/openapi-list-without-pagination';
import openapiMissingErrorResponses from './rules/openapi-missing-error-responses';
import openapiMissingSecurity from './rules/openapi-missing-security';
import openapiOperationId from './rules/openapi-operation-id';
import openapiUnboundedInput from './rules/openapi-unbounded-input';
import openapiUnversioned from './rules/openapi-unversioned';

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
  // Kubernetes
  k8sMissingResources,
  k8sMissingProbes,
  k8sPrivilegedContainer,
  k8sLatestImage,
  k8sSingleReplica,
  k8sMissingPdb,
  // OpenAPI
  openapiMissingSecurity,
  openapiListWithoutPagination,
  openapiMissingErrorResponses,
  openapiUnversioned,
  openapiOperationId,
  openapiUnboundedInput,
  // GitHub Actions
  ghaUnpinnedAction,
  ghaDeployWithoutTests,
  ghaSecretEchoed,
  ghaPullRequestTargetCheckout,
  // Kubernetes, OpenAPI, GitHub Actions: add them here.
] as FileRule[];

export const fileRuleSpecs: RuleSpec[] = fileRules.map((r) => r.spec);

const byKind = new Map<FileKind, FileRule[]>();
for (const rule of fileRules) byKind.set(rule.kind, [...(byKind.get(rule.kind) ?? []), rule]);

/** The rules that read files of a kind. */
export function fileRulesFor(kind: FileKind): readonly FileRule[] {
  return byKind.get(kind) ?? [];
}
