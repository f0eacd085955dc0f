import rule from '../../../src/engine/rules/insecure-cookie';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('insecure-cookie', rule, {
  valid: [
    {
      name: "cookie-session with sameSite: 'none': secure follows the HTTPS connection, so the browser accepts it",
      filename: 'src/apps/private-blogging/middleware.js',
      code: `
const session = require('cookie-session');
module.exports = function checkIsPrivate(req, res, next) {
  return session({ name: 'ghost-private', maxAge: 30 * 24 * 60 * 60 * 1000, signed: false, sameSite: 'none' })(req, res, next);
};
`,
    },
    {
      name: 'express: all three flags',
      filename: 'src/routes/auth.ts',
      code: `
import { Router } from 'express';
import { signIn } from '../services/auth';

export const router = Router();
router.post('/login', async (req, res) => {
  const session = await signIn(req.body.email, req.body.password);
  res.cookie('sid', session.id, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 7 * 24 * 3600 * 1000 });
  res.status(204).end();
});
`,
    },
    {
      name: 'express: secure only in production is fine',
      filename: 'src/routes/auth.ts',
      code: `
import { Router } from 'express';

export const router = Router();
router.post('/token/refresh', async (req, res) => {
  const refreshToken = await rotate(req.cookies.rt);
  res.cookie('rt', refreshToken, {
    httpOnly: true,
    secure: process.env.NODE_ENV === 'production',
    sameSite: 'strict',
    path: '/token/refresh',
  });
  res.sendStatus(204);
});
declare function rotate(t: string): Promise<string>;
`,
    },
    {
      name: 'express: non-sensitive cookies (theme, locale, consent)',
      filename: 'src/routes/prefs.js',
      code: `
const express = require('express');
const router = express.Router();

router.post('/preferences', (req, res) => {
  res.cookie('theme', req.body.theme, { maxAge: 31536000000 });
  res.cookie('locale', req.body.locale);
  res.cookie('cookie_consent', 'accepted', { sameSite: 'lax' });
  res.redirect('back');
});
module.exports = router;
`,
    },
    {
      name: 'express: CSRF double-submit cookie readable by JS',
      filename: 'src/middleware/csrf.ts',
      code: `
import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';

export function issueCsrf(req: Request, res: Response, next: NextFunction) {
  const csrfToken = randomBytes(32).toString('hex');
  res.cookie('XSRF-TOKEN', csrfToken, { httpOnly: false, secure: true, sameSite: 'strict' });
  next();
}
`,
    },
    {
      name: 'express: clearing the session cookie on logout',
      filename: 'src/routes/logout.ts',
      code: `
import { Router } from 'express';

export const router = Router();
router.post('/logout', (req, res) => {
  res.cookie('session', '', { maxAge: 0 });
  res.cookie('refresh_token', 'x', { expires: new Date(0) });
  res.sendStatus(204);
});
`,
    },
    {
      name: 'express: options shared from a config module',
      filename: 'src/routes/auth.ts',
      code: `
import { Router } from 'express';
import { sessionCookieOptions } from '../config/cookies';

export const router = Router();
router.post('/login', async (req, res) => {
  res.cookie('session', await createSession(req.body), sessionCookieOptions);
  res.cookie('access_token', 'x', { ...sessionCookieOptions, maxAge: 900000 });
  res.sendStatus(204);
});
declare function createSession(b: unknown): Promise<string>;
`,
    },
    {
      name: 'express-session with secure cookie options',
      filename: 'src/app.ts',
      code: `
import express from 'express';
import session from 'express-session';

const app = express();
app.use(
  session({
    secret: process.env.SESSION_SECRET!,
    resave: false,
    saveUninitialized: false,
    cookie: { secure: process.env.NODE_ENV === 'production', sameSite: 'lax', maxAge: 86400000 },
  }),
);
`,
    },
    {
      name: 'koa: ctx.cookies.set is httpOnly by default',
      filename: 'src/routes/auth.js',
      code: `
const Router = require('@koa/router');
const router = new Router();

router.post('/login', async (ctx) => {
  const token = await issueToken(ctx.request.body);
  ctx.cookies.set('auth_token', token, { secure: true, sameSite: 'lax', signed: true });
  ctx.status = 204;
});
module.exports = router;
`,
    },
    {
      name: 'fastify: setCookie with all flags',
      filename: 'src/routes/auth.ts',
      code: `
import type { FastifyInstance } from 'fastify';

export default async function auth(fastify: FastifyInstance) {
  fastify.post('/login', async (request, reply) => {
    const token = await fastify.jwt.sign({ sub: 'u1' });
    reply.setCookie('token', token, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
    return { ok: true };
  });
}
`,
    },
    {
      name: '@fastify/session defaults to secure and httpOnly',
      filename: 'src/app.ts',
      code: `
import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';

const app = Fastify();
app.register(fastifyCookie);
app.register(fastifySession, { secret: process.env.SESSION_SECRET!, cookie: { maxAge: 3600000 } });
`,
    },
    {
      name: 'hono: secure prefix and flags',
      filename: 'src/routes/auth.ts',
      code: `
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';

const app = new Hono();
app.post('/login', async (c) => {
  const token = await sign(await c.req.json());
  setCookie(c, 'session', token, { httpOnly: true, sameSite: 'Lax', prefix: 'host', path: '/' });
  return c.body(null, 204);
});
declare function sign(b: unknown): Promise<string>;
export default app;
`,
    },
    {
      name: 'next: cookies().set with the flags',
      filename: 'app/api/login/route.ts',
      code: `
import { cookies } from 'next/headers';

export async function POST(request: Request) {
  const { token } = await login(await request.json());
  (await cookies()).set('session', token, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
  return Response.json({ ok: true });
}
declare function login(b: unknown): Promise<{ token: string }>;
`,
    },
    {
      name: 'a cookie map in a test double is not a cookie write',
      filename: 'src/lib/cache.ts',
      code: `
const cache = new Map<string, string>();
export function remember(session: string, token: string) {
  cache.set(session, token);
}
`,
    },
  ],
  invalid: [
    {
      name: "express: sameSite: 'none' without secure is still flagged (no library default makes it secure)",
      filename: 'src/routes/auth.js',
      code: `
router.post('/login', async (req, res) => {
  const session = await signIn(req.body.email, req.body.password);
  res.cookie('sid', session.id, { httpOnly: true, sameSite: 'none' });
  res.status(204).end();
});
`,
      errors: [
        {
          messageId: 'insecureCookie',
          line: 4,
          column: 7,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
router.post('/login', async (req, res) => {
  const session = await signIn(req.body.email, req.body.password);
  res.cookie('sid', session.id, { httpOnly: true, sameSite: 'lax', secure: true });
  res.status(204).end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: no options at all',
      filename: 'src/routes/auth.ts',
      code: `
import { Router } from 'express';
import { signIn } from '../services/auth';

export const router = Router();
router.post('/login', async (req, res) => {
  const session = await signIn(req.body.email, req.body.password);
  res.cookie('sid', session.id);
  res.status(204).end();
});
`,
      errors: [
        {
          messageId: 'insecureCookie',
          line: 8, column: 7,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
import { Router } from 'express';
import { signIn } from '../services/auth';

export const router = Router();
router.post('/login', async (req, res) => {
  const session = await signIn(req.body.email, req.body.password);
  res.cookie('sid', session.id, { httpOnly: true, secure: true, sameSite: 'lax' });
  res.status(204).end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: missing httpOnly and secure',
      filename: 'src/routes/auth.js',
      code: `
const router = require('express').Router();

router.post('/login', async (req, res) => {
  const token = await authenticate(req.body);
  res.cookie('access_token', token, { maxAge: 900000, sameSite: 'strict' });
  res.json({ ok: true });
});
module.exports = router;
`,
      errors: [
        {
          messageId: 'insecureCookie',
          line: 6,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
const router = require('express').Router();

router.post('/login', async (req, res) => {
  const token = await authenticate(req.body);
  res.cookie('access_token', token, { maxAge: 900000, sameSite: 'strict', httpOnly: true, secure: true });
  res.json({ ok: true });
});
module.exports = router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: secure: false unconditionally',
      filename: 'src/routes/session.ts',
      code: `
import { Router } from 'express';

export const router = Router();
const COOKIE_NAME = 'app_session';
router.post('/session', async (req, res) => {
  res.cookie(COOKIE_NAME, await newSession(), { httpOnly: true, secure: false, sameSite: 'lax' });
  res.sendStatus(201);
});
declare function newSession(): Promise<string>;
`,
      errors: [
        {
          messageId: 'insecureCookie',
          line: 7,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
import { Router } from 'express';

export const router = Router();
const COOKIE_NAME = 'app_session';
router.post('/session', async (req, res) => {
  res.cookie(COOKIE_NAME, await newSession(), { httpOnly: true, secure: true, sameSite: 'lax' });
  res.sendStatus(201);
});
declare function newSession(): Promise<string>;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: CSRF cookie still needs secure and sameSite',
      filename: 'src/middleware/csrf.ts',
      code: `
import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';

export function issueCsrf(req: Request, res: Response, next: NextFunction) {
  res.cookie('XSRF-TOKEN', randomBytes(32).toString('hex'));
  next();
}
`,
      errors: [
        {
          messageId: 'insecureCookie',
          line: 6,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';

export function issueCsrf(req: Request, res: Response, next: NextFunction) {
  res.cookie('XSRF-TOKEN', randomBytes(32).toString('hex'), { secure: true, sameSite: 'lax' });
  next();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express-session with no cookie options',
      filename: 'src/app.js',
      code: `
const express = require('express');
const session = require('express-session');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
`,
      errors: [
        {
          messageId: 'insecureCookie',
          line: 6,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
const express = require('express');
const session = require('express-session');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false, cookie: { httpOnly: true, secure: true, sameSite: 'lax' } }));
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express-session with httpOnly: false',
      filename: 'src/app.ts',
      code: `
import express from 'express';
import session from 'express-session';

const app = express();
app.use(
  session({
    secret: process.env.SESSION_SECRET!,
    cookie: { httpOnly: false, secure: true, sameSite: 'lax' },
  }),
);
`,
      errors: [
        {
          messageId: 'insecureCookie',
          line: 7,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
import express from 'express';
import session from 'express-session';

const app = express();
app.use(
  session({
    secret: process.env.SESSION_SECRET!,
    cookie: { httpOnly: true, secure: true, sameSite: 'lax' },
  }),
);
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify: setCookie without flags',
      filename: 'src/routes/auth.ts',
      code: `
import type { FastifyInstance } from 'fastify';

export default async function auth(fastify: FastifyInstance) {
  fastify.post('/login', async (request, reply) => {
    const token = await fastify.jwt.sign({ sub: 'u1' });
    reply.setCookie('token', token, { path: '/' });
    return { ok: true };
  });
}
`,
      errors: [
        {
          messageId: 'insecureCookie',
          line: 7,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
import type { FastifyInstance } from 'fastify';

export default async function auth(fastify: FastifyInstance) {
  fastify.post('/login', async (request, reply) => {
    const token = await fastify.jwt.sign({ sub: 'u1' });
    reply.setCookie('token', token, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
    return { ok: true };
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa: missing sameSite',
      filename: 'src/routes/auth.js',
      code: `
const Router = require('@koa/router');
const router = new Router();

router.post('/login', async (ctx) => {
  const token = await issueToken(ctx.request.body);
  ctx.cookies.set('auth_token', token, { secure: true });
  ctx.status = 204;
});
module.exports = router;
`,
      errors: [
        {
          messageId: 'insecureCookie',
          line: 7,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
const Router = require('@koa/router');
const router = new Router();

router.post('/login', async (ctx) => {
  const token = await issueToken(ctx.request.body);
  ctx.cookies.set('auth_token', token, { secure: true, sameSite: 'lax' });
  ctx.status = 204;
});
module.exports = router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'hono: setCookie with only a path',
      filename: 'src/routes/auth.ts',
      code: `
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';

const app = new Hono();
app.post('/login', async (c) => {
  const token = await sign(await c.req.json());
  setCookie(c, 'session', token, { path: '/' });
  return c.body(null, 204);
});
declare function sign(b: unknown): Promise<string>;
export default app;
`,
      errors: [
        {
          messageId: 'insecureCookie',
          line: 8,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';

const app = new Hono();
app.post('/login', async (c) => {
  const token = await sign(await c.req.json());
  setCookie(c, 'session', token, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
  return c.body(null, 204);
});
declare function sign(b: unknown): Promise<string>;
export default app;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'next: response.cookies.set with an object',
      filename: 'middleware.ts',
      code: `
import { NextResponse, type NextRequest } from 'next/server';

export function middleware(request: NextRequest) {
  const response = NextResponse.next();
  response.cookies.set({ name: 'session', value: request.nextUrl.searchParams.get('s') ?? '', maxAge: 3600 });
  return response;
}
`,
      errors: [
        {
          messageId: 'insecureCookie',
          line: 6,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
import { NextResponse, type NextRequest } from 'next/server';

export function middleware(request: NextRequest) {
  const response = NextResponse.next();
  response.cookies.set({ name: 'session', value: request.nextUrl.searchParams.get('s') ?? '', maxAge: 3600, httpOnly: true, secure: true, sameSite: 'lax' });
  return response;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'cookie-session with secure false',
      filename: 'src/app.js',
      code: `
const express = require('express');
const cookieSession = require('cookie-session');

const app = express();
app.use(cookieSession({ name: 'session', keys: [process.env.COOKIE_KEY], secure: false, sameSite: 'lax' }));
`,
      errors: [
        {
          messageId: 'insecureCookie',
          line: 6,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
const express = require('express');
const cookieSession = require('cookie-session');

const app = express();
app.use(cookieSession({ name: 'session', keys: [process.env.COOKIE_KEY], secure: true, sameSite: 'lax' }));
`,
            },
          ],
        },
      ],
    },
  ],
});
