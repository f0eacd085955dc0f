import assert from 'node:assert/strict';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'compose-plain-secret';

describe(RULE, () => {
  describe('valid', () => {
    it('interpolation from the environment', () => quiet(RULE, 'docker-compose.yml', 'services:\n  api:\n    environment:\n      JWT_SECRET: ${JWT_SECRET}\n      DB_PASSWORD: "${DB_PASSWORD:?required}"\n'));
    it('list form with interpolation, and bare names passed through', () => quiet(RULE, 'compose.yaml', 'services:\n  api:\n    environment:\n      - API_KEY=${API_KEY}\n      - STRIPE_SECRET_KEY\n'));
    it('Docker secrets files', () => quiet(RULE, 'compose.yaml', 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n'));
    it('settings that only look like secrets', () => quiet(RULE, 'compose.yaml', 'services:\n  api:\n    environment:\n      TOKEN_TTL: 3600\n      AUTH_TOKEN_URL: https://auth.example.com/token\n      REQUIRE_API_KEY: "true"\n      REDIS_URL: redis://cache:6379\n'));
    it('local development and test files', () => {
      quiet(RULE, 'docker-compose.dev.yml', 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: postgres\n');
      quiet(RULE, 'compose.override.yaml', 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: postgres\n');
    });
    it('a URL whose password is interpolated', () => quiet(RULE, 'compose.yaml', 'services:\n  api:\n    environment:\n      DATABASE_URL: postgres://app:${DB_PASSWORD}@db:5432/app\n'));
  });

  describe('invalid', () => {
    it('map form: fix reads it from the environment', () => {
      const text = 'services:\n  api:\n    environment:\n      JWT_SECRET: 9f8a7c6e5d4b3a21\n';
      assert.deepEqual(positions(RULE, 'docker-compose.yml', text), ['4:19']);
      assert.equal(fixed(RULE, 'docker-compose.yml', text), 'services:\n  api:\n    environment:\n      JWT_SECRET: ${JWT_SECRET}\n');
    });
    it('list form: fix keeps the KEY= prefix', () => {
      assert.equal(fixed(RULE, 'compose.yaml', 'services:\n  db:\n    environment:\n      - "POSTGRES_PASSWORD=s3cret"\n'), 'services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n');
    });
    it('credentials inside a connection string', () => {
      const [f] = findingsOf(RULE, 'compose.yaml', 'services:\n  api:\n    environment:\n      DATABASE_URL: postgres://app:app-pw@db:5432/app\n');
      assert.match(f.message, /password inside the URL/);
    });
    it('in the editor the fix is a snippet with the dollar escaped', () => {
      const [f] = findingsOf(RULE, 'compose.yaml', 'services:\n  api:\n    environment:\n      API_KEY: abc123\n', { snippetFixes: true });
      assert.equal(f.fixes[0].edits[0].text, '\\${API_KEY\\}');
    });
    it('once for an anchor shared by two services', () => {
      assert.deepEqual(positions(RULE, 'compose.yaml', 'x-env: &env\n  SESSION_SECRET: abc\nservices:\n  api:\n    environment: *env\n  worker:\n    environment:\n      <<: *env\n'), ['2:19']);
    });
  });
});
