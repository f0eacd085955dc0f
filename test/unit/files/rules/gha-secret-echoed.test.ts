import assert from 'node:assert/strict';
import { findingsOf, positions, quiet } from '../support';

const RULE = 'gha-secret-echoed';
const WF = '.github/workflows/release.yml';

describe(RULE, () => {
  describe('valid', () => {
    it('secrets handed over on standard input, in env and to files', () =>
      quiet(
        RULE,
        WF,
        `on: push
jobs:
  release:
    runs-on: ubuntu-latest
    env:
      REGISTRY_PASSWORD: \${{ secrets.REGISTRY_PASSWORD }}
    steps:
      - run: echo "$REGISTRY_PASSWORD" | docker login registry.acme.io -u ci --password-stdin
      - run: echo "\${{ secrets.GH_PAT }}" | gh auth login --with-token
      - run: |
          echo "//registry.npmjs.org/:_authToken=\${{ secrets.NPM_TOKEN }}" > ~/.npmrc
          echo "\${{ secrets.GCP_SA_KEY }}" | base64 -d > gcp-key.json
          printf '%s' "$REGISTRY_PASSWORD" > .registry-password
`,
      ));

    it('writes to GITHUB_ENV, GITHUB_OUTPUT and add-mask', () =>
      quiet(
        RULE,
        WF,
        `on: push
jobs:
  setup:
    runs-on: ubuntu-latest
    steps:
      - id: creds
        env:
          DB_PASSWORD: \${{ secrets.DB_PASSWORD }}
        run: |
          echo "DATABASE_URL=postgres://app:$DB_PASSWORD@localhost:5432/app" >> "$GITHUB_ENV"
          echo "password=$DB_PASSWORD" >> $GITHUB_OUTPUT
          ENCODED=$(echo -n "$DB_PASSWORD" | base64 -w0)
          echo "::add-mask::$ENCODED"
          echo "Encoded: $ENCODED"
`,
      ));

    it('echoes that print no secret', () =>
      quiet(
        RULE,
        WF,
        `on: push
env:
  NODE_ENV: production
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      API_TOKEN: \${{ secrets.API_TOKEN }}
    steps:
      - run: |
          echo "Deploying \${{ github.sha }} to $NODE_ENV"
          echo 'Token is in $API_TOKEN'
          if [ -z "$API_TOKEN" ]; then echo "API_TOKEN is not set"; exit 1; fi
          echo "\${{ vars.DEPLOY_URL }}"
          echo "Signing enabled: \${{ secrets.SIGNING_KEY != '' }}"
          echo "Token length: \${#API_TOKEN}"
`,
      ));

    it('environment dumps when no secret is in the environment, and filtered ones', () =>
      quiet(
        RULE,
        WF,
        `on: pull_request
jobs:
  debug:
    runs-on: ubuntu-latest
    steps:
      - run: printenv | sort
      - env:
          AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
        run: |
          env | grep '^NODE_'
          printenv NODE_VERSION
`,
      ));

    it('heredocs written to files and piped to a command', () =>
      quiet(
        RULE,
        WF,
        `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          cat <<EOF > .env.production
          STRIPE_SECRET_KEY=\${{ secrets.STRIPE_SECRET_KEY }}
          EOF
          cat <<'YAML' | kubectl apply -f -
          apiVersion: v1
          kind: Secret
          stringData:
            token: \${{ secrets.API_TOKEN }}
          YAML
`,
      ));

    it('a Python step and a file that is not a workflow', () => {
      quiet(
        RULE,
        WF,
        `on: push
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - shell: python
        run: |
          import os
          print(len(os.environ["TOKEN"]))
        env:
          TOKEN: \${{ secrets.TOKEN }}
`,
      );
      quiet(RULE, '.github/workflows/notes.yml', 'steps:\n  - run: echo ${{ secrets.X }}\n');
    });
  });

  describe('invalid', () => {
    it('echo of a secret expression and of a secret variable', () => {
      const text = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - name: Debug
        env:
          DEPLOY_KEY: \${{ secrets.DEPLOY_KEY }}
        run: |
          echo "Token: \${{ secrets.API_TOKEN }}"
          echo "Key is $DEPLOY_KEY"
`;
      assert.deepEqual(positions(RULE, WF, text), ['10:11', '11:11']);
      const [first] = findingsOf(RULE, WF, text);
      assert.match(first.message, /`echo` prints a secret to the job log\. GitHub replaces the exact registered value/);
      assert.deepEqual(first.range, { startLine: 10, startColumn: 11, endLine: 10, endColumn: 49 });
    });

    it('base64 of a secret is not masked', () => {
      const text = `on: push
jobs:
  k8s:
    runs-on: ubuntu-latest
    env:
      KUBECONFIG_DATA: \${{ secrets.KUBECONFIG }}
    steps:
      - run: echo "$KUBECONFIG_DATA" | base64 -d
      - run: |
          AUTH=$(echo -n "ci:\${{ secrets.REGISTRY_PASSWORD }}" | base64)
          echo "Authorization: Basic $AUTH"
`;
      const found = findingsOf(RULE, WF, text);
      assert.deepEqual(
        found.map((f) => `${f.range.startLine}:${f.range.startColumn}`),
        ['8:14', '11:11'],
      );
      assert.ok(found.every((f) => /in clear/.test(f.message)));
    });

    it('printenv and env dumps with secrets in the environment', () => {
      const text = `on: push
env:
  SENTRY_AUTH_TOKEN: \${{ secrets.SENTRY_AUTH_TOKEN }}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: printenv
      - run: env | sort
`;
      const found = findingsOf(RULE, WF, text);
      assert.deepEqual(
        found.map((f) => `${f.range.startLine}:${f.range.startColumn}`),
        ['8:14', '9:14'],
      );
      assert.match(found[0].message, /prints the whole environment/);
    });

    it('cat of a file just written from a secret', () => {
      assert.deepEqual(
        positions(
          RULE,
          WF,
          `on: push
jobs:
  sign:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "\${{ secrets.GPG_PRIVATE_KEY }}" > private.key
          cat private.key
          gpg --batch --import private.key
`,
        ),
        ['8:11'],
      );
    });

    it('printf, a variable copied in the script, toJSON(secrets) and tee', () => {
      const text = `on: workflow_dispatch
jobs:
  debug:
    runs-on: ubuntu-latest
    steps:
      - run: |
          export TOKEN="\${{ secrets.NPM_TOKEN }}"
          printf 'token=%s\\n' "$TOKEN"
      - run: echo '\${{ toJSON(secrets) }}'
      - run: echo "\${{ secrets.SLACK_WEBHOOK }}" | tee webhook.txt
`;
      assert.deepEqual(positions(RULE, WF, text), ['8:11', '9:14', '10:14']);
    });

    it('a heredoc printed to the log, on a Windows runner too', () => {
      const text = `on: push
jobs:
  win:
    runs-on: windows-latest
    steps:
      - shell: pwsh
        env:
          SIGNING_PASSWORD: \${{ secrets.SIGNING_PASSWORD }}
        run: |
          Write-Host "Signing with $env:SIGNING_PASSWORD"
      - shell: bash
        run: |
          cat <<EOF
          token=\${{ secrets.API_TOKEN }}
          EOF
`;
      assert.deepEqual(positions(RULE, WF, text), ['10:11', '13:11']);
    });
  });
});
