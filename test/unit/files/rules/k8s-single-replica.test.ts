import assert from 'node:assert/strict';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'k8s-single-replica';

const web = (replicas: string, ports = '          ports:\n            - containerPort: 8080\n') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: storefront
spec:
${replicas}  selector:
    matchLabels:
      app: storefront
  template:
    metadata:
      labels:
        app: storefront
    spec:
      containers:
        - name: web
          image: ghcr.io/acme/storefront:5.0.1
${ports}`;

const HPA = `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: storefront
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: storefront
  minReplicas: 2
  maxReplicas: 8
`;

describe(RULE, () => {
  describe('valid', () => {
    it('two or more replicas, and zero (scaled down on purpose)', () => {
      quiet(RULE, 'k8s/web.yaml', web('  replicas: 3\n'));
      quiet(RULE, 'k8s/web.yaml', web('  replicas: 0\n'));
    });
    it('an HPA in the file scales it (replicas left out, as the HPA docs advise)', () => {
      quiet(RULE, 'k8s/web.yaml', web('') + HPA);
      quiet(RULE, 'k8s/web.yaml', web('  replicas: 1\n') + HPA);
    });
    it('a KEDA ScaledObject in the file scales it', () => {
      quiet(RULE, 'k8s/web.yaml', `${web('')}---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: storefront\nspec:\n  scaleTargetRef:\n    name: storefront\n  minReplicaCount: 2\n`);
    });
    it('a worker without ports and without a Service', () => {
      quiet(RULE, 'k8s/worker.yaml', web('  replicas: 1\n', '          command: ["node", "dist/worker.js"]\n'));
    });
    it('a StatefulSet database with one replica', () => {
      quiet(
        RULE,
        'k8s/postgres.yaml',
        `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
spec:
  serviceName: postgres
  replicas: 1
  selector:
    matchLabels:
      app: postgres
  template:
    metadata:
      labels:
        app: postgres
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
          ports:
            - containerPort: 5432
`,
      );
    });
    it('a development environment, and a worker that only exposes metrics', () => {
      quiet(RULE, 'deploy/local/web.yaml', web('  replicas: 1\n'));
      quiet(RULE, 'k8s/web.dev.yaml', web('  replicas: 1\n'));
      quiet(RULE, 'k8s/worker.yaml', web('  replicas: 1\n', '          ports:\n            - name: metrics\n              containerPort: 9464\n'));
    });
    it('pinned to one pod by a PersistentVolumeClaim, a Kustomize base, an overlay patch', () => {
      quiet(RULE, 'k8s/web.yaml', `${web('  replicas: 1\n')}      volumes:\n        - name: uploads\n          persistentVolumeClaim:\n            claimName: uploads\n`);
      quiet(RULE, 'deploy/base/web.yaml', web(''));
      quiet(RULE, 'deploy/overlays/dev/replicas.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: storefront\nspec:\n  replicas: 1\n');
    });
  });

  describe('invalid', () => {
    it('replicas: 1 with a container port: fix sets 2', () => {
      const text = web('  replicas: 1\n');
      assert.deepEqual(positions(RULE, 'k8s/web.yaml', text), ['6:3']);
      assert.equal(fixed(RULE, 'k8s/web.yaml', text), web('  replicas: 2\n'));
    });
    it('replicas unset: reported at the name, fix adds replicas as the first key of spec', () => {
      const text = web('');
      const [f] = findingsOf(RULE, 'k8s/web.yaml', text);
      assert.deepEqual([f.range.startLine, f.range.startColumn], [4, 3]);
      assert.match(f.message, /sets no `replicas`, so it runs one pod/);
      assert.equal(fixed(RULE, 'k8s/web.yaml', text), web('  replicas: 2\n'));
    });
    it('no container port, but a Service in the file selects it', () => {
      const text = `${web('  replicas: 1\n', '')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: storefront\nspec:\n  selector:\n    app: storefront\n  ports:\n    - port: 80\n      targetPort: 8080\n`;
      assert.deepEqual(positions(RULE, 'k8s/web.yaml', text), ['6:3']);
    });
    it('an HPA for another Deployment does not count', () => {
      const text = web('  replicas: 1\n') + HPA.replace('name: storefront\n  minReplicas', 'name: checkout\n  minReplicas');
      assert.deepEqual(positions(RULE, 'k8s/web.yaml', text), ['6:3']);
    });
    it('the editor gets a tab stop', () => {
      const text = web('  replicas: 1 # bump after launch\n');
      const [f] = findingsOf(RULE, 'k8s/web.yaml', text, { snippetFixes: true });
      const at = text.indexOf('replicas: 1') + 'replicas: '.length;
      assert.deepEqual(f.fixes[0].edits, [{ start: at, end: at + 1, text: '${1:2}' }]);
      assert.equal(f.fixes[0].title, 'Run 2 replicas of `storefront`');
    });
  });
});
