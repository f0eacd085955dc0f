import rule from '../../../src/engine/rules/shared-mutable-state';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('shared-mutable-state', rule, {
  valid: [
    {
      name: 'per-request value kept in a local',
      filename: 'src/routes/profile.ts',
      code: `
import { Router } from 'express';
import { loadProfile } from '../services/profile';

export const router = Router();

router.get('/me', async (req, res) => {
  const user = req.user;
  res.json(await loadProfile(user!.id));
});
`,
    },
    {
      name: 'a bounded LRU cache instance',
      filename: 'src/routes/rates.ts',
      code: `
import express from 'express';
import { LRUCache } from 'lru-cache';
import { fetchRate } from '../fx';

const rates = new LRUCache<string, number>({ max: 500, ttl: 60_000 });
const app = express();

app.get('/rates/:currency', async (req, res) => {
  let rate = rates.get(req.params.currency);
  if (rate === undefined) {
    rate = await fetchRate(req.params.currency);
    rates.set(req.params.currency, rate);
  }
  res.json({ rate });
});
`,
    },
    {
      name: 'prom-client counter',
      filename: 'src/middleware/metrics.ts',
      code: `
import type { Request, Response, NextFunction } from 'express';
import client from 'prom-client';

const requests = new client.Counter({ name: 'http_requests_total', help: 'requests', labelNames: ['route'] });

export function countRequests(req: Request, res: Response, next: NextFunction) {
  requests.inc({ route: req.path });
  next();
}
`,
    },
    {
      name: 'state set once at startup',
      filename: 'src/app.ts',
      code: `
import express from 'express';
import { loadConfig } from './config';

let config: Record<string, string> = {};
const app = express();

export async function start() {
  config = await loadConfig();
  app.get('/features', (req, res) => res.json({ beta: config.beta }));
  app.listen(3000);
}
`,
    },
    {
      name: 'a lazily created client (set once, guarded)',
      filename: 'src/routes/search.ts',
      code: `
import express from 'express';
import { Client } from '@elastic/elasticsearch';

let es: Client | undefined;
const app = express();

app.get('/search', async (req, res) => {
  if (!es) es = new Client({ node: process.env.ES_URL });
  res.json(await es.search({ index: 'products', q: String(req.query.q) }));
});
`,
    },
    {
      name: 'SSE clients: open responses can only live in this process',
      filename: 'src/routes/events.ts',
      code: `
import express from 'express';

const clients: express.Response[] = [];
const app = express();

app.get('/events', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  clients.push(res);
  req.on('close', () => clients.splice(clients.indexOf(res), 1));
});
`,
    },
    {
      name: 'WebSocket connections by user id',
      filename: 'src/routes/ws.ts',
      code: `
import Fastify from 'fastify';

const sockets = new Map<string, unknown>();
const fastify = Fastify();

fastify.get('/ws', { websocket: true }, (socket, request) => {
  sockets.set(request.user.id, socket);
});
`,
    },
    {
      name: 'a module constant read by handlers',
      filename: 'src/routes/plans.ts',
      code: `
import { Router } from 'express';

const PLANS = { free: { seats: 1 }, team: { seats: 10 } };
export const router = Router();

router.get('/plans/:id', (req, res) => {
  const plan = PLANS[req.params.id as keyof typeof PLANS];
  res.json(plan ?? null);
});
`,
    },
    {
      name: 'a memo keyed by a constant, not by the request',
      filename: 'src/routes/templates.ts',
      code: `
import express from 'express';
import { compile } from '../templates';

const compiled = new Map<string, (data: unknown) => string>();
const app = express();

app.get('/welcome', (req, res) => {
  if (!compiled.has('welcome')) compiled.set('welcome', compile('welcome'));
  res.send(compiled.get('welcome')!({}));
});
`,
    },
    {
      name: 'state written outside any handler (a timer)',
      filename: 'src/stats.ts',
      code: `
import express from 'express';

let lastRefresh = 0;
const app = express();

setInterval(() => {
  lastRefresh = Date.now();
}, 60_000);

app.get('/stats', (req, res) => res.json({ lastRefresh }));
`,
    },
    {
      name: 'request-scoped store on res.locals',
      filename: 'src/middleware/tenant.ts',
      code: `
import type { Request, Response, NextFunction } from 'express';

export function tenant(req: Request, res: Response, next: NextFunction) {
  res.locals.tenantId = req.header('x-tenant-id');
  next();
}
`,
    },
    {
      name: 'a test file',
      filename: 'src/__tests__/routes.test.ts',
      code: `
import express from 'express';

const seen: string[] = [];
const app = express();
app.get('/x', (req, res) => {
  seen.push(req.path);
  res.end();
});
`,
    },
  ],
  invalid: [
    {
      name: 'currentUser = req.user',
      filename: 'src/routes/profile.ts',
      code: `
import { Router } from 'express';
import { loadProfile } from '../services/profile';

let currentUser: { id: string } | undefined;
export const router = Router();

router.get('/me', async (req, res) => {
  currentUser = req.user;
  res.json(await loadProfile(currentUser!.id));
});
`,
      errors: [{ messageId: 'requestDataInSharedState', line: 9, column: 3, data: { name: 'currentUser' } }],
    },
    {
      name: 'a request counter in Express middleware',
      filename: 'src/middleware/count.js',
      code: `
let requestCount = 0;

function countRequests(req, res, next) {
  requestCount++;
  res.setHeader('x-request-number', String(requestCount));
  next();
}

module.exports = { countRequests };
`,
      errors: [{ messageId: 'sharedMutableState', line: 5, column: 3, data: { name: 'requestCount' } }],
    },
    {
      name: 'an in-memory session map keyed by token',
      filename: 'src/routes/auth.ts',
      code: `
import express from 'express';
import { randomUUID } from 'node:crypto';
import { verifyPassword } from '../auth';

const sessions = new Map<string, string>();
const app = express();

app.post('/login', async (req, res) => {
  const userId = await verifyPassword(req.body.email, req.body.password);
  const token = randomUUID();
  sessions.set(token, userId);
  res.json({ token });
});
`,
      errors: [{ messageId: 'sharedMutableState', line: 12, column: 3, data: { name: 'sessions' } }],
    },
    {
      name: 'a cache object keyed by user id (Fastify)',
      filename: 'src/routes/profile.ts',
      code: `
import type { FastifyInstance } from 'fastify';

const profileCache: Record<string, unknown> = {};

export default async function routes(fastify: FastifyInstance) {
  fastify.get('/profile', async (request) => {
    const userId = request.user.id;
    profileCache[userId] = await fastify.prisma.profile.findUnique({ where: { userId } });
    return profileCache[userId];
  });
}
`,
      errors: [{ messageId: 'sharedMutableState', line: 9, column: 5, data: { name: 'profileCache' } }],
    },
    {
      name: 'an array that collects every request',
      filename: 'src/routes/debug.js',
      code: `
const express = require('express');

const requests = [];
const app = express();

app.use((req, res, next) => {
  requests.push({ method: req.method, url: req.url, at: Date.now() });
  next();
});

module.exports = app;
`,
      errors: [{ messageId: 'requestDataInSharedState', line: 8, column: 3, data: { name: 'requests' } }],
    },
    {
      name: 'Koa: the tenant kept in a module variable',
      filename: 'src/middleware/tenant.js',
      code: `
const Koa = require('koa');

let tenantId = null;
const app = new Koa();

app.use(async (ctx, next) => {
  tenantId = ctx.get('x-tenant-id');
  await next();
});

module.exports = { app, getTenant: () => tenantId };
`,
      errors: [{ messageId: 'requestDataInSharedState', line: 8, column: 3, data: { name: 'tenantId' } }],
    },
    {
      name: 'an in-memory id generator',
      filename: 'src/routes/tickets.ts',
      code: `
import { Hono } from 'hono';

let nextTicketId = 1;
export const app = new Hono();

app.post('/tickets', async (c) => {
  const body = await c.req.json();
  const ticket = { id: nextTicketId++, title: body.title };
  return c.json(ticket, 201);
});
`,
      errors: [{ messageId: 'sharedMutableState', line: 9, column: 24, data: { name: 'nextTicketId' } }],
    },
    {
      name: 'a rate-limit map of hits per ip',
      filename: 'src/middleware/limit.ts',
      code: `
import type { Request, Response, NextFunction } from 'express';

const hits: Record<string, number> = {};

export function limit(req: Request, res: Response, next: NextFunction) {
  hits[req.ip!] = (hits[req.ip!] ?? 0) + 1;
  if (hits[req.ip!] > 100) return res.status(429).end();
  next();
}
`,
      errors: [{ messageId: 'sharedMutableState', line: 7, column: 3, data: { name: 'hits' } }],
    },
    {
      name: 'Next.js route handler remembers the last body',
      filename: 'app/api/drafts/route.ts',
      code: `
let lastDraft: unknown = null;

export async function POST(request: Request) {
  lastDraft = await request.json();
  return Response.json({ ok: true });
}

export async function GET() {
  return Response.json(lastDraft);
}
`,
      errors: [{ messageId: 'requestDataInSharedState', line: 5, column: 3, data: { name: 'lastDraft' } }],
    },
    {
      name: 'a Set of seen emails',
      filename: 'src/routes/newsletter.ts',
      code: `
import { Router } from 'express';

const subscribed = new Set<string>();
export const router = Router();

router.post('/newsletter', (req, res) => {
  const email = String(req.body.email).toLowerCase();
  subscribed.add(email);
  res.status(204).end();
});
`,
      errors: [{ messageId: 'requestDataInSharedState', line: 9, column: 3, data: { name: 'subscribed' } }],
    },
  ],
});
