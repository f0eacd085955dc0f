import assert from 'node:assert/strict';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'dockerfile-dev-dependencies';

describe(RULE, () => {
  describe('valid', () => {
    it('npm ci --omit=dev in the final stage', () => quiet(RULE, 'Dockerfile', 'FROM node:22\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n'));
    it('NODE_ENV=production before the install', () => quiet(RULE, 'Dockerfile', 'FROM node:22\nENV NODE_ENV=production\nCOPY package*.json ./\nRUN npm ci\n'));
    it('a builder stage keeps devDependencies to compile', () => {
      quiet(RULE, 'Dockerfile', 'FROM node:22 AS build\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22-slim\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY --from=build /app/dist ./dist\n');
    });
    it('node_modules copied from a builder that pruned them', () => {
      quiet(RULE, 'Dockerfile', 'FROM node:22 AS build\nCOPY . .\nRUN npm ci && npm run build && npm prune --omit=dev\nFROM node:22-slim\nCOPY --from=build /app/node_modules ./node_modules\n');
    });
    it('pnpm --prod and yarn --production', () => quiet(RULE, 'Dockerfile', 'FROM node:22\nCOPY . .\nRUN pnpm install --prod --frozen-lockfile\nRUN yarn install --production --frozen-lockfile\n'));
    it('a development Dockerfile', () => quiet(RULE, 'Dockerfile.dev', 'FROM node:22\nCOPY . .\nRUN npm ci && npm run build\n'));
  });

  describe('invalid', () => {
    it('npm ci in a single stage that does not build: fix adds --omit=dev', () => {
      assert.equal(fixed(RULE, 'Dockerfile', 'FROM node:22\nCOPY package*.json ./\nRUN npm ci\nCMD ["node", "server.js"]\n'), 'FROM node:22\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n');
    });
    it('a single stage that builds: no fix, a multi-stage hint', () => {
      const [finding] = findingsOf(RULE, 'Dockerfile', 'FROM node:22\nCOPY . .\nRUN npm ci\nRUN npm run build\nCMD ["node", "dist/main.js"]\n');
      assert.equal(finding.range.startLine, 3);
      assert.match(finding.message, /^This image compiles the app/);
      assert.deepEqual(finding.fixes, []);
    });
    it('node_modules copied from a builder with devDependencies', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM node:22 AS build\nCOPY . .\nRUN npm ci\nRUN npm run build\n\nFROM node:22-slim\nCOPY --from=build /app/node_modules ./node_modules\nCOPY --from=build /app/dist ./dist\n'), ['7:1']);
    });
    it('a prune before the install does not count', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM node:22\nRUN npm prune --omit=dev || true\nCOPY . .\nRUN npm ci\n'), ['4:5']);
    });
    it('the final stage inherits the install from its parent stage', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM node:22 AS deps\nCOPY package*.json ./\nRUN npm ci\nFROM deps AS runtime\nCOPY . .\nCMD ["node", "server.js"]\n'), ['3:5']);
    });
  });
});
