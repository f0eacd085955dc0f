import assert from 'node:assert/strict';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'k8s-missing-pdb';

const API = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
  namespace: orders
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: orders-api
      tier: "backend"
  template:
    metadata:
      labels:
        app.kubernetes.io/name: orders-api
        tier: "backend"
        version: "1.8.2"
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/orders-api:1.8.2
`;

const pdb = (selector: string, namespace = 'orders') => `---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: orders-api
  namespace: ${namespace}
spec:
  maxUnavailable: 1
  selector:
${selector}`;

describe(RULE, () => {
  describe('valid', () => {
    it('a budget whose matchLabels pick the pods', () => {
      quiet(RULE, 'k8s/api.yaml', API + pdb('    matchLabels:\n      app.kubernetes.io/name: orders-api\n'));
    });
    it('a budget with matchExpressions', () => {
      quiet(RULE, 'k8s/api.yaml', API + pdb('    matchExpressions:\n      - key: tier\n        operator: In\n        values: [backend, api]\n      - key: canary\n        operator: DoesNotExist\n'));
    });
    it('a policy/v1 budget with an empty selector covers every pod of its namespace', () => {
      quiet(RULE, 'k8s/api.yaml', API + pdb('    {}\n').replace('  selector:\n    {}', '  selector: {}'));
    });
    it('one replica, or replicas left to an HPA with minReplicas 1', () => {
      quiet(RULE, 'k8s/api.yaml', API.replace('replicas: 3', 'replicas: 1'));
      quiet(RULE, 'k8s/api.yaml', `${API.replace('  replicas: 3\n', '')}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: orders-api\n  namespace: orders\nspec:\n  scaleTargetRef:\n    kind: Deployment\n    name: orders-api\n  maxReplicas: 5\n`);
    });
    it('a Kustomize overlay patch that raises replicas', () => {
      quiet(RULE, 'overlays/prod/replicas.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders-api\nspec:\n  replicas: 6\n');
    });
    it('DaemonSets and Jobs with parallelism are not replicated services', () => {
      quiet(RULE, 'k8s/job.yaml', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: reindex\nspec:\n  parallelism: 4\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: reindex\n          image: ghcr.io/acme/search:2.0.0\n');
    });
    it('replicas from a variable the pipeline fills in', () => {
      quiet(RULE, 'k8s/api.yaml', API.replace('replicas: 3', 'replicas: ${REPLICAS}'));
    });
  });

  describe('invalid', () => {
    it('three replicas, no budget: fix appends one with the selector labels as written', () => {
      assert.deepEqual(positions(RULE, 'k8s/api.yaml', API), ['7:3']);
      assert.equal(
        fixed(RULE, 'k8s/api.yaml', API),
        `${API}---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: orders-api
  namespace: orders
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: orders-api
      tier: "backend"
`,
      );
    });
    it('a budget that selects other pods, or sits in another namespace', () => {
      assert.deepEqual(positions(RULE, 'k8s/api.yaml', API + pdb('').replace('  selector:\n', '')), ['7:3'], 'no selector: no pods');
      assert.deepEqual(positions(RULE, 'k8s/api.yaml', API + pdb('    matchLabels:\n      app.kubernetes.io/name: billing-api\n')), ['7:3']);
      assert.deepEqual(positions(RULE, 'k8s/api.yaml', API + pdb('    matchLabels:\n      app.kubernetes.io/name: orders-api\n', 'billing')), ['7:3']);
    });
    it('replicas left out but an HPA keeps at least 3: reported at the name', () => {
      const text = `${API.replace('  replicas: 3\n', '')}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: orders-api\n  namespace: orders\nspec:\n  scaleTargetRef:\n    kind: Deployment\n    name: orders-api\n  minReplicas: 3\n  maxReplicas: 10\n`;
      const [f] = findingsOf(RULE, 'k8s/api.yaml', text);
      assert.deepEqual([f.range.startLine, f.range.startColumn], [4, 3]);
      assert.match(f.message, /Deployment `orders-api` runs 3 replicas/);
    });
    it('a StatefulSet, in a file that ends with a separator and no newline', () => {
      const text = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: nats\nspec:\n  serviceName: nats\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nats\n  template:\n    metadata:\n      labels:\n        app: nats\n    spec:\n      containers:\n        - name: nats\n          image: nats:2.10\n---';
      assert.deepEqual(positions(RULE, 'k8s/nats.yaml', text), ['7:3']);
      assert.match(fixed(RULE, 'k8s/nats.yaml', text), /image: nats:2\.10\n---\napiVersion: policy\/v1\nkind: PodDisruptionBudget\nmetadata:\n {2}name: nats\nspec:\n {2}minAvailable: 1\n {2}selector:\n {4}matchLabels:\n {6}app: nats\n$/);
    });
    it('the message says a budget elsewhere can be suppressed; the editor gets a tab stop', () => {
      const [f] = findingsOf(RULE, 'k8s/api.yaml', API, { snippetFixes: true });
      assert.match(f.message, /if it lives in another file, suppress this here/);
      assert.match(f.fixes[0].edits[0].text, /minAvailable: \$\{1:1\}/);
    });
  });
});
