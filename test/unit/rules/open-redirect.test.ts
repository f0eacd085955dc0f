import rule from '../../../src/engine/rules/open-redirect';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('open-redirect', rule, {
  valid: [
    {
      name: 'a referrer kept only when it starts with the site URL',
      filename: 'src/services/members/middleware.js',
      code: `
const urlUtils = require('../../../shared/url-utils');
async function createSessionFromMagicLink(req, res) {
  const referrer = req.query.r;
  const siteUrl = urlUtils.getSiteUrl();
  if (referrer && referrer.startsWith(siteUrl)) {
    const redirectUrl = new URL(referrer);
    redirectUrl.searchParams.set('success', 'true');
    return res.redirect(redirectUrl.href);
  }
  return res.redirect(siteUrl);
}
module.exports = { createSessionFromMagicLink };
`,
    },
    {
      name: 'form fields moved into the query string of a fixed relative path',
      filename: 'src/auth/drivers/oauth2.js',
      code: `
router.post('/callback', express.urlencoded({ extended: false }), (req, res) => {
  res.redirect(303, \`./callback?\${new URLSearchParams(req.body)}\`);
});
`,
    },
    {
      name: 'local path checked with startsWith',
      filename: 'src/routes/auth.ts',
      code: `
router.get('/login/callback', (req, res) => {
  const next = String(req.query.next ?? '/');
  res.redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/');
});
`,
    },
    {
      name: 'guard before the redirect',
      filename: 'src/routes/auth.js',
      code: `
router.post('/login', (req, res) => {
  const { returnTo } = req.body;
  if (typeof returnTo !== 'string' || !returnTo.startsWith('/') || returnTo.startsWith('//')) return res.redirect('/');
  res.redirect(returnTo);
});
`,
    },
    {
      name: 'allow-listed host',
      filename: 'src/routes/out.ts',
      code: `
const ALLOWED = new Set(['docs.example.com', 'status.example.com']);
router.get('/out', (req, res) => {
  const url = new URL(String(req.query.to));
  if (!ALLOWED.has(url.hostname)) return res.status(400).end();
  res.redirect(url.toString());
});
`,
    },
    {
      name: 'constant redirect and a fixed path with a request id',
      filename: 'src/routes/orders.ts',
      code: `
router.post('/orders', async (req, res) => {
  const order = await createOrder(req.body);
  res.redirect(303, \`/orders/\${order.id}\`);
});
router.get('/o/:id', (req, res) => res.redirect(301, '/orders/' + req.params.id));
`,
    },
    {
      name: 'fixed origin with an encoded parameter',
      filename: 'src/middleware/require-login.ts',
      code: `
export function requireLogin(req, res, next) {
  if (!req.user) return res.redirect(\`https://auth.example.com/login?next=\${encodeURIComponent(req.originalUrl)}\`);
  next();
}
`,
    },
    {
      name: 'redirect back to the referer and HTTPS upgrade from the Host header',
      filename: 'src/app.js',
      code: `
app.use((req, res, next) => {
  if (!req.secure) return res.redirect(301, 'https://' + req.headers.host + req.url);
  next();
});
app.post('/cart', (req, res) => res.redirect(req.get('Referer') || '/cart'));
`,
    },
    {
      name: 'a safe-redirect helper',
      filename: 'src/routes/sso.ts',
      code: `
import { safeRedirectTarget } from '../lib/redirect';
router.get('/sso/done', (req, res) => res.redirect(safeRedirectTarget(req.query.next)));
`,
    },
    {
      name: 'Next.js middleware redirect to a fixed page',
      filename: 'middleware.ts',
      code: `
import { NextRequest, NextResponse } from 'next/server';
export function middleware(request: NextRequest) {
  if (!request.cookies.get('session')) return NextResponse.redirect(new URL('/login', request.url));
  return NextResponse.next();
}
`,
    },
    {
      name: 'Next.js page redirect with a path built from a param',
      filename: 'app/p/[slug]/page.tsx',
      code: `
import { redirect } from 'next/navigation';
export default async function Page({ params }: { params: { slug: string } }) {
  redirect(\`/products/\${params.slug}\`);
}
`,
    },
    {
      name: 'Koa redirect to a stored URL',
      filename: 'src/routes/links.js',
      code: `
router.get('/l/:code', async (ctx) => {
  const link = await Link.findOne({ where: { code: ctx.params.code } });
  ctx.redirect(link.targetUrl);
});
`,
    },
    {
      name: 'Location header with a constant',
      filename: 'src/server.ts',
      code: `
import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(302, { Location: '/maintenance' });
  res.end();
});
`,
    },
    {
      name: 'Hono redirect to a validated path by regex',
      filename: 'src/routes/go.ts',
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/go', (c) => {
  const to = c.req.query('to') ?? '/';
  if (!/^\\/[a-z0-9/-]*$/.test(to)) return c.redirect('/');
  return c.redirect(to);
});
`,
    },
  ],
  invalid: [
    {
      name: 'a literal scheme prefix is no allow-list',
      filename: 'src/routes/auth.js',
      code: `
router.get('/continue', (req, res) => {
  const next = req.query.next;
  if (next.startsWith('https')) return res.redirect(next);
  res.redirect('/');
});
`,
      errors: [
        {
          messageId: 'openRedirect',
          line: 4,
          column: 53,
          suggestions: [
            {
              messageId: 'onlyLocalPaths',
              output: `
router.get('/continue', (req, res) => {
  const next = req.query.next;
  if (next.startsWith('https')) return res.redirect((typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\\\') ? next : '/'));
  res.redirect('/');
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Express redirect to a query value',
      filename: 'src/routes/auth.ts',
      code: `
router.get('/login/callback', (req, res) => {
  res.redirect(req.query.next);
});
`,
      errors: [
        {
          messageId: 'openRedirect',
          line: 3,
          column: 16,
          data: { source: 'req.query.next', api: 'res.redirect' },
          suggestions: [
            {
              messageId: 'onlyLocalPaths',
              output: `
router.get('/login/callback', (req, res) => {
  res.redirect((typeof req.query.next === 'string' && req.query.next.startsWith('/') && !req.query.next.startsWith('//') && !req.query.next.startsWith('/\\\\') ? req.query.next : '/'));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Express redirect with status and a body field',
      filename: 'src/routes/login.js',
      code: `
router.post('/login', passport.authenticate('local'), (req, res) => {
  const { returnTo } = req.body;
  res.redirect(302, returnTo || '/');
});
`,
      errors: [{ messageId: 'openRedirect', line: 4, suggestions: [] }],
    },
    {
      name: 'Koa ctx.redirect with a query value',
      filename: 'src/routes/auth.js',
      code: `
router.get('/logout', async (ctx) => {
  ctx.session = null;
  ctx.redirect(ctx.query.redirect_uri);
});
`,
      errors: [{ messageId: 'openRedirect', line: 4, suggestions: [{ messageId: 'onlyLocalPaths', output: `
router.get('/logout', async (ctx) => {
  ctx.session = null;
  ctx.redirect((typeof ctx.query.redirect_uri === 'string' && ctx.query.redirect_uri.startsWith('/') && !ctx.query.redirect_uri.startsWith('//') && !ctx.query.redirect_uri.startsWith('/\\\\') ? ctx.query.redirect_uri : '/'));
});
` }] }],
    },
    {
      name: 'Fastify reply.redirect',
      filename: 'src/routes/oauth.ts',
      code: `
import Fastify from 'fastify';
const app = Fastify();
app.get('/oauth/done', async (request, reply) => {
  const { state } = request.query as { state: string };
  return reply.redirect(decodeURIComponent(state));
});
`,
      errors: [{ messageId: 'openRedirect', line: 6, suggestions: [] }],
    },
    {
      name: 'Next.js NextResponse.redirect(new URL(searchParams.get(...), req.url))',
      filename: 'app/auth/callback/route.ts',
      code: `
import { NextRequest, NextResponse } from 'next/server';
export async function GET(req: NextRequest) {
  const next = req.nextUrl.searchParams.get('next') ?? '/';
  return NextResponse.redirect(new URL(next, req.url));
}
`,
      errors: [{ messageId: 'openRedirect', line: 5, data: { source: "req.nextUrl.searchParams.get('next')", api: 'NextResponse.redirect' }, suggestions: [{ messageId: 'onlyLocalPaths', output: `
import { NextRequest, NextResponse } from 'next/server';
export async function GET(req: NextRequest) {
  const next = req.nextUrl.searchParams.get('next') ?? '/';
  return NextResponse.redirect(new URL((typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\\\') ? next : '/'), req.url));
}
` }] }],
    },
    {
      name: 'next/navigation redirect in a server action',
      filename: 'app/actions.ts',
      code: `
'use server';
import { redirect } from 'next/navigation';
export async function signIn(formData: FormData) {
  await authenticate(formData);
  redirect(String(formData.get('callbackUrl')));
}
`,
      errors: [{ messageId: 'openRedirect', line: 6, suggestions: [] }],
    },
    {
      name: 'Location header set by hand',
      filename: 'src/routes/legacy.js',
      code: `
router.get('/legacy', (req, res) => {
  res.setHeader('Location', req.query.url);
  res.status(302).end();
});
`,
      errors: [{ messageId: 'openRedirect', line: 3, suggestions: [{ messageId: 'onlyLocalPaths', output: `
router.get('/legacy', (req, res) => {
  res.setHeader('Location', (typeof req.query.url === 'string' && req.query.url.startsWith('/') && !req.query.url.startsWith('//') && !req.query.url.startsWith('/\\\\') ? req.query.url : '/'));
  res.status(302).end();
});
` }] }],
    },
    {
      name: 'writeHead with a Location from the query',
      filename: 'src/server.ts',
      code: `
import http from 'node:http';
http.createServer((req, res) => {
  const target = new URL(req.url!, 'http://localhost').searchParams.get('to');
  res.writeHead(302, { Location: target });
  res.end();
});
`,
      errors: [{ messageId: 'openRedirect', line: 5, suggestions: [{ messageId: 'onlyLocalPaths', output: `
import http from 'node:http';
http.createServer((req, res) => {
  const target = new URL(req.url!, 'http://localhost').searchParams.get('to');
  res.writeHead(302, { Location: (typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\\\') ? target : '/') });
  res.end();
});
` }] }],
    },
    {
      name: 'Hono redirect to a query value',
      filename: 'src/routes/go.ts',
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/go', (c) => c.redirect(c.req.query('to') ?? '/'));
`,
      errors: [{ messageId: 'openRedirect', line: 4, suggestions: [] }],
    },
    {
      name: 'NestJS @Query into res.redirect',
      filename: 'src/auth/auth.controller.ts',
      code: `
import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
@Controller('auth')
export class AuthController {
  @Get('done')
  done(@Query('returnUrl') returnUrl: string, @Res() res: Response) {
    return res.redirect(returnUrl);
  }
}
`,
      errors: [{ messageId: 'openRedirect', line: 8, suggestions: [{ messageId: 'onlyLocalPaths', output: `
import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
@Controller('auth')
export class AuthController {
  @Get('done')
  done(@Query('returnUrl') returnUrl: string, @Res() res: Response) {
    return res.redirect((typeof returnUrl === 'string' && returnUrl.startsWith('/') && !returnUrl.startsWith('//') && !returnUrl.startsWith('/\\\\') ? returnUrl : '/'));
  }
}
` }] }],
    },
    {
      name: 'a path prefix of a single slash does not pin the host',
      filename: 'src/routes/r.ts',
      code: `
router.get('/r', (req, res) => res.redirect(\`/\${req.query.path}\`));
`,
      errors: [{ messageId: 'openRedirect', line: 2, suggestions: [] }],
    },
  ],
});
