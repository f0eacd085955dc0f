import rule from '../../../src/engine/rules/error-log-without-error';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('error-log-without-error', rule, {
  valid: [
    {
      name: 'the error is rethrown through the local made from it (Backstage toError)',
      filename: 'src/service/helpers.ts',
      code: `
import fs from 'fs-extra';
import { toError } from '@backstage/errors';

export async function getWorkingDirectory(workingDirectory: string, logger: { error(msg: string): void }) {
  try {
    await fs.access(workingDirectory, fs.constants.W_OK);
  } catch (err) {
    const error = toError(err);
    logger.error(\`working directory \${workingDirectory} is not writable\`);
    throw error;
  }
  return workingDirectory;
}
`,
    },
    {
      name: 'the error goes whole to the exit path, which logs its stack',
      filename: 'node/server.js',
      code: `
const log4js = require('log4js');
const logger = log4js.getLogger('server');

exports.start = async () => {
  try {
    await hooks.aCallAll('createServer');
  } catch (err) {
    logger.error('Error occurred while starting Etherpad');
    return await exports.exit(err);
  }
};
`,
    },
    {
      name: 'a command-line tool under bin/ prints the failure for the person running it',
      filename: 'bin/checkPad.js',
      code: `
'use strict';
if (process.argv.length !== 3) throw new Error('Use: node bin/checkPad.js $PADID');
const padId = process.argv[2];

(async () => {
  const pad = await require('../node/db/PadManager').getPad(padId);
  for (let rev = 0; rev <= pad.getHeadRevisionNumber(); rev++) {
    try {
      await pad.checkRevision(rev);
    } catch (e) {
      console.error(\`Bad changeset at revision \${rev} - \${e.message}\`);
    }
  }
})();
`,
    },
    {
      name: "browser code in a front-end folder: the page's console, not a server log",
      filename: 'static/js/vendors/gritter.js',
      code: `
$.gritter.add = function (params) {
  try {
    return Gritter.add(params || {});
  } catch (e) {
    var err = 'Gritter Error: ' + e;
    console.error(err, params);
  }
};
`,
    },

    {
      name: 'the log gets a wrapper error that carries the caught one as its cause',
      filename: 'src/models/bulk-operations.js',
      code: `
const errors = require('@tryghost/errors');
const logging = require('@tryghost/logging');

async function delSingle(knex, table, id) {
  try {
    await knex(table).where('id', id).del();
  } catch (err) {
    const importError = new errors.DataImportError({ message: 'Failed to remove entry from ' + table, err: err });
    logging.error(importError);
    return null;
  }
}
module.exports = { delSingle };
`,
    },
    {
      name: 'the caught error is copied to a local, maybe wrapped, then logged',
      filename: 'src/boot.js',
      code: `
const logging = require('@tryghost/logging');
const errors = require('@tryghost/errors');

async function boot(start) {
  try {
    await start();
  } catch (error) {
    let serverStartError = error;
    if (!errors.utils.isGhostError(serverStartError)) {
      serverStartError = new errors.InternalServerError({ message: serverStartError.message, err: serverStartError });
    }
    logging.error(serverStartError);
  }
}
module.exports = boot;
`,
    },
    {
      name: 'a normalised copy of the error, logged with its stack',
      filename: 'src/mcp/safe-handler.ts',
      code: `
export const wrapSafeHandler = (handler: Handler, strapi: Core.Strapi) => async (...args: unknown[]) => {
  try {
    return await handler(...args);
  } catch (error) {
    const normalized = error instanceof Error ? error : new Error(String(error));
    strapi.log.error(\`handler threw: \${normalized.message}\`, { error: normalized.message, stack: normalized.stack });
    return { isError: true };
  }
};
`,
    },
    {
      name: 'a parse failure: the bad input says more than the SyntaxError',
      filename: 'src/stripe/checkout-session.js',
      code: `
const logging = require('@tryghost/logging');

function newslettersFrom(metadata) {
  const memberData = {};
  try {
    memberData.newsletters = JSON.parse(metadata.newsletters);
  } catch (e) {
    logging.error(\`Ignoring invalid newsletters data - \${metadata.newsletters}.\`);
  }
  return memberData;
}
module.exports = { newslettersFrom };
`,
    },
    {
      name: 'catch (_): the author marks the error as not worth keeping',
      filename: 'src/wrapper.ts',
      code: `
import { logger } from './logger';

export function watchParent(parentPid: number, dispose: () => void) {
  try {
    process.kill(parentPid, 0);
  } catch (_) {
    // the parent is gone: treat it as an error and clean up
    logger.error(\`parent process \${parentPid} died\`);
    dispose();
  }
}
`,
    },
    {
      name: 'pino: { err } as merge object',
      filename: 'src/services/billing.ts',
      code: `
import pino from 'pino';
const logger = pino();
export async function charge(id: string) {
  try {
    await doCharge(id);
  } catch (err) {
    logger.error({ err, id }, 'charge failed');
  }
}
`,
    },
    {
      name: 'pino: error under another key',
      filename: 'src/services/billing.ts',
      code: `
import { logger } from '../lib/logger';
export async function charge(id: string) {
  try {
    await doCharge(id);
  } catch (e) {
    logger.error({ error: e, id }, 'charge failed');
  }
}
`,
    },
    {
      name: 'winston: trailing error',
      filename: 'src/services/mailer.js',
      code: `
const logger = require('./logger');
async function send(msg) {
  try {
    await transport.sendMail(msg);
  } catch (error) {
    logger.error('mail failed', error);
  }
}
module.exports = { send };
`,
    },
    {
      name: 'nest: message and stack',
      filename: 'src/orders/orders.service.ts',
      code: `
import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);
  async ship(id: string) {
    try {
      await this.carrier.book(id);
    } catch (err) {
      this.logger.error(\`booking failed: \${err.message}\`, err.stack);
    }
  }
}
`,
    },
    {
      name: 'logs context and rethrows the error',
      filename: 'src/routes/orders.ts',
      code: `
import { logger } from '../lib/logger';
export async function placeOrder(input: unknown) {
  try {
    return await orders.create(input);
  } catch (err) {
    logger.error({ input }, 'placing the order failed');
    throw err;
  }
}
`,
    },
    {
      name: 'express: log line plus next(err)',
      filename: 'src/routes/users.ts',
      code: `
import { Router } from 'express';
import { logger } from '../logger';
export const router = Router();
router.post('/users', async (req, res, next) => {
  try {
    res.status(201).json(await users.create(req.body));
  } catch (err) {
    logger.error('user creation failed');
    next(err);
  }
});
`,
    },
    {
      name: 'console.error with the error',
      filename: 'src/jobs/sync.ts',
      code: `
export async function sync() {
  try {
    await pull();
  } catch (err) {
    console.error('sync failed', err);
  }
}
`,
    },
    {
      name: 'info and warn levels are not error logs',
      filename: 'src/cache.ts',
      code: `
import { logger } from './logger';
export async function read(key: string) {
  try {
    return await redis.get(key);
  } catch {
    logger.warn('cache unavailable, reading through');
    return null;
  }
}
`,
    },
    {
      name: 'error log outside any catch',
      filename: 'src/startup.ts',
      code: `
import { logger } from './logger';
if (!process.env.DATABASE_URL) logger.error('DATABASE_URL is not set');
`,
    },
    {
      name: 'error log in a callback inside the catch',
      filename: 'src/retry.ts',
      code: `
import { logger } from './logger';
export async function withRetry(fn: () => Promise<void>) {
  try {
    await fn();
  } catch (err) {
    setTimeout(() => logger.error('retry scheduled'), 1000);
    throw err;
  }
}
`,
    },
    {
      name: 'error reported to Sentry beside the log line',
      filename: 'src/webhooks.ts',
      code: `
import * as Sentry from '@sentry/node';
import { logger } from './logger';
export async function handle(event: { id: string }) {
  try {
    await process(event);
  } catch (err) {
    logger.error({ eventId: event.id }, 'webhook failed');
    Sentry.captureException(err);
  }
}
`,
    },
    {
      name: 'error serialised by a helper',
      filename: 'src/queue.ts',
      code: `
import { serializeError } from 'serialize-error';
import { logger } from './logger';
export async function run(job: { id: string }) {
  try {
    await work(job);
  } catch (e) {
    logger.error('job failed', { job: job.id, error: serializeError(e) });
  }
}
`,
    },
    {
      name: 'test files are skipped',
      filename: 'src/orders.test.ts',
      code: `
try { run(); } catch (e) { console.error('boom'); }
`,
    },
  ],
  invalid: [
    {
      name: "one finding per catch: a bare 'Caught error' line followed by the error's text is reported once, on the text",
      filename: 'server/model/monitor.js',
      code: `
const { log } = require('../../src/util');
async function checkTls(res) {
  try {
    await updateTlsInfo(res);
  } catch (e) {
    log.error('monitor', 'Caught error');
    log.error('monitor', e.message);
  }
}
module.exports = { checkTls };
`,
      errors: [
        {
          messageId: 'messageOnly',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'addError',
              output: `
const { log } = require('../../src/util');
async function checkTls(res) {
  try {
    await updateTlsInfo(res);
  } catch (e) {
    log.error('monitor', 'Caught error');
    log.error('monitor', e.message, e);
  }
}
module.exports = { checkTls };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a heading line then the message on its own line: one finding, on the line that logs the text',
      filename: 'src/services/collections.ts',
      code: `
export async function applyFilters(db: Database, logger: Logger, collection: Collection) {
  try {
    return await db.applyCollectionFilters(collection);
  } catch (e) {
    logger.error(\`Could not apply the filters of collection \${collection.id}\`);
    logger.error(e.message);
    return [];
  }
}
`,
      errors: [
        {
          messageId: 'messageOnly',
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'addError',
              output: `
export async function applyFilters(db: Database, logger: Logger, collection: Collection) {
  try {
    return await db.applyCollectionFilters(collection);
  } catch (e) {
    logger.error(\`Could not apply the filters of collection \${collection.id}\`);
    logger.error(e.message, e);
    return [];
  }
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'only the text reaches the log through a local message',
      filename: 'src/services/clean-join-table.ts',
      code: `
export const cleanJoinTable = async (db: Database, table: string) => {
  try {
    return await db.connection(table).where('stale', true).del();
  } catch (error) {
    const errorMessage = error instanceof Error ? error.message : String(error);
    db.logger.error(\`Failed to clean join table "\${table}": \${errorMessage}\`);
    return 0;
  }
};
`,
      errors: [
        {
          messageId: 'messageOnly',
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'addError',
              output: `
export const cleanJoinTable = async (db: Database, table: string) => {
  try {
    return await db.connection(table).where('stale', true).del();
  } catch (error) {
    const errorMessage = error instanceof Error ? error.message : String(error);
    db.logger.error(\`Failed to clean join table "\${table}": \${errorMessage}\`, error);
    return 0;
  }
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'pino: merge object without the error',
      filename: 'src/services/billing.ts',
      code: `
import pino from 'pino';
const logger = pino();
export async function charge(customerId: string) {
  try {
    await stripe.paymentIntents.create({ customer: customerId });
  } catch (err) {
    logger.error({ customerId }, 'charge failed');
  }
}
`,
      errors: [
        {
          messageId: 'errorLogWithoutError',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'addError',
              output: `
import pino from 'pino';
const logger = pino();
export async function charge(customerId: string) {
  try {
    await stripe.paymentIntents.create({ customer: customerId });
  } catch (err) {
    logger.error({ customerId, err }, 'charge failed');
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'pino: message only, error named e',
      filename: 'src/services/billing.ts',
      code: `
import pino from 'pino';
const logger = pino();
export async function refund(id: string) {
  try {
    await stripe.refunds.create({ payment_intent: id });
  } catch (e) {
    logger.error('refund failed');
  }
}
`,
      errors: [
        {
          messageId: 'errorLogWithoutError',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'addError',
              output: `
import pino from 'pino';
const logger = pino();
export async function refund(id: string) {
  try {
    await stripe.refunds.create({ payment_intent: id });
  } catch (e) {
    logger.error({ err: e }, 'refund failed');
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'err.message only loses the stack (winston)',
      filename: 'src/services/mailer.js',
      code: `
const winston = require('winston');
const logger = winston.createLogger({ level: 'info' });
async function send(msg) {
  try {
    await transport.sendMail(msg);
  } catch (err) {
    logger.error(err.message);
  }
}
module.exports = { send };
`,
      errors: [
        {
          messageId: 'messageOnly',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'addError',
              output: `
const winston = require('winston');
const logger = winston.createLogger({ level: 'info' });
async function send(msg) {
  try {
    await transport.sendMail(msg);
  } catch (err) {
    logger.error(err.message, err);
  }
}
module.exports = { send };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'console.error with a template of the error',
      filename: 'src/routes/orders.ts',
      code: `
import { Router } from 'express';
export const router = Router();
router.post('/orders', async (req, res) => {
  try {
    res.status(201).json(await orders.create(req.body));
  } catch (error) {
    console.error(\`order failed: \${error}\`);
    res.status(500).json({ error: 'internal_error' });
  }
});
`,
      errors: [
        {
          messageId: 'messageOnly',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'addError',
              output: `
import { Router } from 'express';
export const router = Router();
router.post('/orders', async (req, res) => {
  try {
    res.status(201).json(await orders.create(req.body));
  } catch (error) {
    console.error(\`order failed: \${error}\`, error);
    res.status(500).json({ error: 'internal_error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nest: message without stack',
      filename: 'src/payments/payments.service.ts',
      code: `
import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  async capture(id: string) {
    try {
      await this.gateway.capture(id);
    } catch (err) {
      this.logger.error(\`capture of \${id} failed\`);
    }
  }
}
`,
      errors: [
        {
          messageId: 'errorLogWithoutError',
          line: 10,
          column: 7,
          suggestions: [
            {
              messageId: 'addError',
              output: `
import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  async capture(id: string) {
    try {
      await this.gateway.capture(id);
    } catch (err) {
      this.logger.error(\`capture of \${id} failed\`, (err as Error).stack);
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'catch without a binding',
      filename: 'src/jobs/report.ts',
      code: `
import { logger } from '../logger';
export async function nightly() {
  try {
    await buildReport();
  } catch {
    logger.error({ job: 'nightly' }, 'report failed');
  }
}
`,
      errors: [
        {
          messageId: 'errorLogWithoutError',
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'addError',
              output: `
import { logger } from '../logger';
export async function nightly() {
  try {
    await buildReport();
  } catch (err) {
    logger.error({ job: 'nightly', err }, 'report failed');
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify request.log without the error',
      filename: 'src/routes/exports.ts',
      code: `
import type { FastifyInstance } from 'fastify';
export default async function routes(fastify: FastifyInstance) {
  fastify.post('/exports', async (request, reply) => {
    try {
      await fastify.exporter.start(request.body);
    } catch (err) {
      request.log.error('export failed');
      return reply.code(502).send({ error: 'export_unavailable' });
    }
    return reply.code(202).send();
  });
}
`,
      errors: [
        {
          messageId: 'errorLogWithoutError',
          line: 8,
          column: 7,
          suggestions: [
            {
              messageId: 'addError',
              output: `
import type { FastifyInstance } from 'fastify';
export default async function routes(fastify: FastifyInstance) {
  fastify.post('/exports', async (request, reply) => {
    try {
      await fastify.exporter.start(request.body);
    } catch (err) {
      request.log.error({ err }, 'export failed');
      return reply.code(502).send({ error: 'export_unavailable' });
    }
    return reply.code(202).send();
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa: String(err) only',
      filename: 'src/middleware/errors.js',
      code: `
const log = require('../log');
module.exports = async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    log.fatal('unhandled: ' + String(err));
    ctx.status = 500;
  }
};
`,
      errors: [
        {
          messageId: 'messageOnly',
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'addError',
              output: `
const log = require('../log');
module.exports = async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    log.fatal('unhandled: ' + String(err), err);
    ctx.status = 500;
  }
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'project logger whose other calls take the object first',
      filename: 'src/services/inventory.ts',
      code: `
import { logger } from '@/lib/logger';
export async function reserve(sku: string) {
  logger.info({ sku }, 'reserving');
  try {
    await stock.decrement(sku);
  } catch (err) {
    logger.error('reservation failed');
  }
}
`,
      errors: [
        {
          messageId: 'errorLogWithoutError',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'addError',
              output: `
import { logger } from '@/lib/logger';
export async function reserve(sku: string) {
  logger.info({ sku }, 'reserving');
  try {
    await stock.decrement(sku);
  } catch (err) {
    logger.error({ err }, 'reservation failed');
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'next.js route: err.message in a merge object',
      filename: 'app/api/checkout/route.ts',
      code: `
import { NextResponse } from 'next/server';
import pino from 'pino';
const logger = pino();
export async function POST(req: Request) {
  try {
    return NextResponse.json(await checkout(await req.json()));
  } catch (err) {
    logger.error({ reason: (err as Error).message }, 'checkout failed');
    return NextResponse.json({ error: 'checkout_failed' }, { status: 500 });
  }
}
`,
      errors: [
        {
          messageId: 'messageOnly',
          line: 9,
          column: 5,
          suggestions: [
            {
              messageId: 'addError',
              output: `
import { NextResponse } from 'next/server';
import pino from 'pino';
const logger = pino();
export async function POST(req: Request) {
  try {
    return NextResponse.json(await checkout(await req.json()));
  } catch (err) {
    logger.error({ reason: (err as Error).message, err }, 'checkout failed');
    return NextResponse.json({ error: 'checkout_failed' }, { status: 500 });
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
