import assert from 'node:assert/strict';
import { fixed, positions, quiet } from '../support';

const RULE = 'dockerfile-npm-install';

describe(RULE, () => {
  describe('valid', () => {
    it('npm ci', () => quiet(RULE, 'Dockerfile', 'FROM node:22\nCOPY package*.json ./\nRUN npm ci --omit=dev\n'));
    it('installing a global tool', () => quiet(RULE, 'Dockerfile', 'FROM node:22\nRUN npm install -g pnpm@9 && npm i -g pm2\n'));
    it('no lockfile in the build', () => quiet(RULE, 'Dockerfile', 'FROM node:22\nCOPY package.json ./\nRUN npm install\n'));
    it('a lockfile copied only after the install', () => quiet(RULE, 'Dockerfile', 'FROM node:22\nCOPY package.json ./\nRUN npm install\nCOPY package-lock.json ./\n'));
    it('yarn and pnpm are left to their own rules', () => quiet(RULE, 'Dockerfile', 'FROM node:22\nCOPY . .\nRUN yarn install --frozen-lockfile && pnpm install --frozen-lockfile\n'));
    it('npm install inside an echo, and a lockfile copied from another stage', () => {
      quiet(RULE, 'Dockerfile', 'FROM node:22 AS deps\nCOPY package-lock.json .\nFROM node:22\nCOPY --from=deps package-lock.json .\nRUN npm install\nRUN echo "run npm install first"\n');
    });
  });

  describe('invalid', () => {
    it('after COPY package*.json, with a fix', () => {
      const text = 'FROM node:22\nCOPY package*.json ./\nRUN npm install\n';
      assert.deepEqual(positions(RULE, 'Dockerfile', text), ['3:5']);
      assert.equal(fixed(RULE, 'Dockerfile', text), 'FROM node:22\nCOPY package*.json ./\nRUN npm ci\n');
    });
    it('npm i with flags after COPY . .', () => {
      assert.equal(fixed(RULE, 'Dockerfile', 'FROM node:22\nCOPY . .\nRUN npm i --no-audit --loglevel warn\n'), 'FROM node:22\nCOPY . .\nRUN npm ci --no-audit --loglevel warn\n');
    });
    it('on a continuation line', () => {
      const text = 'FROM node:22\nCOPY package.json package-lock.json ./\nRUN apt-get update && \\\n    npm install && \\\n    npm cache clean --force\n';
      assert.deepEqual(positions(RULE, 'Dockerfile', text), ['4:5']);
      assert.match(fixed(RULE, 'Dockerfile', text), /\n {4}npm ci && \\\n/);
    });
    it('with the lockfile bind-mounted', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM node:22\nRUN --mount=type=bind,source=package-lock.json,target=package-lock.json --mount=type=bind,source=package.json,target=package.json npm install\n'), ['2:131']);
    });
    it('inside a heredoc', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM node:22\nCOPY package-lock.json package.json ./\nRUN <<EOF\nset -e\nnpm install\nEOF\n'), ['5:1']);
    });
  });
});
