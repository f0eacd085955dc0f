import assert from 'node:assert/strict';
import { findingsOf, positions, quiet } from '../support';

const RULE = 'openapi-unversioned';

const ops = `paths:
  /orders:
    get:
      operationId: listOrders
      responses:
        '200': { description: Orders }
`;

describe(RULE, () => {
  describe('valid', () => {
    it('a version in the server URL', () => {
      quiet(RULE, 'openapi.yaml', `openapi: 3.0.3
info: { title: Orders, version: 3.2.0 }
servers:
  - url: https://api.example.com/v1
${ops}`);
    });
    it('a version in a server variable or a subdomain', () => {
      quiet(RULE, 'openapi.yaml', `openapi: 3.0.3
info: { title: Orders, version: 3.2.0 }
servers:
  - url: https://api.example.com/{basePath}
    variables:
      basePath: { default: v2 }
${ops}`);
      quiet(RULE, 'openapi.yaml', `openapi: 3.0.3
info: { title: Orders, version: 3.2.0 }
servers:
  - url: https://v3.api.example.com
${ops}`);
    });
    it('versioned path prefixes (one unversioned health path beside them)', () => {
      quiet(RULE, 'openapi.yaml', `openapi: 3.1.0
info: { title: Orders, version: 3.2.0 }
paths:
  /api/v2/orders:
    get:
      operationId: listOrders
      responses:
        '200': { description: Orders }
  /health:
    get:
      operationId: health
      responses:
        '200': { description: Up }
`);
    });
    it('a documented version header', () => {
      quiet(RULE, 'openapi.yaml', `openapi: 3.0.3
info: { title: Payments, version: 1.0.0 }
servers:
  - url: https://api.example.com
paths:
  /charges:
    post:
      operationId: createCharge
      parameters:
        - $ref: '#/components/parameters/ApiVersion'
      responses:
        '201': { description: Created }
components:
  parameters:
    ApiVersion: { name: Api-Version, in: header, schema: { type: string, format: date } }
`);
    });
    it('versioned media types', () => {
      quiet(RULE, 'openapi.yaml', `openapi: 3.0.3
info: { title: Orders, version: 1.0.0 }
servers:
  - url: https://api.example.com
paths:
  /orders:
    get:
      operationId: listOrders
      responses:
        '200':
          description: Orders
          content:
            application/vnd.acme.v2+json:
              schema: { type: array, maxItems: 10, items: { type: object } }
`);
    });
    it('a components-only spec and a Swagger 2.0 file are not judged', () => {
      quiet(RULE, 'schemas.yaml', `openapi: 3.1.0
info: { title: Shared schemas, version: 1.0.0 }
components:
  schemas:
    Money: { type: object }
`);
      quiet(RULE, 'swagger.yaml', `swagger: '2.0'
info: { title: Old, version: 1.0.0 }
basePath: /
${ops}`);
    });
  });

  describe('invalid', () => {
    it('a server URL without version: reported once, on the first URL', () => {
      assert.deepEqual(
        positions(RULE, 'openapi.yaml', `openapi: 3.0.3
info: { title: Orders, version: 3.2.0 }
servers:
  - url: https://api.example.com
  - url: https://staging-api.example.com
${ops}  /orders/{orderId}:
    get:
      operationId: getOrder
      responses:
        '200': { description: The order }
`),
        ['4:10'],
      );
    });
    it('no servers: reported on paths with its own message', () => {
      const [f, ...rest] = findingsOf(RULE, 'openapi.yaml', `openapi: 3.0.3
info: { title: Orders, version: 3.2.0 }
${ops}`);
      assert.deepEqual(rest, []);
      assert.equal(f.range.startLine, 3);
      assert.match(f.message, /there are no `servers`/);
      assert.deepEqual(f.fixes, []);
    });
    it('info.version is not an API version', () => {
      assert.deepEqual(
        positions(RULE, 'openapi.yaml', `openapi: 3.0.3
info:
  title: Orders
  version: v1
servers:
  - url: https://api.example.com/api
${ops}`),
        ['6:10'],
      );
    });
    it('a version-like word inside a path segment is not a version', () => {
      assert.deepEqual(
        positions(RULE, 'openapi.yaml', `openapi: 3.0.3
info: { title: Ids, version: 1.0.0 }
paths:
  /ids/uuidv4:
    post:
      operationId: newId
      responses:
        '200': { description: An id }
`),
        ['3:1'],
      );
    });
    it('JSON spec', () => {
      assert.deepEqual(
        positions(RULE, 'openapi.json', `{
  "openapi": "3.0.0",
  "info": { "title": "Orders", "version": "1.0.0" },
  "servers": [{ "url": "https://api.example.com" }],
  "paths": { "/orders": { "get": { "operationId": "listOrders", "responses": { "200": { "description": "Orders" } } } } }
}`),
        ['4:24'],
      );
    });
  });
});
