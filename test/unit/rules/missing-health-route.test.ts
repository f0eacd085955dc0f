import rule from '../../../src/engine/rules/missing-health-route';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('missing-health-route', rule, {
  valid: [
    {
      name: 'a raw TCP server from net (an IPC pipe), not HTTP: health routes do not apply',
      filename: 'src/node/socket.ts',
      code: `
import * as net from 'net';

export function startProxy(pipe: string, onConnect: (s: net.Socket) => void): Promise<net.Server> {
  return new Promise((resolve) => {
    const proxyServer = net.createServer(onConnect);
    proxyServer.once('listening', () => resolve(proxyServer));
    proxyServer.listen(pipe);
  });
}
`,
    },
    { name: 'express /healthz', filename: 'src/server.ts', code: `
import express from 'express';
const app = express();
app.get('/healthz', (_req, res) => res.send('ok'));
app.listen(3000);
` },
    { name: 'express /api/health on a router in the same file', filename: 'src/server.ts', code: `
import express from 'express';
const app = express();
const api = express.Router();
api.get('/health', (_req, res) => res.json({ ok: true }));
app.use('/api', api);
app.listen(Number(process.env.PORT));
` },
    { name: 'health router mounted from its own module', filename: 'src/index.ts', code: `
import express from 'express';
import { healthRouter } from './routes/health';
const app = express();
app.use(healthRouter);
app.listen(8080);
` },
    { name: 'fastify /readyz via route()', filename: 'src/server.ts', code: `
import Fastify from 'fastify';
const app = Fastify({ logger: true });
app.route({ method: 'GET', url: '/readyz', handler: async () => ({ ready: true }) });
await app.listen({ port: 3000, host: '0.0.0.0' });
` },
    { name: 'fastify-healthcheck plugin', filename: 'src/server.js', code: `
const fastify = require('fastify')();
fastify.register(require('fastify-healthcheck'));
fastify.listen({ port: 3000 });
` },
    { name: 'koa router /ping', filename: 'src/app.js', code: `
const Koa = require('koa');
const Router = require('@koa/router');
const app = new Koa();
const router = new Router();
router.get('/ping', (ctx) => { ctx.body = 'pong'; });
app.use(router.routes());
app.listen(3000);
` },
    { name: 'hono /livez with node-server', filename: 'src/index.ts', code: `
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
const app = new Hono();
app.get('/livez', (c) => c.text('ok'));
serve({ fetch: app.fetch, port: 3000 });
` },
    { name: 'godaddy terminus', filename: 'src/server.ts', code: `
import http from 'node:http';
import express from 'express';
import { createTerminus } from '@godaddy/terminus';
const app = express();
const server = http.createServer(app);
createTerminus(server, { healthChecks: { '/healthcheck': async () => 'ok' } });
server.listen(3000);
` },
    { name: 'nest main with TerminusModule in the same file', filename: 'src/main.ts', code: `
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
@Module({ imports: [TerminusModule] })
class AppModule {}
const app = await NestFactory.create(AppModule);
await app.listen(3000);
` },
    { name: 'no listen: serverless handler', filename: 'src/handler.ts', code: `
import serverless from 'serverless-http';
import express from 'express';
const app = express();
app.get('/orders', (_req, res) => res.json([]));
export const handler = serverless(app);
` },
    { name: 'test server on an ephemeral port', filename: 'src/__tests__/app.test.ts', code: `
import { app } from '../app';
const server = app.listen(0);
` },
    { name: 'express /status endpoint', filename: 'src/app.js', code: `
const express = require('express');
const app = express();
app.get('/status', (req, res) => res.json({ up: true }));
module.exports = app;
if (require.main === module) app.listen(process.env.PORT || 3000);
` },
  ],
  invalid: [
    {
      name: 'express app with routes but no probe',
      filename: 'src/server.ts',
      code: `
import express from 'express';
import { ordersRouter } from './routes/orders';

const app = express();
app.use('/api/orders', ordersRouter);

app.listen(Number(process.env.PORT ?? 3000));
`,
      errors: [{ messageId: 'missingHealthRoute', line: 8, column: 1, suggestions: [{ messageId: 'addHealthRoute', output: `
import express from 'express';
import { ordersRouter } from './routes/orders';

const app = express();
app.use('/api/orders', ordersRouter);

app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
app.listen(Number(process.env.PORT ?? 3000));
` }] }],
    },
    {
      name: 'fastify app',
      filename: 'src/server.ts',
      code: `
import Fastify from 'fastify';
import orders from './routes/orders';
const app = Fastify({ logger: true });
app.register(orders, { prefix: '/orders' });
await app.listen({ port: 3000, host: '0.0.0.0' });
`,
      errors: [{ messageId: 'missingHealthRoute', line: 6, column: 7, suggestions: [{ messageId: 'addHealthRoute', output: `
import Fastify from 'fastify';
import orders from './routes/orders';
const app = Fastify({ logger: true });
app.register(orders, { prefix: '/orders' });
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: 3000, host: '0.0.0.0' });
` }] }],
    },
    {
      name: 'koa app',
      filename: 'src/app.js',
      code: `
const Koa = require('koa');
const router = require('./router');
const app = new Koa();
app.use(router.routes());
app.listen(3000);
`,
      errors: [{ messageId: 'missingHealthRoute', line: 6, column: 1, suggestions: [{ messageId: 'addHealthRoute', output: `
const Koa = require('koa');
const router = require('./router');
const app = new Koa();
app.use(router.routes());
app.use(async (ctx, next) => {
  if (ctx.path !== '/healthz') return next();
  ctx.body = { status: 'ok' };
});
app.listen(3000);
` }] }],
    },
    {
      name: 'hono with node-server',
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { orders } from './orders';
const app = new Hono();
app.route('/orders', orders);
serve({ fetch: app.fetch, port: 3000 });
`,
      errors: [{ messageId: 'missingHealthRoute', line: 7, column: 1, suggestions: [{ messageId: 'addHealthRoute', output: `
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { orders } from './orders';
const app = new Hono();
app.route('/orders', orders);
app.get('/healthz', (c) => c.json({ status: 'ok' }));
serve({ fetch: app.fetch, port: 3000 });
` }] }],
    },
    {
      name: 'nest main.ts (no fix: the probe belongs in a controller)',
      filename: 'src/main.ts',
      code: `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(process.env.PORT ?? 3000);
}
bootstrap();
`,
      errors: [{ messageId: 'missingHealthRoute', line: 6, column: 9, suggestions: [] }],
    },
    {
      name: 'express listen inside a then callback (no fix: app is not in scope outside)',
      filename: 'src/index.ts',
      code: `
import { buildApp } from './app';
import express from 'express';
buildApp().then((app: express.Express) => app.listen(3000));
`,
      errors: [{ messageId: 'missingHealthRoute', line: 4, column: 43, suggestions: [] }],
    },
    {
      name: 'express listen after connecting, in an if block',
      filename: 'src/app.ts',
      code: `
import express from 'express';
import { connectMongo } from './db';
export const app = express();
app.get('/products', (_req, res) => res.json([]));
if (require.main === module) {
  connectMongo().then(() => app.listen(3000));
}
`,
      errors: [{ messageId: 'missingHealthRoute', line: 7, column: 29, suggestions: [{ messageId: 'addHealthRoute', output: `
import express from 'express';
import { connectMongo } from './db';
export const app = express();
app.get('/products', (_req, res) => res.json([]));
app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
if (require.main === module) {
  connectMongo().then(() => app.listen(3000));
}
` }] }],
    },
    {
      name: 'a status route with a parameter is not a probe',
      filename: 'src/server.js',
      code: `
const express = require('express');
const app = express();
app.put('/orders/:id/status', (req, res) => res.sendStatus(204));
app.listen(3000);
`,
      errors: [{ messageId: 'missingHealthRoute', line: 5, column: 1, suggestions: [{ messageId: 'addHealthRoute', output: `
const express = require('express');
const app = express();
app.put('/orders/:id/status', (req, res) => res.sendStatus(204));
app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
app.listen(3000);
` }] }],
    },
    {
      name: 'http.createServer(app).listen',
      filename: 'src/server.ts',
      code: `
import http from 'node:http';
import express from 'express';
const app = express();
app.use(express.json());
const server = http.createServer(app);
server.listen(8080);
`,
      errors: [{ messageId: 'missingHealthRoute', line: 7, column: 1, suggestions: [] }],
    },
    {
      name: 'fastify with a plugin under /health-ish name but no probe path',
      filename: 'src/server.ts',
      code: `
import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/metrics/orders', async () => ({}));
fastify.listen({ port: 3000 });
`,
      errors: [{ messageId: 'missingHealthRoute', line: 5, column: 1, suggestions: [{ messageId: 'addHealthRoute', output: `
import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/metrics/orders', async () => ({}));
fastify.get('/healthz', async () => ({ status: 'ok' }));
fastify.listen({ port: 3000 });
` }] }],
    },
  ],
});
