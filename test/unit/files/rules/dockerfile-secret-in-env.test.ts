import assert from 'node:assert/strict';
import { findingsOf, positions, quiet } from '../support';

const RULE = 'dockerfile-secret-in-env';

describe(RULE, () => {
  describe('valid', () => {
    it('settings that are not secrets', () => quiet(RULE, 'Dockerfile', 'FROM node:22\nENV NODE_ENV=production PORT=3000 TOKEN_URL=https://auth.example.com/token\n'));
    it('a path to a Docker secret', () => quiet(RULE, 'Dockerfile', 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n'));
    it('an empty ENV placeholder', () => quiet(RULE, 'Dockerfile', 'FROM node:22\nENV API_KEY=\n'));
    it('a BuildKit secret mount', () => quiet(RULE, 'Dockerfile', 'FROM node:22\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n'));
    it('a build arg in a builder stage that does not ship', () => quiet(RULE, 'Dockerfile', 'FROM node:22 AS deps\nARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN\nRUN npm ci\nFROM node:22-slim\nCOPY --from=deps /app/node_modules ./node_modules\n'));
    it('version args and a global ARG used only in FROM', () => quiet(RULE, 'Dockerfile', 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}\nARG APP_VERSION=1.2.3\nARG PASSWORD_MIN_LENGTH=12\n'));
  });

  describe('invalid', () => {
    it('ENV with a literal password', () => assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM node:22\nENV DB_PASSWORD=hunter2\n'), ['2:5']));
    it('ENV in the legacy space form', () => assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM node:22\nENV STRIPE_SECRET_KEY sk_live_123\n'), ['2:5']));
    it('a build arg in the final stage', () => {
      const [finding] = findingsOf(RULE, 'Dockerfile', 'FROM node:22\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n');
      assert.equal(finding.range.startLine, 2);
      assert.match(finding.message, /build argument/);
    });
    it('ENV that copies a build arg into the shipped image', () => assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM node:22\nARG GITHUB_TOKEN\nENV GITHUB_TOKEN=${GITHUB_TOKEN}\n'), ['2:5', '3:5']));
    it('a literal secret in a builder stage and on a continuation line', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM node:22 AS build\nENV NODE_ENV=development \\\n    JWT_SECRET=dev-secret\nFROM node:22-slim\n'), ['3:5']);
    });
  });
});
