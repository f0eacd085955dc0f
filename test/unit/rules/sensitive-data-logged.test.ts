import * as assert from 'node:assert/strict';
import { secretKind } from '../../../src/engine/model/sensitive-data';
import rule from '../../../src/engine/rules/sensitive-data-logged';
import { ruleTester } from '../support/rule-tester';

describe('secret-like names (model/sensitive-data)', () => {
  const secrets: [string, string][] = [
    ['password', 'password'], ['newPassword', 'password'], ['new_password', 'password'], ['refreshToken', 'token'], ['resetToken', 'token'],
    ['apiKey', 'credential'], ['x-api-key', 'credential'], ['client_secret', 'secret'], ['authorization', 'header'], ['cardNumber', 'card'],
    ['cvv', 'card'], ['privateKey', 'credential'], ['passwordPlain', 'password'],
  ];
  for (const [name, kind] of secrets) it(`${name} holds a secret`, () => assert.equal(secretKind(name), kind));
  const notSecrets = ['passwordChangedAt', 'tokenCount', 'tokenType', 'passwordHash', 'hashedPassword', 'hasPassword', 'isTokenValid', 'secretName', 'pageToken', 'nextToken', 'accountSid', 'email', 'userId', 'pass'];
  for (const name of notSecrets) it(`${name} does not`, () => assert.equal(secretKind(name), undefined));
});

