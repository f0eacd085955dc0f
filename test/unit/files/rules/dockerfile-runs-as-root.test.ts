import assert from 'node:assert/strict';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'dockerfile-runs-as-root';

describe(RULE, () => {
  describe('valid', () => {
    it('node image with USER node before CMD', () => {
      quiet(RULE, 'Dockerfile', 'FROM node:22-slim\nWORKDIR /app\nCOPY --chown=node:node . .\nRUN npm ci --omit=dev\nUSER node\nCMD ["node", "server.js"]\n');
    });
    it('multi-stage: the builder runs as root, the final stage as a numeric user', () => {
      quiet(RULE, 'Dockerfile', 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/api ./cmd/api\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/api /api\nUSER 65532:65532\nENTRYPOINT ["/api"]\n');
    });
    it('distroless nonroot and Chainguard images are not root by default', () => {
      quiet(RULE, 'Dockerfile', 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM gcr.io/distroless/nodejs22-debian12:nonroot\nCOPY --from=build /app/dist /app\nCMD ["/app/main.js"]\n');
      quiet(RULE, 'Dockerfile', 'FROM cgr.dev/chainguard/node:latest-dev\nWORKDIR /app\nCOPY . .\nCMD ["server.js"]\n');
    });
    it('USER set from a build argument', () => {
      quiet(RULE, 'Dockerfile', 'FROM python:3.12-slim\nARG APP_UID\nRUN useradd --uid ${APP_UID} app\nUSER ${APP_UID}\nCMD ["gunicorn", "app:app"]\n');
      quiet(RULE, 'Dockerfile', 'FROM python:3.12-slim\nARG APP_USER=app\nRUN useradd $APP_USER\nUSER $APP_USER\nCMD ["gunicorn", "app:app"]\n');
    });
    it('the final stage inherits USER from the stage it builds on', () => {
      quiet(RULE, 'Dockerfile', 'FROM node:22-slim AS base\nWORKDIR /app\nUSER node\n\nFROM base AS runtime\nCOPY --chown=node:node . .\nCMD ["node", "server.js"]\n');
    });
    it('an entrypoint that drops privileges with gosu', () => {
      quiet(RULE, 'Dockerfile', 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n');
    });
    it('development Dockerfiles and dev containers', () => {
      quiet(RULE, 'Dockerfile.dev', 'FROM node:22\nWORKDIR /app\nCMD ["npm", "run", "dev"]\n');
      quiet(RULE, '.devcontainer/Dockerfile', 'FROM mcr.microsoft.com/devcontainers/typescript-node:22\n');
    });
  });

  describe('invalid', () => {
    it('single stage without USER, with a fix that adds USER node before CMD', () => {
      const text = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n';
      assert.deepEqual(positions(RULE, 'Dockerfile', text), ['1:1']);
      assert.equal(fixed(RULE, 'Dockerfile', text), 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nUSER node\nCMD ["node", "server.js"]\n');
    });
    it('multi-stage: USER only in the builder stage', () => {
      const text = 'FROM node:22 AS build\nUSER node\nWORKDIR /home/node/app\nCOPY --chown=node:node . .\nRUN npm ci && npm run build\n\nFROM node:22-slim\nCOPY --from=build /home/node/app/dist /app\nENTRYPOINT ["node", "/app/main.js"]\n';
      assert.deepEqual(positions(RULE, 'Dockerfile', text), ['7:1']);
    });
    it('switches back to root in the final stage', () => {
      const text = 'FROM node:22-slim\nUSER node\nCOPY . .\nUSER root\nCMD ["node", "server.js"]\n';
      const found = findingsOf(RULE, 'Dockerfile', text);
      assert.deepEqual(found.map((f) => [f.range.startLine, f.message.startsWith('The final stage switches back to root')]), [[4, true]]);
    });
    it('a non-node image gets a numeric user; in the editor it is a tab stop', () => {
      const text = 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]';
      assert.equal(fixed(RULE, 'Containerfile', text), 'FROM python:3.12-slim\nCOPY . /app\nUSER 1000\nCMD ["python", "/app/main.py"]');
      const [finding] = findingsOf(RULE, 'Containerfile', text, { snippetFixes: true });
      assert.equal(finding.fixes[0].edits[0].text, 'USER ${1:1000}\n');
      assert.equal(finding.fixes[0].snippet, true);
    });
    it('FROM scratch runs as uid 0: the fix uses nobody', () => {
      const text = 'FROM golang:1.23 AS build\nRUN go build -o /api .\nFROM scratch\nCOPY --from=build /api /api\nENTRYPOINT ["/api"]\n';
      assert.match(fixed(RULE, 'Dockerfile', text), /USER 65534:65534\nENTRYPOINT/);
    });
    it('a USER argument that defaults to root, and a file with no CMD', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM ubuntu:24.04\nARG RUN_AS=root\nUSER ${RUN_AS}\nCMD ["bash"]\n'), ['3:1']);
      assert.equal(fixed(RULE, 'api.dockerfile', 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html'), 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\nUSER 1000\n');
    });
  });
});
