import rule from '../../../src/engine/rules/unversioned-api';
import { ruleTester } from '../support/rule-tester';

const APP = `import express from 'express';\nimport usersRouter from './routes/users';\nimport ordersRouter from './routes/orders';\nexport const app = express();\n`;

ruleTester().run('unversioned-api', rule, {
  valid: [
    { name: 'versioned mounts', filename: 'src/app.ts', code: `${APP}app.use('/api/v1/users', usersRouter);\napp.use('/api/v1/orders', ordersRouter);\n` },
    { name: 'a version-only prefix', filename: 'src/app.ts', code: `${APP}app.use('/v2', usersRouter);\n` },
    { name: 'an unversioned mount beside versioned ones', filename: 'src/app.ts', code: `${APP}app.use('/api/v1', usersRouter);\napp.use('/api/webhooks', ordersRouter);\n` },
    { name: 'date-based version', filename: 'src/app.ts', code: `${APP}app.use('/api/2024-06-01', usersRouter);\n` },
    { name: 'internal and health prefixes', filename: 'src/app.ts', code: `${APP}app.use('/api/internal', usersRouter);\napp.use('/api/health', ordersRouter);\n` },
    { name: 'graphql endpoint', filename: 'src/app.ts', code: `${APP}app.use('/api/graphql', usersRouter);\n` },
    { name: 'middleware under /api is not a mount', filename: 'src/app.ts', code: `${APP}import rateLimit from 'express-rate-limit';\napp.use('/api', rateLimit({ windowMs: 60_000, limit: 100 }));\n` },
    { name: 'header-based versioning', filename: 'src/app.ts', code: `${APP}app.use((req, res, next) => {\n  req.apiVersion = req.get('Accept-Version') ?? '1';\n  next();\n});\napp.use('/api/users', usersRouter);\n` },
    { name: 'NestJS with enableVersioning', filename: 'src/main.ts', code: `import { NestFactory } from '@nestjs/core';\nimport { VersioningType } from '@nestjs/common';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api');\n  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });\n  await app.listen(3000);\n}\n` },
    { name: 'server-rendered pages without /api', filename: 'src/app.ts', code: `${APP}app.use('/account', usersRouter);\napp.use('/orders', ordersRouter);\n` },
    { name: 'fastify versioned prefix', filename: 'src/server.ts', code: `import Fastify from 'fastify';\nimport routes from './routes';\nconst app = Fastify();\napp.register(routes, { prefix: '/api/v1' });\n` },
    { name: 'test files', filename: 'test/app.test.ts', code: `${APP}app.use('/api/users', usersRouter);\n` },
  ],
  invalid: [
    {
      name: 'express /api mounts',
      filename: 'src/app.ts',
      code: `${APP}app.use('/api/users', usersRouter);\napp.use('/api/orders', ordersRouter);\n`,
      errors: [{ messageId: 'unversionedApi', line: 5, column: 9, data: { prefix: '/api/users', suggested: '/api/v1/users' }, suggestions: [{ messageId: 'addVersion', data: { suggested: '/api/v1/users' }, output: `${APP}app.use('/api/v1/users', usersRouter);\napp.use('/api/orders', ordersRouter);\n` }] }],
    },
    {
      name: 'express /api with auth middleware',
      filename: 'src/app.js',
      code: `const express = require('express');\nconst app = express();\napp.use('/api', requireAuth, require('./routes'));\n`,
      errors: [{ messageId: 'unversionedApi', line: 3, suggestions: [{ messageId: 'addVersion', data: { suggested: '/api/v1' }, output: `const express = require('express');\nconst app = express();\napp.use('/api/v1', requireAuth, require('./routes'));\n` }] }],
    },
    {
      name: 'fastify register prefix',
      filename: 'src/server.ts',
      code: `import Fastify from 'fastify';\nimport routes from './routes';\nconst app = Fastify();\napp.register(routes, { prefix: '/api' });\n`,
      errors: [{ messageId: 'unversionedApi', line: 4, suggestions: [{ messageId: 'addVersion', data: { suggested: '/api/v1' }, output: `import Fastify from 'fastify';\nimport routes from './routes';\nconst app = Fastify();\napp.register(routes, { prefix: '/api/v1' });\n` }] }],
    },
    {
      name: 'hono app.route',
      filename: 'src/index.ts',
      code: `import { Hono } from 'hono';\nimport { orders } from './routes/orders';\nconst app = new Hono();\napp.route('/api/orders', orders);\n`,
      errors: [{ messageId: 'unversionedApi', line: 4, suggestions: [{ messageId: 'addVersion', data: { suggested: '/api/v1/orders' }, output: `import { Hono } from 'hono';\nimport { orders } from './routes/orders';\nconst app = new Hono();\napp.route('/api/v1/orders', orders);\n` }] }],
    },
    {
      name: 'hono basePath',
      filename: 'src/index.ts',
      code: `import { Hono } from 'hono';\nconst app = new Hono().basePath('/api');\n`,
      errors: [{ messageId: 'unversionedApi', line: 2, suggestions: [{ messageId: 'addVersion', data: { suggested: '/api/v1' }, output: `import { Hono } from 'hono';\nconst app = new Hono().basePath('/api/v1');\n` }] }],
    },
    {
      name: 'koa router prefix',
      filename: 'src/routes/index.js',
      code: `const Router = require('@koa/router');\nconst router = new Router({ prefix: '/api' });\n`,
      errors: [{ messageId: 'unversionedApi', line: 2, suggestions: [{ messageId: 'addVersion', data: { suggested: '/api/v1' }, output: `const Router = require('@koa/router');\nconst router = new Router({ prefix: '/api/v1' });\n` }] }],
    },
    {
      name: 'NestJS setGlobalPrefix without versioning',
      filename: 'src/main.ts',
      code: `import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api');\n  await app.listen(3000);\n}\n`,
      errors: [{ messageId: 'unversionedApi', line: 4, suggestions: [{ messageId: 'addVersion', data: { suggested: 'api/v1' }, output: `import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api/v1');\n  await app.listen(3000);\n}\n` }] }],
    },
    {
      name: 'router mounted under /rest',
      filename: 'src/app.ts',
      code: `${APP}app.use('/rest/users', usersRouter);\n`,
      errors: [{ messageId: 'unversionedApi', line: 5, suggestions: [{ messageId: 'addVersion', data: { suggested: '/rest/v1/users' }, output: `${APP}app.use('/rest/v1/users', usersRouter);\n` }] }],
    },
    {
      name: 'koa app mounting router.routes()',
      filename: 'src/app.js',
      code: `const Koa = require('koa');\nconst mount = require('koa-mount');\nconst app = new Koa();\napp.use(mount('/api', api.routes()));\nrouter.use('/api/catalog', catalog.routes());\n`,
      errors: [{ messageId: 'unversionedApi', line: 5, suggestions: [{ messageId: 'addVersion', data: { suggested: '/api/v1/catalog' }, output: `const Koa = require('koa');\nconst mount = require('koa-mount');\nconst app = new Koa();\napp.use(mount('/api', api.routes()));\nrouter.use('/api/catalog', catalog.routes());\n` .replace("'/api/catalog'", "'/api/v1/catalog'") }] }],
    },
    {
      name: 'express router nested mount under /api',
      filename: 'src/routes/index.ts',
      code: `import { Router } from 'express';\nimport billingRoutes from './billing';\nexport const apiRouter = Router();\napiRouter.use('/api/billing', billingRoutes);\n`,
      errors: [{ messageId: 'unversionedApi', line: 4, suggestions: [{ messageId: 'addVersion', data: { suggested: '/api/v1/billing' }, output: `import { Router } from 'express';\nimport billingRoutes from './billing';\nexport const apiRouter = Router();\napiRouter.use('/api/billing', billingRoutes);\n`.replace("'/api/billing'", "'/api/v1/billing'") }] }],
    },
  ],
});
