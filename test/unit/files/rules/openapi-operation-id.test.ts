import assert from 'node:assert/strict';
import { derivedOperationId } from '../../../../src/engine/files/rules/openapi-operation-id';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'openapi-operation-id';

const head = `openapi: 3.0.3
info:
  title: Library
  version: 1.0.0
`;

describe(RULE, () => {
  describe('valid', () => {
    it('unique ids on every operation', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /books:
    get:
      operationId: listBooks
      responses: { '200': { description: Books } }
    post:
      operationId: createBook
      responses: { '201': { description: Created } }
  /books/{isbn}:
    get:
      operationId: getBook
      responses: { '200': { description: A book } }
`);
    });
    it('ids differ by case only: still unique', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /a:
    get: { operationId: getItem, responses: { '200': { description: ok } } }
  /b:
    get: { operationId: GetItem, responses: { '200': { description: ok } } }
`);
    });
    it('path-level keys that are not methods (parameters, summary, servers) are not operations', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /books/{isbn}:
    summary: One book
    servers:
      - url: https://books.example.com/v1
    parameters:
      - { name: isbn, in: path, required: true, schema: { type: string, maxLength: 13 } }
    get:
      operationId: getBook
      responses: { '200': { description: A book } }
`);
    });
    it('callbacks and webhooks are not under paths', () => {
      quiet(RULE, 'openapi.yaml', `openapi: 3.1.0
info: { title: Hooks, version: 1.0.0 }
webhooks:
  bookReturned:
    post:
      responses: { '200': { description: ok } }
paths:
  /subscriptions:
    post:
      operationId: subscribe
      callbacks:
        onEvent:
          '{$request.body#/url}':
            post:
              responses: { '200': { description: ok } }
      responses: { '201': { description: Subscribed } }
`);
    });
    it('a path item behind a local $ref is read once', () => {
      quiet(RULE, 'openapi.yaml', `openapi: 3.1.0
info: { title: Library, version: 1.0.0 }
paths:
  /books:
    $ref: '#/components/pathItems/Books'
components:
  pathItems:
    Books:
      get:
        operationId: listBooks
        responses: { '200': { description: Books } }
`);
    });
    it('Swagger 2.0 and YAML files that are not specs stay quiet', () => {
      quiet(RULE, 'swagger.yaml', `swagger: "2.0"
info: { title: Old, version: 1.0.0 }
paths:
  /books:
    get:
      responses: { 200: { description: Books } }
`);
      quiet(RULE, 'config/app.yaml', `server:
  port: 8080
paths:
  /books:
    get: {}
`);
    });
  });

  describe('invalid', () => {
    it('a missing id: the fix inserts one made of method and path at the top of the operation', () => {
      const text = `${head}paths:
  /books/{isbn}/loans:
    get:
      summary: Loans of a book
      responses:
        '200': { description: Loans }
`;
      assert.deepEqual(positions(RULE, 'openapi.yaml', text), ['7:5']);
      assert.equal(fixed(RULE, 'openapi.yaml', text), text.replace('    get:\n', '    get:\n      operationId: getBooksByIsbnLoans\n'));
    });
    it('a duplicate is reported where it repeats, naming the first use', () => {
      const text = `${head}paths:
  /books:
    get:
      operationId: listBooks
      responses: { '200': { description: Books } }
  /authors/{authorId}/books:
    get:
      operationId: listBooks
      responses: { '200': { description: Books } }
`;
      const [f, ...rest] = findingsOf(RULE, 'openapi.yaml', text);
      assert.deepEqual(rest, []);
      assert.equal(`${f.range.startLine}:${f.range.startColumn}`, '12:20');
      assert.match(f.message, /`listBooks` is already used by `GET \/books`/);
      assert.deepEqual(f.fixes, []);
    });
    it('a derived id that is taken gets a number', () => {
      const [f] = findingsOf(RULE, 'openapi.yaml', `${head}paths:
  /books:
    get:
      operationId: getBooks
      responses: { '200': { description: Books } }
  /v1/books:
    get:
      responses: { '200': { description: Books } }
`);
      assert.equal(f.fixes[0].title, 'Add `operationId: getBooks2`');
    });
    it('derived ids drop the version prefix and camel-case the segments', () => {
      assert.equal(derivedOperationId('post', '/api/v2/order-items/{order_id}/refunds'), 'postOrderItemsByOrderIdRefunds');
      assert.equal(derivedOperationId('get', '/'), 'getRoot');
      assert.equal(derivedOperationId('delete', '/v1'), 'deleteV1');
    });
    it('flow-style operations in YAML and in JSON get a JSON member', () => {
      const yamlText = `${head}paths:
  /books:
    delete: { summary: Remove every book, responses: { '204': { description: Gone } } }
`;
      assert.equal(fixed(RULE, 'openapi.yaml', yamlText), yamlText.replace('{ summary', '{ operationId: deleteBooks, summary'));
      const json = `{
  "openapi": "3.0.2",
  "info": { "title": "Library", "version": "1.0.0" },
  "paths": {
    "/books": {
      "get": {
        "summary": "Books",
        "responses": { "200": { "description": "Books" } }
      }
    }
  }
}`;
      assert.deepEqual(positions(RULE, 'openapi.json', json), ['6:7']);
      const out = fixed(RULE, 'openapi.json', json);
      assert.match(out, /"get": \{\n {8}"operationId": "getBooks",\n {8}"summary": "Books",/);
      assert.doesNotThrow(() => JSON.parse(out));
    });
  });
});
