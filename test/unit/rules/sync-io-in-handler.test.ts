import rule from '../../../src/engine/rules/sync-io-in-handler';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('sync-io-in-handler', rule, {
  valid: [
    {
      name: 'dev-server middleware in vite.config.ts',
      filename: 'vite.config.ts',
      code: `
import fs from 'node:fs';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    {
      name: 'mock-api',
      configureServer(server) {
        server.middlewares.use('/api/products', (req, res) => {
          res.end(fs.readFileSync('mocks/products.json'));
        });
      },
    },
  ],
});
`,
    },
    {
      name: 'template read once at module load',
      filename: 'src/routes/emails.ts',
      code: `
import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';

const template = fs.readFileSync(path.join(__dirname, 'welcome.html'), 'utf8');
export const emails = Router();

emails.get('/emails/welcome/preview', (req, res) => {
  res.type('html').send(template.replace('{{name}}', String(req.query.name ?? 'friend')));
});
`,
    },
    {
      name: 'async fs in the handler',
      filename: 'src/routes/files.ts',
      code: `
import { readFile } from 'node:fs/promises';
import { Router } from 'express';

export const files = Router();

files.get('/terms', async (_req, res) => {
  res.type('text').send(await readFile('/srv/terms.txt', 'utf8'));
});
`,
    },
    {
      name: 'handler factory reads its template at creation time',
      filename: 'src/lib/render.js',
      code: `
const fs = require('fs');

function renderPage(file) {
  const html = fs.readFileSync(file, 'utf8');
  return (req, res) => {
    res.send(html.replace('%USER%', req.user.name));
  };
}

module.exports = { renderPage };
`,
    },
    {
      name: 'existsSync at startup and in a handler',
      filename: 'src/server.ts',
      code: `
import fs from 'node:fs';
import express from 'express';

const uploads = '/srv/uploads';
if (!fs.existsSync(uploads)) fs.mkdirSync(uploads, { recursive: true });

const app = express();
app.get('/uploads/:name/exists', (req, res) => {
  res.json({ exists: fs.existsSync(\`\${uploads}/\${req.params.name.replace(/[^\\w.-]/g, '')}\`) });
});
`,
    },
    {
      name: 'bcrypt async hash',
      filename: 'src/routes/auth.ts',
      code: `
import bcrypt from 'bcrypt';
import { Router } from 'express';
import { prisma } from '../db';

export const auth = Router();

auth.post('/register', async (req, res) => {
  const passwordHash = await bcrypt.hash(req.body.password, 12);
  const user = await prisma.user.create({ data: { email: req.body.email, passwordHash } });
  res.status(201).json({ id: user.id });
});
`,
    },
    {
      name: 'CLI script with execSync',
      filename: 'scripts/release.ts',
      code: `
import { execSync } from 'node:child_process';

const version = execSync('git describe --tags').toString().trim();
console.log(version);
`,
    },
    {
      name: 'sync calls in a service with no handler in the file',
      filename: 'src/services/reports.ts',
      code: `
import fs from 'node:fs';
import zlib from 'node:zlib';

export function archiveReport(path: string) {
  const raw = fs.readFileSync(path);
  fs.writeFileSync(path + '.gz', zlib.gzipSync(raw));
}
`,
    },
    {
      name: 'crypto.randomBytes and createHash are fast',
      filename: 'src/routes/tokens.ts',
      code: `
import crypto from 'node:crypto';
import { Router } from 'express';

export const tokens = Router();

tokens.post('/api-keys', (req, res) => {
  const key = crypto.randomBytes(32).toString('hex');
  const digest = crypto.createHash('sha256').update(key).digest('hex');
  res.status(201).json({ key, digest });
});
`,
    },
    {
      name: 'a local function that happens to end in Sync',
      filename: 'src/routes/sync.ts',
      code: `
import { Router } from 'express';
import { triggerSync } from '../services/sync';

export const router = Router();
const runSync = (id: string) => triggerSync(id);

router.post('/accounts/:id/sync', (req, res) => {
  runSync(req.params.id);
  res.sendStatus(202);
});
`,
    },
    {
      name: 'config loaded at startup in a nest module',
      filename: 'src/config/config.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';

@Injectable()
export class ConfigService {
  private readonly values = JSON.parse(readFileSync('config.json', 'utf8'));

  get(key: string) {
    return this.values[key];
  }
}
`,
    },
    {
      name: 'fastify plugin reads its certificate at registration',
      filename: 'src/plugins/mtls.ts',
      code: `
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';

export default async function mtls(fastify: FastifyInstance) {
  const ca = fs.readFileSync('/etc/certs/ca.pem');
  fastify.decorate('caBundle', ca);
  fastify.get('/ca', async () => ({ bytes: ca.length }));
}
`,
    },
    {
      name: 'sync call in a test file handler',
      filename: 'test/fixtures-server.test.ts',
      code: `
import fs from 'node:fs';
import http from 'node:http';

const server = http.createServer((req, res) => {
  res.end(fs.readFileSync('test/data/response.json'));
});
`,
    },
  ],
  invalid: [
    {
      name: 'readFileSync in an async express handler',
      filename: 'src/routes/invoices.ts',
      code: `
import fs from 'node:fs';
import { Router } from 'express';

export const invoices = Router();

invoices.get('/invoices/:id', async (req, res) => {
  const pdf = fs.readFileSync(\`/data/invoices/\${Number(req.params.id)}.pdf\`);
  res.type('application/pdf').send(pdf);
});
`,
      errors: [
        {
          messageId: 'syncIoInHandler',
          line: 8,
          column: 15,
          suggestions: [
            {
              messageId: 'useAsync',
              output: `
import fs from 'node:fs';
import { Router } from 'express';

export const invoices = Router();

invoices.get('/invoices/:id', async (req, res) => {
  const pdf = await fs.promises.readFile(\`/data/invoices/\${Number(req.params.id)}.pdf\`);
  res.type('application/pdf').send(pdf);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'readFileSync().toString() needs parentheses once awaited',
      filename: 'src/routes/docs.js',
      code: `
const fs = require('fs');
const router = require('express').Router();

router.get('/docs/:page', async (req, res) => {
  const text = fs.readFileSync('docs/' + encodeURIComponent(req.params.page) + '.md').toString();
  res.send(text);
});

module.exports = router;
`,
      errors: [
        {
          messageId: 'syncIoInHandler',
          line: 6,
          column: 16,
          suggestions: [
            {
              messageId: 'useAsync',
              output: `
const fs = require('fs');
const router = require('express').Router();

router.get('/docs/:page', async (req, res) => {
  const text = (await fs.promises.readFile('docs/' + encodeURIComponent(req.params.page) + '.md')).toString();
  res.send(text);
});

module.exports = router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'bcrypt.hashSync and compareSync in an auth controller',
      filename: 'src/controllers/auth.ts',
      code: `
import bcrypt from 'bcryptjs';
import type { Request, Response } from 'express';
import { User } from '../models/user';

export async function login(req: Request, res: Response) {
  const user = await User.findOne({ email: req.body.email });
  if (!user || !bcrypt.compareSync(req.body.password, user.passwordHash)) return res.sendStatus(401);
  res.json({ id: user.id });
}
`,
      errors: [
        {
          messageId: 'syncIoInHandler',
          line: 8,
          column: 17,
          suggestions: [
            {
              messageId: 'useAsync',
              output: `
import bcrypt from 'bcryptjs';
import type { Request, Response } from 'express';
import { User } from '../models/user';

export async function login(req: Request, res: Response) {
  const user = await User.findOne({ email: req.body.email });
  if (!user || !await bcrypt.compare(req.body.password, user.passwordHash)) return res.sendStatus(401);
  res.json({ id: user.id });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'pbkdf2Sync in a fastify route (no mechanical fix)',
      filename: 'src/routes/keys.ts',
      code: `
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export default async function keys(fastify: FastifyInstance) {
  fastify.post('/derive', async (request) => {
    const { passphrase, salt } = request.body as { passphrase: string; salt: string };
    return { key: crypto.pbkdf2Sync(passphrase, salt, 600_000, 32, 'sha256').toString('hex') };
  });
}
`,
      errors: [{ messageId: 'syncIoInHandler', line: 8, column: 19, suggestions: [] }],
    },
    {
      name: 'named readFileSync import in a sync handler (no fix)',
      filename: 'src/routes/avatars.ts',
      code: `
import { readFileSync } from 'node:fs';
import { Router } from 'express';

export const avatars = Router();

avatars.get('/avatars/:id', (req, res) => {
  res.type('png').send(readFileSync(\`/srv/avatars/\${Number(req.params.id)}.png\`));
});
`,
      errors: [{ messageId: 'syncIoInHandler', line: 8, column: 24, suggestions: [] }],
    },
    {
      name: 'zlib.gzipSync in koa middleware',
      filename: 'src/app.js',
      code: `
const Koa = require('koa');
const zlib = require('zlib');

const app = new Koa();
app.use(async (ctx, next) => {
  await next();
  if (typeof ctx.body === 'string' && ctx.acceptsEncodings('gzip')) {
    ctx.set('Content-Encoding', 'gzip');
    ctx.body = zlib.gzipSync(ctx.body);
  }
});
`,
      errors: [{ messageId: 'syncIoInHandler', line: 10, column: 16, suggestions: [] }],
    },
    {
      name: 'execSync in a nest controller',
      filename: 'src/ops/ops.controller.ts',
      code: `
import { Controller, Get } from '@nestjs/common';
import { execSync } from 'node:child_process';

@Controller('ops')
export class OpsController {
  @Get('version')
  version() {
    return { commit: execSync('git rev-parse HEAD').toString().trim() };
  }
}
`,
      errors: [{ messageId: 'syncIoInHandler', line: 9, column: 22, suggestions: [] }],
    },
    {
      name: 'writeFileSync in a hono handler, awaited fix',
      filename: 'src/index.ts',
      code: `
import * as fs from 'node:fs';
import { Hono } from 'hono';

const app = new Hono();

app.post('/notes', async (c) => {
  const { text } = await c.req.json();
  fs.writeFileSync('/srv/notes/latest.txt', text);
  return c.json({ ok: true }, 201);
});
`,
      errors: [
        {
          messageId: 'syncIoInHandler',
          line: 9,
          column: 3,
          suggestions: [
            {
              messageId: 'useAsync',
              output: `
import * as fs from 'node:fs';
import { Hono } from 'hono';

const app = new Hono();

app.post('/notes', async (c) => {
  const { text } = await c.req.json();
  await fs.promises.writeFile('/srv/notes/latest.txt', text);
  return c.json({ ok: true }, 201);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'readdirSync inside a map callback in a handler (callback is not async: no fix)',
      filename: 'src/routes/albums.ts',
      code: `
import fs from 'node:fs';
import { Router } from 'express';

export const albums = Router();

albums.get('/albums', async (_req, res) => {
  const names = ['2023', '2024'];
  res.json(names.map((year) => ({ year, photos: fs.readdirSync(\`/srv/photos/\${year}\`).length })));
});
`,
      errors: [{ messageId: 'syncIoInHandler', line: 9, column: 49, suggestions: [] }],
    },
    {
      name: 'next.js pages api route with fs-extra',
      filename: 'pages/api/export.ts',
      code: `
import fse from 'fs-extra';
import type { NextApiRequest, NextApiResponse } from 'next';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const data = fse.readJsonSync('/srv/export/latest.json');
  res.status(200).json(data);
}
`,
      errors: [{ messageId: 'syncIoInHandler', line: 6, column: 16, suggestions: [] }],
    },
    {
      name: 'scryptSync in an express password reset',
      filename: 'src/routes/password.js',
      code: `
const { scryptSync, randomBytes } = require('crypto');
const router = require('express').Router();
const db = require('../db');

router.post('/password', async (req, res) => {
  const salt = randomBytes(16);
  const hash = scryptSync(req.body.password, salt, 64);
  await db.query('UPDATE users SET hash = $1, salt = $2 WHERE id = $3', [hash, salt, req.user.id]);
  res.sendStatus(204);
});
`,
      errors: [{ messageId: 'syncIoInHandler', line: 8, column: 16, suggestions: [] }],
    },
  ],
});
