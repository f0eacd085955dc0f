import rule from '../../../src/engine/rules/console-in-server-code';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('console-in-server-code', rule, {
  valid: [
    {
      name: 'a listen failure that shuts the process down, and an unhandledRejection listener added with addListener',
      filename: 'server/server.js',
      code: `
const { log } = require('../src/util');
log.info('server', 'Init the server');
server.httpServer.once('error', async (err) => {
  console.error('Cannot listen: ' + err.message);
  await shutdownFunction();
});
process.addListener('unhandledRejection', (error) => {
  console.trace(error);
  console.error('If you keep encountering errors, please report them');
});
`,
    },
    {
      name: 'startup lines printed before the logger is required, and a spawned test run relaying its output',
      filename: 'server/server.js',
      code: `
console.log('Welcome to Uptime Kuma');
const nodeVersion = process.versions.node;
console.log(\`Your Node.js version: \${nodeVersion}\`);

const childProcess = require('child_process');
const { log } = require('../src/util');

exports.startUnitTest = async () => {
  const child = childProcess.spawn('npm', ['run', 'jest-backend']);
  child.stdout.on('data', (data) => {
    console.log(data.toString());
  });
  child.stderr.on('data', (data) => {
    console.log(data.toString());
  });
};

log.info('server', 'Loading modules');
`,
    },
    {
      name: 'log4js.replaceConsole() sends every console line of the process through log4js, with its level',
      filename: 'node/server.js',
      code: `
const log4js = require('log4js');
log4js.replaceConsole();
const settings = require('./utils/Settings');

const logger = log4js.getLogger('server');

exports.start = async () => {
  logger.info('Starting Etherpad...');
  if (!settings.sessionKey) console.warn('no sessionKey set, a random one is used');
};
`,
    },
    {
      name: 'console.error reassigned to the logger at startup',
      filename: 'src/server.ts',
      code: `
import { logger } from './lib/logger';

console.log = logger.info.bind(logger);
console.error = logger.error.bind(logger);

export function reportStartupProblem(problem: string) {
  console.error(problem);
}
`,
    },

    {
      name: 'a CLI command registered with .command().action() prints to its terminal',
      filename: 'src/commands/db-sync.ts',
      code: `
import type { Application } from '../application';

export default (app: Application) => {
  app.command('db:sync').auth().preload().action(async () => {
    console.log('db sync...');
    await app.db.sync();
    app.log.info('done');
  });
};
`,
    },
    {
      name: "relaying a child process's output to this terminal",
      filename: 'src/commands/plugin/develop.js',
      code: `
const { execFile } = require('child_process');
const { logger } = require('@medusajs/framework/logger');

function publishChanges(directory, yalcBin) {
  logger.info('publishing');
  execFile(process.execPath, [yalcBin, 'publish'], { cwd: directory }, (error, stdout, stderr) => {
    if (error) {
      console.log(error);
    }
    console.log(stdout);
    console.error(stderr);
  });
}
module.exports = { publishChanges };
`,
    },
    {
      name: 'a boxed update notice for the developer at the terminal',
      filename: 'src/utils/update-notifier/index.ts',
      code: `
import boxen from 'boxen';
import type { Core } from '@strapi/types';

export const createUpdateNotifier = (strapi: Core.Strapi) => {
  const display = (latestVersion: string) => {
    const message = boxen('Update available ' + latestVersion, { padding: 1 });
    strapi.log.debug('update notice shown');
    console.log(message);
  };
  return { display };
};
`,
    },
    {
      name: 'no structured logger in the file',
      filename: 'src/routes/health.ts',
      code: `
import { Router } from 'express';

export const router = Router();
router.get('/cache/flush', (req, res) => {
  console.info('cache flushed');
  res.sendStatus(204);
});
`,
    },
    {
      name: 'startup banner in the listen callback',
      filename: 'src/server.ts',
      code: `
import express from 'express';
import { logger } from './lib/logger';

const app = express();
app.use((req, _res, next) => { logger.info({ path: req.path }, 'request'); next(); });
app.listen(3000, () => console.log('listening on :3000'));
`,
    },
    {
      name: 'fatal bootstrap error before process.exit',
      filename: 'src/main.ts',
      code: `
import { NestFactory } from '@nestjs/core';
import { Logger } from '@nestjs/common';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(3000);
  new Logger('Bootstrap').log('up');
}
bootstrap().catch((err) => {
  console.error(err);
  process.exit(1);
});
`,
    },
    {
      name: 'uncaughtException handler',
      filename: 'src/process.ts',
      code: `
import pino from 'pino';
export const logger = pino();
process.on('uncaughtException', (err) => {
  console.error('fatal', err);
});
`,
    },
    {
      name: 'the logger module itself',
      filename: 'src/lib/logger.ts',
      code: `
import pino from 'pino';
export const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
if (!process.env.LOG_LEVEL) console.warn('LOG_LEVEL not set, using info');
`,
    },
    {
      name: 'a CLI with a shebang',
      filename: 'src/admin/reindex.ts',
      code: `#!/usr/bin/env node
import { logger } from '../lib/logger';
import { reindex } from '../search';
logger.info('reindexing');
reindex().then((n) => console.log(\`\${n} documents\`));
`,
    },
    {
      name: 'a commander CLI',
      filename: 'src/commands/seed-users.ts',
      code: `
import { Command } from 'commander';
import { logger } from '../lib/logger';
new Command('seed').action(() => { logger.info('seeding'); console.log('done'); }).parse();
`,
    },
    {
      name: 'tests',
      filename: 'src/orders/orders.service.spec.ts',
      code: `
import { Logger } from '@nestjs/common';
console.log('debugging a test', Logger);
`,
    },
    {
      name: 'config file',
      filename: 'vite.config.ts',
      code: `
import { logger } from './src/lib/logger';
console.log('building', logger);
export default {};
`,
    },
    {
      name: 'client component',
      filename: 'app/orders/order-form.tsx',
      code: `
'use client';
import { logger } from '@/lib/logger';
export function OrderForm() {
  console.log('render');
  logger.info('x');
  return <form />;
}
`,
    },
    {
      name: 'scripts folder',
      filename: 'scripts/backfill.ts',
      code: `
import { logger } from '../src/lib/logger';
logger.info('start');
console.log('backfilled');
`,
    },
    {
      name: 'hono logger middleware is not a structured logger',
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';
import { logger } from 'hono/logger';

const app = new Hono();
app.use('*', logger());
app.onError((err, c) => {
  console.error(err);
  return c.json({ error: 'internal_error' }, 500);
});
export default app;
`,
    },
  ],
  invalid: [
    {
      name: 'a console line at the top level after the logger is required',
      filename: 'server/server.js',
      code: `
const { log } = require('../src/util');

log.info('server', 'Loading modules');
console.warn('Node.js version is not supported');
`,
      errors: [
        {
          messageId: 'consoleInServerCode',
          line: 5,
          column: 1,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `
const { log } = require('../src/util');

log.info('server', 'Loading modules');
log.warn('Node.js version is not supported');
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express route with an imported pino logger',
      filename: 'src/routes/orders.ts',
      code: `
import { Router } from 'express';
import { logger } from '../lib/logger';
import { Order } from '../models/order';

export const router = Router();

router.delete('/orders/:id', async (req, res) => {
  await Order.deleteOne({ _id: req.params.id });
  console.log(\`order \${req.params.id} deleted\`);
  logger.info({ orderId: req.params.id }, 'audit');
  res.sendStatus(204);
});
`,
      errors: [
        {
          messageId: 'consoleInServerCode',
          line: 10,
          column: 3,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `
import { Router } from 'express';
import { logger } from '../lib/logger';
import { Order } from '../models/order';

export const router = Router();

router.delete('/orders/:id', async (req, res) => {
  await Order.deleteOne({ _id: req.params.id });
  logger.info(\`order \${req.params.id} deleted\`);
  logger.info({ orderId: req.params.id }, 'audit');
  res.sendStatus(204);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nest service with a Logger field: console.log → this.logger.log',
      filename: 'src/orders/orders.service.ts',
      code: `
import { Injectable, Logger } from '@nestjs/common';

@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  async ship(id: string) {
    console.log('shipping ' + id);
    this.logger.log(\`shipped \${id}\`);
  }
}
`,
      errors: [
        {
          messageId: 'consoleInServerCode',
          line: 9,
          column: 5,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `
import { Injectable, Logger } from '@nestjs/common';

@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  async ship(id: string) {
    this.logger.log('shipping ' + id);
    this.logger.log(\`shipped \${id}\`);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify route using request.log elsewhere',
      filename: 'src/routes/exports.ts',
      code: `
import type { FastifyInstance } from 'fastify';

export default async function exportsRoutes(fastify: FastifyInstance) {
  fastify.get('/exports/:id', async (request, reply) => {
    request.log.info({ id: request.params.id }, 'export requested');
    console.warn('slow export');
    return reply.send({ ok: true });
  });
}
`,
      errors: [
        {
          messageId: 'consoleInServerCode',
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `
import type { FastifyInstance } from 'fastify';

export default async function exportsRoutes(fastify: FastifyInstance) {
  fastify.get('/exports/:id', async (request, reply) => {
    request.log.info({ id: request.params.id }, 'export requested');
    request.log.warn('slow export');
    return reply.send({ ok: true });
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'several arguments: reported without a rewrite',
      filename: 'src/services/payments.ts',
      code: `
import pino from 'pino';
const logger = pino();
export async function capture(id: string, amount: number) {
  console.log('capturing', id, amount);
  logger.info({ id }, 'captured');
}
`,
      errors: [{ messageId: 'consoleInServerCode', line: 5, column: 3, suggestions: [] }],
    },
    {
      name: 'winston module logger',
      filename: 'src/services/mailer.js',
      code: `
const winston = require('winston');
const logger = winston.createLogger({ level: 'info' });

async function sendReceipt(order) {
  console.error(\`receipt for \${order.id} bounced\`);
  logger.info('sent');
}
module.exports = { sendReceipt };
`,
      errors: [
        {
          messageId: 'consoleInServerCode',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `
const winston = require('winston');
const logger = winston.createLogger({ level: 'info' });

async function sendReceipt(order) {
  logger.error(\`receipt for \${order.id} bounced\`);
  logger.info('sent');
}
module.exports = { sendReceipt };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa router with a local log module',
      filename: 'src/routes/invoices.js',
      code: `
const Router = require('@koa/router');
const log = require('../log');

const router = new Router();
router.post('/invoices', async (ctx) => {
  console.debug(ctx.request.body);
  log.info('invoice created');
  ctx.status = 201;
});
module.exports = router;
`,
      errors: [
        {
          messageId: 'consoleInServerCode',
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `
const Router = require('@koa/router');
const log = require('../log');

const router = new Router();
router.post('/invoices', async (ctx) => {
  log.debug(ctx.request.body);
  log.info('invoice created');
  ctx.status = 201;
});
module.exports = router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'next.js route handler with a project logger',
      filename: 'app/api/orders/route.ts',
      code: `
import { NextResponse } from 'next/server';
import { logger } from '@/lib/logger';
import { prisma } from '@/lib/prisma';

export async function GET() {
  const count = await prisma.order.count();
  console.info(count);
  return NextResponse.json({ count });
}
`,
      errors: [
        {
          messageId: 'consoleInServerCode',
          line: 8,
          column: 3,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `
import { NextResponse } from 'next/server';
import { logger } from '@/lib/logger';
import { prisma } from '@/lib/prisma';

export async function GET() {
  const count = await prisma.order.count();
  logger.info(count);
  return NextResponse.json({ count });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'hono app with hono-pino',
      filename: 'src/routes/orders.ts',
      code: `
import { Hono } from 'hono';
import { pinoLogger } from 'hono-pino';
import { logger } from '../logger';

export const orders = new Hono();
orders.use(pinoLogger());
orders.post('/', async (c) => {
  console.error('validation failed');
  return c.json({ error: 'invalid' }, 400);
});
`,
      errors: [
        {
          messageId: 'consoleInServerCode',
          line: 9,
          column: 3,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `
import { Hono } from 'hono';
import { pinoLogger } from 'hono-pino';
import { logger } from '../logger';

export const orders = new Hono();
orders.use(pinoLogger());
orders.post('/', async (c) => {
  logger.error('validation failed');
  return c.json({ error: 'invalid' }, 400);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nest controller importing Logger but no field: no rewrite',
      filename: 'src/users/users.controller.ts',
      code: `
import { Controller, Get, Logger } from '@nestjs/common';

@Controller('users')
export class UsersController {
  @Get()
  list() {
    console.log('listing users');
    Logger.log('list', 'UsersController');
    return [];
  }
}
`,
      errors: [{ messageId: 'consoleInServerCode', line: 8, column: 5, suggestions: [] }],
    },
    {
      name: 'worker with a bunyan logger',
      filename: 'src/workers/thumbnails.ts',
      code: `
import bunyan from 'bunyan';
const logger = bunyan.createLogger({ name: 'thumbnails' });

export async function handle(job: { id: string }) {
  console.log(job);
  logger.info({ job: job.id }, 'done');
}
`,
      errors: [
        {
          messageId: 'consoleInServerCode',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `
import bunyan from 'bunyan';
const logger = bunyan.createLogger({ name: 'thumbnails' });

export async function handle(job: { id: string }) {
  logger.info(job);
  logger.info({ job: job.id }, 'done');
}
`,
            },
          ],
        },
      ],
    },
  ],
});
