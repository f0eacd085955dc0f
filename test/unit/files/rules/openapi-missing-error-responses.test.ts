import assert from 'node:assert/strict';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'openapi-missing-error-responses';

const head = `openapi: 3.0.3
info:
  title: Payments
  version: 1.0.0
`;

describe(RULE, () => {
  describe('valid', () => {
    it('a 4xx status, a 4XX range or a $ref to a shared 4xx response', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /payments:
    post:
      operationId: createPayment
      requestBody:
        content:
          application/json:
            schema: { type: object }
      responses:
        '201': { description: Created }
        '422': { description: Invalid payment }
  /payments/{paymentId}:
    parameters:
      - { name: paymentId, in: path, required: true, schema: { type: string, format: uuid } }
    get:
      operationId: getPayment
      responses:
        '200': { description: The payment }
        4XX: { $ref: '#/components/responses/Problem' }
    delete:
      operationId: voidPayment
      responses:
        '204': { description: Voided }
        '404': { $ref: '#/components/responses/Problem' }
components:
  responses:
    Problem: { description: Problem details }
`);
    });
    it('a default response documents the error body for every other status', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /refunds:
    post:
      operationId: createRefund
      requestBody:
        content:
          application/json:
            schema: { type: object }
      responses:
        '201': { description: Created }
        default:
          description: An error
          content:
            application/problem+json:
              schema: { $ref: '#/components/schemas/Problem' }
components:
  schemas:
    Problem: { type: object }
`);
    });
    it('an operation that takes no input and no credentials has no client error to describe', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /healthz:
    get:
      operationId: health
      responses:
        '200': { description: Up }
        '503': { description: Down }
  /status:
    get:
      operationId: status
      security: []
      responses:
        '200': { description: Status page }
`);
    });
    it('an operation with no responses map is left to the schema validator', () => {
      quiet(RULE, 'openapi.yaml', `openapi: 3.1.0
info: { title: Hooks, version: 1.0.0 }
paths:
  /subscriptions:
    post:
      operationId: subscribe
      requestBody:
        content:
          application/json:
            schema: { type: object }
`);
    });
    it('Swagger 2.0 stays quiet', () => {
      quiet(RULE, 'swagger.yaml', `swagger: '2.0'
info: { title: Old, version: 1.0.0 }
paths:
  /payments:
    post:
      parameters:
        - { in: body, name: body, schema: { type: object } }
      responses:
        201: { description: Created }
`);
    });
    it('a broken document gives no findings', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /payments:
    post:
      requestBody: [
      responses:
        '201': { description: Created }
`);
    });
  });

  describe('invalid', () => {
    it('only 201: the fix adds a 400 after the success responses', () => {
      const text = `${head}paths:
  /payments:
    post:
      operationId: createPayment
      requestBody:
        content:
          application/json:
            schema: { type: object }
      responses:
        '201':
          description: Created
        '500':
          description: Server error
`;
      assert.deepEqual(positions(RULE, 'openapi.yaml', text), ['13:7']);
      assert.equal(fixed(RULE, 'openapi.yaml', text), text.replace("          description: Created\n", "          description: Created\n        '400':\n          description: The request is invalid\n"));
    });
    it('a shared BadRequest response is referenced by the fix', () => {
      const text = `${head}security:
  - bearerAuth: []
paths:
  /payments/{paymentId}/capture:
    post:
      operationId: capturePayment
      responses:
        '200': { description: Captured }
components:
  responses:
    BadRequest: { description: Invalid request }
`;
      assert.equal(fixed(RULE, 'openapi.yaml', text), text.replace("        '200': { description: Captured }\n", "        '200': { description: Captured }\n        '400':\n          $ref: '#/components/responses/BadRequest'\n"));
    });
    it('credentials alone make 401 possible', () => {
      assert.deepEqual(
        positions(RULE, 'openapi.yaml', `${head}paths:
  /me:
    get:
      operationId: me
      security:
        - bearerAuth: []
      responses:
        '200': { description: The account }
`),
        ['11:7'],
      );
    });
    it('query parameters from the path item count as input', () => {
      const [f] = findingsOf(RULE, 'openapi.yaml', `${head}paths:
  /payouts:
    parameters:
      - { name: currency, in: query, schema: { type: string, enum: [EUR, USD] } }
    get:
      operationId: listPayouts
      responses:
        '200': { description: Payouts }
        '500': { description: Server error }
`);
      assert.match(f.message, /`GET \/payouts` describes no 4xx/);
      assert.equal(f.fixes[0].title, 'Add a `400` response');
    });
    it('JSON spec: the fix inserts a JSON member after 200', () => {
      const text = `{
  "openapi": "3.0.0",
  "info": { "title": "Payments", "version": "1.0.0" },
  "paths": {
    "/payments": {
      "post": {
        "operationId": "createPayment",
        "requestBody": { "content": { "application/json": { "schema": { "type": "object" } } } },
        "responses": {
          "200": { "description": "Created" }
        }
      }
    }
  }
}
`;
      assert.deepEqual(positions(RULE, 'openapi.json', text), ['9:9']);
      const out = fixed(RULE, 'openapi.json', text);
      assert.match(out, /"200": \{ "description": "Created" \},\n {10}"400": \{ "description": "The request is invalid" \}\n/);
      assert.doesNotThrow(() => JSON.parse(out));
    });
  });
});
