import rule from '../../../src/engine/rules/unvalidated-env-config';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('unvalidated-env-config', rule, {
  valid: [
    {
      name: 'entry point that imports the project config module',
      filename: 'src/index.ts',
      code: `
import express from 'express';
import { config } from './config';

const app = express();
app.listen(parseInt(process.env.PORT!, 10), () => console.log(config.serviceName, process.env.HOSTNAME!, process.env.GIT_SHA!));
`,
    },
    {
      name: 'zod schema parses process.env',
      filename: 'src/config.ts',
      code: `
import { z } from 'zod';

const env = z
  .object({ PORT: z.coerce.number().default(3000), DATABASE_URL: z.string().url(), JWT_SECRET: z.string().min(32) })
  .parse(process.env);

export const config = { port: env.PORT, databaseUrl: env.DATABASE_URL, jwtSecret: env.JWT_SECRET, logLevel: process.env.LOG_LEVEL! };
`,
    },
    {
      name: 'envalid cleanEnv',
      filename: 'src/env.js',
      code: `
const { cleanEnv, str, port, url } = require('envalid');

module.exports = cleanEnv(process.env, {
  PORT: port({ default: 3000 }),
  DATABASE_URL: url(),
  SESSION_SECRET: str(),
});
`,
    },
    {
      name: 'env-var with required()',
      filename: 'src/config/index.ts',
      code: `
import env from 'env-var';

export const config = {
  port: env.get('PORT').default('3000').asPortNumber(),
  databaseUrl: env.get('DATABASE_URL').required().asUrlString(),
  stripeKey: env.get('STRIPE_SECRET_KEY').required().asString(),
  region: process.env.AWS_REGION,
};
`,
    },
    {
      name: 'own presence check that throws',
      filename: 'src/config.ts',
      code: `
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing environment variable \${name}\`);
  return value;
}

export const config = {
  port: parseInt(process.env.PORT ?? '3000', 10),
  databaseUrl: required('DATABASE_URL'),
  jwtSecret: process.env.JWT_SECRET!,
  redisUrl: process.env.REDIS_URL!,
};
`,
    },
    {
      name: 'nest registerAs with @nestjs/config (validated in the module)',
      filename: 'src/config/database.config.ts',
      code: `
import { registerAs } from '@nestjs/config';

export default registerAs('database', () => ({
  host: process.env.DB_HOST,
  port: parseInt(process.env.DB_PORT!, 10),
  password: process.env.DB_PASSWORD,
  name: process.env.DB_NAME,
}));
`,
    },
    {
      name: 'every read has a fallback',
      filename: 'src/config.js',
      code: `
module.exports = {
  port: Number(process.env.PORT) || 3000,
  host: process.env.HOST || '0.0.0.0',
  logLevel: process.env.LOG_LEVEL ?? 'info',
  corsOrigin: process.env.CORS_ORIGIN || 'http://localhost:5173',
};
`,
    },
    {
      name: 'a service reading one or two variables is not config',
      filename: 'src/services/mailer.ts',
      code: `
import nodemailer from 'nodemailer';

export const transporter = nodemailer.createTransport({
  host: process.env.SMTP_HOST!,
  port: Number(process.env.SMTP_PORT),
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD },
});
`,
    },
    {
      name: 'a config module reading only two variables',
      filename: 'src/config.ts',
      code: `
export const config = {
  port: parseInt(process.env.PORT!, 10),
  databaseUrl: process.env.DATABASE_URL!,
};
`,
    },
    {
      name: 'tool configuration files are not app config',
      filename: 'drizzle.config.ts',
      code: `
import type { Config } from 'drizzle-kit';

export default {
  schema: './src/db/schema.ts',
  dbCredentials: { host: process.env.DB_HOST!, user: process.env.DB_USER!, password: process.env.DB_PASSWORD!, database: process.env.DB_NAME! },
} satisfies Config;
`,
    },
    {
      name: 'entry point that hands process.env to a validator',
      filename: 'src/server.ts',
      code: `
import express from 'express';
import { loadConfig } from './config';

const config = loadConfig(process.env);
const app = express();
app.listen(config.port, () => console.log(process.env.HOSTNAME, process.env.NODE_ENV, process.env.APP_VERSION!));
`,
    },
    {
      name: 't3 createEnv',
      filename: 'src/env.mjs',
      code: `
import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';

export const env = createEnv({
  server: { DATABASE_URL: z.string().url(), NEXTAUTH_SECRET: z.string() },
  runtimeEnv: { DATABASE_URL: process.env.DATABASE_URL, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET, NODE_ENV: process.env.NODE_ENV },
});
`,
    },
    {
      name: 'settings read in a test',
      filename: 'test/config.test.ts',
      code: `
const cfg = { port: parseInt(process.env.PORT!, 10), db: process.env.DATABASE_URL!, secret: process.env.JWT_SECRET! };
`,
    },
    {
      name: 'entry point with exit on missing config',
      filename: 'src/index.js',
      code: `
const app = require('./app');

if (!process.env.DATABASE_URL || !process.env.SESSION_SECRET) {
  console.error('DATABASE_URL and SESSION_SECRET are required');
  process.exit(1);
}
app.listen(parseInt(process.env.PORT, 10));
`,
    },
  ],
  invalid: [
    {
      name: 'config object with non-null assertions and parseInt',
      filename: 'src/config.ts',
      code: `
export const config = {
  port: parseInt(process.env.PORT!, 10),
  databaseUrl: process.env.DATABASE_URL!,
  jwtSecret: process.env.JWT_SECRET as string,
  redisUrl: process.env.REDIS_URL,
};
`,
      errors: [{ messageId: 'unvalidatedEnvConfig', data: { count: '4', name: 'PORT', how: 'is asserted non-null but may be undefined' }, line: 3, column: 18 }],
    },
    {
      name: 'commonjs config with a bare secret',
      filename: 'config/index.js',
      code: `
module.exports = {
  port: process.env.PORT || 3000,
  mongoUri: process.env.MONGO_URI,
  jwtSecret: process.env.JWT_SECRET,
  jwtExpiresIn: process.env.JWT_EXPIRES_IN || '1h',
};
`,
      errors: [{ messageId: 'unvalidatedEnvConfig', data: { count: '4', name: 'MONGO_URI', how: 'is a secret read with no presence check' }, line: 4, column: 13 }],
    },
    {
      name: 'destructured secrets',
      filename: 'src/config/env.ts',
      code: `
const { DATABASE_URL, STRIPE_SECRET_KEY, PORT = '3000', SENTRY_DSN } = process.env;

export const env = { databaseUrl: DATABASE_URL, stripeKey: STRIPE_SECRET_KEY, port: Number(PORT), sentryDsn: SENTRY_DSN };
`,
      errors: [{ messageId: 'unvalidatedEnvConfig', data: { count: '4', name: 'DATABASE_URL', how: 'is a secret read with no presence check' }, line: 2, column: 9 }],
    },
    {
      name: 'Number() of a port in settings.ts',
      filename: 'src/settings.ts',
      code: `
export const settings = {
  httpPort: Number(process.env.HTTP_PORT),
  metricsPort: Number(process.env.METRICS_PORT),
  region: process.env.AWS_REGION ?? 'eu-west-1',
};
`,
      errors: [{ messageId: 'unvalidatedEnvConfig', data: { count: '3', name: 'HTTP_PORT', how: 'becomes NaN when missing or malformed' }, line: 3, column: 20 }],
    },
    {
      name: 'express entry point reading its config inline',
      filename: 'src/server.ts',
      code: `
import express from 'express';
import session from 'express-session';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
app.listen(parseInt(process.env.PORT!), process.env.HOST!);
`,
      errors: [{ messageId: 'unvalidatedEnvConfig', line: 6, column: 27 }],
    },
    {
      name: 'fastify entry with unary plus',
      filename: 'src/main.ts',
      code: `
import Fastify from 'fastify';

const fastify = Fastify({ logger: { level: process.env.LOG_LEVEL } });
await fastify.register(import('@fastify/postgres'), { connectionString: process.env.PG_URL });
await fastify.listen({ port: +process.env.PORT, host: process.env.HOST });
`,
      errors: [{ messageId: 'unvalidatedEnvConfig', data: { count: '4', name: 'PORT', how: 'becomes NaN when missing or malformed' }, line: 6, column: 31 }],
    },
    {
      name: 'nest main without validation reads env for listen',
      filename: 'src/main.ts',
      code: `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule, { cors: { origin: process.env.CORS_ORIGIN } });
  app.setGlobalPrefix(process.env.API_PREFIX!);
  await app.listen(parseInt(process.env.PORT!, 10));
}
void bootstrap();
`,
      errors: [{ messageId: 'unvalidatedEnvConfig', line: 7, column: 23 }],
    },
    {
      name: 'config/database.js read by a knex setup',
      filename: 'src/config/database.js',
      code: `
module.exports = {
  client: 'pg',
  connection: {
    host: process.env.DB_HOST,
    port: parseInt(process.env.DB_PORT, 10),
    user: process.env.DB_USER,
    password: process.env.DB_PASSWORD,
  },
};
`,
      errors: [{ messageId: 'unvalidatedEnvConfig', data: { count: '4', name: 'DB_PORT', how: 'becomes NaN when missing or malformed' }, line: 6, column: 20 }],
    },
    {
      name: 'koa entry point',
      filename: 'src/app.js',
      code: `
const Koa = require('koa');
const jwt = require('koa-jwt');

const app = new Koa();
app.use(jwt({ secret: process.env.JWT_SECRET }));
app.listen(Number(process.env.PORT), () => console.log('up on', process.env.PORT, process.env.NODE_ENV, process.env.RELEASE));
`,
      errors: [{ messageId: 'unvalidatedEnvConfig', data: { count: '3', name: 'JWT_SECRET', how: 'is a secret read with no presence check' }, line: 6, column: 23 }],
    },
    {
      name: 'configuration.ts with casts',
      filename: 'src/configuration.ts',
      code: `
export default () => ({
  apiUrl: process.env.API_URL as string,
  apiKey: process.env.PARTNER_API_KEY as string,
  timeoutMs: parseInt(process.env.PARTNER_TIMEOUT_MS as string, 10),
});
`,
      errors: [{ messageId: 'unvalidatedEnvConfig', data: { count: '3', name: 'API_URL', how: 'is cast to string but may be undefined' }, line: 3, column: 11 }],
    },
  ],
});