ruleTester().run('sensitive-data-logged', rule, {
  valid: [
    {
      name: 'express: request headers logged at debug level in a route that exists only in development',
      filename: 'server/server.js',
      code: `
const express = require('express');
const { isDev, log } = require('../src/util');
const app = express();
if (isDev) {
  app.post('/test-webhook', async (request, response) => {
    log.debug('test', request.headers);
    response.send('OK');
  });
}
`,
    },
    {
      name: 'express: logs the email, not the password',
      filename: 'src/routes/auth.ts',
      code: `
import { Router } from 'express';
import { logger } from '../lib/logger';
import { signIn } from '../services/auth';

export const router = Router();
router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  logger.info({ email: req.body.email, ip: req.ip }, 'login attempt');
  res.json(await signIn(email, password));
});
`,
    },
    {
      name: 'names that describe a secret are not the secret',
      filename: 'src/services/users.ts',
      code: `
import { logger } from '../lib/logger';

export function audit(user: { id: string; passwordChangedAt: Date; tokenCount: number }, tokenType: string) {
  logger.info({ userId: user.id, passwordChangedAt: user.passwordChangedAt, tokenCount: user.tokenCount, tokenType }, 'audit');
  logger.debug('password policy updated', { hasPassword: true });
}
`,
    },
    {
      name: 'redacted values',
      filename: 'src/routes/auth.ts',
      code: `
import { Router } from 'express';
import { logger } from '../lib/logger';
import { redact } from '../lib/redact';

export const router = Router();
router.post('/signup', async (req, res) => {
  logger.info({ ...req.body, password: '[redacted]' }, 'signup');
  logger.debug({ token: redact(req.body.token), password: '***' });
  res.sendStatus(201);
});
`,
    },
    {
      name: 'password length is not the password',
      filename: 'src/routes/auth.js',
      code: `
const router = require('express').Router();

router.post('/register', (req, res) => {
  console.log('password length', req.body.password.length);
  console.log({ passwordLength: req.body.password.length, password: req.body.password.length });
  res.sendStatus(201);
});
module.exports = router;
`,
    },
    {
      name: 'pino redact config covers the paths',
      filename: 'src/logger.ts',
      code: `
import pino from 'pino';
import type { Request } from 'express';

export const logger = pino({ redact: ['req.headers.authorization', '*.password', 'token'] });

export function logRequest(req: Request) {
  logger.info({ headers: req.headers, password: req.body.password, token: req.body.token }, 'incoming');
}
`,
    },
    {
      name: 'whole body outside an auth handler',
      filename: 'src/routes/orders.ts',
      code: `
import { Router } from 'express';
import { logger } from '../lib/logger';

export const router = Router();
router.post('/orders', async (req, res) => {
  logger.info({ body: req.body }, 'create order');
  res.sendStatus(201);
});
`,
    },
    {
      name: 'messages that mention tokens',
      filename: 'src/services/tokens.ts',
      code: `
import { Logger } from '@nestjs/common';

export class TokenService {
  private readonly logger = new Logger(TokenService.name);
  revoke(userId: string) {
    this.logger.warn(\`Refresh token revoked for user \${userId}\`);
    this.logger.log('Access token expired');
  }
}
`,
    },
    {
      name: 'a hashed password is not the plaintext',
      filename: 'src/services/accounts.ts',
      code: `
import { logger } from '../lib/logger';

export async function createAccount(email: string, hashedPassword: string) {
  logger.debug({ email, hashedPassword }, 'creating account');
}
`,
    },
    {
      name: 'omit and pick return a copy without the secret',
      filename: 'src/routes/auth.ts',
      code: `
import { Router } from 'express';
import _ from 'lodash';
import { logger } from '../lib/logger';

export const router = Router();
router.post('/login', (req, res) => {
  logger.info(_.omit(req.body, ['password']), 'login');
  res.sendStatus(204);
});
`,
    },
    {
      name: 'console in a script is not server logging',
      filename: 'scripts/create-admin.ts',
      code: `
const password = process.argv[2];
console.log('admin created with password', password);
`,
    },
    {
      name: 'koa: logging the user id from state',
      filename: 'src/routes/session.js',
      code: `
const Router = require('@koa/router');
const log = require('../log');
const router = new Router();

router.post('/session/refresh', async (ctx) => {
  log.info({ userId: ctx.state.user.id }, 'session refreshed');
  ctx.status = 204;
});
module.exports = router;
`,
    },
    {
      name: 'a Map.set call is not a log',
      filename: 'src/lib/cache.ts',
      code: `
const tokens = new Map<string, string>();
export function remember(userId: string, token: string) {
  tokens.set(userId, token);
}
`,
    },
    {
      name: 'pagination tokens, Twilio SIDs and test passes are not secrets',
      filename: 'src/services/sync.ts',
      code: `
import { logger } from '../lib/logger';

export async function syncPage(pageToken: string, nextToken: string | undefined, message: { accountSid: string; sid: string }, pass: boolean) {
  logger.info({ pageToken, nextToken, accountSid: message.accountSid, sid: message.sid, pass }, 'synced page');
}
`,
    },
  ],
  invalid: [
    {
      name: 'express: password in the log object',
      filename: 'src/routes/auth.ts',
      code: `
import { Router } from 'express';
import { logger } from '../lib/logger';
import { signIn } from '../services/auth';

export const router = Router();
router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  logger.info({ email, password }, 'login attempt');
  res.json(await signIn(email, password));
});
`,
      errors: [
        {
          messageId: 'sensitiveDataLogged',
          line: 9, column: 10,
          suggestions: [
            {
              messageId: 'redact',
              output: `
import { Router } from 'express';
import { logger } from '../lib/logger';
import { signIn } from '../services/auth';

export const router = Router();
router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  logger.info({ email, password: '[redacted]' }, 'login attempt');
  res.json(await signIn(email, password));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: whole body in a login handler',
      filename: 'src/routes/users.js',
      code: `
const router = require('express').Router();

router.post('/auth/login', async (req, res) => {
  console.log('login request', req.body);
  res.sendStatus(204);
});
module.exports = router;
`,
      errors: [
        {
          messageId: 'sensitiveDataLogged',
          line: 5,
          suggestions: [
            {
              messageId: 'redact',
              output: `
const router = require('express').Router();

router.post('/auth/login', async (req, res) => {
  console.log('login request', { ...req.body, password: '[redacted]' });
  res.sendStatus(204);
});
module.exports = router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: request headers logged',
      filename: 'src/middleware/debug.ts',
      code: `
import type { NextFunction, Request, Response } from 'express';

export function debugRequest(req: Request, res: Response, next: NextFunction) {
  console.debug('headers', req.headers);
  next();
}
`,
      errors: [
        {
          messageId: 'sensitiveDataLogged',
          line: 5,
          suggestions: [
            {
              messageId: 'redact',
              output: `
import type { NextFunction, Request, Response } from 'express';

export function debugRequest(req: Request, res: Response, next: NextFunction) {
  console.debug('headers', { ...req.headers, authorization: '[redacted]', cookie: '[redacted]' });
  next();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'authorization header in a template',
      filename: 'src/middleware/auth.ts',
      code: `
import type { NextFunction, Request, Response } from 'express';
import { logger } from '../lib/logger';

export function requireAuth(req: Request, res: Response, next: NextFunction) {
  logger.warn(\`rejected \${req.method} \${req.path} with \${req.headers.authorization}\`);
  res.sendStatus(401);
}
`,
      errors: [
        {
          messageId: 'sensitiveDataLogged',
          line: 6,
          suggestions: [
            {
              messageId: 'redact',
              output: `
import type { NextFunction, Request, Response } from 'express';
import { logger } from '../lib/logger';

export function requireAuth(req: Request, res: Response, next: NextFunction) {
  logger.warn(\`rejected \${req.method} \${req.path} with [redacted]\`);
  res.sendStatus(401);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'reset token printed',
      filename: 'src/services/password-reset.ts',
      code: `
import { randomBytes } from 'node:crypto';

export async function startReset(email: string) {
  const resetToken = randomBytes(32).toString('hex');
  console.log(\`Password reset for \${email}: \${resetToken}\`);
  return resetToken;
}
`,
      errors: [
        {
          messageId: 'sensitiveDataLogged',
          line: 6,
          suggestions: [
            {
              messageId: 'redact',
              output: `
import { randomBytes } from 'node:crypto';

export async function startReset(email: string) {
  const resetToken = randomBytes(32).toString('hex');
  console.log(\`Password reset for \${email}: [redacted]\`);
  return resetToken;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify: request.log with the api key header',
      filename: 'src/routes/partners.ts',
      code: `
import type { FastifyInstance } from 'fastify';

export default async function partners(fastify: FastifyInstance) {
  fastify.post('/partners/sync', async (request, reply) => {
    request.log.info({ apiKey: request.headers['x-api-key'] }, 'partner sync');
    return { ok: true };
  });
}
`,
      errors: [
        {
          messageId: 'sensitiveDataLogged',
          line: 6,
          suggestions: [
            {
              messageId: 'redact',
              output: `
import type { FastifyInstance } from 'fastify';

export default async function partners(fastify: FastifyInstance) {
  fastify.post('/partners/sync', async (request, reply) => {
    request.log.info({ apiKey: '[redacted]' }, 'partner sync');
    return { ok: true };
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nest: logging the login dto',
      filename: 'src/auth/auth.controller.ts',
      code: `
import { Body, Controller, Logger, Post } from '@nestjs/common';
import { AuthService } from './auth.service';
import { LoginDto } from './dto';

@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  login(@Body() dto: LoginDto) {
    this.logger.debug(\`login \${JSON.stringify(dto)}\`);
    return this.auth.login(dto.email, dto.password);
  }
}
`,
      errors: [
        {
          messageId: 'sensitiveDataLogged',
          line: 13,
          suggestions: [
            {
              messageId: 'redact',
              output: `
import { Body, Controller, Logger, Post } from '@nestjs/common';
import { AuthService } from './auth.service';
import { LoginDto } from './dto';

@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  login(@Body() dto: LoginDto) {
    this.logger.debug(\`login \${JSON.stringify({ ...dto, password: '[redacted]' })}\`);
    return this.auth.login(dto.email, dto.password);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'winston: card number and cvv',
      filename: 'src/services/payments.ts',
      code: `
import winston from 'winston';

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

export async function charge(card: { cardNumber: string; cvv: string; expiry: string }, amount: number) {
  logger.info('charging card', { cardNumber: card.cardNumber, cvv: card.cvv, amount });
}
`,
      errors: [
        {
          messageId: 'sensitiveDataLogged',
          line: 7,
          suggestions: [
            {
              messageId: 'redact',
              output: `
import winston from 'winston';

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

export async function charge(card: { cardNumber: string; cvv: string; expiry: string }, amount: number) {
  logger.info('charging card', { cardNumber: '[redacted]', cvv: '[redacted]', amount });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa: client secret from the body',
      filename: 'src/routes/oauth.js',
      code: `
const Router = require('@koa/router');
const log = require('../log');
const router = new Router();

router.post('/oauth/token', async (ctx) => {
  const { client_id, client_secret } = ctx.request.body;
  log.info({ client_id, client_secret }, 'token request');
  ctx.body = {};
});
module.exports = router;
`,
      errors: [
        {
          messageId: 'sensitiveDataLogged',
          line: 8,
          suggestions: [
            {
              messageId: 'redact',
              output: `
const Router = require('@koa/router');
const log = require('../log');
const router = new Router();

router.post('/oauth/token', async (ctx) => {
  const { client_id, client_secret } = ctx.request.body;
  log.info({ client_id, client_secret: '[redacted]' }, 'token request');
  ctx.body = {};
});
module.exports = router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'next: JSON.stringify of a sign-up body',
      filename: 'app/api/auth/register/route.ts',
      code: `
export async function POST(request: Request) {
  const body = await request.json();
  console.info('register', JSON.stringify(body));
  return Response.json({ ok: true }, { status: 201 });
}
`,
      errors: [
        {
          messageId: 'sensitiveDataLogged',
          line: 4,
          suggestions: [
            {
              messageId: 'redact',
              output: `
export async function POST(request: Request) {
  const body = await request.json();
  console.info('register', JSON.stringify({ ...body, password: '[redacted]' }));
  return Response.json({ ok: true }, { status: 201 });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
