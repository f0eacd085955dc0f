import assert from 'node:assert/strict';
import { analyze } from '../../../../src/engine';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'openapi-missing-security';

const partlySecured = `openapi: 3.0.3
info:
  title: Invoices
  version: 1.0.0
paths:
  /invoices:
    get:
      operationId: listInvoices
      security:
        - bearerAuth: []
      responses:
        '200':
          description: The invoices
    post:
      operationId: createInvoice
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Invoice' }
      responses:
        '201':
          description: Created
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
  schemas:
    Invoice: { type: object }
`;

describe(RULE, () => {
  describe('valid', () => {
    it('a global security requirement covers operations without their own', () => {
      quiet(RULE, 'openapi.yaml', `openapi: 3.0.3
info: { title: Invoices, version: 1.0.0 }
security:
  - bearerAuth: []
paths:
  /invoices:
    get:
      operationId: listInvoices
      responses:
        '200': { description: The invoices }
    post:
      operationId: createInvoice
      security:
        - apiKey: []
      responses:
        '201': { description: Created }
`);
    });
    it('an explicit empty list is a deliberately public operation', () => {
      quiet(RULE, 'openapi.yaml', `openapi: 3.0.3
info: { title: Shop, version: 1.0.0 }
paths:
  /products:
    get:
      operationId: listProducts
      security: []
      responses:
        '200': { description: The catalogue }
  /cart:
    post:
      operationId: addToCart
      security:
        - cookieAuth: []
      responses:
        '204': { description: Added }
`);
    });
    it('a global empty list makes public the default on purpose', () => {
      quiet(RULE, 'openapi.yaml', `openapi: 3.1.0
info: { title: Shop, version: 1.0.0 }
security: []
paths:
  /products:
    get:
      operationId: listProducts
      responses:
        '200': { description: The catalogue }
  /admin/products:
    post:
      operationId: createProduct
      security: [{ oauth2: [products:write] }]
      responses:
        '201': { description: Created }
`);
    });
    it('a spec with no security anywhere (a public or internal API) is not judged', () => {
      quiet(RULE, 'openapi.yaml', `openapi: 3.0.3
info: { title: Weather, version: 1.0.0 }
paths:
  /forecast:
    get:
      operationId: forecast
      responses:
        '200': { description: The forecast }
  /stations:
    get:
      operationId: stations
      responses:
        '200': { description: The stations }
`);
    });
    it('sign-in, token, health and webhook endpoints are public by nature', () => {
      quiet(RULE, 'api/openapi.yml', `openapi: 3.0.3
info: { title: Accounts, version: 1.0.0 }
paths:
  /auth/login:
    post:
      operationId: login
      responses:
        '200': { description: Token }
  /oauth/token:
    post:
      operationId: issueToken
      responses:
        '200': { description: Token }
  /healthz:
    get:
      operationId: health
      responses:
        '200': { description: Up }
  /webhooks/stripe:
    post:
      operationId: stripeWebhook
      responses:
        '204': { description: Accepted }
  /.well-known/jwks.json:
    get:
      operationId: jwks
      responses:
        '200': { description: Keys }
  /me:
    get:
      operationId: me
      security:
        - bearerAuth: []
      responses:
        '200': { description: The account }
`);
    });
    it('an operation that documents an Authorization header parameter is not public by omission', () => {
      quiet(RULE, 'openapi.yaml', `openapi: 3.0.3
info: { title: Legacy, version: 1.0.0 }
paths:
  /reports:
    get:
      operationId: reports
      security:
        - bearerAuth: []
      responses:
        '200': { description: Reports }
  /exports:
    post:
      operationId: exportReports
      parameters:
        - name: Authorization
          in: header
          required: true
          schema: { type: string, maxLength: 2048 }
      responses:
        '202': { description: Queued }
`);
    });
    it('Swagger 2.0 files are not OpenAPI 3 and stay quiet', () => {
      quiet(RULE, 'swagger.yaml', `swagger: "2.0"
info: { title: Partner, version: 1.0.0 }
securityDefinitions:
  apiKey: { type: apiKey, in: header, name: X-Api-Key }
paths:
  /orders:
    get:
      security: [{ apiKey: [] }]
      responses:
        200: { description: Orders }
    post:
      responses:
        201: { description: Created }
`);
    });
    it('a Helm-templated spec is skipped with one note and no findings', () => {
      const result = analyze(partlySecured.replace('title: Invoices', 'title: {{ .Values.apiTitle }}'), 'charts/api/files/openapi.yaml', {});
      assert.deepEqual(result.findings, []);
      assert.deepEqual(result.ruleErrors, []);
      assert.equal(result.skipped?.reason, 'template');
    });
  });

  describe('invalid', () => {
    it('one operation secured, the other forgotten: the fix adds the scheme before responses', () => {
      assert.deepEqual(positions(RULE, 'openapi.yaml', partlySecured), ['14:5']);
      assert.equal(
        fixed(RULE, 'openapi.yaml', partlySecured),
        partlySecured.replace("            schema: { $ref: '#/components/schemas/Invoice' }\n      responses:", "            schema: { $ref: '#/components/schemas/Invoice' }\n      security:\n        - bearerAuth: []\n      responses:"),
      );
    });
    it('names the operation and the scheme most used in the spec', () => {
      const [f] = findingsOf(RULE, 'openapi.yaml', `openapi: 3.0.3
info: { title: Billing, version: 1.0.0 }
paths:
  /a:
    get:
      operationId: a
      security: [{ apiKey: [] }]
      responses: { '200': { description: ok } }
  /b:
    get:
      operationId: b
      security: [{ oauth2: [billing:read] }]
      responses: { '200': { description: ok } }
  /c:
    get:
      operationId: c
      security: [{ oauth2: [billing:read] }]
      responses: { '200': { description: ok } }
  /refunds/{refundId}:
    delete:
      operationId: deleteRefund
      responses: { '204': { description: Deleted } }
`);
      assert.equal(f.range.startLine, 20);
      assert.match(f.message, /`DELETE \/refunds\/\{refundId\}`.*`oauth2`/);
      assert.equal(f.fixes[0].title, 'Require `oauth2` on this operation');
      assert.equal(f.fixes[0].edits[0].text, 'security:\n        - oauth2: []\n      ');
    });
    it('every unsecured operation of a path is reported', () => {
      assert.deepEqual(
        positions(RULE, 'openapi.yaml', `openapi: 3.0.3
info: { title: Users, version: 1.0.0 }
paths:
  /users/{userId}:
    get:
      operationId: getUser
      security:
        - bearerAuth: []
      responses:
        '200': { description: The user }
    patch:
      operationId: updateUser
      responses:
        '200': { description: Updated }
    delete:
      operationId: deleteUser
      responses:
        '204': { description: Deleted }
`),
        ['11:5', '15:5'],
      );
    });
    it('an operation without responses: the security goes after its last entry', () => {
      const text = `openapi: 3.0.3
info: { title: Jobs, version: 1.0.0 }
paths:
  /jobs:
    get:
      operationId: listJobs
      security:
        - apiKey: []
      responses:
        '200': { description: Jobs }
    post:
      operationId: startJob
      summary: Start a job # async
`;
      assert.equal(fixed(RULE, 'openapi.yaml', text), text.replace('# async\n', '# async\n      security:\n        - apiKey: []\n'));
    });
    it('JSON spec: position from the parser, the fix inserts a JSON member', () => {
      const text = `{
  "openapi": "3.0.1",
  "info": { "title": "Invoices", "version": "1.0.0" },
  "paths": {
    "/invoices": {
      "get": {
        "operationId": "listInvoices",
        "security": [{ "bearerAuth": [] }],
        "responses": { "200": { "description": "The invoices" } }
      },
      "post": {
        "operationId": "createInvoice",
        "responses": { "201": { "description": "Created" } }
      }
    }
  }
}
`;
      assert.deepEqual(positions(RULE, 'openapi.json', text), ['11:7']);
      const out = fixed(RULE, 'openapi.json', text);
      assert.deepEqual((JSON.parse(out) as { paths: Record<string, Record<string, { security: unknown }>> }).paths['/invoices'].post.security, [{ bearerAuth: [] }]);
      assert.match(out, /"operationId": "createInvoice",\n {8}"security": \[ \{ "bearerAuth": \[\] \} \],\n {8}"responses"/);
    });
  });
});
