import assert from 'node:assert/strict';
import { fixed, positions, quiet } from '../support';

const RULE = 'dockerfile-missing-healthcheck';

describe(RULE, () => {
  describe('valid', () => {
    it('a HEALTHCHECK in the final stage', () => quiet(RULE, 'Dockerfile', 'FROM node:22\nEXPOSE 3000\nHEALTHCHECK CMD curl -f http://localhost:3000/healthz || exit 1\nCMD ["node", "server.js"]\n'));
    it('HEALTHCHECK NONE is a decision', () => quiet(RULE, 'Dockerfile', 'FROM node:22\nEXPOSE 3000\nHEALTHCHECK NONE\n'));
    it('no EXPOSE: a job or a CLI', () => quiet(RULE, 'Dockerfile', 'FROM node:22\nCMD ["node", "jobs/report.js"]\n'));
    it('inherited from the stage it builds on', () => quiet(RULE, 'Dockerfile', 'FROM node:22 AS base\nHEALTHCHECK CMD node healthcheck.js\nFROM base\nEXPOSE 3000\n'));
    it('EXPOSE only in a builder stage', () => quiet(RULE, 'Dockerfile', 'FROM node:22 AS build\nEXPOSE 9229\nFROM node:22-slim\nCMD ["node", "main.js"]\n'));
    it('a development Dockerfile', () => quiet(RULE, 'docker/dev.Dockerfile', 'FROM node:22\nEXPOSE 3000\n'));
  });

  describe('invalid', () => {
    it('a node server: fix adds a fetch-based HEALTHCHECK before CMD', () => {
      const text = 'FROM node:22-slim\nEXPOSE 8080\nCMD ["node", "server.js"]\n';
      assert.deepEqual(positions(RULE, 'Dockerfile', text), ['1:1']);
      assert.equal(
        fixed(RULE, 'Dockerfile', text),
        'FROM node:22-slim\nEXPOSE 8080\nHEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \\\n  CMD node -e "fetch(\'http://127.0.0.1:8080/healthz\').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"\nCMD ["node", "server.js"]\n',
      );
    });
    it('multi-stage: reported on the final FROM', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM node:22 AS build\nRUN npm ci\n\nFROM node:22-slim AS runtime\nEXPOSE 3000\nCMD ["node", "dist/main.js"]\n'), ['4:1']);
    });
    it('a non-node image: the finding without a fix', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM nginx:1.27\nEXPOSE 80\n'), ['1:1']);
    });
    it('node 16 has no fetch: no fix offered, still reported', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM node:16\nEXPOSE 3000\nCMD ["node", "index.js"]\n'), ['1:1']);
    });
    it('EXPOSE inherited from the parent stage', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM python:3.12-slim AS base\nEXPOSE 8000\nFROM base\nCMD ["gunicorn", "app:app"]\n'), ['3:1']);
    });
  });
});
