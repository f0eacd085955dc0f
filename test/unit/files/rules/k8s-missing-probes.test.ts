import assert from 'node:assert/strict';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'k8s-missing-probes';

const HEAD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
spec:
  replicas: 3
  selector:
    matchLabels:
      app: orders-api
  template:
    metadata:
      labels:
        app: orders-api
    spec:
`;

const API = `${HEAD}      containers:
        - name: api
          image: ghcr.io/acme/orders-api:1.8.2
          ports:
            - name: http
              containerPort: 3000
`;

const SERVICE = `---
apiVersion: v1
kind: Service
metadata:
  name: orders-api
spec:
  selector:
    app: orders-api
  ports:
    - port: 80
      targetPort: 3000
`;

describe(RULE, () => {
  describe('valid', () => {
    it('a readiness probe on the serving container (liveness is optional)', () => {
      quiet(RULE, 'k8s/api.yaml', `${API}          readinessProbe:\n            httpGet:\n              path: /readyz\n              port: http\n`);
    });
    it('Jobs and CronJobs run to completion', () => {
      quiet(
        RULE,
        'k8s/jobs.yaml',
        `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: ghcr.io/acme/orders-api:1.8.2
          ports:
            - containerPort: 9464
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: cleanup
spec:
  schedule: "*/30 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: cleanup
              image: ghcr.io/acme/orders-api:1.8.2
`,
      );
    });
    it('init containers and native sidecars are not checked', () => {
      quiet(
        RULE,
        'k8s/api.yaml',
        `${HEAD}      initContainers:
        - name: migrate
          image: ghcr.io/acme/orders-api:1.8.2
          command: ["node", "dist/migrate.js"]
        - name: log-shipper
          image: cr.fluentbit.io/fluent/fluent-bit:3.1.9
          restartPolicy: Always
          ports:
            - containerPort: 2020
      containers:
        - name: api
          image: ghcr.io/acme/orders-api:1.8.2
          ports:
            - containerPort: 3000
          readinessProbe:
            tcpSocket:
              port: 3000
`,
      );
    });
    it('a helper without ports beside a serving container', () => {
      quiet(RULE, 'k8s/api.yaml', `${API}          readinessProbe:\n            httpGet: { path: /readyz, port: http }\n        - name: cloud-sql-proxy\n          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1\n`);
    });
    it('a worker that exposes only a metrics port, with a liveness probe, behind a metrics-only Service', () => {
      quiet(
        RULE,
        'k8s/worker.yaml',
        `${HEAD}      containers:
        - name: worker
          image: ghcr.io/acme/orders-worker:1.8.2
          ports:
            - name: metrics
              containerPort: 9464
          livenessProbe:
            httpGet: { path: /livez, port: metrics }
---
apiVersion: v1
kind: Service
metadata:
  name: orders-worker-metrics
spec:
  selector:
    app: orders-api
  ports:
    - name: metrics
      port: 9464
`,
      );
    });
    it('a worker with a liveness probe', () => {
      quiet(
        RULE,
        'k8s/worker.yaml',
        `${HEAD}      containers:
        - name: worker
          image: ghcr.io/acme/orders-worker:1.8.2
          livenessProbe:
            exec:
              command: ["node", "dist/healthcheck.js"]
`,
      );
    });
    it('a Kustomize patch of the container and a bare Pod', () => {
      quiet(RULE, 'overlays/prod/patch.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders-api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports:\n            - containerPort: 3000\n');
      quiet(RULE, 'k8s/debug.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n    - name: shell\n      image: nicolaka/netshoot:v0.13\n      ports:\n        - containerPort: 8080\n');
    });
  });

  describe('invalid', () => {
    it('a serving container without probes: fix adds an httpGet readiness probe on the named port', () => {
      assert.deepEqual(positions(RULE, 'k8s/api.yaml', API), ['16:11']);
      assert.equal(
        fixed(RULE, 'k8s/api.yaml', API),
        `${API}          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: http\n            periodSeconds: 10\n`,
      );
    });
    it('a liveness probe alone does not take the pod out of the Service', () => {
      const [f] = findingsOf(RULE, 'k8s/api.yaml', `${API}          livenessProbe:\n            httpGet: { path: /livez, port: http }\n`);
      assert.match(f.message, /has no readinessProbe: a liveness or startup probe restarts/);
    });
    it('no port declared, but a Service in the file selects the pod: reported without a fix', () => {
      const text = `${HEAD}      containers:\n        - name: web\n          image: ghcr.io/acme/storefront:5.0.1\n${SERVICE}`;
      const [f] = findingsOf(RULE, 'k8s/web.yaml', text);
      assert.deepEqual([f.range.startLine, f.range.startColumn, f.fixes], [16, 11, []]);
      assert.match(f.message, /serves traffic but has no readiness or liveness probe/);
    });
    it('a worker without any probe', () => {
      const [f] = findingsOf(RULE, 'k8s/worker.yaml', `${HEAD}      containers:\n        - name: worker\n          image: ghcr.io/acme/orders-worker:1.8.2\n          command: ["node", "dist/worker.js"]\n`);
      assert.match(f.message, /runs without any probe: if it hangs/);
    });
    it('StatefulSets and DaemonSets, numeric port in the fix, editor tab stops', () => {
      const text = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
spec:
  selector:
    matchLabels:
      app: node-exporter
  template:
    metadata:
      labels:
        app: node-exporter
    spec:
      containers:
        - name: exporter
          image: quay.io/prometheus/node-exporter:v1.8.2
          ports:
            - containerPort: 9100
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: redis
spec:
  serviceName: redis
  selector:
    matchLabels:
      app: redis
  template:
    metadata:
      labels:
        app: redis
    spec:
      containers:
        - name: redis
          image: redis:7.4
          ports:
            - containerPort: 6379
`;
      const found = findingsOf(RULE, 'k8s/infra.yaml', text, { snippetFixes: true });
      assert.deepEqual(found.map((f) => f.range.startLine), [15, 35]);
      assert.equal(found[0].fixes[0].edits[0].text, '\n          readinessProbe:\n            httpGet:\n              path: ${1:/healthz}\n              port: 9100\n            periodSeconds: ${2:10}');
      assert.equal(found[0].fixes[0].title, 'Add an HTTP readinessProbe on port 9100 to `exporter`');
    });
  });
});
