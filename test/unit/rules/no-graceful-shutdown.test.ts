import rule from '../../../src/engine/rules/no-graceful-shutdown';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('no-graceful-shutdown', rule, {
  valid: [
    {
      name: "a CLI's dev command starts a local development server: nobody deploys it",
      filename: 'src/scripts/run/dev.ts',
      code: `
import http from 'node:http';
import express from 'express';

async function dev(cwd: string) {
  const app = express();
  const httpServer = http.createServer(app);
  httpServer.listen(3000, () => console.log(\`dev server for \${cwd} on http://localhost:3000\`));
}

void dev(process.cwd());
`,
    },

    {
      name: 'a compiled IPC socket server: net speaks raw sockets, not HTTP',
      filename: 'lib/gateway/ipc-socket-server.js',
      code: `
var import_net = __toESM(require("net"));
var import_handler = require("./handler");
const socketServer = import_net.default.createServer((c) => {
  c.on("data", (data) => (0, import_handler.handle)(c, data));
});
socketServer.listen(process.env.SOCKET_PATH, () => {});
`,
    },
    {
      name: 'listen inside an exported start() that another file calls (and handles signals)',
      filename: 'src/server.ts',
      code: `
import express from 'express';
import { router } from './routes';

export function start(port: number) {
  const app = express();
  app.use(router);
  return app.listen(port);
}
`,
    },
    {
      name: 'a mock server for local development',
      filename: 'mocks/payments-mock-server.ts',
      code: `
import express from 'express';

const app = express();
app.post('/charges', (_req, res) => res.json({ id: 'ch_test', status: 'succeeded' }));
app.listen(4010);
`,
    },
    {
      name: 'express server closed on SIGTERM',
      filename: 'src/server.ts',
      code: `
import express from 'express';
import { pool } from './db';

const app = express();
const server = app.listen(Number(process.env.PORT ?? 3000));

process.on('SIGTERM', () => {
  server.close(async () => {
    await pool.end();
    process.exit(0);
  });
});
`,
    },
    {
      name: 'signals handled through a list that names SIGTERM',
      filename: 'src/index.js',
      code: `
const http = require('http');
const app = require('./app');

const server = http.createServer(app);
server.listen(process.env.PORT || 8080);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
`,
    },
    {
      name: 'nest main with enableShutdownHooks',
      filename: 'src/main.ts',
      code: `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  await app.listen(process.env.PORT ?? 3000);
}
void bootstrap();
`,
    },
    {
      name: '@godaddy/terminus wraps the server',
      filename: 'src/server.ts',
      code: `
import http from 'node:http';
import { createTerminus } from '@godaddy/terminus';
import { app } from './app';
import { db } from './db';

const server = http.createServer(app);
createTerminus(server, { signals: ['SIGTERM'], onSignal: () => db.destroy(), timeout: 10_000 });
server.listen(3000);
`,
    },
    {
      name: 'http-terminator',
      filename: 'src/server.ts',
      code: `
import { createHttpTerminator } from 'http-terminator';
import { app } from './app';

const server = app.listen(3000);
const terminator = createHttpTerminator({ server });
process.on('SIGINT', () => void terminator.terminate());
`,
    },
    {
      name: 'fastify with close-with-grace',
      filename: 'src/server.ts',
      code: `
import Fastify from 'fastify';
import closeWithGrace from 'close-with-grace';

const fastify = Fastify({ logger: true });

closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) fastify.log.error(err);
  await fastify.close();
});

await fastify.listen({ port: 3000, host: '0.0.0.0' });
`,
    },
    {
      name: 'a local graceful-shutdown helper is called',
      filename: 'src/index.ts',
      code: `
import { createApp } from './app';
import { registerGracefulShutdown } from './lifecycle/shutdown';

const app = await createApp();
const server = app.listen(Number(process.env.PORT));
registerGracefulShutdown(server);
`,
    },
    {
      name: 'app module exported without listen (serverless or tests)',
      filename: 'src/app.ts',
      code: `
import express from 'express';
import { router } from './routes';

export const app = express();
app.use(express.json());
app.use('/api', router);
`,
    },
    {
      name: 'serverless handler wraps the app',
      filename: 'src/lambda.ts',
      code: `
import serverless from 'serverless-http';
import { app } from './app';

export const handler = serverless(app);
`,
    },
    {
      name: 'listen in a test file',
      filename: 'test/orders.test.ts',
      code: `
import express from 'express';
import { ordersRouter } from '../src/routes/orders';

const app = express().use(ordersRouter);
const server = app.listen(0);
after(() => server.close());
`,
    },
    {
      name: 'an ephemeral server with no port (a helper used by tests)',
      filename: 'src/testing/server.ts',
      code: `
import http from 'node:http';

export function startStub(handler: http.RequestListener) {
  const server = http.createServer(handler);
  server.listen();
  return server;
}
`,
    },
    {
      name: 'listen on something that is not a server (a pg LISTEN client)',
      filename: 'src/events.ts',
      code: `
import { Client } from 'pg';

const client = new Client();
await client.connect();
client.listen('orders');
`,
    },
    {
      name: 'koa with a SIGTERM handler in a shared shutdown module imported for its side effects',
      filename: 'src/server.js',
      code: `
const Koa = require('koa');
require('./shutdown');

const app = new Koa();
app.listen(3000);
`,
    },
  ],
  invalid: [
    {
      name: 'exported bootstrap that the same file calls is still the entry point',
      filename: 'src/main.ts',
      code: `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

export async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(3000);
  return app;
}

bootstrap();
`,
      errors: [
        {
          messageId: 'noGracefulShutdown',
          line: 7,
          column: 13,
          suggestions: [
            {
              messageId: 'enableShutdownHooks',
              data: { app: 'app' },
              output: `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

export async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  await app.listen(3000);
  return app;
}

bootstrap();
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express app.listen with a callback, nothing handles SIGTERM',
      filename: 'src/server.ts',
      code: `
import express from 'express';
import { ordersRouter } from './routes/orders';

const app = express();
app.use('/orders', ordersRouter);

app.listen(3000, () => console.log('listening on 3000'));
`,
      errors: [
        {
          messageId: 'noGracefulShutdown',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'addSigtermHandler',
              output: `
import express from 'express';
import { ordersRouter } from './routes/orders';

const app = express();
app.use('/orders', ordersRouter);

const server = app.listen(3000, () => console.log('listening on 3000'));
process.once('SIGTERM', () => {
  // stop accepting connections, let in-flight requests finish, exit before the platform's SIGKILL
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close(() => process.exit(0));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'stored server, only SIGINT handled',
      filename: 'src/server.ts',
      code: `
import express from 'express';

const app = express();
const server = app.listen(process.env.PORT);
process.on('SIGINT', () => server.close());
`,
      errors: [
        {
          messageId: 'noGracefulShutdown',
          line: 5,
          column: 20,
          suggestions: [
            {
              messageId: 'addSigtermHandler',
              output: `
import express from 'express';

const app = express();
const server = app.listen(process.env.PORT);
process.once('SIGTERM', () => {
  // stop accepting connections, let in-flight requests finish, exit before the platform's SIGKILL
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close(() => process.exit(0));
});
process.on('SIGINT', () => server.close());
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nest bootstrap without shutdown hooks',
      filename: 'src/main.ts',
      code: `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api');
  await app.listen(process.env.PORT ?? 3000);
}
bootstrap();
`,
      errors: [
        {
          messageId: 'noGracefulShutdown',
          line: 8,
          column: 13,
          suggestions: [
            {
              messageId: 'enableShutdownHooks',
              data: { app: 'app' },
              output: `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  await app.listen(process.env.PORT ?? 3000);
}
bootstrap();
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify start() with try/catch',
      filename: 'src/server.ts',
      code: `
import Fastify from 'fastify';
import { routes } from './routes';

const fastify = Fastify({ logger: true });
fastify.register(routes);

async function start() {
  try {
    await fastify.listen({ port: 3000, host: '0.0.0.0' });
  } catch (err) {
    fastify.log.error(err);
    process.exit(1);
  }
}
start();
`,
      errors: [
        {
          messageId: 'noGracefulShutdown',
          line: 10,
          column: 19,
          suggestions: [
            {
              messageId: 'addSigtermHandler',
              output: `
import Fastify from 'fastify';
import { routes } from './routes';

const fastify = Fastify({ logger: true });
fastify.register(routes);

async function start() {
  try {
    await fastify.listen({ port: 3000, host: '0.0.0.0' });
    process.once('SIGTERM', () => {
      // stop accepting connections, let in-flight requests finish, exit before the platform's SIGKILL
      setTimeout(() => process.exit(1), 10_000).unref();
      void fastify.close().then(() => process.exit(0));
    });
  } catch (err) {
    fastify.log.error(err);
    process.exit(1);
  }
}
start();
`,
            },
          ],
        },
      ],
    },
    {
      name: 'http.createServer(app).listen inside require.main guard (still an entry point)',
      filename: 'src/server.js',
      code: `
const http = require('http');
const app = require('./app');

if (require.main === module) {
  const server = http.createServer(app);
  server.listen(process.env.PORT || 3000);
}
`,
      errors: [
        {
          messageId: 'noGracefulShutdown',
          line: 7,
          column: 10,
          suggestions: [
            {
              messageId: 'addSigtermHandler',
              output: `
const http = require('http');
const app = require('./app');

if (require.main === module) {
  const server = http.createServer(app);
  server.listen(process.env.PORT || 3000);
  process.once('SIGTERM', () => {
    // stop accepting connections, let in-flight requests finish, exit before the platform's SIGKILL
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close(() => process.exit(0));
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa app.listen',
      filename: 'src/index.js',
      code: `
const Koa = require('koa');
const router = require('./router');

const app = new Koa();
app.use(router.routes());
app.listen(3000);
`,
      errors: [
        {
          messageId: 'noGracefulShutdown',
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'addSigtermHandler',
              output: `
const Koa = require('koa');
const router = require('./router');

const app = new Koa();
app.use(router.routes());
const server = app.listen(3000);
process.once('SIGTERM', () => {
  // stop accepting connections, let in-flight requests finish, exit before the platform's SIGKILL
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close(() => process.exit(0));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'hono node-server serve()',
      filename: 'src/index.ts',
      code: `
import { serve } from '@hono/node-server';
import { app } from './app';

serve({ fetch: app.fetch, port: 8787 });
`,
      errors: [
        {
          messageId: 'noGracefulShutdown',
          line: 5,
          column: 1,
          suggestions: [
            {
              messageId: 'addSigtermHandler',
              output: `
import { serve } from '@hono/node-server';
import { app } from './app';

const server = serve({ fetch: app.fetch, port: 8787 });
process.once('SIGTERM', () => {
  // stop accepting connections, let in-flight requests finish, exit before the platform's SIGKILL
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close(() => process.exit(0));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'app imported from another module, a server variable already exists',
      filename: 'src/index.ts',
      code: `
import { app } from './app';
import { server } from './config';

app.listen(server.port);
`,
      errors: [
        {
          messageId: 'noGracefulShutdown',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'addSigtermHandler',
              output: `
import { app } from './app';
import { server } from './config';

const httpServer = app.listen(server.port);
process.once('SIGTERM', () => {
  // stop accepting connections, let in-flight requests finish, exit before the platform's SIGKILL
  setTimeout(() => process.exit(1), 10_000).unref();
  httpServer.close(() => process.exit(0));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'listen only outside tests, reported once for two listens',
      filename: 'src/server.ts',
      code: `
import express from 'express';
import https from 'node:https';
import { readFileSync } from 'node:fs';

const app = express();
if (process.env.NODE_ENV !== 'test') {
  app.listen(80);
  https.createServer({ key: readFileSync('key.pem'), cert: readFileSync('cert.pem') }, app).listen(443);
}
`,
      errors: [{ messageId: 'noGracefulShutdown', line: 8, column: 7, suggestions: [{ messageId: 'addSigtermHandler', output: `
import express from 'express';
import https from 'node:https';
import { readFileSync } from 'node:fs';

const app = express();
if (process.env.NODE_ENV !== 'test') {
  const server = app.listen(80);
  process.once('SIGTERM', () => {
    // stop accepting connections, let in-flight requests finish, exit before the platform's SIGKILL
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close(() => process.exit(0));
  });
  https.createServer({ key: readFileSync('key.pem'), cert: readFileSync('cert.pem') }, app).listen(443);
}
` }] }],
    },
    {
      name: 'listen in a .then after connecting to the database (no mechanical fix)',
      filename: 'src/index.ts',
      code: `
import express from 'express';
import mongoose from 'mongoose';

const app = express();
mongoose.connect(process.env.MONGO_URL!).then(() => app.listen(3000));
`,
      errors: [{ messageId: 'noGracefulShutdown', line: 6, column: 57, suggestions: [] }],
    },
  ],
});
