import assert from 'node:assert/strict';
import { positions, quiet } from '../support';

const RULE = 'dockerfile-add-remote-url';

describe(RULE, () => {
  describe('valid', () => {
    it('ADD of local files', () => quiet(RULE, 'Dockerfile', 'FROM debian:12\nADD rootfs.tar.gz /\nADD config/ /etc/app/\n'));
    it('ADD with --checksum', () => quiet(RULE, 'Dockerfile', 'FROM debian:12\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/app.tar.gz /opt/\n'));
    it('COPY of a URL-looking path', () => quiet(RULE, 'Dockerfile', 'FROM debian:12\nCOPY http/handlers /app/http\n'));
    it('curl with checksum verification', () => quiet(RULE, 'Dockerfile', 'FROM debian:12\nRUN curl -fsSLo /tini https://github.com/krallin/tini/releases/download/v0.19.0/tini && echo "93dc  /tini" | sha256sum -c -\n'));
    it('the URL as the destination is not a download', () => quiet(RULE, 'Dockerfile', 'FROM debian:12\nADD ./site /srv/https:/\n'));
    it('ADD --from another stage', () => quiet(RULE, 'Dockerfile', 'FROM alpine:3.20 AS fetch\nFROM debian:12\nADD --from=fetch /out /opt\n'));
  });

  describe('invalid', () => {
    it('an https URL', () => assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM debian:12\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\n'), ['2:5']));
    it('an http URL with --chmod', () => assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM debian:12\nADD --chmod=755 http://example.com/install.sh /install.sh\n'), ['2:17']));
    it('a git repository', () => assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM debian:12\nADD git@github.com:acme/tools.git /opt/tools\n'), ['2:5']));
    it('in a builder stage too', () => assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM golang:1.23 AS build\nADD https://go.dev/dl/tool.tar.gz /tmp/\nFROM scratch\n'), ['2:5']));
    it('on a continuation line', () => assert.deepEqual(positions(RULE, 'Dockerfile', 'FROM debian:12\nADD \\\n  https://example.com/a.tgz \\\n  /opt/\n'), ['3:3']));
  });
});
