import assert from 'node:assert/strict';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'compose-missing-healthcheck';

describe(RULE, () => {
  describe('valid', () => {
    it('the dependency has a healthcheck', () => {
      quiet(RULE, 'docker-compose.yml', 'services:\n  api:\n    build: .\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n');
    });
    it('nobody depends on a service without one', () => quiet(RULE, 'compose.yaml', 'services:\n  api:\n    build: .\n  db:\n    image: postgres:16\n'));
    it('a one-shot job waited for with service_completed_successfully', () => {
      quiet(RULE, 'compose.yaml', 'services:\n  api:\n    build: .\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n  migrate:\n    image: flyway/flyway:10\n');
    });
    it('a built dependency may define HEALTHCHECK in its Dockerfile', () => quiet(RULE, 'compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [api]\n  api:\n    build: ./api\n'));
    it('a healthcheck from a merge key, and an explicit disable', () => {
      quiet(RULE, 'compose.yaml', 'x-hc: &hc\n  healthcheck:\n    test: ["CMD", "true"]\nservices:\n  api:\n    build: .\n    depends_on: [db, cache]\n  db:\n    <<: *hc\n    image: postgres:16\n  cache:\n    image: redis:7\n    healthcheck:\n      disable: true\n');
    });
    it('a dependency on a service defined in another file', () => quiet(RULE, 'compose.yaml', 'services:\n  api:\n    build: .\n    depends_on: [db]\n'));
  });

  describe('invalid', () => {
    it('list form: fix adds a pg_isready healthcheck', () => {
      const text = 'services:\n  api:\n    build: .\n    depends_on:\n      - db\n  db:\n    image: postgres:16.4\n';
      assert.deepEqual(positions(RULE, 'docker-compose.yml', text), ['6:3']);
      assert.equal(
        fixed(RULE, 'docker-compose.yml', text),
        'services:\n  api:\n    build: .\n    depends_on:\n      - db\n  db:\n    image: postgres:16.4\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]\n      interval: 5s\n      timeout: 3s\n      retries: 10\n',
      );
    });
    it('condition service_healthy without a healthcheck fails compose up', () => {
      const [f] = findingsOf(RULE, 'compose.yaml', 'services:\n  api:\n    build: .\n    depends_on:\n      cache:\n        condition: service_healthy\n  cache:\n    image: redis:7.4\n    ports: ["6379:6379"]\n');
      assert.match(f.message, /stops with an error/);
      assert.match(f.fixes[0].edits[0].text, /redis-cli", "ping/);
    });
    it('one finding per dependency, naming every dependant', () => {
      const [f, ...rest] = findingsOf(RULE, 'compose.yaml', 'services:\n  api:\n    build: .\n    depends_on: [mq]\n  worker:\n    build: .\n    depends_on: [mq]\n  mq:\n    image: rabbitmq:3.13\n');
      assert.deepEqual(rest, []);
      assert.match(f.message, /`api`, `worker`/);
    });
    it('an unknown image gets a placeholder probe', () => {
      const text = 'services:\n  api:\n    build: .\n    depends_on: [search]\n  search:\n    image: opensearchproject/opensearch:2.17.0\n';
      assert.match(fixed(RULE, 'compose.yaml', text), /test: \["CMD", "wget", "-qO-", "http:\/\/127\.0\.0\.1:8080\/health"\]/);
    });
    it('flow-style service: reported without a fix', () => {
      const [f] = findingsOf(RULE, 'compose.yaml', 'services:\n  api: { build: ., depends_on: [db] }\n  db: { image: "mysql:8.4" }\n');
      assert.equal(f.range.startLine, 3);
      assert.deepEqual(f.fixes, []);
    });
  });
});
