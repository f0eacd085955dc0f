import assert from 'node:assert/strict';
import { positions, quiet } from '../support';

const RULE = 'dockerfile-unpinned-base-image';

describe(RULE, () => {
  describe('valid', () => {
    it('a version tag', () => quiet(RULE, 'Dockerfile', 'FROM node:22.11-bookworm-slim\nCMD ["node"]\n'));
    it('a digest', () => quiet(RULE, 'Dockerfile', 'FROM node@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31\n'));
    it('a version from a global ARG default', () => quiet(RULE, 'Dockerfile', 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-alpine AS build\n'));
    it('a stage built on an earlier stage, and scratch', () => quiet(RULE, 'Dockerfile', 'FROM golang:1.23 AS build\nRUN go build -o /api\nFROM build AS test\nRUN go test ./...\nFROM scratch\nCOPY --from=build /api /api\n'));
    it('an image named by a build arg without default', () => quiet(RULE, 'Dockerfile', 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n'));
    it('a registry with a port and a platform flag', () => quiet(RULE, 'Dockerfile', 'FROM --platform=$BUILDPLATFORM registry.internal:5000/base/node:22.11\n'));
  });

  describe('invalid', () => {
    it('no tag', () => assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM node\nCMD ["node"]\n'), ['1:6']));
    it('latest', () => assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM python:latest\n'), ['1:6']));
    it('every unpinned stage of a multi-stage build', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM node AS build\nRUN npm ci\n\nFROM nginx:latest\nCOPY --from=build /app/dist /usr/share/nginx/html\n'), ['1:6', '4:6']);
    });
    it('a global ARG that defaults to latest', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'ARG TAG=latest\nFROM node:${TAG}\n'), ['2:6']);
    });
    it('a registry image with a port and no tag', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM --platform=linux/amd64 registry.internal:5000/base/node\n'), ['1:29']);
    });
  });
});
