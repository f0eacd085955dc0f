import * as assert from 'node:assert/strict';
import { redosShape } from '../../../src/engine/model/regex-safety';
import rule from '../../../src/engine/rules/regex-dos';
import { ruleTester } from '../support/rule-tester';

describe('regex-safety analyser', () => {
  const vulnerable: [string, string][] = [
    ['(a+)+$', 'nested-quantifier'],
    ['^(\\w+\\s?)*$', 'nested-quantifier'],
    ['^(([a-z])+.)+[A-Z]([a-z])+$', 'nested-quantifier'],
    ['(.*a){20}', 'nested-quantifier'],
    ['(a+|b)*c', 'nested-quantifier'],
    ['^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$', 'nested-quantifier'],
    ['(a|a)*b', 'overlapping-alternation'],
    ['^(\\w|\\d)+$', 'overlapping-alternation'],
    ['(.|\\s)*<\\/script>', 'overlapping-alternation'],
  ];
  for (const [pattern, shape] of vulnerable) it(`flags /${pattern}/`, () => assert.equal(redosShape(pattern), shape));
  const safe = [
    '^[\\w.+-]+@[\\w-]+\\.[\\w.-]+$',
    '^[a-z0-9]+(?:-[a-z0-9]+)*$',
    '^(\\d{1,3}\\.){3}\\d{1,3}$',
    '(\\w+\\.)*\\w+',
    '(ab+c)*',
    '^(\\d+,\\d+)*$',
    '^(([^,]*),){11}',
    '^https?:\\/\\/([\\w-]+\\.)+[\\w-]+(\\/[\\w\\-./?%&=]*)?$',
    '[.*+?^${}()|[\\]\\\\]',
    '^(?:[A-Z]{2}|[0-9]{3})$',
    '(', // does not parse: no verdict
  ];
  for (const pattern of safe) it(`keeps /${pattern}/ quiet`, () => assert.equal(redosShape(pattern), undefined));
  it('widens letters under the i flag', () => assert.equal(redosShape('^(a|A)+$', 'i'), 'overlapping-alternation'));
});

