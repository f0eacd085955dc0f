import assert from 'node:assert/strict';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'gha-deploy-without-tests';
const DEPLOY = '.github/workflows/deploy.yml';

describe(RULE, () => {
  describe('valid', () => {
    it('deploy needs the test job', () =>
      quiet(
        RULE,
        DEPLOY,
        `on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: npm run test:unit
  deploy:
    needs: [test]
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: kubectl apply -f k8s/
`,
      ));

    it('tests reached through a build job', () =>
      quiet(
        RULE,
        DEPLOY,
        `on: push
jobs:
  unit:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
      - run: go test ./...
  image:
    needs: unit
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: docker build -t ghcr.io/acme/api:\${{ github.sha }} .
      - run: docker push ghcr.io/acme/api:\${{ github.sha }}
  release:
    needs: image
    runs-on: ubuntu-latest
    steps:
      - run: aws ecs update-service --cluster prod --service api --force-new-deployment
`,
      ));

    it('tests earlier in the same job, in the same script too', () =>
      quiet(
        RULE,
        '.github/workflows/release.yml',
        `on:
  release:
    types: [published]
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          registry-url: https://registry.npmjs.org
      - run: |
          npm ci
          npm test -- --coverage
      - run: npm publish --provenance
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
  lambda:
    runs-on: ubuntu-latest
    steps:
      - run: pip install -r requirements.txt && python -m pytest -q && sam deploy --no-confirm-changeset
`,
      ));

    it('workflow_run after CI with a success check', () =>
      quiet(
        RULE,
        DEPLOY,
        `on:
  workflow_run:
    workflows: [CI]
    types: [completed]
    branches: [main]
jobs:
  deploy:
    if: \${{ github.event.workflow_run.conclusion == 'success' }}
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.workflow_run.head_sha }}
      - run: npx serverless deploy --stage production
`,
      ));

    it('a reusable deploy workflow and a dispatch that deploys a given version', () => {
      quiet(
        RULE,
        '.github/workflows/deploy-reusable.yml',
        `on:
  workflow_call:
    inputs:
      environment: { type: string, required: true }
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: helm upgrade --install api ./chart --set image.tag=\${{ github.sha }}
`,
      );
      quiet(
        RULE,
        '.github/workflows/rollback.yml',
        `on:
  workflow_dispatch:
    inputs:
      version: { description: Image tag to deploy, required: true }
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: kubectl set image deployment/api api=ghcr.io/acme/api:\${{ inputs.version }}
`,
      );
    });

    it('dry runs, plans and a test job called through a reusable workflow', () =>
      quiet(
        RULE,
        DEPLOY,
        `on: push
jobs:
  ci:
    uses: ./.github/workflows/ci.yml
  plan:
    runs-on: ubuntu-latest
    steps:
      - run: terraform plan -out tfplan
      - run: helm upgrade api ./chart --install --dry-run
      - run: npm publish --dry-run
  apply:
    needs: [ci, plan]
    runs-on: ubuntu-latest
    steps:
      - run: terraform apply -auto-approve tfplan
`,
      ));

    it('a build that pushes nothing, and a pull request preview (no --prod)', () =>
      quiet(
        RULE,
        '.github/workflows/preview.yml',
        `on: pull_request
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v5
        with:
          push: false
          tags: acme/api:pr
      - run: npx vercel deploy --token "$VERCEL_TOKEN"
`,
      ));

    it('an end-to-end job that deploys to a throwaway kind cluster and a local registry', () =>
      quiet(
        RULE,
        '.github/workflows/e2e.yml',
        `on: pull_request
jobs:
  e2e:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: helm/kind-action@v1
      - run: |
          docker build -t localhost:5001/orders-api:e2e .
          docker push localhost:5001/orders-api:e2e
          helm install orders ./chart --set image.repository=localhost:5001/orders-api --wait
      - run: npm run test:e2e
`,
      ));
  });

  describe('invalid', () => {
    it('a deploy job beside the test job: the fix adds needs', () => {
      const text = `name: Deploy
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm test
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: npx serverless deploy --stage prod
`;
      assert.deepEqual(positions(RULE, DEPLOY, text), ['16:14']);
      const [finding] = findingsOf(RULE, DEPLOY, text);
      assert.match(finding.message, /Job `deploy` ships \(`serverless deploy --stage prod`\)/);
      assert.equal(finding.fixes[0].title, 'Make `deploy` wait for `test` (`needs`)');
      assert.equal(fixed(RULE, DEPLOY, text), text.replace('  deploy:\n    runs-on', '  deploy:\n    needs: test\n    runs-on'));
    });

    it('needs a build job only: the fix extends the list', () => {
      const text = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: ./gradlew assemble
  unit-tests:
    runs-on: ubuntu-latest
    steps:
      - run: ./gradlew test
  ship:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - uses: google-github-actions/deploy-cloudrun@v2
        with:
          service: api
`;
      assert.deepEqual(positions(RULE, DEPLOY, text), ['15:15']);
      assert.equal(fixed(RULE, DEPLOY, text), text.replace('needs: build', 'needs: [build, unit-tests]'));
    });

    it('block-style needs list', () => {
      const text = `on: push
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - run: npm run lint
  test:
    runs-on: ubuntu-latest
    steps:
      - run: pnpm test
  publish:
    needs:
      - lint
    runs-on: ubuntu-latest
    steps:
      - run: |
          pnpm install --frozen-lockfile
          pnpm publish --no-git-checks
`;
      assert.deepEqual(positions(RULE, DEPLOY, text), ['18:11']);
      assert.equal(fixed(RULE, DEPLOY, text), text.replace('      - lint\n', '      - lint\n      - test\n'));
    });

    it('a docker publish workflow with no tests anywhere: no fix', () => {
      const text = `name: Publish image
on:
  push:
    tags: ['v*']
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: \${{ github.actor }}
          password: \${{ secrets.GITHUB_TOKEN }}
      - uses: docker/build-push-action@v5
        with:
          push: true
          tags: ghcr.io/acme/api:\${{ github.ref_name }}
`;
      const [finding] = findingsOf(RULE, DEPLOY, text);
      assert.equal(`${finding.range.startLine}:${finding.range.startColumn}`, '15:15');
      assert.deepEqual(finding.fixes, []);
    });

    it('workflow_run without a conclusion check', () => {
      const text = `on:
  workflow_run:
    workflows: [CI]
    types: [completed]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: appleboy/ssh-action@v1.0.3
        with:
          host: \${{ secrets.HOST }}
          script: cd /srv/api && git pull && pm2 reload api
`;
      const [finding] = findingsOf(RULE, DEPLOY, text);
      assert.equal(`${finding.range.startLine}:${finding.range.startColumn}`, '9:15');
      assert.match(finding.message, /including when that run failed/);
    });

    it('tests after the deploy do not count; a folded command line is found', () => {
      const text = `on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: >-
          helm upgrade --install api ./chart
          --namespace prod --wait
      - run: npm run test:smoke
`;
      assert.deepEqual(positions(RULE, DEPLOY, text), ['9:14']);
    });

    it('a manual deploy that builds from the branch', () => {
      assert.deepEqual(
        positions(
          RULE,
          DEPLOY,
          `on: workflow_dispatch
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm run build
      - run: sudo fly deploy --remote-only
        env:
          FLY_API_TOKEN: \${{ secrets.FLY_API_TOKEN }}
`,
        ),
        ['8:14'],
      );
    });
  });
});
