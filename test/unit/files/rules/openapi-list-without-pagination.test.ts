import assert from 'node:assert/strict';
import { findingsOf, fixed, positions, quiet } from '../support';

const RULE = 'openapi-list-without-pagination';

const head = `openapi: 3.0.3
info:
  title: Orders
  version: 1.0.0
`;

describe(RULE, () => {
  describe('valid', () => {
    it('limit and cursor from shared $ref parameters', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /orders:
    get:
      operationId: listOrders
      parameters:
        - $ref: '#/components/parameters/Limit'
        - $ref: '#/components/parameters/Cursor'
      responses:
        '200':
          description: Orders
          content:
            application/json:
              schema:
                type: array
                items: { $ref: '#/components/schemas/Order' }
components:
  parameters:
    Limit: { name: limit, in: query, schema: { type: integer, maximum: 100 } }
    Cursor: { name: cursor, in: query, schema: { type: string, maxLength: 200 } }
  schemas:
    Order: { type: object, properties: { id: { type: string } } }
`);
    });
    it('page and per_page on the path item, JSON:API page[size], OData $top', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /customers:
    parameters:
      - { name: page, in: query, schema: { type: integer } }
      - { name: per_page, in: query, schema: { type: integer, maximum: 100 } }
    get:
      operationId: listCustomers
      responses:
        '200':
          description: Customers
          content:
            application/json:
              schema: { type: array, items: { type: object } }
  /articles:
    get:
      operationId: listArticles
      parameters:
        - { name: 'page[size]', in: query, schema: { type: integer } }
      responses:
        '200':
          description: Articles
          content:
            application/vnd.api+json:
              schema: { type: array, items: { type: object } }
  /Products:
    get:
      operationId: products
      parameters:
        - { name: $top, in: query, schema: { type: integer } }
        - { name: $skip, in: query, schema: { type: integer } }
      responses:
        '200':
          description: Products
          content:
            application/json:
              schema: { type: array, items: { type: object } }
`);
    });
    it('a wrapper with a next cursor, and a Link header, already page', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /events:
    get:
      operationId: listEvents
      responses:
        '200':
          description: Events
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: { type: array, items: { type: object } }
                  has_more: { type: boolean }
  /audit-logs:
    get:
      operationId: listAuditLogs
      responses:
        '200':
          description: Audit log entries, paged by the Link header
          headers:
            Link: { schema: { type: string } }
          content:
            application/json:
              schema: { type: array, items: { type: object } }
`);
    });
    it('lists bounded by nature: maxItems, enum values', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /regions:
    get:
      operationId: listRegions
      responses:
        '200':
          description: Regions we deploy to
          content:
            application/json:
              schema: { type: array, maxItems: 20, items: { type: string } }
  /me/roles:
    get:
      operationId: myRoles
      responses:
        '200':
          description: Roles of the caller
          content:
            application/json:
              schema:
                type: array
                items: { type: string, enum: [admin, editor, viewer] }
`);
    });
    it('a single resource that holds an array is not a list endpoint', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /orders/{orderId}:
    get:
      operationId: getOrder
      responses:
        '200':
          description: The order
          content:
            application/json:
              schema:
                type: object
                properties:
                  items: { type: array, items: { type: object } }
  /cart:
    get:
      operationId: getCart
      responses:
        '200':
          description: The cart
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: { type: string }
                  items: { type: array, items: { type: object } }
`);
    });
    it('writes, CSV exports and streams are not judged', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /orders/import:
    post:
      operationId: importOrders
      responses:
        '200':
          description: The imported orders
          content:
            application/json:
              schema: { type: array, items: { type: object } }
  /orders/export:
    get:
      operationId: exportOrders
      responses:
        '200':
          description: Every order as CSV
          content:
            text/csv:
              schema: { type: string }
`);
    });
    it('parameters reused by JSON pointer into another path (~1 escapes)', () => {
      quiet(RULE, 'openapi.yaml', `${head}paths:
  /orders:
    get:
      operationId: listOrders
      parameters:
        - { name: limit, in: query, schema: { type: integer, maximum: 50 } }
      responses:
        '200':
          description: Orders
          content:
            application/json:
              schema: { type: array, items: { type: object } }
  /archived-orders:
    get:
      operationId: listArchivedOrders
      parameters:
        - $ref: '#/paths/~1orders/get/parameters/0'
      responses:
        '200':
          description: Archived orders
          content:
            application/json:
              schema: { type: array, items: { type: object } }
`);
    });
  });

  describe('invalid', () => {
    it('a bare array with no parameters: the fix adds limit and cursor before responses', () => {
      const text = `${head}paths:
  /orders:
    get:
      operationId: listOrders
      responses:
        '200':
          description: Orders
          content:
            application/json:
              schema:
                type: array
                items: { type: object }
`;
      assert.deepEqual(positions(RULE, 'openapi.yaml', text), ['7:5']);
      assert.equal(
        fixed(RULE, 'openapi.yaml', text),
        text.replace(
          '      responses:',
          `      parameters:
        - name: limit
          in: query
          description: Maximum number of items to return
          schema:
            type: integer
            minimum: 1
            maximum: 100
            default: 20
        - name: cursor
          in: query
          description: The nextCursor of the previous page
          schema:
            type: string
            maxLength: 512
      responses:`,
        ),
      );
    });
    it('existing filter parameters: the fix appends to the list', () => {
      const text = `${head}paths:
  /orders:
    get:
      operationId: listOrders
      parameters:
        - name: status
          in: query
          schema: { type: string, enum: [open, paid] }
      responses:
        '200':
          description: Orders
          content:
            application/json:
              schema: { $ref: '#/components/schemas/OrderList' }
components:
  schemas:
    OrderList: { type: array, items: { type: object } }
`;
      assert.match(fixed(RULE, 'openapi.yaml', text), /enum: \[open, paid\] \}\n {8}- name: limit\n {10}in: query\n[\s\S]* {8}- name: cursor\n {10}in: query\n/);
    });
    it('a response behind $ref to components/responses', () => {
      assert.deepEqual(
        positions(RULE, 'openapi.yaml', `${head}paths:
  /users/{userId}/sessions:
    parameters:
      - { name: userId, in: path, required: true, schema: { type: string } }
    get:
      operationId: listSessions
      responses:
        '200': { $ref: '#/components/responses/Sessions' }
components:
  responses:
    Sessions:
      description: Sessions
      content:
        application/json:
          schema: { type: array, items: { type: object } }
`),
        ['9:5'],
      );
    });
    it('a data wrapper without paging fields gets its own message', () => {
      const [f] = findingsOf(RULE, 'openapi.yaml', `${head}paths:
  /invoices:
    get:
      operationId: listInvoices
      responses:
        '200':
          description: Invoices
          content:
            application/json:
              schema:
                type: object
                properties:
                  data:
                    type: array
                    items: { type: object }
                  total: { type: integer }
`);
      assert.equal(f.range.startLine, 7);
      assert.match(f.message, /returns its list in `data`/);
    });
    it('a filter parameter is not a paging one', () => {
      assert.deepEqual(
        positions(RULE, 'openapi.yaml', `${head}paths:
  /products:
    get:
      operationId: searchProducts
      parameters:
        - { name: q, in: query, schema: { type: string, maxLength: 100 } }
        - { name: sort, in: query, schema: { type: string, enum: [price, name] } }
      responses:
        '200':
          description: Matching products
          content:
            application/json:
              schema: { type: array, items: { type: object } }
`),
        ['7:5'],
      );
    });
    it('JSON spec: the fix appends JSON objects to the parameters', () => {
      const text = `{
  "openapi": "3.0.3",
  "info": { "title": "Orders", "version": "1.0.0" },
  "paths": {
    "/orders": {
      "get": {
        "operationId": "listOrders",
        "parameters": [
          { "name": "status", "in": "query", "schema": { "type": "string", "enum": ["open"] } }
        ],
        "responses": {
          "200": {
            "description": "Orders",
            "content": { "application/json": { "schema": { "type": "array", "items": { "type": "object" } } } }
          }
        }
      }
    }
  }
}
`;
      assert.deepEqual(positions(RULE, 'openapi.json', text), ['6:7']);
      const out = JSON.parse(fixed(RULE, 'openapi.json', text)) as { paths: { '/orders': { get: { parameters: { name: string }[] } } } };
      assert.deepEqual(out.paths['/orders'].get.parameters.map((p) => p.name), ['status', 'limit', 'cursor']);
    });
  });
});
