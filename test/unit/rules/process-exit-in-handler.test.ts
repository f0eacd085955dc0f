import rule from '../../../src/engine/rules/process-exit-in-handler';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('process-exit-in-handler', rule, {
  valid: [
    {
      name: 'exit when the database is unreachable at startup',
      filename: 'src/server.ts',
      code: `
import express from 'express';
import { prisma } from './db';

const app = express();

prisma.$connect().catch((err) => {
  console.error('database unreachable', err);
  process.exit(1);
});

app.listen(3000);
`,
    },
    {
      name: 'exit in a SIGTERM handler after draining',
      filename: 'src/server.ts',
      code: `
import express from 'express';

const app = express();
const server = app.listen(3000);

process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
});
`,
    },
    {
      name: 'handler passes the error to next',
      filename: 'src/routes/orders.ts',
      code: `
import { Router } from 'express';
import { createOrder } from '../services/orders';

export const orders = Router();

orders.post('/orders', async (req, res, next) => {
  try {
    res.status(201).json(await createOrder(req.body));
  } catch (err) {
    next(err);
  }
});
`,
    },
    {
      name: 'process.exitCode in a CLI command',
      filename: 'src/cli/import-users.ts',
      code: `
import { importUsers } from '../services/import';

export async function run(file: string) {
  const failed = await importUsers(file);
  if (failed > 0) process.exitCode = 1;
}
`,
    },
    {
      name: 'CLI script exits',
      filename: 'scripts/backfill.ts',
      code: `
import { db } from '../src/db';

async function main() {
  await db.query('UPDATE users SET plan = $1 WHERE plan IS NULL', ['free']);
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
`,
    },
    {
      name: 'admin shutdown route that closes the server first',
      filename: 'src/admin.ts',
      code: `
import express from 'express';
import { requireAdmin } from './auth';

const app = express();
const server = app.listen(9000);

app.post('/admin/shutdown', requireAdmin, (req, res) => {
  res.status(202).json({ status: 'draining' });
  server.close(() => process.exit(0));
});
`,
    },
    {
      name: 'uncaughtException handler exits',
      filename: 'src/process.ts',
      code: `
import { logger } from './logger';

process.on('uncaughtException', (err) => {
  logger.fatal({ err }, 'uncaught exception');
  process.exit(1);
});
`,
    },
    {
      name: 'fastify start() exits when listen fails',
      filename: 'src/server.ts',
      code: `
import Fastify from 'fastify';

const fastify = Fastify();

fastify.get('/health', async () => ({ ok: true }));

const start = async () => {
  try {
    await fastify.listen({ port: 3000 });
  } catch (err) {
    fastify.log.error(err);
    process.exit(1);
  }
};
start();
`,
    },
    {
      name: 'nest bootstrap catch',
      filename: 'src/main.ts',
      code: `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

NestFactory.create(AppModule)
  .then((app) => app.listen(3000))
  .catch(() => process.exit(1));
`,
    },
    {
      name: 'a worker loop (not a request handler) exits on a fatal error',
      filename: 'src/worker.ts',
      code: `
import { Worker } from 'bullmq';
import { sendEmail } from './mail';

const worker = new Worker('emails', async (job) => sendEmail(job.data));
worker.on('error', (err) => {
  console.error(err);
  process.exit(1);
});
`,
    },
    {
      name: 'a handler in a test file',
      filename: 'src/__tests__/server.test.ts',
      code: `
import http from 'node:http';

const server = http.createServer((req, res) => {
  res.end('ok');
  process.exit(0);
});
`,
    },
    {
      name: 'a method named exit on something else',
      filename: 'src/routes/rooms.ts',
      code: `
import { Router } from 'express';
import { rooms } from '../rooms';

export const router = Router();

router.post('/rooms/:id/leave', (req, res) => {
  rooms.get(req.params.id)?.exit(req.user.id);
  res.sendStatus(204);
});
`,
    },
  ],
  invalid: [
    {
      name: 'express route exits on an error',
      filename: 'src/routes/reports.ts',
      code: `
import { Router } from 'express';
import { buildReport } from '../services/reports';

export const reports = Router();

reports.get('/reports/:id', async (req, res) => {
  try {
    res.json(await buildReport(req.params.id));
  } catch (err) {
    console.error(err);
    process.exit(1);
  }
});
`,
      errors: [{ messageId: 'processExitInHandler', line: 12, column: 5 }],
    },
    {
      name: 'express error middleware crashes the process',
      filename: 'src/app.js',
      code: `
const express = require('express');
const app = express();

app.use((err, req, res, next) => {
  console.error(err.stack);
  res.status(500).send('Something broke');
  process.exit(1);
});

module.exports = app;
`,
      errors: [{ messageId: 'processExitInHandler', line: 8, column: 3 }],
    },
    {
      name: 'middleware exits when config is missing',
      filename: 'src/middleware/tenant.ts',
      code: `
import type { NextFunction, Request, Response } from 'express';

export function tenant(req: Request, res: Response, next: NextFunction) {
  const id = req.header('x-tenant');
  if (!process.env.TENANTS) {
    process.exit(1);
  }
  next();
}
`,
      errors: [{ messageId: 'processExitInHandler', line: 7, column: 5 }],
    },
    {
      name: 'fastify route',
      filename: 'src/routes/import.ts',
      code: `
import type { FastifyInstance } from 'fastify';

export default async function routes(fastify: FastifyInstance) {
  fastify.post('/import', async (request, reply) => {
    const ok = await fastify.importer.run(request.body);
    if (!ok) process.exit(2);
    return reply.code(202).send();
  });
}
`,
      errors: [{ messageId: 'processExitInHandler', line: 7, column: 14 }],
    },
    {
      name: 'koa middleware',
      filename: 'src/app.js',
      code: `
const Koa = require('koa');
const app = new Koa();

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = 500;
    process.exit(1);
  }
});
`,
      errors: [{ messageId: 'processExitInHandler', line: 10, column: 5 }],
    },
    {
      name: 'nest controller method',
      filename: 'src/admin/admin.controller.ts',
      code: `
import { Controller, Post } from '@nestjs/common';

@Controller('admin')
export class AdminController {
  @Post('restart')
  restart() {
    setTimeout(() => process.exit(0), 100);
    return { restarting: true };
  }
}
`,
      errors: [{ messageId: 'processExitInHandler', line: 8, column: 22 }],
    },
    {
      name: 'hono route',
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';
import { migrate } from './db';

const app = new Hono();

app.post('/migrate', async (c) => {
  const failed = await migrate();
  if (failed) process.exit(1);
  return c.json({ ok: true });
});
`,
      errors: [{ messageId: 'processExitInHandler', line: 9, column: 15 }],
    },
    {
      name: 'next.js app router handler',
      filename: 'app/api/jobs/route.ts',
      code: `
import { NextResponse } from 'next/server';
import { runJobs } from '@/lib/jobs';

export async function POST() {
  const result = await runJobs().catch(() => process.exit(1));
  return NextResponse.json(result);
}
`,
      errors: [{ messageId: 'processExitInHandler', line: 6, column: 46 }],
    },
    {
      name: 'plain http server callback',
      filename: 'src/server.js',
      code: `
const http = require('http');

http.createServer((req, res) => {
  if (req.url === '/crash') {
    process.exit(1);
  }
  res.end('ok');
}).listen(8080);
`,
      errors: [{ messageId: 'processExitInHandler', line: 6, column: 5 }],
    },
    {
      name: 'controller function in its own file',
      filename: 'src/controllers/payments.js',
      code: `
const stripe = require('../stripe');

exports.refund = async (req, res) => {
  const refund = await stripe.refunds.create({ payment_intent: req.body.paymentIntent });
  if (refund.status === 'failed') {
    console.error('refund failed', refund.id);
    return process.exit(1);
  }
  res.json(refund);
};
`,
      errors: [{ messageId: 'processExitInHandler', line: 8, column: 12 }],
    },
  ],
});
