import assert from 'node:assert/strict';
import { analyze } from '../../../src/engine';
import { detectFileKind } from '../../../src/engine/files/kinds';
import { selectorMatches, workloads } from '../../../src/engine/files/kubernetes/model';
import { parseYamlFile } from '../../../src/engine/files/yaml';
import { checkFixtures, type FixtureCheck } from '../support/fixtures';

const K8S_RULES = /^k8s-/;

describe('Kubernetes manifests', () => {
  it('JSON manifests are recognised; other JSON with apiVersion or kind is not', () => {
    assert.equal(detectFileKind('k8s/deploy.json', '{\n  "apiVersion": "apps/v1",\n  "kind": "Deployment",\n  "metadata": { "name": "api" }\n}'), 'kubernetes');
    assert.equal(detectFileKind('dump/all.json', '{"apiVersion":"v1","items":[],"kind":"List"}'), 'kubernetes');
    assert.equal(detectFileKind('azure/main.json', '{"resources": [{"type": "Microsoft.Web/sites", "apiVersion": "2022-03-01"}]}'), undefined);
    assert.equal(detectFileKind('discovery.json', '{"kind": "discovery#restDescription", "version": "v1"}'), undefined);
    assert.equal(detectFileKind('schemas/deployment.json', '{"properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"}}}'), undefined);
    assert.equal(detectFileKind('api/openapi.json', '{"openapi": "3.0.3", "info": {"title": "x"}, "components": {"schemas": {"A": {"properties": {"kind": "Pod"}}}}}'), 'openapi');
  });

  it('a Helm template gets one skipped note and no findings', () => {
    const text = '{{- if .Values.api.enabled }}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "orders.fullname" . }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      containers:\n        - name: api\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n{{- end }}\n';
    const name = 'charts/orders/templates/deployment.yaml';
    assert.equal(detectFileKind(name, text), 'kubernetes');
    const result = analyze(text, name);
    assert.deepEqual([result.findings, result.ruleErrors, result.skipped?.reason], [[], [], 'template']);
  });

  it('a Kustomize strategic-merge patch, a JSON 6902 patch and a kustomization.yaml give no findings', () => {
    const patch = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments-api
spec:
  replicas: 4
  template:
    spec:
      containers:
        - name: api
          resources:
            limits:
              memory: 1Gi
`;
    const json6902 = '- op: replace\n  path: /spec/replicas\n  value: 4\n';
    const kustomization = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\npatches:\n  - path: patch.yaml\nimages:\n  - name: ghcr.io/acme/payments-api\n    newTag: 4.12.0\n';
    for (const [name, text] of [['overlays/production/patch.yaml', patch], ['overlays/production/replicas-patch.yaml', json6902], ['overlays/production/kustomization.yaml', kustomization]]) {
      const result = analyze(text, name);
      assert.deepEqual([result.findings.filter((f) => K8S_RULES.test(f.ruleId)), result.ruleErrors, result.skipped], [[], [], undefined], name);
    }
  });

  it('broken YAML and documents without apiVersion/kind give nothing', () => {
    for (const text of ['apiVersion: apps/v1\nkind: Deployment\nspec:\n  template: [\n', 'apiVersion: v1\nkind: Pod\n---\n- a\n- b\n', 'apiVersion: v1\nkind: Pod\nspec: 3\n']) {
      const result = analyze(text, 'k8s/x.yaml');
      assert.deepEqual([result.findings.filter((f) => K8S_RULES.test(f.ruleId)), result.ruleErrors], [[], []], text);
    }
  });

  it('finds pod specs of every workload kind, and tells whole workloads from fragments', () => {
    const file = parseYamlFile(
      `apiVersion: batch/v1
kind: CronJob
metadata: { name: report }
spec:
  jobTemplate:
    spec:
      template:
        metadata: { labels: { app: report } }
        spec:
          containers: [{ name: report, image: "reports:1" }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  template:
    spec:
      containers: [{ name: api, image: "api:1" }]
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: "web:1" }]
`,
      'k8s/all.yaml',
    )!;
    assert.deepEqual(
      workloads(file).map((w) => [w.kind, w.name, w.complete, w.podLabels]),
      [
        ['CronJob', 'report', true, { app: 'report' }],
        ['Deployment', 'api', false, {}],
        ['Rollout', 'web', true, { app: 'web' }],
      ],
    );
  });

  it('matches label selectors as the API server does', () => {
    const file = parseYamlFile('matchLabels: { app: api }\nmatchExpressions:\n  - { key: track, operator: NotIn, values: [canary] }\n  - { key: tier, operator: Exists }\n', 'x.yaml')!;
    const [doc] = file.documents;
    assert.ok(selectorMatches(doc, doc.root, { app: 'api', tier: 'web' }, 'labelSelector'));
    assert.ok(!selectorMatches(doc, doc.root, { app: 'api', tier: 'web', track: 'canary' }, 'labelSelector'));
    assert.ok(!selectorMatches(doc, doc.root, { app: 'api' }, 'labelSelector'));
    const empty = parseYamlFile('{}\n', 'x.yaml')!;
    assert.ok(!selectorMatches(empty.documents[0], empty.documents[0].root, { app: 'api' }, 'map'), 'an empty selector is not taken as matching everything');
  });
});

describe('annotated Kubernetes fixtures', () => {
  let check: FixtureCheck;
  before(async function () {
    this.timeout(60_000);
    check = await checkFixtures();
  });

  it('hold enough annotations and every Kubernetes rule fires somewhere', () => {
    const ours = check.expectations.filter((e) => e.file.startsWith('kubernetes/'));
    assert.ok(ours.filter((e) => e.kind === 'ruleid').length >= 15, 'ruleid annotations');
    assert.ok(ours.filter((e) => e.kind === 'ok').length >= 20, 'ok annotations');
    for (const rule of ['k8s-missing-resources', 'k8s-missing-probes', 'k8s-privileged-container', 'k8s-latest-image', 'k8s-single-replica', 'k8s-missing-pdb']) {
      assert.ok(ours.some((e) => e.kind === 'ruleid' && e.rule === rule) && ours.some((e) => e.kind === 'ok' && e.rule === rule), rule);
    }
  });

  it('match their annotations exactly', () => {
    assert.deepEqual(check.missed.filter((m) => m.startsWith('kubernetes/')), []);
    assert.deepEqual(check.unexpected.filter((m) => m.startsWith('kubernetes/') || / k8s-/.test(m)), []);
  });
});
