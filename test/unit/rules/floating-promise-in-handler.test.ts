import rule from '../../../src/engine/rules/floating-promise-in-handler';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('floating-promise-in-handler', rule, {
  valid: [
    {
      name: 'awaited async function and DB write',
      filename: 'src/routes/signup.ts',
      code: `
import { Router } from 'express';
import { prisma } from '../db';

const router = Router();

async function sendWelcomeEmail(email: string) {
  await fetch('https://mail.example.com/send', { method: 'POST', body: JSON.stringify({ to: email }) });
}

router.post('/signup', async (req, res) => {
  const user = await prisma.user.create({ data: { email: req.body.email } });
  await sendWelcomeEmail(user.email);
  res.status(201).json(user);
});

export default router;
`,
    },
    {
      name: 'fire-and-forget with a catch that logs',
      filename: 'src/routes/orders.ts',
      code: `
import { Router } from 'express';
import { logger } from '../logger';

const router = Router();

async function notifyWarehouse(orderId: string) {
  await fetch(\`https://warehouse.example.com/orders/\${orderId}\`, { method: 'POST' });
}

router.post('/orders/:id/ship', (req, res) => {
  notifyWarehouse(req.params.id).catch((err) => logger.error({ err }, 'warehouse notify failed'));
  void notifyWarehouse(req.params.id).catch(logger.error);
  res.status(202).end();
});

export default router;
`,
    },
    {
      name: 'returned promise and promise kept for later',
      filename: 'src/routes/users.js',
      code: `
const express = require('express');
const { User } = require('../models');

const router = express.Router();

router.get('/users/:id', (req, res, next) => {
  return User.findByPk(req.params.id).then((user) => res.json(user)).catch(next);
});

router.post('/users/:id/touch', async (req, res) => {
  const pending = User.update({ lastSeenAt: new Date() }, { where: { id: req.params.id } });
  res.status(204).end();
  await pending;
});

module.exports = router;
`,
    },
    {
      name: 'res.json and next are not promises',
      filename: 'src/routes/health.ts',
      code: `
import type { Request, Response, NextFunction } from 'express';

export function health(req: Request, res: Response, next: NextFunction) {
  res.json({ ok: true });
  res.setHeader('cache-control', 'no-store');
  next();
}
`,
    },
    {
      name: 'imported function of unknown return type',
      filename: 'src/routes/audit.ts',
      code: `
import type { Request, Response } from 'express';
import { recordAudit } from '../audit';
import { analytics } from '../analytics';

export async function deleteAccount(req: Request, res: Response) {
  recordAudit('account.deleted', req.params.id);
  analytics.track('account_deleted');
  res.status(204).end();
}
`,
    },
    {
      name: 'background work handed to setImmediate',
      filename: 'src/routes/import.ts',
      code: `
import type { Request, Response } from 'express';

async function runImport(jobId: string) {
  await fetch(\`https://importer.internal/jobs/\${jobId}\`, { method: 'POST' });
}

export function startImport(req: Request, res: Response) {
  setImmediate(() => runImport(req.params.jobId));
  res.status(202).json({ jobId: req.params.jobId });
}
`,
    },
    {
      name: 'Promise.allSettled handed off',
      filename: 'src/routes/notify.ts',
      code: `
import type { Request, Response } from 'express';

async function ping(url: string) {
  await fetch(url, { method: 'POST' });
}

export async function notifyAll(req: Request, res: Response) {
  Promise.allSettled(['https://a.example.com', 'https://b.example.com'].map(ping));
  res.status(202).end();
}
`,
    },
    {
      name: 'async function outside any handler',
      filename: 'src/jobs/cleanup.ts',
      code: `
async function purgeExpiredSessions() {
  await fetch('https://internal/purge', { method: 'POST' });
}

export function scheduleCleanup() {
  purgeExpiredSessions();
}
`,
    },
    {
      name: 'Next.js route handler with waitUntil',
      filename: 'app/api/events/route.ts',
      code: `
import { waitUntil } from '@vercel/functions';

async function forward(body: unknown) {
  await fetch('https://collector.example.com', { method: 'POST', body: JSON.stringify(body) });
}

export async function POST(request: Request) {
  const body = await request.json();
  waitUntil(forward(body));
  return Response.json({ ok: true }, { status: 202 });
}
`,
    },
    {
      name: 'then with a rejection handler',
      filename: 'src/routes/webhook.js',
      code: `
const axios = require('axios');

module.exports = function relay(req, res) {
  axios.post('https://hooks.example.com/relay', req.body, { timeout: 5000 }).then(() => {}, (err) => console.error(err));
  res.sendStatus(202);
};
`,
    },
    {
      name: 'Fastify handler awaiting Prisma inside a transaction',
      filename: 'src/routes/transfer.ts',
      code: `
import type { FastifyInstance } from 'fastify';
import { prisma } from '../db';

export default async function routes(app: FastifyInstance) {
  app.post('/transfer', async (request, reply) => {
    const { from, to, amount } = request.body as { from: string; to: string; amount: number };
    await prisma.$transaction(async (tx) => {
      await tx.account.update({ where: { id: from }, data: { balance: { decrement: amount } } });
      await tx.account.update({ where: { id: to }, data: { balance: { increment: amount } } });
    });
    return reply.code(204).send();
  });
}
`,
    },
    {
      name: 'a test file',
      filename: 'src/routes/signup.test.ts',
      code: `
async function seed() {}
export function handler(req, res) {
  seed();
}
`,
    },
  ],
  invalid: [
    {
      name: 'async email function fired and forgotten in an Express handler',
      filename: 'src/routes/signup.ts',
      code: `
import { Router } from 'express';
import { prisma } from '../db';
import { logger } from '../logger';

const router = Router();

async function sendWelcomeEmail(email: string) {
  await fetch('https://mail.example.com/send', { method: 'POST', body: JSON.stringify({ to: email }) });
}

router.post('/signup', async (req, res) => {
  const user = await prisma.user.create({ data: { email: req.body.email } });
  sendWelcomeEmail(user.email);
  logger.info({ userId: user.id }, 'signed up');
  res.status(201).json(user);
});

export default router;
`,
      errors: [
        {
          messageId: 'floatingPromiseInHandler',
          line: 14,
          column: 3,
          data: { what: 'The async function `sendWelcomeEmail`' },
          suggestions: [
            {
              messageId: 'addAwait',
              output: `
import { Router } from 'express';
import { prisma } from '../db';
import { logger } from '../logger';

const router = Router();

async function sendWelcomeEmail(email: string) {
  await fetch('https://mail.example.com/send', { method: 'POST', body: JSON.stringify({ to: email }) });
}

router.post('/signup', async (req, res) => {
  const user = await prisma.user.create({ data: { email: req.body.email } });
  await sendWelcomeEmail(user.email);
  logger.info({ userId: user.id }, 'signed up');
  res.status(201).json(user);
});

export default router;
`,
            },
            {
              messageId: 'addCatch',
              output: `
import { Router } from 'express';
import { prisma } from '../db';
import { logger } from '../logger';

const router = Router();

async function sendWelcomeEmail(email: string) {
  await fetch('https://mail.example.com/send', { method: 'POST', body: JSON.stringify({ to: email }) });
}

router.post('/signup', async (req, res) => {
  const user = await prisma.user.create({ data: { email: req.body.email } });
  sendWelcomeEmail(user.email).catch((err) => logger.error(err));
  logger.info({ userId: user.id }, 'signed up');
  res.status(201).json(user);
});

export default router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a Prisma write not awaited (lazy: never runs)',
      filename: 'src/routes/views.ts',
      code: `
import type { Request, Response } from 'express';
import { prisma } from '../db';

export async function viewArticle(req: Request, res: Response) {
  prisma.article.update({ where: { id: req.params.id }, data: { views: { increment: 1 } } });
  res.json(await prisma.article.findUnique({ where: { id: req.params.id } }));
}
`,
      errors: [
        {
          messageId: 'floatingPromiseInHandler',
          line: 6,
          column: 3,
          data: { what: 'A database call' },
          suggestions: [
            {
              messageId: 'addAwait',
              output: `
import type { Request, Response } from 'express';
import { prisma } from '../db';

export async function viewArticle(req: Request, res: Response) {
  await prisma.article.update({ where: { id: req.params.id }, data: { views: { increment: 1 } } });
  res.json(await prisma.article.findUnique({ where: { id: req.params.id } }));
}
`,
            },
            {
              messageId: 'addCatch',
              output: `
import type { Request, Response } from 'express';
import { prisma } from '../db';

export async function viewArticle(req: Request, res: Response) {
  prisma.article.update({ where: { id: req.params.id }, data: { views: { increment: 1 } } }).catch((err) => console.error(err));
  res.json(await prisma.article.findUnique({ where: { id: req.params.id } }));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fetch in a non-async handler (catch only)',
      filename: 'src/routes/track.js',
      code: `
module.exports = function track(req, res) {
  fetch('https://analytics.example.com/e', { method: 'POST', body: JSON.stringify(req.body) });
  res.sendStatus(204);
};
`,
      errors: [
        {
          messageId: 'floatingPromiseInHandler',
          line: 3,
          column: 3,
          data: { what: 'An HTTP request' },
          suggestions: [
            {
              messageId: 'addCatch',
              output: `
module.exports = function track(req, res) {
  fetch('https://analytics.example.com/e', { method: 'POST', body: JSON.stringify(req.body) }).catch((err) => console.error(err));
  res.sendStatus(204);
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'then without catch',
      filename: 'src/routes/report.js',
      code: `
const axios = require('axios');

exports.requestReport = (req, res) => {
  axios.post('https://reports.internal/jobs', { userId: req.user.id }, { timeout: 5000 }).then((r) => console.log('queued', r.data.id));
  res.status(202).end();
};
`,
      errors: [{ messageId: 'floatingPromiseInHandler', line: 5, column: 3, data: { what: 'A promise chain' }, suggestions: [{ messageId: 'addCatch', output: `
const axios = require('axios');

exports.requestReport = (req, res) => {
  axios.post('https://reports.internal/jobs', { userId: req.user.id }, { timeout: 5000 }).then((r) => console.log('queued', r.data.id)).catch((err) => console.error(err));
  res.status(202).end();
};
` }] }],
    },
    {
      name: 'void does not add an error path',
      filename: 'src/routes/login.ts',
      code: `
import type { Request, Response } from 'express';
import { pino } from 'pino';

const log = pino();

async function recordLogin(userId: string) {
  await fetch('https://audit.internal/login', { method: 'POST', body: userId });
}

export async function login(req: Request, res: Response) {
  void recordLogin(req.body.userId);
  log.info('login');
  res.json({ ok: true });
}
`,
      errors: [
        {
          messageId: 'floatingPromiseInHandler',
          line: 12,
          column: 8,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `
import type { Request, Response } from 'express';
import { pino } from 'pino';

const log = pino();

async function recordLogin(userId: string) {
  await fetch('https://audit.internal/login', { method: 'POST', body: userId });
}

export async function login(req: Request, res: Response) {
  await recordLogin(req.body.userId);
  log.info('login');
  res.json({ ok: true });
}
`,
            },
            {
              messageId: 'addCatch',
              output: `
import type { Request, Response } from 'express';
import { pino } from 'pino';

const log = pino();

async function recordLogin(userId: string) {
  await fetch('https://audit.internal/login', { method: 'POST', body: userId });
}

export async function login(req: Request, res: Response) {
  void recordLogin(req.body.userId).catch((err) => log.error(err));
  log.info('login');
  res.json({ ok: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'async service method via this in a NestJS controller',
      filename: 'src/orders/orders.controller.ts',
      code: `
import { Body, Controller, Post } from '@nestjs/common';

@Controller('orders')
export class OrdersController {
  @Post()
  create(@Body() dto: { sku: string }) {
    this.publishOrderCreated(dto.sku);
    return { ok: true };
  }

  private async publishOrderCreated(sku: string) {
    await fetch('https://events.internal/orders', { method: 'POST', body: sku });
  }
}
`,
      errors: [{ messageId: 'floatingPromiseInHandler', line: 8, column: 5, data: { what: 'The async method `publishOrderCreated`' }, suggestions: [{ messageId: 'addCatch', output: `
import { Body, Controller, Post } from '@nestjs/common';

@Controller('orders')
export class OrdersController {
  @Post()
  create(@Body() dto: { sku: string }) {
    this.publishOrderCreated(dto.sku).catch((err) => console.error(err));
    return { ok: true };
  }

  private async publishOrderCreated(sku: string) {
    await fetch('https://events.internal/orders', { method: 'POST', body: sku });
  }
}
` }] }],
    },
    {
      name: 'Mongoose write per item in forEach',
      filename: 'src/routes/cart.ts',
      code: `
import { Router } from 'express';
import { CartItem } from '../models/cart-item';

const router = Router();

router.post('/cart/clear', async (req, res) => {
  req.body.itemIds.forEach((id: string) => CartItem.deleteOne({ _id: id }));
  res.status(204).end();
});

export default router;
`,
      errors: [{ messageId: 'floatingPromiseInHandler', line: 8, column: 44, suggestions: [{ messageId: 'addCatch', output: `
import { Router } from 'express';
import { CartItem } from '../models/cart-item';

const router = Router();

router.post('/cart/clear', async (req, res) => {
  req.body.itemIds.forEach((id: string) => CartItem.deleteOne({ _id: id }).catch((err) => console.error(err)));
  res.status(204).end();
});

export default router;
` }] }],
    },
    {
      name: 'nodemailer sendMail without a callback in a Koa handler',
      filename: 'src/routes/contact.js',
      code: `
const Router = require('@koa/router');
const nodemailer = require('nodemailer');

const transporter = nodemailer.createTransport({ host: process.env.SMTP_HOST });
const router = new Router();

router.post('/contact', async (ctx) => {
  transporter.sendMail({ to: 'support@example.com', text: ctx.request.body.message });
  ctx.status = 202;
});

module.exports = router;
`,
      errors: [{ messageId: 'floatingPromiseInHandler', line: 9, column: 3, data: { what: 'Sending an email' }, suggestions: [
        { messageId: 'addAwait', output: `
const Router = require('@koa/router');
const nodemailer = require('nodemailer');

const transporter = nodemailer.createTransport({ host: process.env.SMTP_HOST });
const router = new Router();

router.post('/contact', async (ctx) => {
  await transporter.sendMail({ to: 'support@example.com', text: ctx.request.body.message });
  ctx.status = 202;
});

module.exports = router;
` },
        { messageId: 'addCatch', output: `
const Router = require('@koa/router');
const nodemailer = require('nodemailer');

const transporter = nodemailer.createTransport({ host: process.env.SMTP_HOST });
const router = new Router();

router.post('/contact', async (ctx) => {
  transporter.sendMail({ to: 'support@example.com', text: ctx.request.body.message }).catch((err) => console.error(err));
  ctx.status = 202;
});

module.exports = router;
` },
      ] }],
    },
    {
      name: 'Promise.all not awaited in a Hono handler',
      filename: 'src/routes/sync.ts',
      code: `
import { Hono } from 'hono';

const app = new Hono();

async function syncOne(id: string) {
  await fetch(\`https://sync.internal/\${id}\`, { method: 'POST' });
}

app.post('/sync', async (c) => {
  const { ids } = await c.req.json<{ ids: string[] }>();
  Promise.all(ids.map(syncOne));
  return c.json({ started: ids.length }, 202);
});

export default app;
`,
      errors: [{ messageId: 'floatingPromiseInHandler', line: 12, column: 3, data: { what: '`Promise.all`' }, suggestions: [
        { messageId: 'addAwait', output: `
import { Hono } from 'hono';

const app = new Hono();

async function syncOne(id: string) {
  await fetch(\`https://sync.internal/\${id}\`, { method: 'POST' });
}

app.post('/sync', async (c) => {
  const { ids } = await c.req.json<{ ids: string[] }>();
  await Promise.all(ids.map(syncOne));
  return c.json({ started: ids.length }, 202);
});

export default app;
` },
        { messageId: 'addCatch', output: `
import { Hono } from 'hono';

const app = new Hono();

async function syncOne(id: string) {
  await fetch(\`https://sync.internal/\${id}\`, { method: 'POST' });
}

app.post('/sync', async (c) => {
  const { ids } = await c.req.json<{ ids: string[] }>();
  Promise.all(ids.map(syncOne)).catch((err) => console.error(err));
  return c.json({ started: ids.length }, 202);
});

export default app;
` },
      ] }],
    },
    {
      name: 'conditional fire-and-forget with && in a Fastify handler',
      filename: 'src/routes/profile.ts',
      code: `
import type { FastifyInstance } from 'fastify';
import axios from 'axios';

export default async function routes(app: FastifyInstance) {
  app.put('/profile', async (request, reply) => {
    const body = request.body as { avatarUrl?: string };
    body.avatarUrl && axios.post('https://thumbs.internal/render', { url: body.avatarUrl }, { timeout: 3000 });
    return reply.code(204).send();
  });
}
`,
      errors: [{ messageId: 'floatingPromiseInHandler', line: 8, column: 23, data: { what: 'An HTTP request' }, suggestions: [
        { messageId: 'addAwait', output: `
import type { FastifyInstance } from 'fastify';
import axios from 'axios';

export default async function routes(app: FastifyInstance) {
  app.put('/profile', async (request, reply) => {
    const body = request.body as { avatarUrl?: string };
    body.avatarUrl && await axios.post('https://thumbs.internal/render', { url: body.avatarUrl }, { timeout: 3000 });
    return reply.code(204).send();
  });
}
` },
        { messageId: 'addCatch', output: `
import type { FastifyInstance } from 'fastify';
import axios from 'axios';

export default async function routes(app: FastifyInstance) {
  app.put('/profile', async (request, reply) => {
    const body = request.body as { avatarUrl?: string };
    body.avatarUrl && axios.post('https://thumbs.internal/render', { url: body.avatarUrl }, { timeout: 3000 }).catch((err) => console.error(err));
    return reply.code(204).send();
  });
}
` },
      ] }],
    },
  ],
});
