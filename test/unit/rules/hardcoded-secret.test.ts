import rule from '../../../src/engine/rules/hardcoded-secret';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('hardcoded-secret', rule, {
  valid: [
    {
      name: "an OpenAPI schema's example: a sample token shown in the API docs (Unleash's public-signup-tokens schema)",
      filename: 'src/lib/openapi/spec/public-signup-tokens-schema.ts',
      code: `
export const publicSignupTokensSchema = {
  $id: '#/components/schemas/publicSignupTokensSchema',
  type: 'object',
  properties: {
    tokens: {
      type: 'array',
      example: [
        {
          secret: 'a3c84b25409ea8ca1782ef17f94a42fc',
          url: 'https://my_unleash_instance/new-user?invite=a3c84b25409ea8ca1782ef17f94a42fc',
          name: 'Invite public viewers',
        },
      ],
    },
  },
} as const;
`,
    },
    {
      name: 'a local development server with a made-up admin token',
      filename: 'src/server-dev.ts',
      code: `
import { start } from './server-impl';
start({
  authentication: {
    initApiTokens: [{ environment: '*', projects: ['*'], secret: '*:*.964a287e1b728cb5f4f3e0120df92cb5', type: 'admin' }],
  },
});
`,
    },
    {
      name: "a public OAuth client's secret spelled 'not_available' is a stand-in, not a credential (Node-RED)",
      filename: 'lib/auth/clients.js',
      code: `
const clients = [
  { id: 'node-red-editor', secret: 'not_available' },
  { id: 'node-red-admin', secret: 'not_available' },
];
function ensureClientSecret(req, res, next) {
  if (!req.body.client_secret) {
    req.body.client_secret = 'not_available';
  }
  next();
}
module.exports = { clients, ensureClientSecret };
`,
    },
    {
      name: 'lookup tables and messages about secrets are not secrets',
      filename: 'src/security/names.ts',
      code: `
type Kind = 'credential' | 'secret';

const PAIRS: Record<string, Kind> = {
  'api key': 'credential',
  'signing key': 'credential',
  'client secret': 'secret',
};

const HINTS = {
  secret: 'is a secret read with no presence check',
  password: 'must be at least twelve characters long',
};

export function describe(name: string) {
  return { kind: PAIRS[name], hint: HINTS.secret };
}
`,
    },
    {
      name: 'secrets read from the environment, failing at startup when missing',
      filename: 'src/config.ts',
      code: `
const JWT_SECRET = process.env.JWT_SECRET;
if (!JWT_SECRET) throw new Error('JWT_SECRET is not set');

export const config = {
  jwtSecret: JWT_SECRET,
  stripeKey: process.env.STRIPE_SECRET_KEY ?? '',
  db: { host: process.env.DB_HOST || 'localhost', password: process.env.DB_PASSWORD },
};
`,
    },
    {
      name: 'NestJS ConfigService and JwtModule.registerAsync',
      filename: 'src/auth/auth.module.ts',
      code: `
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';

@Module({
  imports: [
    JwtModule.registerAsync({
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        secret: config.getOrThrow<string>('JWT_SECRET'),
        signOptions: { expiresIn: '15m' },
      }),
    }),
  ],
})
export class AuthModule {}
`,
    },
    {
      name: 'i18n labels and form copy',
      filename: 'src/i18n/en.ts',
      code: `
export const en = {
  email: 'Email',
  password: 'Password',
  passwordLabel: 'Password',
  confirmPassword: 'Confirm password',
  passwordHint: 'Use at least 12 characters',
  resetPasswordTitle: 'Reset your password',
  token: 'Token',
};
`,
    },
    {
      name: 'a table mapping setting keys to their group or type: the values are labels',
      filename: 'src/api/serializers/settings-key-mapper.js',
      code: `
const keyGroupMapping = {
  db_hash: 'core',
  admin_session_secret: 'core',
  title: 'site',
  is_private: 'private',
  password: 'private',
};
const keyTypeMapping = {
  title: 'string',
  stripe_secret_key: 'string',
  password: 'string',
};
module.exports = (key) => ({ group: keyGroupMapping[key], type: keyTypeMapping[key] });
`,
    },
    {
      name: 'where a secret lives: a column in a select map, the name of a config key',
      filename: 'src/services/authentication.ts',
      code: `
export class MailEventService {
  static readonly CONFIG_KEY_PAYLOAD_SIGNING_KEY = 'hostSettings:mailEventsPayloadSigningKey';
  constructor(private config: { get(key: string): string }) {}
  signingKey() {
    return this.config.get(MailEventService.CONFIG_KEY_PAYLOAD_SIGNING_KEY);
  }
}
export async function sessionRecord(knex, token: string) {
  return knex
    .select({ user_id: 'u.id', user_email: 'u.email', user_password: 'u.password', share_password: 'd.password' })
    .from('directus_sessions as s')
    .where('s.token', token)
    .first();
}
`,
    },
    {
      name: 'secret names used as header names, field names and storage keys',
      filename: 'src/clients/partner.ts',
      code: `
import axios from 'axios';

const API_KEY_HEADER = 'x-api-key';
const TOKEN_KEY = 'access_token';
const REFRESH_TOKEN = 'refresh_token';

export const partner = axios.create({
  baseURL: 'https://partner.example.com',
  headers: { [API_KEY_HEADER]: process.env.PARTNER_API_KEY },
});

export const passportOptions = { usernameField: 'email', passwordField: 'password', session: false };
export const tokenType = 'Bearer';
export function readToken(cookies: Record<string, string>) {
  return cookies[TOKEN_KEY] ?? cookies[REFRESH_TOKEN];
}
`,
    },
    {
      name: 'placeholders that grant nothing',
      filename: 'src/integrations/mailer.ts',
      code: `
import nodemailer from 'nodemailer';

export const transport = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS ?? '' },
});

export const docsSample = { apiKey: 'YOUR_API_KEY', token: '<your-token-here>', password: '********' };
`,
    },
    {
      name: 'a non-secret env fallback',
      filename: 'src/server.ts',
      code: `
const port = Number(process.env.PORT || '3000');
const logLevel = process.env.LOG_LEVEL ?? 'info';
const redisUrl = process.env.REDIS_URL || 'redis://localhost:6379';
export { port, logLevel, redisUrl };
`,
    },
    {
      name: 'a test file with fake credentials',
      filename: 'src/auth/auth.service.spec.ts',
      code: `
import jwt from 'jsonwebtoken';

const token = jwt.sign({ sub: 'user-1' }, 'test-secret');
const user = { email: 'a@example.com', password: 'hunter22' };
`,
    },
    {
      name: 'a seed script',
      filename: 'prisma/seed.ts',
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
await prisma.user.create({ data: { email: 'admin@example.com', password: 'Adm1nPassw0rd' } });
`,
    },
    {
      name: 'a password hash, a regex and an env var name',
      filename: 'src/auth/constants.ts',
      code: `
export const DUMMY_PASSWORD_HASH = '$2b$12$C6UzMDM.H6dfI/f/IKcEeO5Q6vX2q3b0a7gJ8u0d1s7wqgk5Yt2bK';
export const passwordPattern = '^(?=.*\\\\d)(?=.*[a-z]).{12,}$';
export const secretEnvName = 'JWT_SECRET';
export const secretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api';
`,
    },
    {
      name: 'AWS documentation example key and key read from a file path',
      filename: 'src/aws.ts',
      code: `
import { readFileSync } from 'node:fs';
export const exampleKeyId = 'AKIAIOSFODNN7EXAMPLE';
export const privateKey = readFileSync(process.env.PRIVATE_KEY_PATH ?? './keys/private.pem', 'utf8');
`,
    },
    {
      name: 'Stripe client built from the environment, header name in a fetch',
      filename: 'src/billing/stripe.ts',
      code: `
import Stripe from 'stripe';

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });

export async function ping() {
  return fetch('https://api.example.com/ping', { headers: { authorization: \`Bearer \${process.env.API_TOKEN}\` } });
}
`,
    },
    {
      name: 'a connection string without a password, and one with an interpolated password',
      filename: 'src/db.ts',
      code: `
import { Pool } from 'pg';
export const local = new Pool({ connectionString: 'postgres://localhost:5432/app' });
export const pool = new Pool({ connectionString: \`postgres://app:\${process.env.DB_PASSWORD}@db:5432/app\` });
`,
    },
    {
      name: 'a docs folder',
      filename: 'docs/examples/quickstart.ts',
      code: `
import jwt from 'jsonwebtoken';
export const token = jwt.sign({ sub: '1' }, 'my-secret');
`,
    },
  ],
  invalid: [
    {
      name: "a registered client's real secret is still a credential",
      filename: 'src/auth/clients.js',
      code: `
const clients = [{ id: 'dashboard', secret: 'Zt8q2LxV9mPw4RkN7sYb' }];
module.exports = clients;
`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 45,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { env: 'SECRET' },
              output: `
const clients = [{ id: 'dashboard', secret: process.env.SECRET }];
module.exports = clients;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a default login whose password repeats the user name is still a credential',
      filename: 'src/db.js',
      code: `
const dbConfig = { host: 'db', user: 'shopadmin', password: 'shopadmin' };
module.exports = dbConfig;
`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 61,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { env: 'DB_PASSWORD' },
              output: `
const dbConfig = { host: 'db', user: 'shopadmin', password: process.env.DB_PASSWORD };
module.exports = dbConfig;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'jwt.sign with a literal key',
      filename: 'src/auth/tokens.ts',
      code: `
import jwt from 'jsonwebtoken';

export function issue(userId: string) {
  return jwt.sign({ sub: userId }, 'mysecret', { algorithm: 'HS256', expiresIn: '1h' });
}
`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 5,
          column: 36,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { env: 'JWT_SECRET' },
              output: `
import jwt from 'jsonwebtoken';

export function issue(userId: string) {
  return jwt.sign({ sub: userId }, process.env.JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'process.env fallback to a literal signing key',
      filename: 'src/config.js',
      code: `
module.exports = {
  jwtSecret: process.env.JWT_SECRET || 'dev-secret-change-me',
};
`,
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 3,
          column: 40,
          suggestions: [
            {
              messageId: 'dropFallback',
              data: { envVar: 'process.env.JWT_SECRET' },
              output: `
module.exports = {
  jwtSecret: process.env.JWT_SECRET,
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express-session with the README secret',
      filename: 'src/app.js',
      code: `
const express = require('express');
const session = require('express-session');

const app = express();
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: true }));
`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 6,
          column: 27,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { env: 'SESSION_SECRET' },
              output: `
const express = require('express');
const session = require('express-session');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: true }));
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a database password in a pg Pool config',
      filename: 'src/db.ts',
      code: `
import { Pool } from 'pg';

export const pool = new Pool({ host: 'db.internal', user: 'app', password: 'hunter2', database: 'shop' });
`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 4,
          column: 76,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { env: 'DB_PASSWORD' },
              output: `
import { Pool } from 'pg';

export const pool = new Pool({ host: 'db.internal', user: 'app', password: process.env.DB_PASSWORD, database: 'shop' });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a live Stripe key in the client constructor',
      filename: 'src/billing/stripe.ts',
      code: `
import Stripe from 'stripe';

export const stripe = new Stripe('sk_live_51HqLyjWDarjtT1zdp7dcXAMPLEkey0123456789abcdef');
`,
      errors: [{ messageId: 'hardcodedSecret', line: 4, column: 34, suggestions: [{ messageId: 'useEnv', data: { env: 'STRIPE_SECRET_KEY' }, output: `
import Stripe from 'stripe';

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
` }] }],
    },
    {
      name: 'a GitHub token in an Octokit client',
      filename: 'src/integrations/github.ts',
      code: `
import { Octokit } from '@octokit/rest';

export const octokit = new Octokit({ auth: 'ghp_4ZpT3q9LmN8vWx2YbC7dE1fGh5JkRsUvAaBb' });
`,
      errors: [{ messageId: 'hardcodedSecret', line: 4, column: 44, suggestions: [{ messageId: 'useEnv', data: { env: 'GITHUB_TOKEN' }, output: `
import { Octokit } from '@octokit/rest';

export const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });
` }] }],
    },
    {
      name: 'an API key as a class field in a NestJS service',
      filename: 'src/weather/weather.service.ts',
      code: `
import { Injectable } from '@nestjs/common';

@Injectable()
export class WeatherService {
  private readonly apiKey = '3f9a1c7e5b2d48a09e6f1b3c7d5a2e8f';
}
`,
      errors: [{ messageId: 'hardcodedSecret', line: 6, column: 29, suggestions: [{ messageId: 'useEnv', data: { env: 'API_KEY' }, output: `
import { Injectable } from '@nestjs/common';

@Injectable()
export class WeatherService {
  private readonly apiKey = process.env.API_KEY;
}
` }] }],
    },
    {
      name: 'a PEM private key in a template literal',
      filename: 'src/auth/keys.ts',
      code: `
export const signingKey = \`-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj
-----END PRIVATE KEY-----\`;
`,
      errors: [{ messageId: 'hardcodedSecret', line: 2, column: 27, suggestions: [{ messageId: 'useEnv', data: { env: 'SIGNING_KEY' }, output: `
export const signingKey = process.env.SIGNING_KEY;
` }] }],
    },
    {
      name: 'Fastify JWT plugin registered with a literal secret via ??',
      filename: 'src/plugins/auth.ts',
      code: `
import fp from 'fastify-plugin';
import fastifyJwt from '@fastify/jwt';

export default fp(async (fastify) => {
  await fastify.register(fastifyJwt, { secret: process.env.JWT_SECRET ?? 'supersecret' });
});
`,
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 6,
          column: 74,
          suggestions: [
            {
              messageId: 'dropFallback',
              data: { envVar: 'process.env.JWT_SECRET' },
              output: `
import fp from 'fastify-plugin';
import fastifyJwt from '@fastify/jwt';

export default fp(async (fastify) => {
  await fastify.register(fastifyJwt, { secret: process.env.JWT_SECRET });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'jose HS256 key from a literal',
      filename: 'src/lib/session.ts',
      code: `
import { SignJWT } from 'jose';

const sessionSecret = new TextEncoder().encode('0d9f8e7c6b5a4d3c2b1a0f9e8d7c6b5a');

export function createSession(userId: string) {
  return new SignJWT({ sub: userId }).setProtectedHeader({ alg: 'HS256' }).sign(sessionSecret);
}
`,
      errors: [{ messageId: 'hardcodedSecret', line: 4, column: 48, suggestions: [{ messageId: 'useEnv', data: { env: 'SESSION_SECRET' }, output: `
import { SignJWT } from 'jose';

const sessionSecret = new TextEncoder().encode(process.env.SESSION_SECRET);

export function createSession(userId: string) {
  return new SignJWT({ sub: userId }).setProtectedHeader({ alg: 'HS256' }).sign(sessionSecret);
}
` }] }],
    },
    {
      name: 'a Mongo connection string with a password',
      filename: 'src/db/mongo.ts',
      code: `
import mongoose from 'mongoose';

export function connectDb() {
  return mongoose.connect('mongodb+srv://shop:Tr0ub4dor3@cluster0.ab1cd.mongodb.net/shop');
}
`,
      errors: [{ messageId: 'hardcodedSecret', line: 5, column: 27, suggestions: [{ messageId: 'useEnv', data: { env: 'DATABASE_URL' }, output: `
import mongoose from 'mongoose';

export function connectDb() {
  return mongoose.connect(process.env.DATABASE_URL);
}
` }] }],
    },
    {
      name: 'nodemailer SMTP password',
      filename: 'src/mail/transport.js',
      code: `
const nodemailer = require('nodemailer');

module.exports = nodemailer.createTransport({
  host: 'smtp.sendgrid.net',
  port: 587,
  auth: { user: 'apikey', pass: 'Zx9!mailPassw0rd' },
});
`,
      errors: [{ messageId: 'hardcodedSecret', line: 7, column: 33, suggestions: [{ messageId: 'useEnv', data: { env: 'SMTP_PASS' }, output: `
const nodemailer = require('nodemailer');

module.exports = nodemailer.createTransport({
  host: 'smtp.sendgrid.net',
  port: 587,
  auth: { user: 'apikey', pass: process.env.SMTP_PASS },
});
` }] }],
    },
  ],
});
