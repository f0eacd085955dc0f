import rule from '../../../src/engine/rules/reflected-xss';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('reflected-xss', rule, {
  valid: [
    {
      name: 'express: escaped with escape-html',
      filename: 'src/routes/search.ts',
      code: `
import { Router } from 'express';
import escapeHtml from 'escape-html';

export const router = Router();

router.get('/search', (req, res) => {
  res.send(\`<h1>Results for \${escapeHtml(String(req.query.q))}</h1>\`);
});
`,
    },
    {
      name: 'express: res.json with request data is JSON',
      filename: 'src/routes/echo.ts',
      code: `
import express from 'express';

const app = express();
app.get('/echo', (req, res) => {
  res.json({ query: req.query.q, message: \`You searched for \${req.query.q}\` });
});
`,
    },
    {
      name: 'express: res.send of an object is JSON',
      filename: 'src/routes/profile.ts',
      code: `
import { Router } from 'express';

const router = Router();
router.post('/profile', (req, res) => {
  const { displayName, bio } = req.body;
  res.send({ displayName, bio });
});
export default router;
`,
    },
    {
      name: 'express: text/plain declared before the write',
      filename: 'src/routes/debug.ts',
      code: `
import { Router } from 'express';

const router = Router();
router.get('/hello/:name', (req, res) => {
  res.type('text/plain');
  res.send(\`Hello \${req.params.name}\`);
});
export default router;
`,
    },
    {
      name: 'express: res.render escapes in the template engine',
      filename: 'src/routes/pages.js',
      code: `
const express = require('express');
const router = express.Router();

router.get('/search', (req, res) => {
  res.render('search', { title: \`Search: \${req.query.q}\`, q: req.query.q });
});
module.exports = router;
`,
    },
    {
      name: 'express: he.encode and validator.escape',
      filename: 'src/routes/greet.ts',
      code: `
import { Router } from 'express';
import he from 'he';
import validator from 'validator';

const router = Router();
router.get('/greet', (req, res) => {
  const name = he.encode(String(req.query.name ?? ''));
  res.send(\`<p>Hello \${name}</p><p>\${validator.escape(String(req.query.from))}</p>\`);
});
export default router;
`,
    },
    {
      name: 'express: DOMPurify and encodeURIComponent',
      filename: 'src/routes/preview.ts',
      code: `
import { Router } from 'express';
import DOMPurify from 'isomorphic-dompurify';

const router = Router();
router.post('/preview', (req, res) => {
  res.send(\`<article>\${DOMPurify.sanitize(req.body.html)}</article><a href="/search?q=\${encodeURIComponent(req.body.q)}">again</a>\`);
});
export default router;
`,
    },
    {
      name: 'hono: the html tag escapes interpolations',
      filename: 'src/routes/pages.ts',
      code: `
import { Hono } from 'hono';
import { html } from 'hono/html';

const app = new Hono();
app.get('/hello', (c) => {
  const name = c.req.query('name');
  return c.html(html\`<h1>Hello \${name}</h1>\`);
});
export default app;
`,
    },
    {
      name: 'hono: c.text is text/plain',
      filename: 'src/routes/plain.ts',
      code: `
import { Hono } from 'hono';

const app = new Hono();
app.get('/hello', (c) => c.text(\`Hello \${c.req.query('name')}\`));
export default app;
`,
    },
    {
      name: 'fastify: a string reply is text/plain',
      filename: 'src/routes/hello.ts',
      code: `
import type { FastifyInstance } from 'fastify';

export default async function routes(fastify: FastifyInstance) {
  fastify.get<{ Params: { name: string } }>('/hello/:name', async (request, reply) => {
    return reply.send(\`Hello \${request.params.name}\`);
  });
}
`,
    },
    {
      name: 'koa: a string that does not start with < is text/plain',
      filename: 'src/routes/hello.js',
      code: `
const Router = require('@koa/router');
const router = new Router();

router.get('/hello', async (ctx) => {
  ctx.body = 'Hello ' + ctx.query.name;
});
module.exports = router;
`,
    },
    {
      name: 'express: fixed markup with a number parsed from the query',
      filename: 'src/routes/page.ts',
      code: `
import { Router } from 'express';

const router = Router();
router.get('/page', (req, res) => {
  const page = Number(req.query.page) || 1;
  res.send(\`<p>Page \${page}</p>\`);
});
export default router;
`,
    },
    {
      name: 'a fetch Response in a local helper is not a response write',
      filename: 'src/lib/proxy.ts',
      code: `
export async function relay(req: Request) {
  const res = await fetch('https://api.example.com/search');
  const body = await res.json();
  return body;
}
`,
    },
    {
      name: 'next: JSON response with the search param',
      filename: 'app/api/search/route.ts',
      code: `
import { NextResponse } from 'next/server';

export async function GET(request: Request) {
  const { searchParams } = new URL(request.url);
  const q = searchParams.get('q');
  return NextResponse.json({ q });
}
`,
    },
  ],
  invalid: [
    {
      name: 'express: template with a query value',
      filename: 'src/routes/search.ts',
      code: `
import { Router } from 'express';

export const router = Router();

router.get('/search', (req, res) => {
  res.send(\`<h1>Results for \${req.query.q}</h1>\`);
});
`,
      errors: [{ messageId: 'reflectedXss', line: 7, column: 7, suggestions: [] }],
    },
    {
      name: 'express: fix uses the escaper the file imports',
      filename: 'src/routes/search.ts',
      code: `
import { Router } from 'express';
import escapeHtml from 'escape-html';

export const router = Router();

router.get('/search', (req, res) => {
  const title = escapeHtml(String(req.query.title));
  res.status(200).send('<h1>' + title + '</h1><p>' + req.query.q + '</p>');
});
`,
      errors: [
        {
          messageId: 'reflectedXss',
          line: 9,
          suggestions: [
            {
              messageId: 'escapeValue',
              data: { source: 'req.query.q', escaper: 'escapeHtml' },
              output: `
import { Router } from 'express';
import escapeHtml from 'escape-html';

export const router = Router();

router.get('/search', (req, res) => {
  const title = escapeHtml(String(req.query.title));
  res.status(200).send('<h1>' + title + '</h1><p>' + escapeHtml(req.query.q) + '</p>');
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: bare path parameter sent as html',
      filename: 'src/routes/users.js',
      code: `
const express = require('express');
const router = express.Router();

router.get('/users/:name', function (req, res) {
  res.send(req.params.name);
});
module.exports = router;
`,
      errors: [{ messageId: 'reflectedXss', line: 6 }],
    },
    {
      name: 'express: html built in a local, destructured from the body',
      filename: 'src/routes/comments.ts',
      code: `
import { Router } from 'express';

const router = Router();
router.post('/comments/preview', (req, res) => {
  const { author, text } = req.body;
  const page = \`<div class="comment"><b>\${author}</b>: \${text}</div>\`;
  res.send(page);
});
export default router;
`,
      errors: [{ messageId: 'reflectedXss', line: 8 }],
    },
    {
      name: 'node http: res.end after a text/html writeHead',
      filename: 'src/server.ts',
      code: `
import http from 'node:http';

http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  res.writeHead(404, { 'Content-Type': 'text/html' });
  res.end('Not found: ' + url.searchParams.get('path'));
}).listen(3000);
`,
      errors: [{ messageId: 'reflectedXss', line: 7 }],
    },
    {
      name: 'express: res.write with markup',
      filename: 'src/routes/stream.ts',
      code: `
import { Router } from 'express';

const router = Router();
router.get('/welcome', (req, res) => {
  res.write(\`<html><body><h1>Welcome \${req.query.user}</h1>\`);
  res.end('</body></html>');
});
export default router;
`,
      errors: [{ messageId: 'reflectedXss', line: 6 }],
    },
    {
      name: 'koa: ctx.body markup',
      filename: 'src/routes/hello.js',
      code: `
const Router = require('@koa/router');
const router = new Router();

router.get('/hello', async (ctx) => {
  ctx.body = '<p>Hello ' + ctx.query.name + '</p>';
});
module.exports = router;
`,
      errors: [{ messageId: 'reflectedXss', line: 6 }],
    },
    {
      name: 'fastify: reply.type(text/html).send',
      filename: 'src/routes/hello.ts',
      code: `
import type { FastifyInstance } from 'fastify';

export default async function routes(fastify: FastifyInstance) {
  fastify.get('/hello', async (request, reply) => {
    const { name } = request.query as { name: string };
    return reply.type('text/html').send(\`<h1>Hello \${name}</h1>\`);
  });
}
`,
      errors: [{ messageId: 'reflectedXss', line: 7 }],
    },
    {
      name: 'hono: c.html with a raw template',
      filename: 'src/routes/pages.ts',
      code: `
import { Hono } from 'hono';

const app = new Hono();
app.get('/hello', (c) => {
  const name = c.req.query('name');
  return c.html(\`<h1>Hello \${name}</h1>\`);
});
export default app;
`,
      errors: [{ messageId: 'reflectedXss', line: 7 }],
    },
    {
      name: 'next: new Response with a text/html header',
      filename: 'app/preview/route.ts',
      code: `
export async function GET(request: Request) {
  const { searchParams } = new URL(request.url);
  const title = searchParams.get('title');
  return new Response(\`<title>\${title}</title>\`, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
`,
      errors: [{ messageId: 'reflectedXss', line: 5 }],
    },
    {
      name: 'ssr: dangerouslySetInnerHTML with a query value',
      filename: 'src/ssr/render.tsx',
      code: `
import { renderToString } from 'react-dom/server';
import type { Request, Response } from 'express';

export function renderBanner(req: Request, res: Response) {
  const html = renderToString(<div dangerouslySetInnerHTML={{ __html: req.query.banner as string }} />);
  res.send(html);
}
`,
      errors: [{ messageId: 'reflectedXss', line: 6 }],
    },
  ],
});
