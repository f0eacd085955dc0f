import assert from 'node:assert/strict';
import { positions, quiet } from '../support';

const RULE = 'compose-unpinned-image';

describe(RULE, () => {
  describe('valid', () => {
    it('version tags', () => quiet(RULE, 'docker-compose.yml', 'services:\n  db:\n    image: postgres:16.4-alpine\n  cache:\n    image: "redis:7.4"\n'));
    it('a digest', () => quiet(RULE, 'compose.yaml', 'services:\n  proxy:\n    image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31\n'));
    it('image names a build output', () => quiet(RULE, 'compose.yaml', 'services:\n  api:\n    build: .\n    image: ghcr.io/acme/api:latest\n'));
    it('interpolated tags', () => quiet(RULE, 'compose.yaml', 'services:\n  api:\n    image: ghcr.io/acme/api:${TAG:-dev}\n  web:\n    image: ${WEB_IMAGE}\n'));
    it('not a Compose file: no services', () => quiet(RULE, 'compose.yaml', 'name: demo\nimage: node\n'));
    it('a broken file', () => quiet(RULE, 'docker-compose.yml', 'services:\n  db:\n    image: postgres\n   ports: [1\n'));
  });

  describe('invalid', () => {
    it('no tag', () => assert.deepEqual(positions(RULE, 'docker-compose.yml', 'services:\n  db:\n    image: postgres\n'), ['3:12']));
    it('latest', () => assert.deepEqual(positions(RULE, 'docker-compose.yml', 'services:\n  cache:\n    image: redis:latest\n'), ['3:12']));
    it('a registry with a port', () => assert.deepEqual(positions(RULE, 'compose.yml', 'services:\n  api:\n    image: registry.local:5000/acme/api\n'), ['3:12']));
    it('through a merge key', () => {
      assert.deepEqual(positions(RULE, 'compose.yaml', 'x-base: &base\n  image: node\n  restart: always\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n'), ['2:10']);
    });
    it('quoted, in a docker-compose.prod.yml', () => assert.deepEqual(positions(RULE, 'docker-compose.prod.yml', 'services:\n  mq:\n    image: "rabbitmq"\n'), ['3:12']));
  });
});
