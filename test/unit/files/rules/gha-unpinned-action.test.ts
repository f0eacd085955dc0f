import assert from 'node:assert/strict';
import { findingsOf, positions, quiet } from '../support';

const RULE = 'gha-unpinned-action';
const CI = '.github/workflows/ci.yml';

describe(RULE, () => {
  describe('valid', () => {
    it('major, full and pre-release version tags', () =>
      quiet(
        RULE,
        CI,
        `name: CI
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4.0.3
        with:
          node-version: 22
      - uses: pnpm/action-setup@v3.0.0-rc.1
      - run: pnpm test
`,
      ));

    it('full commit SHAs with the tag in a comment', () =>
      quiet(
        RULE,
        '.github/workflows/release.yaml',
        `on:
  push:
    tags: ['v*']
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1
      - uses: docker/build-push-action@4a13e500e55cf31b7a5d59a38ab2040ab0f42f56 # v5.1.0
        with:
          push: false
`,
      ));

    it('local actions and local reusable workflows', () =>
      quiet(
        RULE,
        CI,
        `on: push
jobs:
  lint:
    uses: ./.github/workflows/lint.yml
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./.github/actions/setup-deps
      - run: npm run build
`,
      ));

    it('Docker actions pinned by tag or digest', () =>
      quiet(
        RULE,
        CI,
        `on: push
jobs:
  shellcheck:
    runs-on: ubuntu-latest
    steps:
      - uses: docker://koalaman/shellcheck:v0.10.0
        with:
          args: scripts/deploy.sh
      - uses: docker://alpine@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5
`,
      ));

    it('a reusable workflow from another repository at a tag', () =>
      quiet(
        RULE,
        '.github/workflows/deploy.yml',
        `on: workflow_dispatch
jobs:
  deploy:
    uses: acme/platform-workflows/.github/workflows/deploy-ecs.yml@v2
    secrets: inherit
`,
      ));

    it('a YAML file under .github/workflows that is not a workflow', () => quiet(RULE, '.github/workflows/matrix.yml', 'include:\n  - uses: some/action@main\n'));

    it('a broken workflow', () => quiet(RULE, CI, 'on: push\njobs:\n  build:\n    steps:\n      - uses: actions/checkout@main\n     - run: [\n'));
  });

  describe('invalid', () => {
    it('@main and @master on third-party actions', () => {
      const text = `name: CI
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: rtCamp/action-slack-notify@master
      - name: Lint Dockerfile
        uses: "hadolint/hadolint-action@main"
`;
      assert.deepEqual(positions(RULE, CI, text), ['8:15', '10:15']);
      const [first] = findingsOf(RULE, CI, text);
      assert.match(first.message, /`rtCamp\/action-slack-notify` runs whatever is on its `master` branch/);
      assert.deepEqual(first.fixes, []);
    });

    it('a release branch and a short SHA are not pins', () => {
      const text = `on: pull_request
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/cache@releases/v3
        with:
          path: ~/.npm
          key: npm-\${{ hashFiles('package-lock.json') }}
      - uses: dtolnay/rust-toolchain@stable
      - uses: acme/setup-tool@a1b2c3d
`;
      assert.deepEqual(positions(RULE, CI, text), ['6:15', '10:15', '11:15']);
    });

    it('an action with no ref at all', () => {
      const text = `on: push
jobs:
  notify:
    runs-on: ubuntu-latest
    steps:
      - uses: 8398a7/action-slack
        with:
          status: \${{ job.status }}
`;
      const [finding] = findingsOf(RULE, CI, text);
      assert.equal(`${finding.range.startLine}:${finding.range.startColumn}`, '6:15');
      assert.match(finding.message, /has no `@ref`/);
    });

    it('a reusable workflow from another repository at main', () => {
      assert.deepEqual(
        positions(
          RULE,
          '.github/workflows/deploy.yml',
          `on:
  push:
    branches: [main]
jobs:
  deploy:
    uses: acme/platform-workflows/.github/workflows/deploy-ecs.yml@main
    with:
      service: api
    secrets: inherit
`,
        ),
        ['6:11'],
      );
    });

    it('Docker actions on latest or without a tag', () => {
      const text = `on: push
jobs:
  scan:
    runs-on: ubuntu-latest
    steps:
      - uses: docker://aquasec/trivy:latest
        with:
          args: fs .
      - uses: docker://hadolint/hadolint
`;
      const found = findingsOf(RULE, CI, text);
      assert.deepEqual(
        found.map((f) => `${f.range.startLine}:${f.range.startColumn}`),
        ['6:15', '9:15'],
      );
      assert.match(found[0].message, /`latest` tag/);
    });

    it('in a flow-style step, in a .yaml workflow', () => {
      assert.deepEqual(
        positions(RULE, '.github/workflows/labels.yaml', 'on: pull_request\njobs:\n  label:\n    runs-on: ubuntu-latest\n    steps: [{ uses: "actions/labeler@main" }]\n'),
        ['5:21'],
      );
    });
  });
});
