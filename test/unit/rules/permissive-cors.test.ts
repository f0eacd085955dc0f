import rule from '../../../src/engine/rules/permissive-cors';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('permissive-cors', rule, {
  valid: [
    {
      name: 'express: allow-list from env with credentials',
      filename: 'src/app.ts',
      code: `
import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true }));
`,
    },
    {
      name: 'express: wildcard without credentials on a public API',
      filename: 'src/public.ts',
      code: `
import express from 'express';
import cors from 'cors';

const app = express();
app.use('/public', cors({ origin: '*' }));
app.use('/widgets', cors());
`,
    },
    {
      name: 'express: array allow-list with an anchored regex',
      filename: 'src/app.js',
      code: `
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: ['https://app.example.com', /\\.example\\.com$/], credentials: true }));
`,
    },
    {
      name: 'express: origin callback that checks a list',
      filename: 'src/cors.ts',
      code: `
import cors, { type CorsOptions } from 'cors';

const allowed = new Set((process.env.ALLOWED_ORIGINS ?? '').split(','));
const options: CorsOptions = {
  credentials: true,
  origin(origin, callback) {
    if (!origin || allowed.has(origin)) return callback(null, true);
    callback(new Error('Not allowed by CORS'));
  },
};
export const corsMiddleware = cors(options);
`,
    },
    {
      name: 'nest: enableCors with a config list',
      filename: 'src/main.ts',
      code: `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors({ origin: app.get(ConfigService).get('cors.origins'), credentials: true });
  await app.listen(3000);
}
bootstrap();
`,
    },
    {
      name: 'nest: cors: true (no credentials)',
      filename: 'src/main.ts',
      code: `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule, { cors: true });
  await app.listen(3000);
}
bootstrap();
`,
    },
    {
      name: 'fastify: @fastify/cors with a list',
      filename: 'src/app.ts',
      code: `
import Fastify from 'fastify';
import cors from '@fastify/cors';

const app = Fastify();
await app.register(cors, { origin: ['https://app.example.com', 'https://admin.example.com'], credentials: true });
`,
    },
    {
      name: 'koa: @koa/cors with an origin function that checks',
      filename: 'src/app.js',
      code: `
const Koa = require('koa');
const cors = require('@koa/cors');

const allowed = ['https://app.example.com'];
const app = new Koa();
app.use(cors({
  credentials: true,
  origin: (ctx) => (allowed.includes(ctx.get('Origin')) ? ctx.get('Origin') : ''),
}));
`,
    },
    {
      name: 'koa: @koa/cors without credentials',
      filename: 'src/app.js',
      code: `
const Koa = require('koa');
const cors = require('@koa/cors');

const app = new Koa();
app.use(cors());
`,
    },
    {
      name: 'hono: cors with a function that checks the suffix',
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
app.use('/api/*', cors({ origin: (origin) => (origin.endsWith('.example.com') ? origin : null), credentials: true }));
export default app;
`,
    },
    {
      name: 'manual headers behind an allow-list check',
      filename: 'src/middleware/cors.ts',
      code: `
import type { NextFunction, Request, Response } from 'express';

const ALLOWED = new Set(['https://app.example.com']);
export function corsHeaders(req: Request, res: Response, next: NextFunction) {
  const origin = req.headers.origin;
  if (origin && ALLOWED.has(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
}
`,
    },
    {
      name: 'manual wildcard header without credentials',
      filename: 'src/middleware/cors.js',
      code: `
module.exports = function cors(req, res, next) {
  res.header('Access-Control-Allow-Origin', '*');
  res.header('Access-Control-Allow-Headers', 'Content-Type');
  next();
};
`,
    },
  ],
  invalid: [
    {
      name: 'express: origin: true with credentials',
      filename: 'src/app.ts',
      code: `
import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: true, credentials: true }));
`,
      errors: [
        {
          messageId: 'permissiveCors',
          line: 6, column: 16,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: wildcard with credentials',
      filename: 'src/app.js',
      code: `
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ credentials: true, origin: '*' }));
`,
      errors: [
        {
          messageId: 'permissiveCors',
          line: 6,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ credentials: true, origin: process.env.CORS_ORIGINS?.split(',') ?? [] }));
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: callback that always accepts',
      filename: 'src/cors.ts',
      code: `
import cors from 'cors';

export const corsMiddleware = cors({
  credentials: true,
  origin: (origin, callback) => callback(null, true),
});
`,
      errors: [
        {
          messageId: 'permissiveCors',
          line: 6,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import cors from 'cors';

export const corsMiddleware = cors({
  credentials: true,
  origin: process.env.CORS_ORIGINS?.split(',') ?? [],
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: unescaped, unanchored regex',
      filename: 'src/app.ts',
      code: `
import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: /example.com/, credentials: true }));
`,
      errors: [
        {
          messageId: 'permissiveCors',
          line: 6,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: match-anything regex from a shared options const',
      filename: 'src/app.ts',
      code: `
import express from 'express';
import cors from 'cors';

const corsOptions = {
  origin: /.*/,
  credentials: true,
};
const app = express();
app.use(cors(corsOptions));
`,
      errors: [
        {
          messageId: 'permissiveCors',
          line: 6,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import express from 'express';
import cors from 'cors';

const corsOptions = {
  origin: process.env.CORS_ORIGINS?.split(',') ?? [],
  credentials: true,
};
const app = express();
app.use(cors(corsOptions));
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nest: enableCors reflecting every origin',
      filename: 'src/main.ts',
      code: `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors({ origin: true, credentials: true });
  await app.listen(3000);
}
bootstrap();
`,
      errors: [
        {
          messageId: 'permissiveCors',
          line: 7,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true });
  await app.listen(3000);
}
bootstrap();
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify: @fastify/cors origin: true',
      filename: 'src/app.ts',
      code: `
import Fastify from 'fastify';
import cors from '@fastify/cors';

const app = Fastify();
await app.register(cors, { origin: true, credentials: true });
`,
      errors: [
        {
          messageId: 'permissiveCors',
          line: 6,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import Fastify from 'fastify';
import cors from '@fastify/cors';

const app = Fastify();
await app.register(cors, { origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa: @koa/cors default origin with credentials',
      filename: 'src/app.js',
      code: `
const Koa = require('koa');
const cors = require('@koa/cors');

const app = new Koa();
app.use(cors({ credentials: true }));
`,
      errors: [
        {
          messageId: 'permissiveCors',
          line: 6,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
const Koa = require('koa');
const cors = require('@koa/cors');

const app = new Koa();
app.use(cors({ origin: (ctx) => ((process.env.CORS_ORIGINS ?? '').split(',').includes(ctx.get('Origin')) ? ctx.get('Origin') : ''), credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      name: 'hono: origin function returns what it gets',
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
app.use('*', cors({ origin: (origin) => origin, credentials: true }));
export default app;
`,
      errors: [
        {
          messageId: 'permissiveCors',
          line: 6,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
app.use('*', cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true }));
export default app;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'manual headers reflecting the Origin with credentials',
      filename: 'src/middleware/cors.js',
      code: `
module.exports = function cors(req, res, next) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Methods', 'GET,POST,PUT,DELETE');
  next();
};
`,
      errors: [{ messageId: 'permissiveCors', line: 3, suggestions: [] }],
    },
  ],
});
