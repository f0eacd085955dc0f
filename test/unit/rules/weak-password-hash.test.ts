import rule from '../../../src/engine/rules/weak-password-hash';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('weak-password-hash', rule, {
  valid: [
    {
      name: 'argon2id',
      filename: 'src/users/password.ts',
      code: `
import * as argon2 from 'argon2';

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });
`,
    },
    {
      name: 'bcrypt with cost 12 from a constant',
      filename: 'src/auth/auth.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import * as bcrypt from 'bcrypt';

const SALT_ROUNDS = 12;

@Injectable()
export class AuthService {
  hashPassword(password: string) {
    return bcrypt.hash(password, SALT_ROUNDS);
  }
}
`,
    },
    {
      name: 'bcryptjs genSalt(10) and a cost from config',
      filename: 'src/auth/password.js',
      code: `
const bcrypt = require('bcryptjs');
const config = require('../config');

async function hashPassword(password) {
  const salt = await bcrypt.genSalt(10);
  return bcrypt.hash(password, salt);
}

const hashWithConfiguredCost = (password) => bcrypt.hash(password, config.bcryptRounds);

module.exports = { hashPassword, hashWithConfiguredCost };
`,
    },
    {
      name: 'SHA-256 of a reset token (high entropy) is the right tool',
      filename: 'src/auth/reset.ts',
      code: `
import { createHash, randomBytes } from 'node:crypto';

export function newResetToken() {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = createHash('sha256').update(token).digest('hex');
  return { token, tokenHash };
}

export const hashResetPasswordToken = (resetPasswordToken: string) => createHash('sha256').update(resetPasswordToken).digest('hex');
`,
    },
    {
      name: 'file checksum and ETag',
      filename: 'src/uploads/checksum.ts',
      code: `
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export async function checksum(path: string) {
  return createHash('md5').update(await readFile(path)).digest('hex');
}

export const etag = (body: string) => createHash('sha1').update(body).digest('base64');
`,
    },
    {
      name: 'webhook HMAC with a secret',
      filename: 'src/webhooks/github.ts',
      code: `
import { createHmac, timingSafeEqual } from 'node:crypto';

export function verifySignature(payload: string, signature: string) {
  const expected = 'sha256=' + createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET!).update(payload).digest('hex');
  return timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
}
`,
    },
    {
      name: 'cache key from a query',
      filename: 'src/cache/keys.js',
      code: `
const crypto = require('crypto');

exports.cacheKey = (query) => 'q:' + crypto.createHash('sha256').update(JSON.stringify(query)).digest('hex');
`,
    },
    {
      name: 'PBKDF2 with 600000 iterations',
      filename: 'src/auth/pbkdf2.ts',
      code: `
import { pbkdf2Sync, randomBytes } from 'node:crypto';

export function hashPassword(password: string) {
  const salt = randomBytes(16);
  return pbkdf2Sync(password, salt, 600_000, 32, 'sha256').toString('hex');
}
`,
    },
    {
      name: 'PBKDF2 over a random master key, not a password',
      filename: 'src/crypto/derive.ts',
      code: `
import { pbkdf2Sync } from 'node:crypto';

export const deriveSubkey = (masterKey: Buffer, context: string) => pbkdf2Sync(masterKey, context, 1, 32, 'sha256');
`,
    },
    {
      name: 'md5 of an email for Gravatar',
      filename: 'src/users/avatar.ts',
      code: `
import md5 from 'md5';

export const gravatarUrl = (email: string) => \`https://www.gravatar.com/avatar/\${md5(email.trim().toLowerCase())}\`;
`,
    },
    {
      name: 'a test file',
      filename: 'test/auth.test.ts',
      code: `
import bcrypt from 'bcrypt';
const hash = await bcrypt.hash('password', 4);
`,
    },
    {
      name: 'scrypt',
      filename: 'src/auth/scrypt.ts',
      code: `
import { randomBytes, scrypt } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt);

export async function hashPassword(password: string) {
  const salt = randomBytes(16);
  const key = (await scryptAsync(password, salt, 64)) as Buffer;
  return \`\${salt.toString('hex')}:\${key.toString('hex')}\`;
}
`,
    },
  ],
  invalid: [
    {
      name: 'salted SHA-256 of a password',
      filename: 'src/users/password.ts',
      code: `
import { createHash, randomBytes } from 'node:crypto';

export function hashPassword(password: string) {
  const salt = randomBytes(16).toString('hex');
  return \`\${salt}:\${createHash('sha256').update(salt + password).digest('hex')}\`;
}
`,
      errors: [{ messageId: 'weakPasswordHash', line: 6, column: 21, data: { alg: 'SHA256' } }],
    },
    {
      name: 'MD5 of req.body.password in an Express handler',
      filename: 'src/routes/auth.js',
      code: `
const crypto = require('crypto');
const { User } = require('../models');

exports.login = async (req, res) => {
  const hash = crypto.createHash('md5').update(req.body.password).digest('hex');
  const user = await User.findOne({ where: { email: req.body.email, passwordHash: hash } });
  res.json({ ok: !!user });
};
`,
      errors: [{ messageId: 'weakPasswordHash', line: 6, column: 16 }],
    },
    {
      name: 'SHA-1 in a verifyPassword function with an unnamed input',
      filename: 'src/auth/legacy.ts',
      code: `
import crypto from 'node:crypto';

export function verifyPassword(plain: string, stored: string) {
  return crypto.createHash('sha1').update(plain).digest('hex') === stored;
}
`,
      errors: [{ messageId: 'weakPasswordHash', line: 5, column: 10 }],
    },
    {
      name: 'md5 package on a password',
      filename: 'src/users/user.model.js',
      code: `
const md5 = require('md5');

userSchema.pre('save', function (next) {
  this.password = md5(this.password);
  next();
});
`,
      errors: [{ messageId: 'weakPasswordHash', line: 5, column: 19 }],
    },
    {
      name: 'crypto-js SHA256 of a password',
      filename: 'src/auth/hash.ts',
      code: `
import CryptoJS from 'crypto-js';

export const encryptPassword = (newPassword: string) => CryptoJS.SHA256(newPassword).toString();
`,
      errors: [{ messageId: 'weakPasswordHash', line: 4, column: 57 }],
    },
    {
      name: 'bcrypt cost 8',
      filename: 'src/auth/register.js',
      code: `
const bcrypt = require('bcrypt');

async function register(email, password) {
  const passwordHash = await bcrypt.hash(password, 8);
  return { email, passwordHash };
}
`,
      errors: [
        {
          messageId: 'lowCost',
          line: 5,
          column: 52,
          suggestions: [
            {
              messageId: 'raiseCost',
              data: { target: '12' },
              output: `
const bcrypt = require('bcrypt');

async function register(email, password) {
  const passwordHash = await bcrypt.hash(password, 12);
  return { email, passwordHash };
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'bcryptjs genSaltSync from a low constant',
      filename: 'src/users/users.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import * as bcrypt from 'bcryptjs';

const ROUNDS = 6;

@Injectable()
export class UsersService {
  hash(password: string) {
    return bcrypt.hashSync(password, bcrypt.genSaltSync(ROUNDS));
  }
}
`,
      errors: [
        {
          messageId: 'lowCost',
          line: 10,
          column: 57,
          suggestions: [
            {
              messageId: 'raiseCost',
              data: { target: '12' },
              output: `
import { Injectable } from '@nestjs/common';
import * as bcrypt from 'bcryptjs';

const ROUNDS = 12;

@Injectable()
export class UsersService {
  hash(password: string) {
    return bcrypt.hashSync(password, bcrypt.genSaltSync(ROUNDS));
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'PBKDF2 with 1000 iterations',
      filename: 'src/auth/pbkdf2.ts',
      code: `
import { pbkdf2Sync } from 'node:crypto';

export const hashPassword = (password: string, salt: Buffer) => pbkdf2Sync(password, salt, 1000, 64, 'sha512').toString('hex');
`,
      errors: [
        {
          messageId: 'lowCost',
          line: 4,
          column: 92,
          suggestions: [
            {
              messageId: 'raiseCost',
              data: { target: '210000' },
              output: `
import { pbkdf2Sync } from 'node:crypto';

export const hashPassword = (password: string, salt: Buffer) => pbkdf2Sync(password, salt, 210_000, 64, 'sha512').toString('hex');
`,
            },
          ],
        },
      ],
    },
    {
      name: 'callback pbkdf2 with 10000 iterations in a Fastify route',
      filename: 'src/routes/signup.ts',
      code: `
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export default async function routes(app: FastifyInstance) {
  app.post('/signup', async (request) => {
    const { password } = request.body as { password: string };
    const salt = crypto.randomBytes(16);
    const key = await new Promise<Buffer>((resolve, reject) =>
      crypto.pbkdf2(password, salt, 10000, 32, 'sha256', (err, k) => (err ? reject(err) : resolve(k))),
    );
    return { salt: salt.toString('hex'), key: key.toString('hex') };
  });
}
`,
      errors: [
        {
          messageId: 'lowCost',
          line: 10,
          column: 37,
          suggestions: [
            {
              messageId: 'raiseCost',
              data: { target: '600000' },
              output: `
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export default async function routes(app: FastifyInstance) {
  app.post('/signup', async (request) => {
    const { password } = request.body as { password: string };
    const salt = crypto.randomBytes(16);
    const key = await new Promise<Buffer>((resolve, reject) =>
      crypto.pbkdf2(password, salt, 600_000, 32, 'sha256', (err, k) => (err ? reject(err) : resolve(k))),
    );
    return { salt: salt.toString('hex'), key: key.toString('hex') };
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'HMAC-SHA256 with a pepper over a password (still a fast hash)',
      filename: 'src/auth/pepper.ts',
      code: `
import { createHmac } from 'node:crypto';

export const digestPassword = (password: string) => createHmac('sha256', process.env.PEPPER!).update(password).digest('hex');
`,
      errors: [{ messageId: 'weakPasswordHash', line: 4, column: 53, data: { alg: 'HMAC-SHA256' } }],
    },
  ],
});
