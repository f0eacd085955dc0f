import rule from '../../../src/engine/rules/swallowed-error';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('swallowed-error', rule, {
  valid: [
    {
      name: "a catch that logs through the debug package's function, at the level the author chose",
      filename: 'server/modules/apicache/apicache.js',
      code: `
const debug = require('debug')('apicache');

function cacheResponse(redis, key, value, duration) {
  try {
    redis.hset(key, 'response', JSON.stringify(value));
    redis.expire(key, duration / 1000);
  } catch (err) {
    debug('[apicache] error in redis.hset()');
  }
}
module.exports = { cacheResponse };
`,
    },
    {
      name: 'decoding a Basic auth header: a malformed one falls through to the credentials in the body',
      filename: 'src/service/OidcRouter.ts',
      code: `
export function parseClientCredentials(authorization: string | undefined, bodyClientId?: string, bodyClientSecret?: string) {
  const basicAuth = authorization?.match(/^Basic[ ]+([^\\s]+)$/i);
  if (basicAuth) {
    try {
      const decoded = Buffer.from(basicAuth[1], 'base64').toString('utf8');
      const idx = decoded.indexOf(':');
      if (idx >= 0) {
        const clientId = decodeURIComponent(decoded.slice(0, idx).replace(/\\+/g, ' '));
        const clientSecret = decodeURIComponent(decoded.slice(idx + 1).replace(/\\+/g, ' '));
        if (clientId) return { clientId, clientSecret };
      }
    } catch {
    }
  }
  return { clientId: bodyClientId, clientSecret: bodyClientSecret };
}
`,
    },
    {
      name: 'a setting read that may throw, its absence tested right after (Node-RED credentials)',
      filename: 'lib/nodes/credentials.js',
      code: `
const crypto = require('crypto');

async function load(settings) {
  var defaultKey;
  try {
    defaultKey = settings.get('_credentialSecret');
  } catch (err) {
  }
  if (defaultKey) {
    return crypto.createHash('sha256').update(defaultKey).digest();
  }
  return null;
}
module.exports = { load };
`,
    },
    {
      name: 'an existence probe fills a path, and the fallback after picks a default when it stayed empty',
      filename: 'lib/nodes/context/localfilesystem.js',
      code: `
const fs = require('fs');
const path = require('path');

function getBasePath(config) {
  var storageBaseDir;
  try {
    fs.statSync(path.join(process.env.NODE_RED_HOME, '.config.json'));
    storageBaseDir = path.join(process.env.NODE_RED_HOME, 'context');
  } catch (err) {
  }
  if (!storageBaseDir) {
    storageBaseDir = path.join(process.env.HOME, '.node-red', 'context');
  }
  return storageBaseDir;
}
module.exports = { getBasePath };
`,
    },
    {
      name: 'a default declared in the enclosing block, improved by an optional plugin hook (Backstage processors)',
      filename: 'src/service/util.ts',
      code: `
export function getProcessorPriority(processor: { getPriority?: () => number }, options?: { priority?: number }) {
  let priority = options?.priority;
  if (priority === undefined) {
    try {
      priority = processor.getPriority?.();
    } catch {
    }
  }
  return priority ?? 20;
}
`,
    },
    {
      name: 'a best-effort conversion of a field that keeps its old value on failure',
      filename: 'lib/flows/Flow.js',
      code: `
function handleStatus(events, node, statusMessage) {
  if (typeof statusMessage.text !== 'string') {
    try {
      statusMessage.text = statusMessage.text.toString();
    }
    catch(e) {}
  }
  events.emit('node-status', { id: node.id, status: statusMessage });
}
module.exports = { handleStatus };
`,
    },
    {
      name: 'an existence check whose every failure is answered with the same access-denied error (Keystone)',
      filename: 'src/lib/core/access.ts',
      code: `
export async function checkUniqueItemExists(uniqueInput: object, list: { listKey: string }, context: any) {
  try {
    const item = await context.db[list.listKey].findOne({ where: uniqueInput });
    if (item !== null) return uniqueInput;
  } catch (err) {}
  throw new Error(\`You cannot access the \${list.listKey} with that id\`);
}
`,
    },
    {
      name: 'a BigInt parse of input: its only failure is "not a number"',
      filename: 'src/fields/id-field.ts',
      code: `
export function isBigInt(x: string | null) {
  if (x === null || x === '') return;
  try {
    return BigInt(x);
  } catch {}
}
`,
    },
    {
      name: 'a compiled parse through the interop default: parseGitUrl__default.default(url)',
      filename: 'dist/processors/PlaceholderProcessor.cjs.js',
      code: `
var parseGitUrl = require('git-url-parse');
function _interopDefaultCompat (e) { return e && typeof e === 'object' && 'default' in e ? e : { default: e }; }
var parseGitUrl__default = /*#__PURE__*/_interopDefaultCompat(parseGitUrl);

function sameRepository(resolvedUrl, baseUrl) {
  let resolved;
  let base;
  try {
    resolved = parseGitUrl__default.default(resolvedUrl);
    base = parseGitUrl__default.default(baseUrl);
  } catch {
    return;
  }
  return resolved.name === base.name;
}
exports.sameRepository = sameRepository;
`,
    },
    {
      name: 'closing a client on the failure path: pg client.end() is tear-down',
      filename: 'src/db/connect.ts',
      code: `
import { Client } from 'pg';

export async function connect(config: object) {
  const client = new Client(config);
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
}
`,
    },
    {
      name: 'the catch hands the response to a helper that answers the caller',
      filename: 'src/app-simplefin.js',
      code: `
import express from 'express';
const app = express();

function invalidToken(res) {
  res.status(401).send({ status: 'error', reason: 'invalid-token' });
}

app.post('/accounts', async (req, res) => {
  let accessKey;
  try {
    accessKey = await getAccessKey(req.body.token);
  } catch {
    invalidToken(res);
    return;
  }
  res.send({ status: 'ok', accessKey });
});
export default app;
`,
    },
    {
      name: 'the catch does the same work a safer way: redact every string when the precise redaction fails',
      filename: 'src/tasks/WorkflowRunner.ts',
      code: `
export function redactInputs(taskLogger: { addRedactions(v: string[]): void }, input: object, rendered: object) {
  try {
    taskLogger.addRedactions(collectSecretRedactions(input, rendered));
  } catch {
    taskLogger.addRedactions(extractStringValues(input));
  }
}
`,
    },
    {
      name: 'a rejection muted inside a callback, awaited again by the outer function',
      filename: 'src/dryrun/createDryRunner.ts',
      code: `
export async function dryRun(runner: { execute(step: (dir: string) => Promise<void>): Promise<void> }) {
  let contentPromise: Promise<string[]> | undefined;
  await runner.execute(async (dir) => {
    contentPromise = serializeDirectoryContents(dir);
    await contentPromise.catch(() => {});
  });
  if (!contentPromise) throw new Error('Content extraction step was skipped');
  return await contentPromise;
}
`,
    },

    {
      name: 'a built front-end bundle under assets/: browser code, no server log involved',
      filename: 'core/built/admin/assets/index-DUhmXSBR.mjs',
      code: `
var ef = Function.prototype, tf = ef.toString;
function toSource(r) {
  if (r != null) {
    try {
      return tf.call(r);
    } catch {
    }
  }
  const l = document.createElement("style");
  return l;
}
export { toSource };
`,
    },
    {
      name: 'the failure is recorded in the validation errors the caller returns',
      filename: 'src/api/validators/settings.js',
      code: `
function validateSettings(settings) {
  const errors = [];
  for (const setting of settings) {
    try {
      const value = JSON.parse(setting.value);
      if (!Array.isArray(value)) errors.push(new ValidationError({ message: 'expected a list' }));
    } catch (err) {
      errors.push(new ValidationError({ message: 'expected a list' }));
    }
  }
  return errors;
}
module.exports = { validateSettings };
`,
    },
    {
      name: 'the failure goes to an importer problems list',
      filename: 'src/importers/settings-importer.js',
      code: `
class SettingsImporter {
  beforeImport(setting) {
    let value;
    try {
      value = JSON.parse(setting.value);
    } catch (err) {
      this.problems.push({ message: 'Failed to parse ' + setting.key, context: setting });
    }
    return value;
  }
}
module.exports = SettingsImporter;
`,
    },
    {
      name: 'a catch that answers through a throw helper',
      filename: 'src/uploads/receipt.ts',
      code: `
import { throwInvalidReference } from './errors';

export function decodeReceipt(encoded: string) {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(encoded, 'base64url').toString());
  } catch {
    throwInvalidReference();
  }
  return decoded;
}
`,
    },
    {
      name: 'a failure reported as a telemetry event',
      filename: 'src/Strapi.ts',
      code: `
import { openBrowser } from './utils/open-browser';

export class App {
  async openAdmin() {
    try {
      await openBrowser(this.config);
      this.telemetry.send('didOpenTab');
    } catch {
      this.telemetry.send('didNotOpenTab');
    }
  }
}
`,
    },
    {
      name: 'fire-and-forget telemetry: it must never break the request path',
      filename: 'src/services/mcp/metrics.ts',
      code: `
export const sendDidUseMcpServer = (strapi: Core.Strapi) => {
  strapi.telemetry.send('didUseMcpServer').catch(() => {});
};
`,
    },
    {
      name: 'cancelling a stream on a failure path that already reports the error',
      filename: 'src/uploads/process-multipart.ts',
      code: `
export async function pump(reader: ReadableStreamDefaultReader, fail: (e: Error) => void) {
  const err = new Error('too large');
  fail(err);
  await reader.cancel(err).catch(() => {});
}
`,
    },
    {
      name: 'best-effort shutdown hooks of a module being reloaded',
      filename: 'src/reloaders/modules.js',
      code: `
async function shutdownModule(moduleInstance, logger) {
  try {
    if (moduleInstance.__hooks.onApplicationShutdown) {
      await moduleInstance.__hooks.onApplicationShutdown.bind(moduleInstance)().catch(() => {});
    }
  } catch (error) {
    logger.warn('Error during module shutdown: ' + error.message);
  }
}
module.exports = { shutdownModule };
`,
    },
    {
      name: 'making sure a scratch folder exists, and removing a marker file: clean-up that may fail',
      filename: 'src/plugin-manager/resource.js',
      code: `
const fs = require('fs');
const fse = require('fs-extra');

async function saveUpload(tmpDir, tempFile, buffer, marker) {
  try {
    await fs.promises.mkdir(tmpDir, { recursive: true });
  } catch (error) {
  }
  await fs.promises.writeFile(tempFile, buffer, 'binary');
  try {
    await fse.rm(marker, { force: true });
  } catch (error) {
  }
}
module.exports = { saveUpload };
`,
    },
    {
      name: 'a malformed client message is skipped: the parse is all the try does',
      filename: 'src/websocket/wait-for-message.js',
      code: `
export function onMessage(client, type, resolve) {
  client.on('message', (event) => {
    let msg;
    try {
      msg = WebSocketMessage.parse(JSON.parse(event.toString()));
    } catch {
      return;
    }
    if (msg.type === type) resolve(msg);
  });
}
`,
    },
    {
      name: 'a path segment that does not decode keeps its default',
      filename: 'src/gateway/index.js',
      code: `
function appNameMiddleware(ctx, segment) {
  if (segment) {
    try {
      ctx.resolvedAppName = decodeURIComponent(segment);
    } catch (error) {
    }
  }
}
module.exports = { appNameMiddleware };
`,
    },
    {
      name: 'a try that improves on a default set just before it',
      filename: 'src/plugin-manager/client-url.js',
      code: `
const fse = require('fs-extra');
const path = require('path');

async function versionOf(pkgPath) {
  let version = '';
  try {
    const pkgJson = await fse.readJson(path.resolve(pkgPath, 'package.json'));
    if (pkgJson && typeof pkgJson.version === 'string') {
      version = pkgJson.version;
    }
  } catch (error) {
  }
  return 'v=' + version;
}
module.exports = { versionOf };
`,
    },
    {
      name: 'a probe that answers inside an if, with a computed fallback after the catch',
      filename: 'src/plugin-manager/utils.js',
      code: `
const fse = require('fs-extra');
const path = require('path');

async function getPluginBasePath(file, packageName) {
  try {
    const basePath = await fse.realpath(path.resolve(process.env.NODE_MODULES_PATH, packageName, 'src'));
    if (file.startsWith(basePath)) {
      return basePath;
    }
  } catch (error) {
  }
  return path.dirname(path.dirname(file));
}
module.exports = { getPluginBasePath };
`,
    },
    {
      name: 'a probe that returns its answer, with a constant fallback after the empty catch',
      filename: 'src/lib/inspect.js',
      code: `
const symToString = Symbol.prototype.toString;

function isSymbol(obj) {
  try {
    symToString.call(obj);
    return true;
  } catch (e) {}
  return false;
}

module.exports = { isSymbol };
`,
    },
    {
      name: 'a try that fills a variable, returned after the empty catch as the fallback',
      filename: 'src/lib/libc.js',
      code: `
const { readFile } = require('fs/promises');

let cachedFamily;

async function familyFromFilesystem(parse) {
  cachedFamily = null;
  try {
    const content = await readFile('/usr/bin/ldd');
    cachedFamily = parse(content);
  } catch (e) {}
  return cachedFamily;
}

module.exports = { familyFromFilesystem };
`,
    },
    {
      name: '.catch(() => undefined) that marks a promise handled until it is raced later',
      filename: 'src/worker/pool.ts',
      code: `
export async function withCancel<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  const aborted = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(new Error('cancelled')), { once: true });
  });
  aborted.catch(() => undefined);
  return Promise.race([work, aborted]);
}
`,
    },
    {
      name: 'express handler passes the error to next()',
      filename: 'src/routes/orders.ts',
      code: `
import { Router } from 'express';
import { orderService } from '../services/orders';

export const router = Router();

router.post('/orders', async (req, res, next) => {
  try {
    const order = await orderService.place(req.body);
    res.status(201).json(order);
  } catch (err) {
    next(err);
  }
});
`,
    },
    {
      name: 'JSON.parse fallback returns a default',
      filename: 'src/lib/config.ts',
      code: `
export function parseFlags(raw: string | undefined): Record<string, boolean> {
  try {
    return JSON.parse(raw ?? '{}');
  } catch {
    return {};
  }
}
`,
    },
    {
      name: 'a comment explains why the error is ignored',
      filename: 'src/jobs/cleanup.ts',
      code: `
import { unlink } from 'node:fs/promises';

export async function removeUpload(path: string) {
  try {
    await unlink(path);
  } catch {
    // ignore: the file may already be gone, the sweeper runs twice
  }
}
`,
    },
    {
      name: 'optional dependency probe',
      filename: 'src/lib/logger.js',
      code: `
let pretty = null;
try {
  pretty = require.resolve('pino-pretty');
} catch {}
try {
  require('source-map-support').install();
} catch {}
module.exports = { pretty };
`,
    },
    {
      name: 'fastify: answers with an error status',
      filename: 'src/plugins/auth.ts',
      code: `
import fp from 'fastify-plugin';

export default fp(async (fastify) => {
  fastify.decorate('authenticate', async (request, reply) => {
    try {
      await request.jwtVerify();
    } catch {
      reply.code(401).send({ error: 'unauthorized' });
    }
  });
});
`,
    },
    {
      name: 'koa: sets the status and body',
      filename: 'src/middleware/errors.js',
      code: `
module.exports = async function errors(ctx, next) {
  try {
    await next();
  } catch (e) {
    ctx.status = 500;
    ctx.body = { error: 'internal_error' };
  }
};
`,
    },
    {
      name: 'rethrows a domain error with cause',
      filename: 'src/services/inventory.ts',
      code: `
import { prisma } from '../db';

export async function reserve(sku: string, qty: number) {
  try {
    return await prisma.stock.update({ where: { sku }, data: { qty: { decrement: qty } } });
  } catch (cause) {
    throw new Error('reservation failed', { cause });
  }
}
`,
    },
    {
      name: 'reports to Sentry and rejects',
      filename: 'src/workers/mailer.ts',
      code: `
import * as Sentry from '@sentry/node';
import { transport } from './transport';

export function sendMail(msg: object): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      transport.sendMail(msg);
      resolve();
    } catch (e) {
      Sentry.captureException(e);
      reject(e);
    }
  });
}
`,
    },
    {
      name: 'underscore-named parameter marks a deliberate ignore',
      filename: 'src/lib/cache.ts',
      code: `
import { redis } from './redis';

export async function forget(key: string) {
  try {
    await redis.del(key);
  } catch (_ignored) {}
}
`,
    },
    {
      name: 'promise .catch whose fallback value is used',
      filename: 'src/services/profile.ts',
      code: `
import { cache } from '../lib/cache';
import { prisma } from '../db';

export async function profile(id: string) {
  const cached = await cache.get(\`profile:\${id}\`).catch(() => null);
  return cached ?? prisma.profile.findUnique({ where: { id } });
}
`,
    },
    {
      name: 'promise .catch that logs',
      filename: 'src/server.ts',
      code: `
import { logger } from './logger';
import { warmUp } from './cache';

warmUp().catch((err) => logger.warn({ err }, 'cache warm-up failed'));
`,
    },
    {
      name: 'tests are not checked',
      filename: 'src/__tests__/orders.test.ts',
      code: `
it('ignores', async () => {
  try { await place(); } catch {}
});
`,
    },
    {
      name: 'marks the job failed without the error object',
      filename: 'src/jobs/import.ts',
      code: `
import { parseRow, markFailed } from './rows';

export async function importRows(rows: string[]) {
  for (const row of rows) {
    try {
      await parseRow(row);
    } catch {
      await markFailed(row);
    }
  }
}
`,
    },
    {
      name: 'ensure-exists: the catch creates what the try looked up',
      filename: 'src/service/role.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from './role.entity';
import { GlobalSettings } from './global-settings.entity';

@Injectable()
export class RoleService {
  constructor(private dataSource: DataSource) {}

  async ensureCustomerRoleExists() {
    try {
      await this.getCustomerRole();
    } catch (err) {
      const channel = await this.getDefaultChannel();
      await this.createRoleForChannels({ code: 'customer', permissions: ['Authenticated'] }, [channel]);
    }
  }

  async initGlobalSettings() {
    try {
      const result = await this.dataSource.getRepository(GlobalSettings).find();
      if (result.length === 0) throw new Error('No global settings');
    } catch (err) {
      const settings = new GlobalSettings({ availableLanguages: ['en'] });
      await this.dataSource.getRepository(GlobalSettings).save(settings);
    }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'a lookup whose catch only rolls back is still a swallowed error',
      filename: 'src/service/orders.service.ts',
      code: `
export async function cancelOrder(db, id) {
  const trx = await db.transaction();
  try {
    const order = await findOrder(trx, id);
    await trx('orders').where({ id: order.id }).update({ status: 'cancelled' });
    await trx.commit();
  } catch (err) {
    await trx.rollback();
  }
}
`,
      errors: [{ messageId: 'swallowedError', line: 8, column: 5, suggestions: [
        {
          messageId: 'logError',
          output: `
export async function cancelOrder(db, id) {
  const trx = await db.transaction();
  try {
    const order = await findOrder(trx, id);
    await trx('orders').where({ id: order.id }).update({ status: 'cancelled' });
    await trx.commit();
  } catch (err) {
    console.error('cancelOrder failed', err);
    await trx.rollback();
  }
}
`,
        },
      ] }],
    },
    {
      name: 'a value filled in the try and used as if it were there: nothing tests whether the try worked',
      filename: 'src/services/pricing.js',
      code: `
async function quote(cart, rates) {
  let rate;
  try {
    rate = await rates.lookup(cart.currency);
  } catch (err) {
  }
  return cart.total * rate;
}
module.exports = { quote };
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'logError',
              output: `
async function quote(cart, rates) {
  let rate;
  try {
    rate = await rates.lookup(cart.currency);
  } catch (err) {
    console.error('quote failed', err);
  }
  return cart.total * rate;
}
module.exports = { quote };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a catch that does other work than the try (clears a cache) still loses the error',
      filename: 'src/services/catalog.js',
      code: `
async function refresh(cache, source) {
  try {
    cache.fill(await source.load());
  } catch (err) {
    cache.clear();
  }
}
module.exports = { refresh };
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'logError',
              output: `
async function refresh(cache, source) {
  try {
    cache.fill(await source.load());
  } catch (err) {
    console.error('refresh failed', err);
    cache.clear();
  }
}
module.exports = { refresh };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a database read that fails is not a missing optional value, even with a default',
      filename: 'src/plugins/summary.js',
      code: `
const { Plugin } = require('../models');

async function summary(render) {
  let enabled = [];
  try {
    enabled = (await Plugin.findAll({ where: { enabled: true } })).map((p) => p.name);
  } catch (error) {
  }
  render(enabled);
}
module.exports = { summary };
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'logError',
              output: `
const { Plugin } = require('../models');

async function summary(render) {
  let enabled = [];
  try {
    enabled = (await Plugin.findAll({ where: { enabled: true } })).map((p) => p.name);
  } catch (error) {
    console.error('summary failed', error);
  }
  render(enabled);
}
module.exports = { summary };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'deleting records is not clean-up: its failure still needs a trace',
      filename: 'src/services/sessions.js',
      code: `
const Session = require('../models/session');

function expire(userId) {
  Session.remove({ userId }).catch(() => {});
}
module.exports = { expire };
`,
      errors: [
        {
          messageId: 'swallowedPromise',
          line: 5,
          column: 30,
          suggestions: [
            {
              messageId: 'logError',
              output: `
const Session = require('../models/session');

function expire(userId) {
  Session.remove({ userId }).catch((err) => console.error('expire failed', err));
}
module.exports = { expire };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an empty catch before a response is still a swallow: the return is not a fallback',
      filename: 'src/routes/signup.js',
      code: `
const express = require('express');
const { sendWelcome } = require('../mail');

const router = express.Router();

router.post('/welcome', async (req, res) => {
  try {
    await sendWelcome(req.body.email);
  } catch (e) {}
  return res.json({ ok: true });
});

module.exports = router;
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 10,
          column: 5,
          suggestions: [
            {
              messageId: 'logError',
              output: `
const express = require('express');
const { sendWelcome } = require('../mail');

const router = express.Router();

router.post('/welcome', async (req, res) => {
  try {
    await sendWelcome(req.body.email);
  } catch (e) {
    console.error('this step failed', e);
  }
  return res.json({ ok: true });
});

module.exports = router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'empty catch with a project logger (pino style)',
      filename: 'src/services/payments.ts',
      code: `
import { logger } from '../lib/logger';
import { stripe } from '../lib/stripe';

export async function refund(paymentIntentId: string) {
  try {
    await stripe.refunds.create({ payment_intent: paymentIntentId });
  } catch (err) {}
  logger.info({ paymentIntentId }, 'refund requested');
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'logError',
              output: `
import { logger } from '../lib/logger';
import { stripe } from '../lib/stripe';

export async function refund(paymentIntentId: string) {
  try {
    await stripe.refunds.create({ payment_intent: paymentIntentId });
  } catch (err) {
    logger.error({ err }, 'refund failed');
  }
  logger.info({ paymentIntentId }, 'refund requested');
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'express: rollback, then nothing answers the request',
      filename: 'src/routes/transfers.ts',
      code: `
import { Router } from 'express';
import { pool } from '../db';

export const router = Router();

router.post('/transfers', async (req, res) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [req.body.amount, req.body.from]);
    await client.query('COMMIT');
    res.status(201).end();
  } catch {
    await client.query('ROLLBACK');
  } finally {
    client.release();
  }
});
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 14,
          column: 5,
          suggestions: [
            {
              messageId: 'logError',
              output: `
import { Router } from 'express';
import { pool } from '../db';

export const router = Router();

router.post('/transfers', async (req, res) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [req.body.amount, req.body.from]);
    await client.query('COMMIT');
    res.status(201).end();
  } catch (err) {
    console.error('this step failed', err);
    await client.query('ROLLBACK');
  } finally {
    client.release();
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nest service with a Logger field',
      filename: 'src/billing/billing.service.ts',
      code: `
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Invoice } from './invoice.entity';

@Injectable()
export class BillingService {
  private readonly logger = new Logger(BillingService.name);

  constructor(@InjectRepository(Invoice) private readonly invoices: Repository<Invoice>) {}

  async markPaid(id: string) {
    try {
      await this.invoices.update(id, { paidAt: new Date() });
    } catch (error) {
    }
  }
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 16,
          column: 7,
          suggestions: [
            {
              messageId: 'logError',
              output: `
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Invoice } from './invoice.entity';

@Injectable()
export class BillingService {
  private readonly logger = new Logger(BillingService.name);

  constructor(@InjectRepository(Invoice) private readonly invoices: Repository<Invoice>) {}

  async markPaid(id: string) {
    try {
      await this.invoices.update(id, { paidAt: new Date() });
    } catch (error) {
      this.logger.error('markPaid failed', (error as Error).stack);
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
      name: 'fire-and-forget .catch(() => {})',
      filename: 'src/routes/signup.ts',
      code: `
import { Router } from 'express';
import { prisma } from '../db';
import { sendWelcomeEmail } from '../mail';

export const router = Router();

router.post('/signup', async (req, res) => {
  const user = await prisma.user.create({ data: { email: req.body.email } });
  sendWelcomeEmail(user.email).catch(() => {});
  res.status(201).json({ id: user.id });
});
`,
      errors: [
        {
          messageId: 'swallowedPromise',
          line: 10,
          column: 32,
          suggestions: [
            {
              messageId: 'logError',
              output: `
import { Router } from 'express';
import { prisma } from '../db';
import { sendWelcomeEmail } from '../mail';

export const router = Router();

router.post('/signup', async (req, res) => {
  const user = await prisma.user.create({ data: { email: req.body.email } });
  sendWelcomeEmail(user.email).catch((err) => console.error('this step failed', err));
  res.status(201).json({ id: user.id });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'awaited .catch(() => undefined) whose value is dropped, pino logger',
      filename: 'src/services/orders.ts',
      code: `
import pino from 'pino';
import { audit } from '../audit';

const logger = pino();

export async function closeOrder(id: string) {
  await audit.record('order.closed', { id }).catch(() => undefined);
  logger.info({ id }, 'order closed');
}
`,
      errors: [
        {
          messageId: 'swallowedPromise',
          line: 8,
          column: 46,
          suggestions: [
            {
              messageId: 'logError',
              output: `
import pino from 'pino';
import { audit } from '../audit';

const logger = pino();

export async function closeOrder(id: string) {
  await audit.record('order.closed', { id }).catch((err) => logger.error({ err }, 'closeOrder failed'));
  logger.info({ id }, 'order closed');
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'winston logger, cache write error dropped',
      filename: 'src/services/catalog.js',
      code: `
const winston = require('winston');
const { redis } = require('../redis');

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

async function cacheProduct(product) {
  try {
    await redis.set(\`product:\${product.id}\`, JSON.stringify(product), 'EX', 300);
  } catch (e) {
    redis.disconnect();
  }
}

module.exports = { cacheProduct, logger };
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 10,
          column: 5,
          suggestions: [
            {
              messageId: 'logError',
              output: `
const winston = require('winston');
const { redis } = require('../redis');

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

async function cacheProduct(product) {
  try {
    await redis.set(\`product:\${product.id}\`, JSON.stringify(product), 'EX', 300);
  } catch (e) {
    logger.error('cacheProduct failed', e);
    redis.disconnect();
  }
}

module.exports = { cacheProduct, logger };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify route logs through request.log elsewhere',
      filename: 'src/routes/webhooks.ts',
      code: `
import type { FastifyInstance } from 'fastify';

export default async function webhooks(fastify: FastifyInstance) {
  fastify.post('/webhooks/shipping', async (request, reply) => {
    request.log.info({ id: request.id }, 'shipping webhook');
    try {
      await fastify.prisma.shipment.update({ where: { id: request.body.id }, data: { status: request.body.status } });
    } catch (err) {
    }
    return reply.code(204).send();
  });
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 9,
          column: 7,
          suggestions: [
            {
              messageId: 'logError',
              output: `
import type { FastifyInstance } from 'fastify';

export default async function webhooks(fastify: FastifyInstance) {
  fastify.post('/webhooks/shipping', async (request, reply) => {
    request.log.info({ id: request.id }, 'shipping webhook');
    try {
      await fastify.prisma.shipment.update({ where: { id: request.body.id }, data: { status: request.body.status } });
    } catch (err) {
      request.log.error({ err }, 'this step failed');
    }
    return reply.code(204).send();
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa middleware: bare return swallows',
      filename: 'src/middleware/session.js',
      code: `
const { sessions } = require('../store');

module.exports = async function loadSession(ctx, next) {
  try {
    ctx.state.session = await sessions.get(ctx.cookies.get('sid'));
  } catch (err) { return; }
  await next();
};
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'logError',
              output: `
const { sessions } = require('../store');

module.exports = async function loadSession(ctx, next) {
  try {
    ctx.state.session = await sessions.get(ctx.cookies.get('sid'));
  } catch (err) { console.error('loadSession failed', err); return; }
  await next();
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'hono handler: empty catch around an outbound call',
      filename: 'src/routes/search.ts',
      code: `
import { Hono } from 'hono';
import { logger } from '../logger';

export const search = new Hono();

search.post('/reindex', async (c) => {
  try {
    await fetch(\`\${process.env.SEARCH_URL}/reindex\`, { method: 'POST' });
  } catch {}
  logger.info('reindex requested', { at: Date.now() });
  return c.body(null, 202);
});
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 10,
          column: 5,
          suggestions: [
            {
              messageId: 'logError',
              output: `
import { Hono } from 'hono';
import { logger } from '../logger';

export const search = new Hono();

search.post('/reindex', async (c) => {
  try {
    await fetch(\`\${process.env.SEARCH_URL}/reindex\`, { method: 'POST' });
  } catch (err) {
    logger.error('this step failed', err);
  }
  logger.info('reindex requested', { at: Date.now() });
  return c.body(null, 202);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'mongoose: catch that only closes the session',
      filename: 'src/services/accounts.ts',
      code: `
import mongoose from 'mongoose';
import { Account } from '../models/account';

export async function closeAccount(id: string) {
  const session = await mongoose.startSession();
  try {
    await Account.updateOne({ _id: id }, { $set: { closedAt: new Date() } }, { session });
  } catch (error) {
    await session.endSession();
  }
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 9,
          column: 5,
          suggestions: [
            {
              messageId: 'logError',
              output: `
import mongoose from 'mongoose';
import { Account } from '../models/account';

export async function closeAccount(id: string) {
  const session = await mongoose.startSession();
  try {
    await Account.updateOne({ _id: id }, { $set: { closedAt: new Date() } }, { session });
  } catch (error) {
    console.error('closeAccount failed', error);
    await session.endSession();
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'next.js route: .catch(noop) on a background publish',
      filename: 'app/api/orders/route.ts',
      code: `
import { NextResponse } from 'next/server';
import { noop } from 'lodash';
import { prisma } from '@/lib/prisma';
import { track } from '@/lib/analytics';

export async function POST(req: Request) {
  const body = await req.json();
  const order = await prisma.order.create({ data: body });
  void track('order_created', { id: order.id }).catch(noop);
  return NextResponse.json(order, { status: 201 });
}
`,
      errors: [
        {
          messageId: 'swallowedPromise',
          line: 10,
          column: 49,
          suggestions: [
            {
              messageId: 'logError',
              output: `
import { NextResponse } from 'next/server';
import { noop } from 'lodash';
import { prisma } from '@/lib/prisma';
import { track } from '@/lib/analytics';

export async function POST(req: Request) {
  const body = await req.json();
  const order = await prisma.order.create({ data: body });
  void track('order_created', { id: order.id }).catch((err) => console.error('POST failed', err));
  return NextResponse.json(order, { status: 201 });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
