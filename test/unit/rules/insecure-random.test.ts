import rule from '../../../src/engine/rules/insecure-random';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('insecure-random', rule, {
  valid: [
    {
      name: 'a coin toss that samples a log line, inside a token lookup (Unleash api-token-service)',
      filename: 'src/lib/services/api-token-service.ts',
      code: `
export class ApiTokenService {
  private queryAfter = new Map<string, Date>();
  constructor(private logger: { info(msg: string): void }) {}
  async getTokenWithCache(secret: string) {
    if (Math.random() < 0.1) {
      this.logger.info(\`Token \${secret.slice(0, 8)}... rate limited until: \${this.queryAfter.get(secret)}\`);
    }
    return undefined;
  }
}
`,
    },
    {
      name: 'a random time of day for a cleanup job, to spread the load',
      filename: 'src/services/members/jobs/index.js',
      code: `
const jobsService = require('../../jobs');
module.exports = {
  async scheduleTokenCleanupJob() {
    const s = Math.floor(Math.random() * 60);
    const m = Math.floor(Math.random() * 60);
    const h = Math.floor(Math.random() * 24);
    jobsService.addJob({ at: \`\${s} \${m} \${h} * * *\`, job: require('path').resolve(__dirname, 'clean-tokens.js'), name: 'clean-tokens' });
  },
};
`,
    },
    {
      name: 'an in-process subscriber id, kept to unsubscribe when the stream closes',
      filename: 'src/api/admin/workflows/subscribe/route.ts',
      code: `
export const GET = async (req, res) => {
  const engine = req.scope.resolve('workflows');
  const subscriberId = '__sub__' + Math.random().toString(36).substring(2, 9);
  req.on('close', () => engine.unsubscribe({ workflowId: req.params.workflow_id, subscriberOrId: subscriberId }));
  await engine.subscribe({ workflowId: req.params.workflow_id, subscriber: (data) => res.write(JSON.stringify(data)), subscriberId });
};
`,
    },
    {
      name: 'jittered exponential backoff',
      filename: 'src/lib/retry.ts',
      code: `
export async function withRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts - 1) throw err;
      const delay = Math.min(30_000, 2 ** i * 100) * (0.5 + Math.random());
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
`,
    },
    {
      name: 'log sampling',
      filename: 'src/middleware/sample-logs.js',
      code: `
const SAMPLE_RATE = 0.1;

module.exports = function sampleLogs(req, res, next) {
  req.sampled = Math.random() < SAMPLE_RATE;
  next();
};
`,
    },
    {
      name: 'choosing an upstream for load balancing',
      filename: 'src/proxy/balancer.ts',
      code: `
const upstreams = ['http://api-1:3000', 'http://api-2:3000', 'http://api-3:3000'];

export function pickUpstream() {
  return upstreams[Math.floor(Math.random() * upstreams.length)];
}
`,
    },
    {
      name: 'crypto.randomBytes token and randomInt OTP',
      filename: 'src/auth/tokens.ts',
      code: `
import { randomBytes, randomInt } from 'node:crypto';

export const newResetToken = () => randomBytes(32).toString('base64url');
export const newOtp = () => String(randomInt(0, 1_000_000)).padStart(6, '0');
`,
    },
    {
      name: 'request ids for log correlation',
      filename: 'src/middleware/request-id.ts',
      code: `
import type { NextFunction, Request, Response } from 'express';

export function requestId(req: Request, res: Response, next: NextFunction) {
  const requestId = req.get('x-request-id') ?? Math.random().toString(36).slice(2);
  res.setHeader('x-request-id', requestId);
  next();
}
`,
    },
    {
      name: 'a UI shuffle and a random colour',
      filename: 'src/components/Quiz.tsx',
      code: `
export function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export const randomColor = () => \`hsl(\${Math.floor(Math.random() * 360)}, 70%, 60%)\`;
`,
    },
    {
      name: 'canary rollout percentage',
      filename: 'src/flags/rollout.ts',
      code: `
export function inCanary(percent: number) {
  return Math.random() * 100 < percent;
}
`,
    },
    {
      name: 'a test data generator',
      filename: 'src/__tests__/factories.ts',
      code: `
export const userFactory = () => ({ id: Math.random().toString(36).slice(2), token: Math.random().toString(36) });
`,
    },
    {
      name: 'simulated latency in a dev mock server',
      filename: 'src/dev/mock-latency.js',
      code: `
module.exports = (req, res, next) => setTimeout(next, 50 + Math.random() * 200);
`,
    },
    {
      name: 'React key in a client component',
      filename: 'src/components/List.tsx',
      code: `
export const List = ({ items }: { items: string[] }) => (
  <ul>{items.map((item) => <li key={Math.random()}>{item}</li>)}</ul>
);
`,
    },
    {
      name: 'a random display name suggestion',
      filename: 'src/users/nickname.ts',
      code: `
const ADJECTIVES = ['brave', 'calm', 'eager'];
export const suggestNickname = () => ADJECTIVES[Math.floor(Math.random() * ADJECTIVES.length)] + '-otter';
`,
    },
    {
      name: 'an internal id in a library with no server code (a test runner)',
      filename: 'lib/utils.js',
      code: `
const uniqueIDBase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

exports.uniqueID = () => {
  let id = '';
  for (let i = 0; i < 21; i++) id += uniqueIDBase[(Math.random() * 64) | 0];
  return id;
};
`,
    },
    {
      name: 'a retry jitter inside an HTTP client wrapper',
      filename: 'src/clients/http.ts',
      code: `
import axios from 'axios';

export async function getWithRetry(url: string) {
  const backoffMs = 200 + Math.floor(Math.random() * 100);
  await new Promise((r) => setTimeout(r, backoffMs));
  return axios.get(url, { timeout: 5000 });
}
`,
    },
  ],
  invalid: [
    {
      name: 'reset token from Math.random().toString(36)',
      filename: 'src/auth/password-reset.ts',
      code: `
import { prisma } from '../db';

export async function startPasswordReset(userId: string) {
  const resetToken = Math.random().toString(36).substring(2);
  await prisma.passwordReset.create({ data: { userId, resetToken } });
  return resetToken;
}
`,
      errors: [
        {
          messageId: 'insecureRandom',
          line: 5,
          column: 22,
          suggestions: [
            {
              messageId: 'useCrypto',
              data: { replacement: "randomBytes(32).toString('base64url')" },
              output: `
import { prisma } from '../db';
import { randomBytes } from 'node:crypto';

export async function startPasswordReset(userId: string) {
  const resetToken = randomBytes(32).toString('base64url');
  await prisma.passwordReset.create({ data: { userId, resetToken } });
  return resetToken;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'six-digit OTP in an Express handler',
      filename: 'src/routes/otp.js',
      code: `
const crypto = require('crypto');
const express = require('express');

const router = express.Router();

router.post('/otp', async (req, res) => {
  const code = Math.floor(100000 + Math.random() * 900000);
  await req.app.locals.sms.send(req.body.phone, \`Your code is \${code}\`);
  res.status(204).end();
});
`,
      errors: [
        {
          messageId: 'insecureRandom',
          line: 8,
          column: 36,
          suggestions: [
            {
              messageId: 'useCrypto',
              data: { replacement: 'crypto.randomInt(100000, 1000000)' },
              output: `
const crypto = require('crypto');
const express = require('express');

const router = express.Router();

router.post('/otp', async (req, res) => {
  const code = crypto.randomInt(100000, 1000000);
  await req.app.locals.sms.send(req.body.phone, \`Your code is \${code}\`);
  res.status(204).end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'generateOtp builds digits in a loop',
      filename: 'src/auth/otp.ts',
      code: `
export function generateOtp(length = 6) {
  let result = '';
  for (let i = 0; i < length; i++) result += Math.floor(Math.random() * 10);
  return result;
}
`,
      errors: [
        {
          messageId: 'insecureRandom',
          line: 4,
          column: 57,
          suggestions: [
            {
              messageId: 'useCrypto',
              data: { replacement: 'randomInt(10)' },
              output: `import { randomInt } from 'node:crypto';

export function generateOtp(length = 6) {
  let result = '';
  for (let i = 0; i < length; i++) result += randomInt(10);
  return result;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'session id property in a session store',
      filename: 'src/session/store.ts',
      code: `
import { redis } from '../redis';

export async function createSession(userId: string) {
  const session = { sessionId: Math.random().toString(36).slice(2) + Date.now().toString(36), userId };
  await redis.set(\`sess:\${session.sessionId}\`, JSON.stringify(session), 'EX', 86_400);
  return session;
}
`,
      errors: [
        {
          messageId: 'insecureRandom',
          line: 5,
          column: 32,
          suggestions: [
            {
              messageId: 'useCrypto',
              data: { replacement: "randomBytes(32).toString('base64url')" },
              output: `
import { redis } from '../redis';
import { randomBytes } from 'node:crypto';

export async function createSession(userId: string) {
  const session = { sessionId: randomBytes(32).toString('base64url') + Date.now().toString(36), userId };
  await redis.set(\`sess:\${session.sessionId}\`, JSON.stringify(session), 'EX', 86_400);
  return session;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'password generator picking characters',
      filename: 'src/users/temp-password.ts',
      code: `
const CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

export function generateTemporaryPassword(length = 12) {
  return Array.from({ length }, () => CHARS[Math.floor(Math.random() * CHARS.length)]).join('');
}
`,
      errors: [{ messageId: 'insecureRandom', line: 5, column: 56 }],
    },
    {
      name: 'invite code in a NestJS service',
      filename: 'src/teams/teams.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Invite } from './invite.entity';

@Injectable()
export class TeamsService {
  constructor(@InjectRepository(Invite) private readonly invites: Repository<Invite>) {}

  createInvite(teamId: string) {
    return this.invites.save({ teamId, inviteCode: Math.random().toString(36).slice(2, 10).toUpperCase() });
  }
}
`,
      errors: [
        {
          messageId: 'insecureRandom',
          line: 12,
          column: 52,
          suggestions: [
            {
              messageId: 'useCrypto',
              data: { replacement: "randomBytes(32).toString('base64url')" },
              output: `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Invite } from './invite.entity';
import { randomBytes } from 'node:crypto';

@Injectable()
export class TeamsService {
  constructor(@InjectRepository(Invite) private readonly invites: Repository<Invite>) {}

  createInvite(teamId: string) {
    return this.invites.save({ teamId, inviteCode: randomBytes(32).toString('base64url').toUpperCase() });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'API key generator function',
      filename: 'src/keys/generate.js',
      code: `
const crypto = require('node:crypto');

function generateApiKey() {
  return 'sk_' + Math.random().toString(36).substring(2, 15) + Math.random().toString(36).substring(2, 15);
}

module.exports = { generateApiKey };
`,
      errors: [
        {
          messageId: 'insecureRandom',
          line: 5,
          column: 18,
          suggestions: [
            {
              messageId: 'useCrypto',
              data: { replacement: "crypto.randomBytes(32).toString('base64url')" },
              output: `
const crypto = require('node:crypto');

function generateApiKey() {
  return 'sk_' + crypto.randomBytes(32).toString('base64url') + Math.random().toString(36).substring(2, 15);
}

module.exports = { generateApiKey };
`,
            },
          ],
        },
        {
          messageId: 'insecureRandom',
          line: 5,
          column: 64,
          suggestions: [
            {
              messageId: 'useCrypto',
              data: { replacement: "crypto.randomBytes(32).toString('base64url')" },
              output: `
const crypto = require('node:crypto');

function generateApiKey() {
  return 'sk_' + Math.random().toString(36).substring(2, 15) + crypto.randomBytes(32).toString('base64url');
}

module.exports = { generateApiKey };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'custom UUID v4 from Math.random',
      filename: 'src/orders/orders.repository.ts',
      code: `
import { prisma } from '../db';

function uuidv4() {
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = (Math.random() * 16) | 0;
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

export const createOrder = (customerId: string) => prisma.order.create({ data: { id: uuidv4(), customerId } });
`,
      errors: [{ messageId: 'insecureRandom', line: 6, column: 16 }],
    },
    {
      name: 'multer upload file names',
      filename: 'src/uploads/storage.ts',
      code: `
import multer from 'multer';

export const storage = multer.diskStorage({
  destination: 'public/uploads',
  filename: (req, file, cb) => {
    const uniqueSuffix = Date.now() + '-' + Math.round(Math.random() * 1e9);
    cb(null, \`\${uniqueSuffix}-\${file.originalname}\`);
  },
});
`,
      errors: [{ messageId: 'insecureRandom', line: 7, column: 56 }],
    },
    {
      name: 'OAuth state in a Fastify route',
      filename: 'src/routes/oauth.ts',
      code: `
import type { FastifyInstance } from 'fastify';

export default async function oauthRoutes(app: FastifyInstance) {
  app.get('/oauth/github', async (request, reply) => {
    const oauthState = Math.random().toString(36).slice(2);
    reply.setCookie('oauth_state', oauthState, { httpOnly: true, secure: true, sameSite: 'lax' });
    return reply.redirect(\`https://github.com/login/oauth/authorize?client_id=\${process.env.GITHUB_CLIENT_ID}&state=\${oauthState}\`);
  });
}
`,
      errors: [
        {
          messageId: 'insecureRandom',
          line: 6,
          column: 24,
          suggestions: [
            {
              messageId: 'useCrypto',
              data: { replacement: "randomBytes(32).toString('base64url')" },
              output: `
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';

export default async function oauthRoutes(app: FastifyInstance) {
  app.get('/oauth/github', async (request, reply) => {
    const oauthState = randomBytes(32).toString('base64url');
    reply.setCookie('oauth_state', oauthState, { httpOnly: true, secure: true, sameSite: 'lax' });
    return reply.redirect(\`https://github.com/login/oauth/authorize?client_id=\${process.env.GITHUB_CLIENT_ID}&state=\${oauthState}\`);
  });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
