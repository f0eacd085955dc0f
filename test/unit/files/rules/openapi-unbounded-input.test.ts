import assert from 'node:assert/strict';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'openapi-unbounded-input';

const head = `openapi: 3.0.3
info:
  title: Accounts
  version: 1.0.0
`;

describe(RULE, () => {
  describe('valid', () => {
    it('bounded strings and arrays in a request body', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /accounts:
    post:
      operationId: createAccount
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                name: { type: string, maxLength: 100 }
                plan: { type: string, enum: [free, pro] }
                referrerId: { type: string, format: uuid }
                birthDate: { type: string, format: date }
                country: { type: string, pattern: '^[A-Z]{2}$' }
                roles:
                  type: array
                  maxItems: 5
                  items: { type: string, enum: [admin, member] }
      responses:
        '201': { description: Created }
`);
    });
    it('response-only schemas are never sent by the client', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /accounts/{accountId}:
    get:
      operationId: getAccount
      responses:
        '200':
          description: The account
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Account' }
components:
  schemas:
    Account:
      type: object
      properties:
        name: { type: string }
        tags: { type: array, items: { type: string } }
`);
    });
    it('readOnly properties of a shared schema are not input', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /accounts:
    post:
      operationId: createAccount
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Account' }
      responses:
        '201': { description: Created }
components:
  schemas:
    Account:
      type: object
      properties:
        id: { type: string, readOnly: true }
        auditTrail: { type: array, readOnly: true, items: { type: string } }
        name: { type: string, maxLength: 80 }
`);
    });
    it('path parameters are bounded by the URL; file uploads by the body limit', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /accounts/{slug}/avatar:
    parameters:
      - { name: slug, in: path, required: true, schema: { type: string } }
    put:
      operationId: uploadAvatar
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                file: { type: string, format: binary }
      responses:
        '204': { description: Saved }
`);
    });
    it('a recursive schema is walked once', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /folders:
    post:
      operationId: createFolder
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Folder' }
      responses:
        '201': { description: Created }
components:
  schemas:
    Folder:
      type: object
      properties:
        name: { type: string, maxLength: 120 }
        children: { type: array, maxItems: 50, items: { $ref: '#/components/schemas/Folder' } }
`);
    });
    it('a ref into another file is unknown, not unbounded; Swagger 2.0 is not read', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /accounts:
    post:
      operationId: createAccount
      requestBody:
        content:
          application/json:
            schema: { $ref: './schemas/account.yaml' }
      responses:
        '201': { description: Created }
`);
      quiet(RULE, 'swagger.yaml', `swagger: '2.0'
info: { title: Old, version: 1.0.0 }
paths:
  /accounts:
    post:
      parameters:
        - { in: body, name: body, schema: { type: object, properties: { name: { type: string } } } }
      responses:
        201: { description: Created }
`);
    });
  });

  describe('invalid', () => {
    it('a body string without maxLength: the fix adds one after type', () => {
      const text = `${head}paths:
  /accounts:
    post:
      operationId: createAccount
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                displayName:
                  type: string # shown on invoices
                  minLength: 1
      responses:
        '201': { description: Created }
`;
      assert.deepEqual(positions(RULE, 'openapi.yaml', text), ['16:19']);
      assert.equal(fixed(RULE, 'openapi.yaml', text), text.replace('# shown on invoices\n', '# shown on invoices\n                  maxLength: 255\n'));
    });
    it('a shared schema used by two operations is reported once; email gets 254', () => {
      const text = `${head}paths:
  /accounts:
    post:
      operationId: createAccount
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/AccountInput' }
      responses:
        '201': { description: Created }
  /accounts/{accountId}:
    put:
      operationId: replaceAccount
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/AccountInput' }
      responses:
        '200': { description: Replaced }
components:
  schemas:
    AccountInput:
      type: object
      properties:
        email: { type: string, format: email }
`;
      const [f, ...rest] = findingsOf(RULE, 'openapi.yaml', text);
      assert.deepEqual(rest, []);
      assert.equal(f.range.startLine, 29);
      assert.match(f.message, /`email` is a string/);
      assert.equal(fixed(RULE, 'openapi.yaml', text), text.replace('format: email }', 'format: email }').replace('{ type: string, format: email }', '{ type: string, maxLength: 254, format: email }'));
    });
    it('arrays without maxItems, in the body and in a query parameter', () => {
      const text = `${head}paths:
  /accounts/batch:
    post:
      operationId: deleteAccounts
      parameters:
        - name: ids
          in: query
          schema:
            type: array
            items: { type: string, format: uuid }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                notes:
                  type: array
                  items:
                    type: string
      responses:
        '200': { description: Done }
`;
      assert.deepEqual(positions(RULE, 'openapi.yaml', text), ['13:13', '22:19', '24:21']);
      const [first] = findingsOf(RULE, 'openapi.yaml', text);
      assert.match(first.message, /`ids` is an array/);
      assert.equal(first.fixes[0].title, 'Add `maxItems: 100`');
    });
    it('query, header and cookie parameters; 3.1 nullable types', () => {
      assert.deepEqual(
        positions(RULE, 'openapi.yaml', `openapi: 3.1.0
info: { title: Search, version: 1.0.0 }
paths:
  /search:
    get:
      operationId: search
      parameters:
        - { name: q, in: query, schema: { type: string } }
        - { name: X-Request-Id, in: header, schema: { type: [string, 'null'] } }
        - { name: session, in: cookie, schema: { type: string, maxLength: 64 } }
      responses:
        '200': { description: Results }
`),
        ['8:43', '9:55'],
      );
    });
    it('JSON spec: the fix inserts a JSON member after type', () => {
      const text = `{
  "openapi": "3.0.3",
  "info": { "title": "Accounts", "version": "1.0.0" },
  "paths": {
    "/accounts": {
      "post": {
        "operationId": "createAccount",
        "requestBody": {
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "name": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": { "201": { "description": "Created" } }
      }
    }
  }
}
`;
      assert.deepEqual(positions(RULE, 'openapi.json', text), ['15:21']);
      const out = fixed(RULE, 'openapi.json', text);
      assert.match(out, /"type": "string",\n {20}"maxLength": 255\n/);
      assert.doesNotThrow(() => JSON.parse(out));
    });
  });
});
