import * as assert from 'node:assert/strict';
import { requestData, requestSource } from '../../../src/engine/model/request-data';
import type { Call } from '../../../src/engine/model/ast';
import { withModel } from '../support/model';

/**
 * The request data of each `sink(…)` argument in the code, in order: its source, with `!s` when string-only,
 * `!v` when validated and `!w` when it is the whole input object; `-` when it is not request data.
 */
function sinks(code: string, fileName?: string): string[] {
  return withModel(
    code,
    (model) =>
      model.ctx.index.calls
        .filter((c: Call) => c.callee.type === 'Identifier' && c.callee.name === 'sink')
        .map((c: Call) => {
          const d = requestData(c.arguments[0], model.ctx);
          if (!d) return '-';
          return [d.source, d.stringOnly ? '!s' : '', d.validated ? '!v' : '', d.whole ? '!w' : ''].filter(Boolean).join(' ');
        }),
    fileName,
  );
}

describe('model: request data', () => {
  it('a local helper whose one return builds a string or path around its parameter hands the request data back', () => {
    const code = `import { join } from 'node:path';
function pathFor(id) { return join(ROOT, \`file-\${id}.blob\`); }
const keyFor = (id) => 'user:' + id;
function clean(id) { return id.replace(/[^a-z0-9]/g, ''); }
function lookup(id) { const row = db.get(id); return row.path; }
router.get('/f/:id', (req, res) => {
  sink(pathFor(req.params.id));
  sink(keyFor(req.query.id));
  sink(clean(req.params.id));
  sink(lookup(req.params.id));
});`;
    assert.deepEqual(sinks(code), ['req.params.id !s', 'req.query.id !s', '-', '-']);
  });
  it('an uploaded file kept in a variable: the temp path is the server\'s, the original name the client\'s', () => {
    const code = `export async function generateFileData({ req }) {
  let file = req.file;
  if (file.tempFilePath) sink(file.tempFilePath);
  sink(file.path);
  sink(file.originalname);
  sink(req.file.tempFilePath);
}`;
    assert.deepEqual(sinks(code), ['-', '-', 'req.file.originalname', '-']);
  });
  it('Express: body, query, params, headers, cookies and what is built from them', () => {
    const code = `import express from 'express';
const router = express.Router();
router.get('/search', async (req, res) => {
  const { q, sort } = req.query;
  const page = Number(req.query.page);
  const where = \`name LIKE '%\${q}%'\`;
  sink(req.body);
  sink(req.body.email);
  sink(q);
  sink(where);
  sink(req.params.id);
  sink(req.get('referer'));
  sink(req.cookies.session);
  sink(page);
  sink(parseInt(req.params.id, 10));
  sink(req.user.id);
  sink(req.session.userId);
  sink(String(req.body.email));
  sink(req.query.email.trim().toLowerCase());
  sink(req.query.next || '/');
});`;
    assert.deepEqual(sinks(code), [
      'req.body !w',
      'req.body.email',
      'req.query.q',
      'req.query.q !s',
      'req.params.id !s',
      "req.get('referer') !s",
      'req.cookies.session',
      '-',
      '-',
      '-',
      '-',
      'req.body.email !s',
      'req.query.email !s',
      'req.query.next',
    ]);
  });

  it('does not taint what is loaded with request data, nor fixed-map lookups or comparisons', () => {
    const code = `const SORTS = { newest: 'created_at DESC', oldest: 'created_at ASC' };
export async function show(req, res) {
  const user = await User.findById(req.params.id);
  const column = SORTS[req.query.sort] ?? 'created_at DESC';
  const dir = req.query.dir === 'asc' ? 'ASC' : 'DESC';
  const count = req.body.items.length;
  sink(user.avatarPath);
  sink(column);
  sink(dir);
  sink(count);
  sink(encodeURIComponent(req.query.q));
}`;
    assert.deepEqual(sinks(code), ['-', '-', '-', '-', '-']);
  });

  it('does not take a name for a request object when it is an import or a loaded record', () => {
    const code = `import request from 'superagent';
export async function sync(req, res) {
  const r = await request.get('https://api.example.com/items');
  const ticket = await prisma.request.findUnique({ where: { id: 1 } });
  sink(r.body);
  sink(request.query);
}
async function job() {
  const request = await db.requests.findOne({ status: 'open' });
  sink(request.body);
}`;
    assert.deepEqual(sinks(code), ['-', '-', '-']);
  });

  it('follows let variables written later and for-of loops over request lists', () => {
    const code = `export function list(req, res) {
  let sql = 'SELECT * FROM users WHERE 1=1';
  if (req.query.name) sql += \` AND name = '\${req.query.name}'\`;
  for (const id of req.body.ids) sink(id);
  let fixed = 'a';
  fixed = 'b';
  sink(sql);
  sink(fixed);
}`;
    assert.deepEqual(sinks(code), ['req.body.ids[]', 'req.query.name !s', '-']);
  });

  it('Koa: ctx.query, ctx.params, ctx.request.body, ctx.get', () => {
    const code = `import Router from '@koa/router';
const router = new Router();
router.post('/files/:name', async (ctx) => {
  sink(ctx.request.body.path);
  sink(ctx.query.next);
  sink(ctx.params.name);
  sink(ctx.get('x-forwarded-host'));
  sink(ctx.state.user.id);
  sink(ctx.cookies.get('token'));
});`;
    assert.deepEqual(sinks(code), ['ctx.request.body.path', 'ctx.query.next !s', 'ctx.params.name !s', "ctx.get('x-forwarded-host') !s", '-', "ctx.cookies.get('token') !s"]);
  });

  it('Fastify: request.body, request.query, request.params', () => {
    const code = `import Fastify from 'fastify';
const app = Fastify();
app.get('/download/:file', async (request, reply) => {
  const { file } = request.params;
  sink(file);
  sink(request.query.url);
  sink(request.body);
  sink(request.headers['x-target']);
});`;
    assert.deepEqual(sinks(code), ['request.params.file !s', 'request.query.url', 'request.body !w', 'request.headers.x-target !s']);
  });

  it('Hono: c.req.query/param/json/valid, and not c.get (context variables)', () => {
    const code = `import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
const app = new Hono();
app.post('/x/:id', zValidator('json', schema), async (c) => {
  const body = await c.req.json();
  sink(c.req.query('url'));
  sink(c.req.param('id'));
  sink(body.filter);
  sink(c.req.valid('json'));
  sink(c.get('user'));
  sink(c.env.API_URL);
});`;
    assert.deepEqual(sinks(code), ["c.req.query('url') !s", "c.req.param('id') !s", 'c.req.json().filter', "c.req.valid('json') !v !w", '-', '-']);
  });

  it('NestJS: decorated parameters, pipes and DTOs', () => {
    const code = `import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Req } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Get(':id')
  find(@Param('id', ParseIntPipe) id: number, @Query('email') email: string, @Param('slug') slug: string) {
    sink(id);
    sink(email);
    sink(slug);
  }
  @Post()
  create(@Body() dto: CreateUserDto, @Body() raw: any, @Req() req: Request) {
    sink(dto);
    sink(dto.email);
    sink(raw);
    sink(req.body.name);
  }
}`;
    assert.deepEqual(sinks(code), ['-', "@Query('email') email", "@Param('slug') slug !s", '@Body() dto !v !w', '@Body() dto.email !v', '@Body() raw !w', 'req.body.name']);
  });

  it('Next.js: route params, searchParams, request.json, formData and server actions', () => {
    const code = `import { NextRequest, NextResponse } from 'next/server';
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const next = request.nextUrl.searchParams.get('next');
  const { searchParams } = new URL(request.url);
  sink(id);
  sink(next);
  sink(searchParams.get('redirect'));
  sink(request.headers.get('x-url'));
  const body = await request.json();
  sink(body.url);
  const form = await request.formData();
  sink(form.get('file'));
}
export async function save(formData: FormData) {
  'use server';
  sink(formData.get('title'));
}`;
    assert.deepEqual(sinks(code, 'app/api/items/[id]/route.ts'), [
      'params.id !s',
      "request.nextUrl.searchParams.get('next') !s",
      "searchParams.get('redirect') !s",
      "request.headers.get('x-url') !s",
      'request.json().url',
      "request.formData().get('file') !s",
      "formData.get('title') !s",
    ]);
  });

  it('validation marks data validated but keeps its source (a valid string can still inject SQL)', () => {
    const code = `import { z } from 'zod';
const Login = z.object({ email: z.string().email(), password: z.string() });
export async function login(req, res) {
  const input = Login.parse(req.body);
  const { value } = schema.validate(req.query);
  const parsed = JSON.parse(req.body.filter);
  sink(input.email);
  sink(value);
  sink(parsed);
}`;
    assert.deepEqual(sinks(code), ['req.body.email !v', 'req.query.value !v', 'req.body.filter']);
  });

  it('Lambda events and new URL()', () => {
    const code = `export const handler = async (event) => {
  const target = new URL(event.queryStringParameters.url);
  sink(target);
  sink(new URL('/login', event.headers.origin));
  sink(new URL('https://api.example.com/status'));
};`;
    assert.deepEqual(sinks(code), ['event.queryStringParameters.url !s', 'event.headers.origin !s', '-']);
  });

  it('requestSource keeps its string API', () => {
    const src = withModel(`app.get('/', (req, res) => sink(req.query.url));`, (model) => requestSource(model.ctx.index.calls.find((c: Call) => c.callee.type === 'Identifier' && c.callee.name === 'sink')!.arguments[0], model.ctx));
    assert.equal(src, 'req.query.url');
  });
});

describe('model: request data narrowed by typeof', () => {
  it('a typeof-string conditional makes the guarded branch string-only', () => {
    const code = `export function list(req, res) {
  const role = typeof req.query.role === 'string' ? req.query.role : 'customer';
  const sort = typeof req.query.sort !== 'string' ? 'name' : req.query.sort;
  sink(role);
  sink(sort);
  sink(req.query.flag ? req.query.flag : 'x');
}`;
    assert.deepEqual(sinks(code), ['req.query.role !s', 'req.query.sort !s', 'req.query.flag']);
  });
});
