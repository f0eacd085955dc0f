import assert from 'node:assert/strict';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'k8s-privileged-container';

/** A Deployment whose pod spec starts at line 14 (6 spaces) and whose first container's keys sit at column 11. */
const HEAD = `apiVersion: apps/v1
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
`;

describe(RULE, () => {
  describe('valid', () => {
    it('a restricted security context', () => {
      quiet(
        RULE,
        'k8s/api.yaml',
        `${HEAD}      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: api
          image: ghcr.io/acme/orders-api:1.8.2
          securityContext:
            privileged: false
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
              add: ["NET_BIND_SERVICE", "CAP_CHOWN"]
`,
      );
    });
    it('no security context at all: the image decides, only explicit settings are flagged', () => {
      quiet(RULE, 'k8s/api.yaml', `${HEAD}      containers:\n        - name: api\n          image: ghcr.io/acme/orders-api:1.8.2\n`);
    });
    it('runAsNonRoot: false only turns a check off', () => {
      quiet(RULE, 'k8s/api.yaml', `${HEAD}      securityContext:\n        runAsNonRoot: false\n      containers:\n        - name: api\n          image: ghcr.io/acme/orders-api:1.8.2\n`);
    });
    it('a pod-level uid 0 that every container overrides', () => {
      quiet(
        RULE,
        'k8s/api.yaml',
        `${HEAD}      securityContext:
        runAsUser: 0
      containers:
        - name: api
          image: ghcr.io/acme/orders-api:1.8.2
          securityContext:
            runAsUser: 1000
`,
      );
    });
    it('a DaemonSet node agent on the host network', () => {
      quiet(
        RULE,
        'k8s/agent.yaml',
        `apiVersion: apps/v1
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
      hostNetwork: true
      hostPID: true
      containers:
        - name: exporter
          image: quay.io/prometheus/node-exporter:v1.8.2
          args: ["--path.rootfs=/host"]
`,
      );
    });
    it('"true" as a quoted string, hostNetwork: false, and a Compose-like YAML', () => {
      quiet(RULE, 'k8s/api.yaml', `${HEAD}      hostNetwork: false\n      containers:\n        - name: api\n          image: ghcr.io/acme/orders-api:1.8.2\n          env:\n            - name: PRIVILEGED\n              value: "true"\n`);
      quiet(RULE, 'deploy/app.yaml', 'services:\n  api:\n    privileged: true\n');
    });
  });

  describe('invalid', () => {
    it('privileged: true, fixed to false', () => {
      const text = `${HEAD}      containers:\n        - name: api\n          image: ghcr.io/acme/orders-api:1.8.2\n          securityContext:\n            privileged: true  # needed for the old NFS mount\n`;
      assert.deepEqual(positions(RULE, 'k8s/api.yaml', text), ['19:13']);
      assert.equal(fixed(RULE, 'k8s/api.yaml', text), text.replace('privileged: true', 'privileged: false'));
    });
    it('allowPrivilegeEscalation: true on an init container', () => {
      const text = `${HEAD}      initContainers:\n        - name: chown-data\n          image: busybox:1.36\n          securityContext:\n            allowPrivilegeEscalation: true\n      containers:\n        - name: api\n          image: ghcr.io/acme/orders-api:1.8.2\n`;
      const [f] = findingsOf(RULE, 'k8s/api.yaml', text);
      assert.match(f.message, /`chown-data` explicitly allows privilege escalation/);
      assert.equal(fixed(RULE, 'k8s/api.yaml', text), text.replace('allowPrivilegeEscalation: true', 'allowPrivilegeEscalation: false'));
    });
    it('runAsUser: 0 at the pod level inherited by a container, and on a container: no fix', () => {
      const text = `${HEAD}      securityContext:\n        runAsUser: 0\n      containers:\n        - name: api\n          image: ghcr.io/acme/orders-api:1.8.2\n        - name: metrics\n          image: ghcr.io/acme/metrics-sidecar:0.3.0\n          securityContext:\n            runAsUser: 0\n`;
      const found = findingsOf(RULE, 'k8s/api.yaml', text);
      assert.deepEqual(found.map((f) => `${f.range.startLine}:${f.range.startColumn}`), ['16:9', '23:13']);
      assert.match(found[0].message, /runs every container of this Deployment that does not set its own uid as root/);
      assert.match(found[1].message, /runs container `metrics` as root/);
      assert.deepEqual(found[0].fixes, []);
    });
    it('capabilities beyond the Pod Security baseline, each at its item', () => {
      const text = `${HEAD}      containers:\n        - name: vpn\n          image: ghcr.io/acme/vpn-gateway:2.0.0\n          securityContext:\n            capabilities:\n              add: [NET_BIND_SERVICE, NET_ADMIN, cap_sys_admin]\n`;
      const found = findingsOf(RULE, 'k8s/vpn.yaml', text);
      assert.deepEqual(found.map((f) => `${f.range.startLine}:${f.range.startColumn}`), ['20:39', '20:50']);
      assert.match(found[1].message, /adds the `SYS_ADMIN` capability/);
    });
    it('host namespaces on a Pod and a Job', () => {
      const text = `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  hostPID: true
  containers:
    - name: shell
      image: nicolaka/netshoot:v0.13
---
apiVersion: batch/v1
kind: Job
metadata:
  name: tune
spec:
  template:
    spec:
      hostNetwork: true
      hostIPC: true
      restartPolicy: Never
      containers:
        - name: tune
          image: busybox:1.36
`;
      const found = findingsOf(RULE, 'k8s/debug.yaml', text);
      assert.deepEqual(found.map((f) => `${f.range.startLine}:${f.range.startColumn}`), ['6:3', '18:7', '19:7']);
      assert.match(found[0].message, /`hostPID: true` puts this Pod in the node's process namespace/);
      assert.equal(found[1].fixes[0].title, 'Set `hostNetwork: false`');
    });
    it('a Kustomize patch that turns privileged on is flagged too', () => {
      const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders-api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          securityContext:\n            privileged: true\n';
      assert.deepEqual(positions(RULE, 'overlays/debug/patch.yaml', text), ['11:13']);
    });
  });
});
