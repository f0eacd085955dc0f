import assert from 'node:assert/strict';
import { findingsOf, positions, quiet } from '../support';

const RULE = 'gha-pull-request-target-checkout';
const WF = '.github/workflows/pr.yml';

describe(RULE, () => {
  describe('valid', () => {
    it('a labeler and a commenter that run no pull request code', () =>
      quiet(
        RULE,
        WF,
        `on:
  pull_request_target:
    types: [opened, synchronize]
permissions:
  pull-requests: write
jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/labeler@v5
  welcome:
    runs-on: ubuntu-latest
    steps:
      - run: gh pr comment "$PR" --body "Thanks for the contribution!"
        env:
          GH_TOKEN: \${{ github.token }}
          PR: \${{ github.event.pull_request.html_url }}
`,
      ));

    it('checkout of the base branch (the default) before building', () =>
      quiet(
        RULE,
        WF,
        `on: pull_request_target
jobs:
  size:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm run build
`,
      ));

    it('head checkout that is only read: a diff and a listing', () =>
      quiet(
        RULE,
        WF,
        `on: pull_request_target
jobs:
  changed:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          fetch-depth: 0
      - run: git diff --name-only origin/\${{ github.base_ref }}... > changed.txt
      - run: cat changed.txt
`,
      ));

    it('head checked out into a directory that later steps only read; base code runs', () =>
      quiet(
        RULE,
        WF,
        `on: pull_request_target
jobs:
  docs-check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          path: pr
          persist-credentials: false
      - run: npm ci
      - run: node scripts/check-links.js
`,
      ));

    it('jobs gated to same-repository pull requests, a label or an environment', () =>
      quiet(
        RULE,
        WF,
        `on:
  pull_request_target:
    types: [labeled]
jobs:
  e2e:
    if: github.event.pull_request.head.repo.full_name == github.repository
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: npm ci && npm run e2e
  integration:
    if: contains(github.event.pull_request.labels.*.name, 'safe to test')
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: make integration
  preview:
    environment: external-contributors
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: npm ci && npm run build
`,
      ));

    it('a Dependabot-only job', () =>
      quiet(
        RULE,
        '.github/workflows/dependabot.yml',
        `on: pull_request_target
jobs:
  lockfile:
    if: github.event.pull_request.user.login == 'dependabot[bot]'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.head_ref }}
      - run: npm install --package-lock-only --ignore-scripts
`,
      ));

    it('pull_request (no secrets) and workflow_run of a push', () => {
      quiet(
        RULE,
        '.github/workflows/ci.yml',
        `on: pull_request
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: npm ci && npm test
`,
      );
      quiet(
        RULE,
        '.github/workflows/deploy.yml',
        `on:
  workflow_run:
    workflows: [CI]
    types: [completed]
jobs:
  deploy:
    if: github.event.workflow_run.conclusion == 'success' && github.event.workflow_run.event == 'push'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.workflow_run.head_sha }}
      - run: npm ci && npm run deploy
`,
      );
    });
  });

  describe('invalid', () => {
    it('checks out head.sha and installs it', () => {
      const text = `name: Preview
on:
  pull_request_target:
    types: [opened, synchronize]
jobs:
  preview:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - name: Install
        run: npm ci
      - run: npx vercel deploy --token "$VERCEL_TOKEN"
        env:
          VERCEL_TOKEN: \${{ secrets.VERCEL_TOKEN }}
`;
      assert.deepEqual(positions(RULE, WF, text), ['11:16']);
      const [finding] = findingsOf(RULE, WF, text);
      assert.match(finding.message, /then runs it \(`Install`\)/);
      assert.deepEqual(finding.fixes, []);
    });

    it('head_ref with the head repository, then a local action', () => {
      assert.deepEqual(
        positions(
          RULE,
          WF,
          `on: pull_request_target
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          repository: \${{ github.event.pull_request.head.repo.full_name }}
          ref: \${{ github.head_ref }}
      - uses: ./.github/actions/lint
`,
        ),
        ['9:16'],
      );
    });

    it('refs/pull merge ref, then a Docker build of it', () => {
      assert.deepEqual(
        positions(
          RULE,
          WF,
          `on: [pull_request_target]
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: refs/pull/\${{ github.event.pull_request.number }}/merge
      - uses: docker/build-push-action@v5
        with:
          push: false
`,
        ),
        ['8:16'],
      );
    });

    it('gh pr checkout followed by a test run in the same script', () => {
      assert.deepEqual(
        positions(
          RULE,
          WF,
          `on:
  pull_request_target:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: |
          gh pr checkout \${{ github.event.pull_request.number }}
          make test
        env:
          GH_TOKEN: \${{ secrets.GITHUB_TOKEN }}
`,
        ),
        ['9:11'],
      );
    });

    it('head checked out into a directory that a later step builds in', () => {
      assert.deepEqual(
        positions(
          RULE,
          WF,
          `on: pull_request_target
jobs:
  bench:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          path: pr
      - run: npm ci
        working-directory: pr
`,
        ),
        ['8:16'],
      );
    });

    it('workflow_run of a pull request build that checks out and runs its head', () => {
      assert.deepEqual(
        positions(
          RULE,
          '.github/workflows/report.yml',
          `on:
  workflow_run:
    workflows: [CI]
    types: [completed]
jobs:
  coverage:
    if: github.event.workflow_run.event == 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.workflow_run.head_sha }}
      - run: npm ci && npm run coverage:report
`,
        ),
        ['12:16'],
      );
    });
  });
});