ruleTester().run('regex-dos', rule, {
  valid: [
    {
      name: 'express: escaped with lodash escapeRegExp',
      filename: 'src/routes/search.ts',
      code: `
import { Router } from 'express';
import escapeRegExp from 'lodash/escapeRegExp';
import { Product } from '../models';

export const router = Router();
router.get('/products', async (req, res) => {
  const pattern = new RegExp(escapeRegExp(String(req.query.q)), 'i');
  res.json(await Product.find({ name: pattern }).limit(50));
});
`,
    },
    {
      name: 'the MDN escape idiom inline',
      filename: 'src/routes/search.js',
      code: `
const router = require('express').Router();

router.get('/users', async (req, res) => {
  const q = String(req.query.q || '').replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&');
  const re = new RegExp(\`^\${q}\`, 'i');
  res.json(await req.app.locals.db.collection('users').find({ name: re }).limit(20).toArray());
});
module.exports = router;
`,
    },
    {
      name: 'RegExp.escape and _.escapeRegExp',
      filename: 'src/routes/tags.ts',
      code: `
import { Router } from 'express';
import _ from 'lodash';

export const router = Router();
router.get('/tags', (req, res) => {
  const a = new RegExp(RegExp.escape(String(req.query.prefix)));
  const b = new RegExp(_.escapeRegExp(String(req.query.suffix)) + '$');
  res.json({ a: a.source, b: b.source });
});
`,
    },
    {
      name: 'safe regexes on request data',
      filename: 'src/routes/signup.ts',
      code: `
import { Router } from 'express';

const EMAIL = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const router = Router();
router.post('/signup', (req, res) => {
  if (!EMAIL.test(req.body.email) || !SLUG.test(req.body.handle)) return res.status(400).end();
  const tags = String(req.body.tags).split(/\\s*,\\s*/);
  res.status(201).json({ tags });
});
`,
    },
    {
      name: 'a vulnerable-looking regex on constant data',
      filename: 'src/lib/format.ts',
      code: `
const WORDS = /^(\\w+\\s?)*$/;
export function isTitle(text: string) {
  return WORDS.test(text);
}
export const ok = WORDS.test('Hello World');
`,
    },
    {
      name: 'a regex built from constants',
      filename: 'src/lib/routes.ts',
      code: `
const PREFIXES = ['api', 'admin'];
export const prefixRe = new RegExp(\`^/(\${PREFIXES.join('|')})/\`);
`,
    },
    {
      name: 'a number from the query in a regex',
      filename: 'src/routes/codes.ts',
      code: `
import { Router } from 'express';

export const router = Router();
router.get('/codes', (req, res) => {
  const digits = Number(req.query.digits) || 6;
  res.json({ valid: new RegExp(\`^\\\\d{\${digits}}$\`).test(String(req.query.code)) });
});
`,
    },
    {
      name: 'fastify: anchored safe pattern on a header',
      filename: 'src/routes/webhooks.ts',
      code: `
import type { FastifyInstance } from 'fastify';

export default async function hooks(fastify: FastifyInstance) {
  fastify.post('/hooks', async (request, reply) => {
    const sig = request.headers['x-signature'];
    if (typeof sig !== 'string' || !/^sha256=[0-9a-f]{64}$/.test(sig)) return reply.code(401).send();
    return { ok: true };
  });
}
`,
    },
    {
      name: 'koa: replace with a safe pattern',
      filename: 'src/routes/slug.js',
      code: `
const Router = require('@koa/router');
const router = new Router();

router.get('/slug', async (ctx) => {
  ctx.body = { slug: String(ctx.query.title).toLowerCase().replace(/[^a-z0-9]+/g, '-') };
});
module.exports = router;
`,
    },
    {
      name: 'escape-string-regexp package',
      filename: 'src/routes/find.ts',
      code: `
import { Hono } from 'hono';
import escapeStringRegexp from 'escape-string-regexp';

const app = new Hono();
app.get('/find', (c) => {
  const re = new RegExp(escapeStringRegexp(c.req.query('q') ?? ''), 'i');
  return c.json({ source: re.source });
});
export default app;
`,
    },
    {
      name: 'nest: safe class-validator style check',
      filename: 'src/users/users.controller.ts',
      code: `
import { BadRequestException, Body, Controller, Post } from '@nestjs/common';

@Controller('users')
export class UsersController {
  @Post()
  create(@Body() dto: { username: string }) {
    if (!/^[a-zA-Z0-9_]{3,30}$/.test(dto.username)) throw new BadRequestException('bad username');
    return dto;
  }
}
`,
    },
    {
      name: 'a regex in a test file',
      filename: 'src/routes/search.test.ts',
      code: `
import request from 'supertest';
it('finds', async () => {
  const re = new RegExp(request.query);
  expect(re).toBeTruthy();
});
`,
    },
  ],
  invalid: [
    {
      name: 'express: new RegExp from the query, no escaper imported',
      filename: 'src/routes/search.ts',
      code: `
import { Router } from 'express';
import { Product } from '../models';

export const router = Router();
router.get('/products', async (req, res) => {
  const pattern = new RegExp(req.query.q as string, 'i');
  res.json(await Product.find({ name: pattern }).limit(50));
});
`,
      errors: [
        {
          messageId: 'regexDos',
          line: 7, column: 19,
          suggestions: [
            {
              messageId: 'escapePattern',
              output: `
import { Router } from 'express';
import { Product } from '../models';

export const router = Router();
router.get('/products', async (req, res) => {
  const pattern = new RegExp(String(req.query.q).replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&') as string, 'i');
  res.json(await Product.find({ name: pattern }).limit(50));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: template pattern with lodash imported',
      filename: 'src/routes/users.js',
      code: `
const router = require('express').Router();
const _ = require('lodash');

router.get('/users', async (req, res) => {
  const re = new RegExp(\`^\${req.query.name}\`, 'i');
  res.json({ re: re.source, n: _.size(req.query) });
});
module.exports = router;
`,
      errors: [
        {
          messageId: 'regexDos',
          line: 6,
          suggestions: [
            {
              messageId: 'escapePattern',
              output: `
const router = require('express').Router();
const _ = require('lodash');

router.get('/users', async (req, res) => {
  const re = new RegExp(\`^\${_.escapeRegExp(req.query.name)}\`, 'i');
  res.json({ re: re.source, n: _.size(req.query) });
});
module.exports = router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'RegExp called without new on a body field',
      filename: 'src/routes/filters.ts',
      code: `
import { Router } from 'express';

export const router = Router();
router.post('/filters/test', (req, res) => {
  const { pattern, sample } = req.body;
  res.json({ matches: RegExp(pattern).test(sample) });
});
`,
      errors: [
        {
          messageId: 'regexDos',
          line: 7,
          suggestions: [
            {
              messageId: 'escapePattern',
              output: `
import { Router } from 'express';

export const router = Router();
router.post('/filters/test', (req, res) => {
  const { pattern, sample } = req.body;
  res.json({ matches: RegExp(String(pattern).replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&')).test(sample) });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nested quantifier tested on the body',
      filename: 'src/routes/profile.ts',
      code: `
import { Router } from 'express';

export const router = Router();
router.post('/profile', (req, res) => {
  if (!/^(\\w+\\s?)*$/.test(req.body.displayName)) return res.status(400).json({ error: 'invalid name' });
  res.sendStatus(204);
});
`,
      errors: [{ messageId: 'regexDos', line: 6, suggestions: [] }],
    },
    {
      name: 'a module constant with a vulnerable email regex, matched on the query',
      filename: 'src/routes/invite.js',
      code: `
const router = require('express').Router();
const EMAIL_RE = /^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$/;

router.get('/invite', (req, res) => {
  const ok = String(req.query.email).match(EMAIL_RE);
  res.json({ ok: !!ok });
});
module.exports = router;
`,
      errors: [{ messageId: 'regexDos', line: 6, suggestions: [] }],
    },
    {
      name: 'overlapping alternation in replace on a header',
      filename: 'src/middleware/ua.ts',
      code: `
import type { NextFunction, Request, Response } from 'express';

export function parseAgent(req: Request, res: Response, next: NextFunction) {
  const agent = req.headers['user-agent'] ?? '';
  res.locals.agent = agent.replace(/(\\w|\\d)+\\/$/, '');
  next();
}
`,
      errors: [{ messageId: 'regexDos', line: 6, suggestions: [] }],
    },
    {
      name: 'koa: exec on a query param',
      filename: 'src/routes/parse.js',
      code: `
const Router = require('@koa/router');
const router = new Router();
const PAIRS = /^(([a-z])+.)+[A-Z]([a-z])+$/;

router.get('/parse', async (ctx) => {
  ctx.body = { m: PAIRS.exec(ctx.query.input) };
});
module.exports = router;
`,
      errors: [{ messageId: 'regexDos', line: 7, suggestions: [] }],
    },
    {
      name: 'hono: user pattern from c.req.query',
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';

const app = new Hono();
app.get('/grep', (c) => {
  const re = new RegExp(c.req.query('pattern') ?? '.*');
  return c.json({ hit: re.test('x') });
});
export default app;
`,
      errors: [
        {
          messageId: 'regexDos',
          line: 6,
          suggestions: [
            {
              messageId: 'escapePattern',
              output: `
import { Hono } from 'hono';

const app = new Hono();
app.get('/grep', (c) => {
  const re = new RegExp(String(c.req.query('pattern') ?? '.*').replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&'));
  return c.json({ hit: re.test('x') });
});
export default app;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nest: @Query value into a regex',
      filename: 'src/products/products.controller.ts',
      code: `
import { Controller, Get, Query } from '@nestjs/common';
import { ProductsService } from './products.service';

@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  search(@Query('q') q: string) {
    return this.products.find({ name: new RegExp(q, 'i') });
  }
}
`,
      errors: [
        {
          messageId: 'regexDos',
          line: 11,
          suggestions: [
            {
              messageId: 'escapePattern',
              output: `
import { Controller, Get, Query } from '@nestjs/common';
import { ProductsService } from './products.service';

@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  search(@Query('q') q: string) {
    return this.products.find({ name: new RegExp(String(q).replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&'), 'i') });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'next: searchParams in a pattern',
      filename: 'app/api/search/route.ts',
      code: `
export async function GET(request: Request) {
  const { searchParams } = new URL(request.url);
  const filter = new RegExp(searchParams.get('filter') ?? '');
  return Response.json({ ok: filter.test('abc') });
}
`,
      errors: [
        {
          messageId: 'regexDos',
          line: 4,
          suggestions: [
            {
              messageId: 'escapePattern',
              output: `
export async function GET(request: Request) {
  const { searchParams } = new URL(request.url);
  const filter = new RegExp(String(searchParams.get('filter') ?? '').replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&'));
  return Response.json({ ok: filter.test('abc') });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
