import assert from 'node:assert/strict';
import { findingsOf, positions, quiet } from '../support';

const RULE = 'k8s-latest-image';

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
spec:
  selector:
    matchLabels:
      app: orders-api
  template:
    metadata:
      labels:
        app: orders-api
    spec:
      containers:
        - name: api
          image: ${image}
          imagePullPolicy: Always
`;

describe(RULE, () => {
  describe('valid', () => {
    it('a version tag, a digest, a registry with a port and a date tag', () => {
      quiet(RULE, 'k8s/api.yaml', deployment('ghcr.io/acme/orders-api:1.8.2'));
      quiet(RULE, 'k8s/api.yaml', deployment('ghcr.io/acme/orders-api@sha256:4c1e7a0f3b2d9e8c7a6b5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a'));
      quiet(RULE, 'k8s/api.yaml', deployment('registry.internal:5000/orders-api:2024-11-03.1'));
    });
    it('placeholders that a pipeline replaces', () => {
      quiet(RULE, 'k8s/api.yaml', deployment('${IMAGE}'));
      quiet(RULE, 'k8s/api.yaml', deployment('IMAGE_PLACEHOLDER'));
      quiet(RULE, 'k8s/api.yaml', deployment('"<your-registry>/orders-api"'));
    });
    it('an untagged name in a Kustomize base, whose overlays set the tag', () => {
      quiet(RULE, 'deploy/base/deployment.yaml', deployment('ghcr.io/acme/orders-api'));
    });
    it('an init container and a CronJob pinned to versions', () => {
      quiet(
        RULE,
        'k8s/cron.yaml',
        `apiVersion: batch/v1
kind: CronJob
metadata:
  name: vacuum
spec:
  schedule: "0 4 * * 0"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: wait
              image: busybox:1.36.1
          containers:
            - name: vacuum
              image: postgres:16.4-alpine
`,
      );
    });
    it('a Kustomization with images: is not a workload', () => {
      quiet(RULE, 'overlays/prod/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n  - name: ghcr.io/acme/orders-api\n    newTag: latest\n');
    });
    it('image fields outside containers (a ConfigMap)', () => {
      quiet(RULE, 'k8s/config.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  image: node:latest\n');
    });
  });

  describe('invalid', () => {
    it(':latest, even with imagePullPolicy: Always', () => {
      const [f] = findingsOf(RULE, 'k8s/api.yaml', deployment('ghcr.io/acme/orders-api:latest'));
      assert.deepEqual([f.range.startLine, f.range.startColumn, f.range.endColumn], [16, 18, 48]);
      assert.match(f.message, /`imagePullPolicy: Always` does not help/);
    });
    it('no tag at all', () => {
      const [f] = findingsOf(RULE, 'k8s/api.yaml', deployment('nginx'));
      assert.match(f.message, /runs `nginx` with no tag, which means `latest`/);
    });
    it('quoted value, column of the quote', () => {
      assert.deepEqual(positions(RULE, 'k8s/api.yaml', deployment('"redis:latest"')), ['16:18']);
    });
    it('an init container of a Job and a Pod in one file', () => {
      const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: seed
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: wait
          image: busybox
      containers:
        - name: seed
          image: ghcr.io/acme/orders-api:1.8.2
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: shell
      image: nicolaka/netshoot:latest
`;
      assert.deepEqual(positions(RULE, 'k8s/seed.yaml', text), ['11:18', '23:14']);
    });
    it('an overlay patch that sets latest is as real as a base', () => {
      const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders-api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/orders-api:latest\n';
      assert.deepEqual(positions(RULE, 'overlays/staging/patch.yaml', text), ['10:18']);
    });
    it('a kubectl List in JSON', () => {
      const json = '{\n  "apiVersion": "v1",\n  "kind": "List",\n  "items": [\n    {\n      "apiVersion": "v1",\n      "kind": "Pod",\n      "metadata": { "name": "a" },\n      "spec": { "containers": [{ "name": "a", "image": "alpine:latest" }] }\n    }\n  ]\n}\n';
      assert.deepEqual(positions(RULE, 'dump/pods.json', json), ['9:56']);
    });
  });
});
