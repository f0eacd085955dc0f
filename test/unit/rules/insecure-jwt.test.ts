import rule from '../../../src/engine/rules/insecure-jwt';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('insecure-jwt', rule, {
  valid: [
    {
      name: 'jose decodeJwt after the auth service authenticated the same token (Backstage userinfo)',
      filename: 'src/service/OidcService.ts',
      code: `
import { decodeJwt } from 'jose';
import type { AuthService } from './types';

export class OidcService {
  constructor(private readonly auth: AuthService, private readonly users: { getUserInfo(ref: string): Promise<unknown> }) {}

  async getUserInfo({ token }: { token: string }) {
    const credentials = await this.auth.authenticate(token, { allowLimitedAccess: true });
    if (!this.auth.isPrincipal(credentials, 'user')) throw new Error('not a user token');
    const { sub } = decodeJwt(token);
    if (typeof sub !== 'string') throw new Error('Invalid user token');
    return this.users.getUserInfo(sub);
  }
}
`,
    },
    {
      name: 'jsonwebtoken verify with pinned algorithms, issuer and audience',
      filename: 'src/middleware/auth.ts',
      code: `
import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

export function requireAuth(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.slice(7) ?? '';
  try {
    res.locals.user = jwt.verify(token, process.env.JWT_PUBLIC_KEY!, { algorithms: ['RS256'], issuer: 'https://auth.example.com/', audience: 'api' });
    next();
  } catch {
    res.status(401).end();
  }
}
`,
    },
    {
      name: 'verify options kept in a shared constant',
      filename: 'src/auth/verify.js',
      code: `
const jwt = require('jsonwebtoken');

const VERIFY_OPTIONS = { algorithms: ['HS256'], issuer: 'shop-api' };

function verifyAccessToken(token) {
  return jwt.verify(token, process.env.JWT_SECRET, VERIFY_OPTIONS);
}

module.exports = { verifyAccessToken };
`,
    },
    {
      name: 'verify options imported from config (cannot see them)',
      filename: 'src/auth/verify.ts',
      code: `
import { verify } from 'jsonwebtoken';
import { jwtVerifyOptions } from '../config';

export const verifyToken = (token: string) => verify(token, process.env.JWT_SECRET!, jwtVerifyOptions);
`,
    },
    {
      name: 'express-jwt with algorithms',
      filename: 'src/app.js',
      code: `
const express = require('express');
const { expressjwt } = require('express-jwt');

const app = express();
app.use('/api', expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));
`,
    },
    {
      name: 'jose jwtVerify against a remote JWKS',
      filename: 'src/lib/auth.ts',
      code: `
import { createRemoteJWKSet, jwtVerify } from 'jose';

const JWKS = createRemoteJWKSet(new URL('https://auth.example.com/.well-known/jwks.json'));

export async function authenticate(token: string) {
  const { payload } = await jwtVerify(token, JWKS, { issuer: 'https://auth.example.com/', audience: 'api' });
  return payload.sub;
}
`,
    },
    {
      name: 'client code decoding exp to schedule a refresh',
      filename: 'src/lib/session-refresh.ts',
      code: `
import { jwtDecode } from 'jwt-decode';

export function scheduleRefresh(accessToken: string, refresh: () => void) {
  const { exp } = jwtDecode(accessToken);
  setTimeout(refresh, Math.max(0, (exp ?? 0) * 1000 - Date.now() - 30_000));
}
`,
    },
    {
      name: 'decode the header to pick a key, then verify in the same function',
      filename: 'src/middleware/multi-issuer.ts',
      code: `
import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import { keyFor } from '../keys';

export async function requireAuth(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.slice(7) ?? '';
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded) return res.status(401).end();
  req.user = jwt.verify(token, await keyFor(decoded.header.kid), { algorithms: ['RS256'] }) as never;
  next();
}
`,
    },
    {
      name: 'a handler reading claims after verifying auth middleware on the route',
      filename: 'src/routes/profile.ts',
      code: `
import { Router } from 'express';
import jwt from 'jsonwebtoken';
import { requireAuth } from '../middleware/auth';

const router = Router();

router.get('/profile', requireAuth, (req, res) => {
  const claims = jwt.decode(req.headers.authorization!.slice(7)) as { scope?: string };
  res.json({ scope: claims.scope });
});

export default router;
`,
    },
    {
      name: 'NestJS JwtService verify with module-level options',
      filename: 'src/auth/auth.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  constructor(private readonly jwtService: JwtService) {}

  async validateToken(token: string) {
    return this.jwtService.verifyAsync(token);
  }
}
`,
    },
    {
      name: 'koa-jwt with algorithms',
      filename: 'src/app.js',
      code: `
const Koa = require('koa');
const jwt = require('koa-jwt');

const app = new Koa();
app.use(jwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }).unless({ path: [/^\\/public/] }));
`,
    },
    {
      name: 'jwt.decode in a logging helper, not authenticating',
      filename: 'src/lib/log-token.ts',
      code: `
import jwt from 'jsonwebtoken';
import { logger } from './logger';

export function logTokenIssuer(token: string) {
  const payload = jwt.decode(token) as { iss?: string } | null;
  logger.debug({ iss: payload?.iss }, 'token issuer');
}
`,
    },
    {
      name: 'jsonwebtoken sign with an algorithm',
      filename: 'src/auth/tokens.ts',
      code: `
import jwt from 'jsonwebtoken';

export const issue = (sub: string) => jwt.sign({ sub }, process.env.JWT_SECRET!, { algorithm: 'HS256', expiresIn: '15m' });
`,
    },
    {
      name: 'a service token checked only for when it expires, to refresh it in time',
      filename: 'src/services/tinybird/TinybirdService.js',
      code: `
const jwt = require('jsonwebtoken');
class TinybirdService {
  _isJWTExpired(token, bufferSeconds = 300) {
    try {
      const decoded = jwt.verify(token, this.config.adminToken);
      if (typeof decoded !== 'object' || !decoded.exp) return true;
      return decoded.exp - Math.floor(Date.now() / 1000) < bufferSeconds;
    } catch (error) {
      return true;
    }
  }
}
module.exports = TinybirdService;
`,
    },
    {
      name: 'a test file',
      filename: 'src/auth/auth.spec.ts',
      code: `
import jwt from 'jsonwebtoken';
const payload = jwt.verify(token, 'test');
`,
    },
  ],
  invalid: [
    {
      name: 'jose decodeJwt of a token other than the one authenticated',
      filename: 'src/service/OidcService.ts',
      code: `
import { decodeJwt } from 'jose';
import type { AuthService } from './types';

export class OidcService {
  constructor(private readonly auth: AuthService, private readonly users: { getUserInfo(ref: string): Promise<unknown> }) {}

  async getUserInfo({ serviceToken, userToken }: { serviceToken: string; userToken: string }) {
    await this.auth.authenticate(serviceToken);
    const { sub } = decodeJwt(userToken);
    return this.users.getUserInfo(String(sub));
  }
}
`,
      errors: [{ messageId: 'decodeAsAuth', line: 10, column: 21 }],
    },
    {
      name: 'verify without options',
      filename: 'src/middleware/auth.ts',
      code: `
import jwt from 'jsonwebtoken';

export function requireAuth(req, res, next) {
  req.user = jwt.verify(req.headers.authorization.slice(7), process.env.JWT_SECRET);
  next();
}
`,
      errors: [
        {
          messageId: 'unpinnedSecret',
          line: 5,
          column: 14,
          suggestions: [
            {
              messageId: 'pinAlgorithms',
              data: { alg: 'HS256' },
              output: `
import jwt from 'jsonwebtoken';

export function requireAuth(req, res, next) {
  req.user = jwt.verify(req.headers.authorization.slice(7), process.env.JWT_SECRET, { algorithms: ['HS256'] });
  next();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'verify with options but no algorithms, public key',
      filename: 'src/auth/verify.ts',
      code: `
import jwt from 'jsonwebtoken';

export const verifyToken = (token: string) => jwt.verify(token, process.env.JWT_PUBLIC_KEY!, { issuer: 'https://auth.example.com/' });
`,
      errors: [
        {
          messageId: 'insecureJwt',
          line: 4,
          column: 47,
          suggestions: [
            {
              messageId: 'pinAlgorithms',
              data: { alg: 'RS256' },
              output: `
import jwt from 'jsonwebtoken';

export const verifyToken = (token: string) => jwt.verify(token, process.env.JWT_PUBLIC_KEY!, { issuer: 'https://auth.example.com/', algorithms: ['RS256'] });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'verify with a callback and no options',
      filename: 'src/socket/auth.js',
      code: `
const { verify } = require('jsonwebtoken');

module.exports = function socketAuth(socket, next) {
  verify(socket.handshake.auth.token, process.env.JWT_SECRET, (err, payload) => {
    if (err) return next(err);
    socket.data.user = payload;
    next();
  });
};
`,
      errors: [
        {
          messageId: 'unpinnedSecret',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'pinAlgorithms',
              data: { alg: 'HS256' },
              output: `
const { verify } = require('jsonwebtoken');

module.exports = function socketAuth(socket, next) {
  verify(socket.handshake.auth.token, process.env.JWT_SECRET, { algorithms: ['HS256'] }, (err, payload) => {
    if (err) return next(err);
    socket.data.user = payload;
    next();
  });
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express-jwt without algorithms',
      filename: 'src/app.js',
      code: `
const express = require('express');
const { expressjwt } = require('express-jwt');

const app = express();
app.use(expressjwt({ secret: process.env.JWT_SECRET }));
`,
      errors: [
        {
          messageId: 'insecureJwt',
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'pinAlgorithms',
              data: { alg: 'HS256' },
              output: `
const express = require('express');
const { expressjwt } = require('express-jwt');

const app = express();
app.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));
`,
            },
          ],
        },
      ],
    },
    {
      name: 'jwt.decode used to authenticate an Express route',
      filename: 'src/routes/me.js',
      code: `
const express = require('express');
const jwt = require('jsonwebtoken');
const { User } = require('../models');

const router = express.Router();

router.get('/me', async (req, res) => {
  const payload = jwt.decode(req.cookies.session);
  if (!payload) return res.status(401).end();
  res.json(await User.findByPk(payload.sub));
});

module.exports = router;
`,
      errors: [{ messageId: 'decodeAsAuth', line: 9, column: 19, data: { callee: 'jwt.decode()' } }],
    },
    {
      name: 'jose decodeJwt in a Next.js middleware',
      filename: 'middleware.ts',
      code: `
import { NextResponse, type NextRequest } from 'next/server';
import { decodeJwt } from 'jose';

export function middleware(request: NextRequest) {
  const token = request.cookies.get('session')?.value;
  if (!token) return NextResponse.redirect(new URL('/login', request.url));
  const claims = decodeJwt(token);
  if (claims.role !== 'admin') return NextResponse.redirect(new URL('/', request.url));
  return NextResponse.next();
}
`,
      errors: [{ messageId: 'decodeAsAuth', line: 8, column: 18 }],
    },
    {
      name: 'NestJS guard trusting a decoded token',
      filename: 'src/auth/roles.guard.ts',
      code: `
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly jwtService: JwtService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const payload = this.jwtService.decode(request.headers.authorization?.split(' ')[1] ?? '');
    return payload?.role === 'admin';
  }
}
`,
      errors: [{ messageId: 'decodeAsAuth', line: 11, column: 21 }],
    },
    {
      name: "algorithms containing 'none'",
      filename: 'src/auth/verify.ts',
      code: `
import jwt from 'jsonwebtoken';

export const verifyToken = (token: string) => jwt.verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256', 'none'] });
`,
      errors: [
        {
          messageId: 'noneAlgorithm',
          line: 4,
          column: 114,
          suggestions: [
            {
              messageId: 'removeNone',
              output: `
import jwt from 'jsonwebtoken';

export const verifyToken = (token: string) => jwt.verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'] });
`,
            },
          ],
        },
      ],
    },
    {
      name: "passport-jwt strategy accepting 'none'",
      filename: 'src/auth/jwt.strategy.ts',
      code: `
import { ExtractJwt, Strategy } from 'passport-jwt';

export const strategy = new Strategy(
  { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET, algorithms: ['none'] },
  (payload, done) => done(null, payload),
);
`,
      errors: [{ messageId: 'noneAlgorithm', line: 5, column: 113 }],
    },
    {
      name: 'koa-jwt without algorithms',
      filename: 'src/app.js',
      code: `
const Koa = require('koa');
const jwt = require('koa-jwt');

const app = new Koa();
app.use(jwt({ secret: process.env.JWT_SECRET }));
`,
      errors: [
        {
          messageId: 'insecureJwt',
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'pinAlgorithms',
              data: { alg: 'HS256' },
              output: `
const Koa = require('koa');
const jwt = require('koa-jwt');

const app = new Koa();
app.use(jwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));
`,
            },
          ],
        },
      ],
    },
    {
      name: "jwt.sign with algorithm 'none'",
      filename: 'src/auth/tokens.js',
      code: `
const jwt = require('jsonwebtoken');

exports.issue = (sub) => jwt.sign({ sub }, '', { algorithm: 'none' });
`,
      errors: [{ messageId: 'noneAlgorithm', line: 4, column: 61 }],
    },
  ],
});
