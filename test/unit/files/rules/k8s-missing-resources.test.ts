import assert from 'node:assert/strict';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'k8s-missing-resources';

const API = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
spec:
  replicas: 2
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
          image: ghcr.io/acme/orders-api:1.8.2
          ports:
            - containerPort: 3000
`;

describe(RULE, () => {
  describe('valid', () => {
    it('requests for cpu and memory and a memory limit, no CPU limit', () => {
      quiet(RULE, 'k8s/api.yaml', `${API}          resources:\n            requests:\n              cpu: 250m\n              memory: 256Mi\n            limits:\n              memory: 512Mi\n`);
    });
    it('limits alone: Kubernetes copies them into the requests', () => {
      quiet(RULE, 'k8s/api.yaml', `${API}          resources:\n            limits:\n              cpu: "1"\n              memory: 1Gi\n`);
    });
    it('a LimitRange in the same file and namespace gives defaults', () => {
      quiet(
        RULE,
        'k8s/namespace.yaml',
        `apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
spec:
  limits:
    - type: Container
      default:
        memory: 512Mi
      defaultRequest:
        cpu: 100m
        memory: 256Mi
---
${API}`,
      );
    });
    it('a Kustomize strategic-merge patch (no selector, no image) is a fragment', () => {
      quiet(
        RULE,
        'overlays/prod/patch.yaml',
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
spec:
  replicas: 4
  template:
    spec:
      containers:
        - name: api
          env:
            - name: LOG_LEVEL
              value: warn
`,
      );
    });
    it('a CronJob with resources on its job container', () => {
      quiet(
        RULE,
        'k8s/cron.yaml',
        `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly-report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: ghcr.io/acme/reports:2.1.0
              resources:
                requests: { cpu: 200m, memory: 512Mi }
                limits: { memory: 1Gi }
`,
      );
    });
    it('YAML that is not a manifest, and a Service', () => {
      quiet(RULE, 'config/app.yaml', 'containers:\n  - name: api\n    image: node:22\n');
      quiet(RULE, 'k8s/svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector:\n    app: api\n  ports:\n    - port: 80\n');
    });
  });

  describe('invalid', () => {
    it('no resources: fix inserts a block at the container indentation', () => {
      assert.deepEqual(positions(RULE, 'k8s/api.yaml', API), ['16:11']);
      assert.equal(
        fixed(RULE, 'k8s/api.yaml', API),
        `${API}          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n            limits:\n              memory: 256Mi\n`,
      );
    });
    it('the editor gets tab stops for the values', () => {
      const [f] = findingsOf(RULE, 'k8s/api.yaml', API, { snippetFixes: true });
      assert.equal(f.fixes[0].edits[0].text, '\n          resources:\n            requests:\n              cpu: ${1:100m}\n              memory: ${2:128Mi}\n            limits:\n              memory: ${3:256Mi}');
      assert.equal(f.fixes[0].title, 'Add a `resources` block to `api` with placeholder values');
    });
    it('requests without a memory limit: reported at `resources`, naming what is missing', () => {
      const [f] = findingsOf(RULE, 'k8s/api.yaml', `${API}          resources:\n            requests:\n              cpu: 100m\n              memory: 256Mi\n`);
      assert.deepEqual([f.range.startLine, f.range.startColumn], [20, 11]);
      assert.match(f.message, /sets resources but not `limits\.memory`:/);
      assert.deepEqual(f.fixes, []);
    });
    it('an empty resources map lists all three', () => {
      const [f] = findingsOf(RULE, 'k8s/api.yaml', `${API}          resources: {}\n`);
      assert.match(f.message, /not `requests\.cpu`, `requests\.memory` and `limits\.memory`/);
    });
    it('an init container of a Job is sized too; CRLF line breaks kept', () => {
      const text = `apiVersion: batch/v1\r
kind: Job\r
metadata:\r
  name: backfill\r
spec:\r
  template:\r
    spec:\r
      restartPolicy: Never\r
      initContainers:\r
        - name: wait-for-db\r
          image: busybox:1.36\r
          command: ["sh", "-c", "until nc -z postgres 5432; do sleep 2; done"]\r
      containers:\r
        - name: backfill\r
          image: ghcr.io/acme/orders-api:1.8.2\r
          resources:\r
            requests: { cpu: 500m, memory: 1Gi }\r
            limits: { memory: 2Gi }\r
`;
      assert.deepEqual(positions(RULE, 'k8s/job.yaml', text), ['10:11']);
      assert.match(fixed(RULE, 'k8s/job.yaml', text), /done"\]\r\n {10}resources:\r\n {12}requests:\r\n {14}cpu: 100m\r\n/);
    });
    it('a JSON manifest is checked, without a YAML fix', () => {
      const json = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": { "name": "debug" },\n  "spec": {\n    "containers": [\n      { "name": "shell", "image": "alpine:3.20" }\n    ]\n  }\n}\n';
      const [f] = findingsOf(RULE, 'k8s/debug-pod.json', json);
      assert.deepEqual([f.range.startLine, f.range.startColumn, f.fixes], [7, 9, []]);
    });
  });
});
