import assert from 'node:assert/strict';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'dockerfile-apt-get-install';

describe(RULE, () => {
  describe('valid', () => {
    it('the lean form on continuation lines', () => {
      quiet(RULE, 'Dockerfile', 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends ca-certificates curl \\\n    && rm -rf /var/lib/apt/lists/*\n');
    });
    it('a builder stage is thrown away', () => quiet(RULE, 'Dockerfile', 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y build-essential\nFROM debian:12-slim\n'));
    it('apt cache mounts instead of cleanup', () => {
      quiet(RULE, 'Dockerfile', 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends git\n');
    });
    it('Install-Recommends=false through -o', () => quiet(RULE, 'Dockerfile', 'FROM ubuntu:24.04\nRUN apt-get update && apt-get -o APT::Install-Recommends=false install -y git && rm -rf /var/lib/apt/lists/*\n'));
    it('in a heredoc', () => quiet(RULE, 'Dockerfile', 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y --no-install-recommends tini\nrm -rf /var/lib/apt/lists/*\nEOF\n'));
    it('apk on Alpine is another tool', () => quiet(RULE, 'Dockerfile', 'FROM alpine:3.20\nRUN apk add --no-cache tini\n'));
  });

  describe('invalid', () => {
    it('neither the flag nor cleanup: fix inserts the flag', () => {
      const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n';
      assert.deepEqual(positions(RULE, 'Dockerfile', text), ['2:23']);
      assert.equal(fixed(RULE, 'Dockerfile', text), 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n');
    });
    it('cleanup without the flag', () => {
      const [f] = findingsOf(RULE, 'Dockerfile', 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n');
      assert.match(f.message, /recommended package/);
    });
    it('the flag without cleanup: no fix', () => {
      const [f] = findingsOf(RULE, 'Dockerfile', 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n');
      assert.match(f.message, /package lists/);
      assert.deepEqual(f.fixes, []);
    });
    it('on a continuation line, with DEBIAN_FRONTEND', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM ubuntu:24.04\nRUN apt-get update && \\\n    DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata\n'), ['3:5']);
    });
    it('inherited from the parent stage of the final one', () => {
      assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM debian:12 AS base\nRUN apt install -y python3\nFROM base\nCMD ["python3"]\n'), ['2:5']);
    });
  });
});
