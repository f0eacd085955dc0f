import rule from '../../../src/engine/rules/missing-rate-limit';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('missing-rate-limit', rule, {
  valid: [
    {
      name: 'a signed-in admin rotating a user\'s stored token guesses nothing',
      filename: 'src/web/api/admin/routes.js',
      code: `
const express = require('express');
const mw = require('./middleware');
const router = express.Router();
router.put('/users/:id/token', mw.authAdminApi, http(api.users.regenerateToken));
router.post('/authentication/setup', http(api.authentication.setup));
router.post('/authentication/invitation', http(api.authentication.acceptInvitation));
module.exports = router;
`,
    },
    {
      name: 'Express router: express-rate-limit limiter defined in the file and put on the login route',
      filename: 'src/routes/auth.routes.ts',
      code: `
import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import { login } from '../controllers/auth.controller';

const router = Router();

const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });

router.post('/login', loginLimiter, login);

export default router;
`,
    },
    {
      name: 'Express app: app.use(limiter) runs before every route registered after it',
      filename: 'src/app.ts',
      code: `
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { login, register } from './controllers/auth';

const app = express();
const limiter = rateLimit({ windowMs: 60_000, limit: 100 });

app.use(express.json());
app.use(limiter);

app.post('/api/auth/login', login);
app.post('/api/auth/register', register);

app.listen(3000);
`,
    },
    {
      name: "Express: the router is mounted with a limiter in front of it, app.use('/auth', authLimiter, authRouter)",
      filename: 'src/app.ts',
      code: `
import express from 'express';
import rateLimit from 'express-rate-limit';
import { login, forgotPassword } from './controllers/auth';

const app = express();
const authRouter = express.Router();

authRouter.post('/login', login);
authRouter.post('/forgot-password', forgotPassword);

const authLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 20 });
app.use('/auth', authLimiter, authRouter);

export default app;
`,
    },
    {
      name: 'express-slow-down: the definition is followed even though the name says nothing about limits',
      filename: 'src/routes/otp.routes.ts',
      code: `
import { Router } from 'express';
import slowDown from 'express-slow-down';
import { verifyOtp } from '../controllers/otp.controller';

const router = Router();

const delayRepeatedCodes = slowDown({
  windowMs: 15 * 60 * 1000,
  delayAfter: 3,
  delayMs: (hits: number) => hits * 500,
});

router.post('/verify-otp', delayRepeatedCodes, verifyOtp);

export default router;
`,
    },
    {
      name: 'rate-limiter-flexible: a middleware that consumes a point per IP before the handler',
      filename: 'src/routes/auth.routes.ts',
      code: `
import { Router, type NextFunction, type Request, type Response } from 'express';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { redis } from '../redis';
import { login } from '../controllers/auth.controller';

const limiterSlowBruteByIP = new RateLimiterRedis({ storeClient: redis, keyPrefix: 'login_fail_ip', points: 10, duration: 60 * 15 });

async function perIpGate(req: Request, res: Response, next: NextFunction) {
  try {
    await limiterSlowBruteByIP.consume(req.ip ?? 'unknown');
    next();
  } catch {
    res.status(429).send('Too Many Requests');
  }
}

const router = Router();
router.post('/login', perIpGate, login);
export default router;
`,
    },
    {
      name: 'rate-limiter-flexible in CommonJS: an inline middleware calling rateLimiter.consume(req.ip)',
      filename: 'src/routes/auth.js',
      code: `
const express = require('express');
const { RateLimiterMemory } = require('rate-limiter-flexible');
const authController = require('../controllers/auth');

const router = express.Router();
const rateLimiter = new RateLimiterMemory({ points: 5, duration: 60 });

router.post('/signin', (req, res, next) => {
  rateLimiter
    .consume(req.ip)
    .then(() => next())
    .catch(() => res.status(429).send('Too Many Requests'));
}, authController.signin);

module.exports = router;
`,
    },
    {
      name: 'CommonJS Express server: app-wide rateLimit(...) before the auth routes',
      filename: 'src/server.js',
      code: `
const express = require('express');
const rateLimit = require('express-rate-limit');
const { login, register } = require('./handlers/auth');

const app = express();
app.use(express.json());
app.use(rateLimit({ windowMs: 15 * 60 * 1000, max: 100 }));

app.post('/api/login', login);
app.post('/api/register', register);

app.listen(process.env.PORT || 3000);
`,
    },
    {
      name: 'Express: a limiter on the /api/auth prefix covers the routes under it; GET /api/orders is not an auth endpoint',
      filename: 'src/app.ts',
      code: `
import express from 'express';
import rateLimit from 'express-rate-limit';
import { login, refreshToken } from './controllers/auth';
import { listOrders } from './controllers/orders';

const app = express();
app.use('/api/auth', rateLimit({ windowMs: 60_000, limit: 10 }));

app.post('/api/auth/login', login);
app.post('/api/auth/refresh-token', refreshToken);
app.get('/api/orders', listOrders);

export default app;
`,
    },
    {
      name: 'Express: a limiter mounted on the exact login path',
      filename: 'src/app.ts',
      code: `
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { login } from './controllers/auth';

const app = express();
app.use('/api/auth/login', rateLimit({ windowMs: 60_000, limit: 5 }));
app.post('/api/auth/login', login);
export default app;
`,
    },
    {
      name: "Express: router.route('/reset-password').post(authLimiter, ...) with an imported limiter",
      filename: 'src/routes/auth.routes.ts',
      code: `
import { Router } from 'express';
import { authLimiter } from '../middleware/rate-limit';
import { validate } from '../middleware/validate';
import { resetPassword } from '../controllers/auth.controller';
import { resetPasswordSchema } from '../schemas/auth';

const router = Router();

router
  .route('/reset-password')
  .post(authLimiter, validate(resetPasswordSchema), resetPassword);

export default router;
`,
    },
    {
      name: "Express: router.use(authLimiter) before the routes; the route's own chain is an array",
      filename: 'src/routes/auth.routes.ts',
      code: `
import { Router } from 'express';
import { authLimiter } from '../middleware/rate-limit';
import { validate } from '../middleware/validate';
import { register } from '../controllers/auth.controller';
import { registerSchema } from '../schemas/auth';

const router = Router();
router.use(authLimiter);

router.post('/register', [validate(registerSchema)], register);

export default router;
`,
    },
    {
      name: 'Team settings name authThrottle as a limiter',
      filename: 'src/routes/auth.ts',
      settings: { backendCoach: { file: { rateLimit: { middleware: ['authThrottle'] } } } },
      code: `
import { Router } from 'express';
import { authThrottle } from '../middleware/security';
import { login } from '../controllers/auth';

const router = Router();
router.post('/login', authThrottle, login);
export default router;
`,
    },
    {
      name: 'Team settings name a limiter whose name says nothing about limits',
      filename: 'src/routes/auth.ts',
      settings: { backendCoach: { file: { rateLimit: { middleware: ['bouncer'] } } } },
      code: `
import { Router } from 'express';
import { bouncer } from '@acme/edge';
import { login } from '../controllers/auth';

const router = Router();
router.post('/login', bouncer, login);
export default router;
`,
    },
    {
      name: 'GET routes (OAuth redirect, callback, login page) are not auth endpoints for this rule',
      filename: 'src/routes/oauth.routes.ts',
      code: `
import { Router } from 'express';
import passport from 'passport';

const router = Router();

router.get('/auth/google', passport.authenticate('google', { scope: ['profile', 'email'] }));
router.get('/auth/google/callback', passport.authenticate('google', { failureRedirect: '/login' }), (req, res) => {
  res.redirect('/dashboard');
});
router.get('/login', (req, res) => res.render('login'));

export default router;
`,
    },
    {
      name: 'Logout and ordinary writes are not sign-in, sign-up or recovery endpoints',
      filename: 'src/routes/session.routes.ts',
      code: `
import { Router } from 'express';
import { requireAuth } from '../middleware/auth';
import { createOrder } from '../services/orders';

const router = Router();

router.post('/logout', requireAuth, (req, res) => {
  req.session.destroy(() => res.status(204).end());
});
router.post('/orders', requireAuth, async (req, res) => {
  res.status(201).json(await createOrder(req.user.id, req.body));
});

export default router;
`,
    },
    {
      name: 'Fastify: @fastify/rate-limit registered globally on the root instance',
      filename: 'src/server.ts',
      code: `
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { authService } from './services/auth';

const app = Fastify({ logger: true });

await app.register(rateLimit, { max: 100, timeWindow: '1 minute' });

app.post('/auth/login', async (request, reply) => {
  const { email, password } = request.body as { email: string; password: string };
  return authService.login(email, password);
});

await app.listen({ port: 3000 });
`,
    },
    {
      name: 'Fastify: global: false, and the login route opts in with config.rateLimit',
      filename: 'src/server.ts',
      code: `
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { authService } from './services/auth';

const app = Fastify();

await app.register(rateLimit, { global: false });

app.post('/auth/login', {
  config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
}, async (request) => {
  const { email, password } = request.body as { email: string; password: string };
  return authService.login(email, password);
});

app.get('/products', async () => authService.catalog());

await app.listen({ port: 3000 });
`,
    },
    {
      name: 'Fastify: global: false, and an onRequest hook uses fastify.rateLimit() for the whole instance',
      filename: 'src/server.ts',
      code: `
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { authService } from './services/auth';

const app = Fastify();
await app.register(rateLimit, { global: false, max: 20, timeWindow: '1 minute' });

app.addHook('onRequest', app.rateLimit());

app.post('/auth/register', async (request, reply) => {
  const account = await authService.register(request.body as { email: string; password: string });
  return reply.code(201).send({ id: account.id });
});

await app.listen({ port: 3000 });
`,
    },
    {
      name: "Fastify: global: false, and the route's own onRequest is fastify.rateLimit({...})",
      filename: 'src/server.ts',
      code: `
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { authService } from './services/auth';

const app = Fastify();
await app.register(rateLimit, { global: false });

app.post('/auth/login', { onRequest: app.rateLimit({ max: 5, timeWindow: '1 minute' }) }, async (request) => {
  const { email, password } = request.body as { email: string; password: string };
  return authService.login(email, password);
});

await app.listen({ port: 3000 });
`,
    },
    {
      name: 'Fastify plugin: fastify.route({...}) with config.rateLimit',
      filename: 'src/routes/auth.ts',
      code: `
import type { FastifyInstance } from 'fastify';

export default async function authRoutes(fastify: FastifyInstance) {
  fastify.route({
    method: 'POST',
    url: '/password/reset',
    config: { rateLimit: { max: 3, timeWindow: '15 minutes' } },
    handler: async (request, reply) => {
      await fastify.passwords.reset(request.body as { token: string; password: string });
      return reply.code(204).send();
    },
  });
}
`,
    },
    {
      name: 'Fastify plugin: @fastify/rate-limit registered inside the plugin that declares the routes',
      filename: 'src/plugins/auth-routes.ts',
      code: `
import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';

const authRoutes: FastifyPluginAsync = async (fastify) => {
  await fastify.register(rateLimit, { max: 10, timeWindow: '1 minute' });

  fastify.post('/otp/verify', async (request, reply) => {
    const ok = await fastify.otp.verify(request.body as { challengeId: string; code: string });
    return ok ? { verified: true } : reply.code(401).send({ error: 'invalid_code' });
  });
};

export default fp(authRoutes);
`,
    },
    {
      name: 'Koa @koa/router: koa-ratelimit middleware on the login route',
      filename: 'src/routes/auth.js',
      code: `
const Router = require('@koa/router');
const ratelimit = require('koa-ratelimit');
const { login } = require('../services/auth');

const router = new Router({ prefix: '/auth' });

const loginLimit = ratelimit({
  driver: 'memory',
  db: new Map(),
  duration: 60000,
  max: 5,
  id: (ctx) => ctx.ip,
});

router.post('/login', loginLimit, async (ctx) => {
  ctx.body = await login(ctx.request.body);
});

module.exports = router;
`,
    },
    {
      name: 'Koa: app.use(ratelimit(...)) before app.use(router.routes())',
      filename: 'src/app.js',
      code: `
const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const ratelimit = require('koa-ratelimit');
const Redis = require('ioredis');
const { register } = require('./services/auth');

const app = new Koa();
const router = new Router();

router.post('/register', async (ctx) => {
  ctx.status = 201;
  ctx.body = await register(ctx.request.body);
});

app.use(ratelimit({ driver: 'redis', db: new Redis(), duration: 60000, max: 100, id: (ctx) => ctx.ip }));
app.use(bodyParser());
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(3000);
`,
    },
    {
      name: 'NestJS: @Throttle on the login method',
      filename: 'src/auth/auth.controller.ts',
      code: `
import { Body, Controller, Post } from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';
import { AuthService } from './auth.service';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @Post('login')
  login(@Body() body: { email: string; password: string }) {
    return this.auth.login(body.email, body.password);
  }
}
`,
    },
    {
      name: 'NestJS: @UseGuards(ThrottlerGuard) on the controller covers every route',
      filename: 'src/auth/auth.controller.ts',
      code: `
import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthService } from './auth.service';
import { RegisterDto, ForgotPasswordDto } from './dto';

@UseGuards(ThrottlerGuard)
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  register(@Body() dto: RegisterDto) {
    return this.auth.register(dto);
  }

  @HttpCode(202)
  @Post('forgot-password')
  forgotPassword(@Body() dto: ForgotPasswordDto) {
    return this.auth.sendResetEmail(dto.email);
  }
}
`,
    },
    {
      name: 'NestJS: @Throttle on the controller class',
      filename: 'src/auth/two-factor.controller.ts',
      code: `
import { Body, Controller, Post, Req, UseGuards } from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';
import { JwtAuthGuard } from './jwt-auth.guard';
import { TwoFactorService } from './two-factor.service';

@Throttle({ default: { limit: 3, ttl: 60_000 } })
@Controller('2fa')
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @UseGuards(JwtAuthGuard)
  @Post('verify')
  verify(@Req() req: { user: { id: string } }, @Body() body: { code: string }) {
    return this.twoFactor.verify(req.user.id, body.code);
  }
}
`,
    },
    {
      name: 'NestJS: ThrottlerGuard provided as APP_GUARD in the same file',
      filename: 'src/app.module.ts',
      code: `
import { Body, Controller, Module, Post } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuthService } from './auth.service';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('token')
  token(@Body() body: { clientId: string; clientSecret: string }) {
    return this.auth.issueToken(body.clientId, body.clientSecret);
  }
}

@Module({
  imports: [ThrottlerModule.forRoot([{ ttl: 60_000, limit: 10 }])],
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class AppModule {}
`,
    },
    {
      name: 'NestJS: @SkipThrottle() only on GET OAuth routes; the sign-in route is throttled',
      filename: 'src/auth/auth.controller.ts',
      code: `
import { Body, Controller, Get, Post, Query, Res, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { SkipThrottle, Throttle } from '@nestjs/throttler';
import type { Response } from 'express';
import { AuthService } from './auth.service';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @Post('signin')
  signIn(@Body() body: { email: string; password: string }) {
    return this.auth.signIn(body.email, body.password);
  }

  @SkipThrottle()
  @Get('github')
  @UseGuards(AuthGuard('github'))
  github() {}

  @SkipThrottle()
  @Get('github/callback')
  @UseGuards(AuthGuard('github'))
  githubCallback(@Query('state') state: string, @Res() res: Response) {
    return res.redirect(\`/welcome?state=\${state}\`);
  }
}
`,
    },
    {
      name: 'Hono: rateLimiter from hono-rate-limiter on /auth/*',
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { getConnInfo } from 'hono/bun';
import { login, signup } from './services/auth';

const app = new Hono();

app.use(
  '/auth/*',
  rateLimiter({
    windowMs: 15 * 60 * 1000,
    limit: 10,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => getConnInfo(c).remote.address ?? 'anonymous',
  }),
);

app.post('/auth/login', async (c) => {
  const { email, password } = await c.req.json();
  return c.json(await login(email, password));
});

app.post('/auth/signup', async (c) => c.json(await signup(await c.req.json()), 201));

export default app;
`,
    },
    {
      name: 'Hono: a configured rateLimiter(...) on the magic-link route',
      filename: 'src/routes/auth.ts',
      code: `
import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { sendMagicLink } from '../services/magic-link';

const auth = new Hono();

const magicLinkLimiter = rateLimiter({
  windowMs: 60 * 60 * 1000,
  limit: 3,
  keyGenerator: (c) => c.req.header('x-forwarded-for') ?? '',
});

auth.post('/magic-link', magicLinkLimiter, async (c) => {
  const { email } = await c.req.json<{ email: string }>();
  await sendMagicLink(email);
  return c.body(null, 202);
});

export default auth;
`,
    },
    {
      name: "Hono: a sub-app mounted with app.route('/auth', ...) behind app.use('/auth/*', rateLimiter(...))",
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { login } from './services/auth';

const app = new Hono();
const authApp = new Hono();

authApp.post('/login', async (c) => c.json(await login(await c.req.json())));

app.use('/auth/*', rateLimiter({ windowMs: 60_000, limit: 10, keyGenerator: (c) => c.req.header('cf-connecting-ip') ?? '' }));
app.route('/auth', authApp);

export default app;
`,
    },
    {
      name: 'Next.js App Router: Upstash ratelimit.limit(ip) inside the POST handler',
      filename: 'app/api/auth/login/route.ts',
      code: `
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { NextResponse, type NextRequest } from 'next/server';
import { verifyCredentials } from '@/lib/auth';

const ratelimit = new Ratelimit({
  redis: Redis.fromEnv(),
  limiter: Ratelimit.slidingWindow(5, '60 s'),
  prefix: 'ratelimit:login',
});

export async function POST(req: NextRequest) {
  const ip = req.headers.get('x-forwarded-for') ?? '127.0.0.1';
  const { success } = await ratelimit.limit(ip);
  if (!success) {
    return NextResponse.json({ error: 'Too many attempts' }, { status: 429 });
  }
  const { email, password } = await req.json();
  const session = await verifyCredentials(email, password);
  return NextResponse.json(session);
}
`,
    },
    {
      name: 'Next.js Pages API: Upstash ratelimit.limit(ip) before creating the account',
      filename: 'pages/api/auth/register.ts',
      code: `
import type { NextApiRequest, NextApiResponse } from 'next';
import { Ratelimit } from '@upstash/ratelimit';
import { kv } from '@vercel/kv';
import { createAccount } from '@/lib/accounts';

const ratelimit = new Ratelimit({ redis: kv, limiter: Ratelimit.fixedWindow(3, '10 m') });

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).end();
  const ip = (req.headers['x-forwarded-for'] as string | undefined) ?? req.socket.remoteAddress ?? 'unknown';
  const { success } = await ratelimit.limit(ip);
  if (!success) return res.status(429).json({ error: 'Too many requests' });
  const account = await createAccount(req.body);
  return res.status(201).json(account);
}
`,
    },
    {
      name: 'Next.js: a GET OAuth callback is not an auth endpoint for this rule',
      filename: 'app/api/auth/callback/route.ts',
      code: `
import { NextResponse, type NextRequest } from 'next/server';
import { exchangeCode } from '@/lib/oauth';

export async function GET(req: NextRequest) {
  const code = req.nextUrl.searchParams.get('code');
  if (!code) return NextResponse.redirect(new URL('/login?error=missing_code', req.url));
  await exchangeCode(code);
  return NextResponse.redirect(new URL('/dashboard', req.url));
}
`,
    },
    {
      name: 'NestJS: @SkipThrottle({ default: false }) on the login method lifts the class-level @SkipThrottle()',
      filename: 'src/auth/auth.controller.ts',
      code: `
import { Body, Controller, Get, Post, Req, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { JwtAuthGuard } from './jwt-auth.guard';
import { AuthService } from './auth.service';

@SkipThrottle()
@UseGuards(ThrottlerGuard)
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @UseGuards(JwtAuthGuard)
  @Get('me')
  me(@Req() req: { user: { id: string } }) {
    return this.auth.profile(req.user.id);
  }

  @SkipThrottle({ default: false })
  @Post('login')
  login(@Body() body: { email: string; password: string }) {
    return this.auth.login(body.email, body.password);
  }
}
`,
    },
    {
      name: 'Next.js App Router: an Upstash limiter with a short name, rl.limit(ip) and a 429',
      filename: 'app/api/auth/login/route.ts',
      code: `
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { NextResponse } from 'next/server';
import { signIn } from '@/lib/auth';

const redis = Redis.fromEnv();
const rl = new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(5, '1 m') });

export async function POST(req: Request) {
  const ip = req.headers.get('x-forwarded-for') ?? '127.0.0.1';
  const { success } = await rl.limit(ip);
  if (!success) return new Response('Too many', { status: 429 });
  const { email, password } = await req.json();
  const session = await signIn(email, password);
  return session ? NextResponse.json(session) : NextResponse.json({ error: 'Invalid credentials' }, { status: 401 });
}
`,
    },
    {
      name: 'rate-limiter-flexible: a limiter named loginAttempts consumed in a middleware on the login route',
      filename: 'src/routes/auth.routes.ts',
      code: `
import { Router, type RequestHandler } from 'express';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { redisClient } from '../lib/redis';
import { login } from '../controllers/auth.controller';

const loginAttempts = new RateLimiterRedis({ storeClient: redisClient, keyPrefix: 'login', points: 5, duration: 15 * 60 });

const countLoginAttempts: RequestHandler = async (req, res, next) => {
  try {
    await loginAttempts.consume(req.ip);
    next();
  } catch {
    res.status(429).json({ error: 'Too many login attempts' });
  }
};

const router = Router();
router.post('/login', countLoginAttempts, login);
export default router;
`,
    },
    {
      name: 'rate-limiter-flexible: a middleware whose name reads like auth (checkLoginAttempts) is judged by its body',
      filename: 'src/routes/auth.routes.ts',
      code: `
import { Router, type RequestHandler } from 'express';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { redisClient } from '../lib/redis';
import { login } from '../controllers/auth.controller';

const loginAttempts = new RateLimiterRedis({ storeClient: redisClient, keyPrefix: 'login', points: 5, duration: 15 * 60 });

const checkLoginAttempts: RequestHandler = async (req, res, next) => {
  try {
    await loginAttempts.consume(req.ip);
    next();
  } catch {
    res.status(429).json({ error: 'Too many login attempts' });
  }
};

const router = Router();
router.post('/login', checkLoginAttempts, login);
export default router;
`,
    },
    {
      name: 'express-rate-limit imported under another name: the limiter it builds is recognised',
      filename: 'src/routes/auth.routes.ts',
      code: `
import { Router } from 'express';
import limit from 'express-rate-limit';
import { login } from '../controllers/auth.controller';

const router = Router();
const loginRules = limit({ windowMs: 60_000, limit: 5 });

router.post('/login', loginRules, login);

export default router;
`,
    },
    {
      name: 'Fastify: a route with schema options whose handler consumes a rate-limiter-flexible point',
      filename: 'src/routes/otp.ts',
      code: `
import type { FastifyPluginAsync } from 'fastify';
import { RateLimiterMemory } from 'rate-limiter-flexible';

const otpLimiter = new RateLimiterMemory({ points: 5, duration: 300 });
const schema = {
  body: {
    type: 'object',
    required: ['challengeId', 'code'],
    properties: { challengeId: { type: 'string' }, code: { type: 'string' } },
  },
};

const otpRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.post('/otp/verify', { schema }, async (request, reply) => {
    try {
      await otpLimiter.consume(request.ip);
    } catch {
      return reply.code(429).send({ error: 'too_many_attempts' });
    }
    const ok = await fastify.otp.verify(request.body as { challengeId: string; code: string });
    return ok ? { verified: true } : reply.code(401).send({ error: 'invalid_code' });
  });
};

export default otpRoutes;
`,
    },
  ],
  invalid: [
    {
      name: 'a password_reset route (snake case) without a limiter',
      filename: 'src/routes/auth.js',
      code: `
const express = require('express');
const router = express.Router();
router.post('/authentication/password_reset', async (req, res) => {
  await sendResetEmail(req.body.email);
  res.sendStatus(204);
});
module.exports = router;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 4,
          column: 8,
          suggestions: [
            {
              messageId: 'defineLimiter',
              output: `
const express = require('express');
const rateLimit = require('express-rate-limit');
const router = express.Router();
const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });
router.post('/authentication/password_reset', loginLimiter, async (req, res) => {
  await sendResetEmail(req.body.email);
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
      name: 'Express TS router without a limiter: define one with express-rate-limit, adding the import',
      filename: 'src/routes/auth.routes.ts',
      code: `
import { Router } from 'express';
import { login } from '../controllers/auth.controller';

const router = Router();

router.post('/login', login);

export default router;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 7,
          column: 8,
          suggestions: [
            {
              messageId: 'defineLimiter',
              output: `
import { Router } from 'express';
import { login } from '../controllers/auth.controller';
import rateLimit from 'express-rate-limit';

const router = Router();

const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });
router.post('/login', loginLimiter, login);

export default router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Express CommonJS router: the import is a require, after the first require',
      filename: 'routes/users.js',
      code: `
var express = require('express');
var router = express.Router();
var User = require('../models/user');

router.post('/register', function (req, res, next) {
  User.create(req.body)
    .then(function (user) { res.status(201).json({ id: user.id }); })
    .catch(next);
});

module.exports = router;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 6,
          column: 8,
          suggestions: [
            {
              messageId: 'defineLimiter',
              output: `
var express = require('express');
const rateLimit = require('express-rate-limit');
var router = express.Router();
var User = require('../models/user');

const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });
router.post('/register', loginLimiter, function (req, res, next) {
  User.create(req.body)
    .then(function (user) { res.status(201).json({ id: user.id }); })
    .catch(next);
});

module.exports = router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS route module taking the app: the limiter is defined inside the function, with its indentation',
      filename: 'src/routes/auth.js',
      code: `
module.exports = function registerAuthRoutes(app) {
  app.post('/api/auth/login', async (req, res) => {
    const session = await req.services.auth.login(req.body.email, req.body.password);
    res.json(session);
  });
};
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'defineLimiter',
              output: `const rateLimit = require('express-rate-limit');

module.exports = function registerAuthRoutes(app) {
  const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });
  app.post('/api/auth/login', loginLimiter, async (req, res) => {
    const session = await req.services.auth.login(req.body.email, req.body.password);
    res.json(session);
  });
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Express: app.use(rateLimit(...)) registered after the route does not run for it; rateLimit is already required',
      filename: 'src/server.js',
      code: `
'use strict';

const express = require('express');
const rateLimit = require('express-rate-limit');
const auth = require('./controllers/auth');

const app = express();
app.use(express.json());

app.post('/api/sessions', auth.createSession);

app.use(rateLimit({ windowMs: 15 * 60 * 1000, max: 100 }));

module.exports = app;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 11,
          column: 5,
          suggestions: [
            {
              messageId: 'defineLimiter',
              output: `
'use strict';

const express = require('express');
const rateLimit = require('express-rate-limit');
const auth = require('./controllers/auth');

const app = express();
app.use(express.json());

const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });
app.post('/api/sessions', loginLimiter, auth.createSession);

app.use(rateLimit({ windowMs: 15 * 60 * 1000, max: 100 }));

module.exports = app;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Express: a limiter on another prefix does not cover /api/auth/login; rateLimit is already imported',
      filename: 'src/app.ts',
      code: `
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { login } from './controllers/auth';
import { createOrder } from './controllers/orders';

const app = express();
app.use(express.json());
app.use('/api/orders', rateLimit({ windowMs: 60_000, limit: 30 }));

app.post('/api/orders', createOrder);
app.post('/api/auth/login', login);

export default app;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 12,
          column: 5,
          suggestions: [
            {
              messageId: 'defineLimiter',
              output: `
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { login } from './controllers/auth';
import { createOrder } from './controllers/orders';

const app = express();
app.use(express.json());
app.use('/api/orders', rateLimit({ windowMs: 60_000, limit: 30 }));

app.post('/api/orders', createOrder);
const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });
app.post('/api/auth/login', loginLimiter, login);

export default app;
`,
            },
          ],
        },
      ],
    },
    {
      name: "Express: a limiter placed after the router in the mount never runs before the router's routes",
      filename: 'src/app.ts',
      code: `
import express from 'express';
import rateLimit from 'express-rate-limit';
import { login } from './controllers/auth';

const app = express();
const authRouter = express.Router();
authRouter.post('/login', login);

const authLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 20 });
app.use('/auth', authRouter, authLimiter);

export default app;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 8,
          column: 12,
          suggestions: [
            {
              messageId: 'defineLimiter',
              output: `
import express from 'express';
import rateLimit from 'express-rate-limit';
import { login } from './controllers/auth';

const app = express();
const authRouter = express.Router();
const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });
authRouter.post('/login', loginLimiter, login);

const authLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 20 });
app.use('/auth', authRouter, authLimiter);

export default app;
`,
            },
          ],
        },
      ],
    },
    {
      name: "Express: router.route('/signup').post(handler)",
      filename: 'src/routes/auth.routes.ts',
      code: `
import { Router } from 'express';
import { signup } from '../controllers/auth.controller';

const router = Router();

router.route('/signup').post(signup);

export default router;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 7,
          column: 25,
          suggestions: [
            {
              messageId: 'defineLimiter',
              output: `
import { Router } from 'express';
import { signup } from '../controllers/auth.controller';
import rateLimit from 'express-rate-limit';

const router = Router();

const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });
router.route('/signup').post(loginLimiter, signup);

export default router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Express: the file imports a limiter but the refresh-token route does not use it',
      filename: 'src/routes/auth.routes.ts',
      code: `
import { Router } from 'express';
import { loginLimiter } from '../middleware/rate-limiters';
import { login, refreshToken } from '../controllers/auth.controller';

const router = Router();

router.post('/login', loginLimiter, login);
router.post('/refresh-token', refreshToken);

export default router;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 9,
          column: 8,
          suggestions: [
            {
              messageId: 'addLimiter',
              data: { name: 'loginLimiter' },
              output: `
import { Router } from 'express';
import { loginLimiter } from '../middleware/rate-limiters';
import { login, refreshToken } from '../controllers/auth.controller';

const router = Router();

router.post('/login', loginLimiter, login);
router.post('/refresh-token', loginLimiter, refreshToken);

export default router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Team settings: authThrottle is imported and named as a limiter, but the 2FA route lacks it',
      filename: 'src/routes/auth.ts',
      settings: { backendCoach: { file: { rateLimit: { middleware: ['authThrottle'] } } } },
      code: `
import { Router } from 'express';
import { authThrottle } from '../middleware/security';
import { login, verifyTwoFactor } from '../controllers/auth';

const router = Router();
router.post('/login', authThrottle, login);
router.post('/2fa/verify', verifyTwoFactor);
export default router;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 8,
          column: 8,
          suggestions: [
            {
              messageId: 'addLimiter',
              data: { name: 'authThrottle' },
              output: `
import { Router } from 'express';
import { authThrottle } from '../middleware/security';
import { login, verifyTwoFactor } from '../controllers/auth';

const router = Router();
router.post('/login', authThrottle, login);
router.post('/2fa/verify', authThrottle, verifyTwoFactor);
export default router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Express: a multi-line route with an asyncHandler-wrapped handler',
      filename: 'src/routes/auth.routes.ts',
      code: `
import { Router } from 'express';
import { asyncHandler } from '../utils/async-handler';
import { magicLinkService } from '../services/magic-link';

const router = Router();

router.post(
  '/magic-link',
  asyncHandler(async (req, res) => {
    await magicLinkService.send(req.body.email);
    res.status(202).end();
  }),
);

export default router;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 8,
          column: 8,
          suggestions: [
            {
              messageId: 'defineLimiter',
              output: `
import { Router } from 'express';
import { asyncHandler } from '../utils/async-handler';
import { magicLinkService } from '../services/magic-link';
import rateLimit from 'express-rate-limit';

const router = Router();

const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });
router.post(
  '/magic-link', loginLimiter,
  asyncHandler(async (req, res) => {
    await magicLinkService.send(req.body.email);
    res.status(202).end();
  }),
);

export default router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Express: PUT /password/reset with validation but no limiter',
      filename: 'src/routes/password.routes.ts',
      code: `
import { Router } from 'express';
import { validate } from '../middleware/validate';
import { resetPasswordSchema } from '../schemas/password';
import * as passwordController from '../controllers/password.controller';

const router = Router();

router.put('/password/reset', validate(resetPasswordSchema), passwordController.reset);

export default router;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 9,
          column: 8,
          suggestions: [
            {
              messageId: 'defineLimiter',
              output: `
import { Router } from 'express';
import { validate } from '../middleware/validate';
import { resetPasswordSchema } from '../schemas/password';
import * as passwordController from '../controllers/password.controller';
import rateLimit from 'express-rate-limit';

const router = Router();

const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });
router.put('/password/reset', loginLimiter, validate(resetPasswordSchema), passwordController.reset);

export default router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Koa @koa/router with a prefix and no limiter: no limiter to offer',
      filename: 'src/routes/auth.js',
      code: `
const Router = require('@koa/router');
const { login } = require('../services/auth');

const router = new Router({ prefix: '/auth' });

router.post('/login', async (ctx) => {
  ctx.body = await login(ctx.request.body);
});

module.exports = router;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 7,
          column: 8,
          suggestions: [],
        },
      ],
    },
    {
      name: 'Koa @koa/router: the file imports a limiter; add it to the route',
      filename: 'src/routes/auth.ts',
      code: `
import Router from '@koa/router';
import { loginLimiter } from '../middleware/limits';
import { resetPassword } from '../services/auth';

const router = new Router({ prefix: '/auth' });

router.post('/reset-password', async (ctx) => {
  await resetPassword(ctx.request.body);
  ctx.status = 204;
});

export default router;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 8,
          column: 8,
          suggestions: [
            {
              messageId: 'addLimiter',
              data: { name: 'loginLimiter' },
              output: `
import Router from '@koa/router';
import { loginLimiter } from '../middleware/limits';
import { resetPassword } from '../services/auth';

const router = new Router({ prefix: '/auth' });

router.post('/reset-password', loginLimiter, async (ctx) => {
  await resetPassword(ctx.request.body);
  ctx.status = 204;
});

export default router;
`,
            },
          ],
        },
      ],
    },
    {
      name: "Koa: the limiter is used after the router's routes",
      filename: 'src/app.js',
      code: `
const Koa = require('koa');
const Router = require('@koa/router');
const { apiLimiter } = require('./middleware/limits');
const { register } = require('./services/auth');

const app = new Koa();
const router = new Router();

router.post('/register', async (ctx) => {
  ctx.status = 201;
  ctx.body = await register(ctx.request.body);
});

app.use(router.routes());
app.use(apiLimiter);

app.listen(3000);
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 10,
          column: 8,
          suggestions: [
            {
              messageId: 'addLimiter',
              data: { name: 'apiLimiter' },
              output: `
const Koa = require('koa');
const Router = require('@koa/router');
const { apiLimiter } = require('./middleware/limits');
const { register } = require('./services/auth');

const app = new Koa();
const router = new Router();

router.post('/register', apiLimiter, async (ctx) => {
  ctx.status = 201;
  ctx.body = await register(ctx.request.body);
});

app.use(router.routes());
app.use(apiLimiter);

app.listen(3000);
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Fastify: @fastify/rate-limit with global: false and no per-route config',
      filename: 'src/server.ts',
      code: `
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { authService } from './services/auth';

const app = Fastify({ logger: true });

await app.register(rateLimit, { global: false });

app.post('/auth/login', async (request) => {
  const { email, password } = request.body as { email: string; password: string };
  return authService.login(email, password);
});

await app.listen({ port: 3000 });
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 10,
          column: 5,
          suggestions: [
            {
              messageId: 'addRouteConfig',
              output: `
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { authService } from './services/auth';

const app = Fastify({ logger: true });

await app.register(rateLimit, { global: false });

app.post('/auth/login', { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async (request) => {
  const { email, password } = request.body as { email: string; password: string };
  return authService.login(email, password);
});

await app.listen({ port: 3000 });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Fastify plugin with no limiter: add a per-route config',
      filename: 'src/routes/auth.ts',
      code: `
import type { FastifyPluginAsync } from 'fastify';

const authRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.post('/register', async (request, reply) => {
    return reply.code(201).send({ id: 1 });
  });
};

export default authRoutes;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 5,
          column: 11,
          suggestions: [
            {
              messageId: 'addRouteConfig',
              output: `
import type { FastifyPluginAsync } from 'fastify';

const authRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.post('/register', { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async (request, reply) => {
    return reply.code(201).send({ id: 1 });
  });
};

export default authRoutes;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Fastify plugin: fastify.route({...}) for the token endpoint',
      filename: 'src/routes/auth.ts',
      code: `
import type { FastifyInstance } from 'fastify';

export default async function authRoutes(fastify: FastifyInstance) {
  fastify.route({
    method: 'POST',
    url: '/token',
    handler: async (request) => fastify.oauth.issueToken(request.body as { grant_type: string }),
  });
}
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 5,
          column: 11,
          suggestions: [
            {
              messageId: 'addRouteConfig',
              output: `
import type { FastifyInstance } from 'fastify';

export default async function authRoutes(fastify: FastifyInstance) {
  fastify.route({
    method: 'POST',
    url: '/token',
    handler: async (request) => fastify.oauth.issueToken(request.body as { grant_type: string }), config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Fastify: rateLimit: false switches the limit off for this route; the config already exists, so no suggestion',
      filename: 'src/server.ts',
      code: `
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';

const app = Fastify();
await app.register(rateLimit, { global: false });

app.post('/auth/forgot-password', { config: { rateLimit: false } }, async (request, reply) => {
  await app.mailer.sendReset((request.body as { email: string }).email);
  return reply.code(202).send();
});
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 8,
          column: 5,
          suggestions: [],
        },
      ],
    },
    {
      name: 'NestJS: a login route without throttling: add @Throttle and its import',
      filename: 'src/auth/auth.controller.ts',
      code: `
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';

@Controller('auth')
export class AuthController {
  constructor(private readonly authService: AuthService) {}

  @HttpCode(200)
  @Post('login')
  login(@Body() dto: LoginDto) {
    return this.authService.login(dto);
  }
}
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 11,
          column: 3,
          suggestions: [
            {
              messageId: 'addThrottle',
              output: `
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { Throttle } from '@nestjs/throttler';

@Controller('auth')
export class AuthController {
  constructor(private readonly authService: AuthService) {}

  @HttpCode(200)
  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @Post('login')
  login(@Body() dto: LoginDto) {
    return this.authService.login(dto);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'NestJS: Throttle is already imported for another route; only the decorator is added',
      filename: 'src/auth/auth.controller.ts',
      code: `
import { Body, Controller, Post } from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';
import { AuthService } from './auth.service';

@Controller('auth')
export class AuthController {
  constructor(private readonly authService: AuthService) {}

  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @Post('login')
  login(@Body() body: { email: string; password: string }) {
    return this.authService.login(body.email, body.password);
  }

  @Post('register')
  register(@Body() body: { email: string; password: string }) {
    return this.authService.register(body.email, body.password);
  }
}
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 16,
          column: 3,
          suggestions: [
            {
              messageId: 'addThrottle',
              output: `
import { Body, Controller, Post } from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';
import { AuthService } from './auth.service';

@Controller('auth')
export class AuthController {
  constructor(private readonly authService: AuthService) {}

  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @Post('login')
  login(@Body() body: { email: string; password: string }) {
    return this.authService.login(body.email, body.password);
  }

  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @Post('register')
  register(@Body() body: { email: string; password: string }) {
    return this.authService.register(body.email, body.password);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'NestJS: the method name says sign-in when the path says nothing',
      filename: 'src/auth/auth.controller.ts',
      code: `
import { Body, Controller, Post } from '@nestjs/common';
import { AuthService } from './auth.service';

@Controller('auth')
export class AuthController {
  constructor(private readonly authService: AuthService) {}

  @Post()
  signIn(@Body() body: { username: string; password: string }) {
    return this.authService.signIn(body.username, body.password);
  }
}
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 9,
          column: 3,
          suggestions: [
            {
              messageId: 'addThrottle',
              output: `
import { Body, Controller, Post } from '@nestjs/common';
import { AuthService } from './auth.service';
import { Throttle } from '@nestjs/throttler';

@Controller('auth')
export class AuthController {
  constructor(private readonly authService: AuthService) {}

  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @Post()
  signIn(@Body() body: { username: string; password: string }) {
    return this.authService.signIn(body.username, body.password);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'NestJS: an APP_GUARD that authenticates does not rate limit; @Public() routes are still brute-forceable',
      filename: 'src/app.module.ts',
      code: `
import { Body, Controller, Module, Post } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { Public } from './auth/public.decorator';
import { AuthService } from './auth/auth.service';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('password/forgot')
  forgot(@Body() body: { email: string }) {
    return this.auth.sendResetLink(body.email);
  }
}

@Module({
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: JwtAuthGuard }],
})
export class AppModule {}
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 13,
          column: 3,
          suggestions: [
            {
              messageId: 'addThrottle',
              output: `
import { Body, Controller, Module, Post } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { Public } from './auth/public.decorator';
import { AuthService } from './auth/auth.service';
import { Throttle } from '@nestjs/throttler';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @Post('password/forgot')
  forgot(@Body() body: { email: string }) {
    return this.auth.sendResetLink(body.email);
  }
}

@Module({
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: JwtAuthGuard }],
})
export class AppModule {}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Hono app with basePath and no limiter: no limiter to offer',
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';
import { verifyPassword } from './lib/password';
import { issueToken } from './lib/tokens';

const app = new Hono().basePath('/api');

app.post('/auth/login', async (c) => {
  const { email, password } = await c.req.json();
  const user = await verifyPassword(email, password);
  return user ? c.json({ token: await issueToken(user) }) : c.json({ error: 'invalid' }, 401);
});

export default app;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 8,
          column: 5,
          suggestions: [],
        },
      ],
    },
    {
      name: 'Hono: the file imports a configured limiter; add it to the route',
      filename: 'src/routes/auth.ts',
      code: `
import { Hono } from 'hono';
import { authLimiter } from '../middleware/rate-limit';
import { createUser } from '../services/users';

const auth = new Hono();

auth.post('/register', async (c) => {
  const body = await c.req.json();
  return c.json(await createUser(body), 201);
});

export default auth;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 8,
          column: 6,
          suggestions: [
            {
              messageId: 'addLimiter',
              data: { name: 'authLimiter' },
              output: `
import { Hono } from 'hono';
import { authLimiter } from '../middleware/rate-limit';
import { createUser } from '../services/users';

const auth = new Hono();

auth.post('/register', authLimiter, async (c) => {
  const body = await c.req.json();
  return c.json(await createUser(body), 201);
});

export default auth;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Next.js App Router login handler without a limiter',
      filename: 'app/api/auth/login/route.ts',
      code: `
import { NextResponse } from 'next/server';
import { signIn } from '@/lib/auth';

export async function POST(req: Request) {
  const { email, password } = await req.json();
  const session = await signIn(email, password);
  if (!session) return NextResponse.json({ error: 'Invalid credentials' }, { status: 401 });
  return NextResponse.json(session);
}
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 5,
          column: 1,
          suggestions: [],
        },
      ],
    },
    {
      name: 'Next.js Pages API forgot-password handler without a limiter',
      filename: 'pages/api/auth/forgot-password.ts',
      code: `
import type { NextApiRequest, NextApiResponse } from 'next';
import { sendPasswordReset } from '@/lib/mail';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).end();
  await sendPasswordReset(req.body.email);
  return res.status(202).end();
}
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 5,
          column: 1,
          suggestions: [],
        },
      ],
    },
    {
      name: 'Next.js App Router in a route group: OTP verification without a limiter',
      filename: 'src/app/(auth)/api/auth/otp/verify/route.ts',
      code: `
import { NextResponse } from 'next/server';
import { verifyOtp } from '@/lib/otp';

export const POST = async (req: Request) => {
  const { phone, code } = await req.json();
  return (await verifyOtp(phone, code)) ? NextResponse.json({ ok: true }) : NextResponse.json({ ok: false }, { status: 400 });
};
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 5,
          column: 1,
          suggestions: [],
        },
      ],
    },
    {
      name: 'Express: the file defines loginLimiter for /login; reuse it on /register instead of defining another',
      filename: 'src/routes/auth.routes.ts',
      code: `
import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import { login, register } from '../controllers/auth.controller';

const router = Router();

const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });

router.post('/login', loginLimiter, login);
router.post('/register', register);

export default router;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          data: { method: 'POST', path: '/register' },
          line: 11,
          column: 8,
          suggestions: [
            {
              messageId: 'addLimiter',
              data: { name: 'loginLimiter' },
              output: `
import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import { login, register } from '../controllers/auth.controller';

const router = Router();

const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });

router.post('/login', loginLimiter, login);
router.post('/register', loginLimiter, register);

export default router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Koa: koa-ratelimit is required, but its factory is not a limiter to put on the login route',
      filename: 'src/routes/auth.js',
      code: `
const Router = require('@koa/router');
const ratelimit = require('koa-ratelimit');
const { login, sendResetEmail } = require('../services/auth');

const router = new Router({ prefix: '/auth' });

router.post('/password/forgot', ratelimit({ driver: 'memory', db: new Map(), duration: 60 * 60 * 1000, max: 3 }), async (ctx) => {
  await sendResetEmail(ctx.request.body.email);
  ctx.status = 202;
});

router.post('/login', async (ctx) => {
  ctx.body = await login(ctx.request.body);
});

module.exports = router;
`,
      errors: [{ messageId: 'missingRateLimit', data: { method: 'POST', path: '/auth/login' }, line: 13, column: 8, suggestions: [] }],
    },
    {
      name: 'Hono: rateLimiter is imported, but the factory is not a limiter to put on the login route',
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { login } from './services/auth';

const app = new Hono();

app.use('/api/*', rateLimiter({ windowMs: 60_000, limit: 100, keyGenerator: (c) => c.req.header('cf-connecting-ip') ?? '' }));

app.post('/auth/login', async (c) => {
  const { email, password } = await c.req.json();
  return c.json(await login(email, password));
});

export default app;
`,
      errors: [{ messageId: 'missingRateLimit', data: { method: 'POST', path: '/auth/login' }, line: 10, column: 5, suggestions: [] }],
    },
    {
      name: 'Team settings name authThrottle, but this file does not import it: define a limiter instead',
      filename: 'src/routes/auth.ts',
      settings: { backendCoach: { file: { rateLimit: { middleware: ['authThrottle'] } } } },
      code: `
import { Router } from 'express';
import { login } from '../controllers/auth';

const router = Router();
router.post('/login', login);
export default router;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          line: 6,
          column: 8,
          suggestions: [
            {
              messageId: 'defineLimiter',
              output: `
import { Router } from 'express';
import { login } from '../controllers/auth';
import rateLimit from 'express-rate-limit';

const router = Router();
const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });
router.post('/login', loginLimiter, login);
export default router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'NestJS: @SkipThrottle() on the login method switches off the class-level ThrottlerGuard; no @Throttle to offer',
      filename: 'src/auth/auth.controller.ts',
      code: `
import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { AuthService } from './auth.service';

@UseGuards(ThrottlerGuard)
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @SkipThrottle()
  @Post('login')
  login(@Body() body: { email: string; password: string }) {
    return this.auth.login(body.email, body.password);
  }
}
`,
      errors: [{ messageId: 'missingRateLimit', data: { method: 'POST', path: '/auth/login' }, line: 12, column: 3, suggestions: [] }],
    },
    {
      name: 'express-rate-limit imported as limit, no limiter variable: the defined limiter calls limit(...) and no import is added',
      filename: 'src/routes/auth.routes.ts',
      code: `
import { Router } from 'express';
import limit from 'express-rate-limit';
import { register } from '../controllers/auth.controller';
import { sendContactMessage } from '../controllers/contact.controller';

const router = Router();

router.post('/contact', limit({ windowMs: 60 * 60 * 1000, limit: 3 }), sendContactMessage);
router.post('/register', register);

export default router;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          data: { method: 'POST', path: '/register' },
          line: 10,
          column: 8,
          suggestions: [
            {
              messageId: 'defineLimiter',
              output: `
import { Router } from 'express';
import limit from 'express-rate-limit';
import { register } from '../controllers/auth.controller';
import { sendContactMessage } from '../controllers/contact.controller';

const router = Router();

router.post('/contact', limit({ windowMs: 60 * 60 * 1000, limit: 3 }), sendContactMessage);
const loginLimiter = limit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });
router.post('/register', loginLimiter, register);

export default router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Express: passport.authenticate answers 401 itself, so the limiter goes right after the path, before passport',
      filename: 'src/routes/auth.routes.ts',
      code: `
import { Router } from 'express';
import passport from 'passport';
import { issueToken } from '../controllers/auth.controller';

const router = Router();

router.post('/login', passport.authenticate('local', { session: false }), issueToken);

export default router;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          data: { method: 'POST', path: '/login' },
          line: 8,
          column: 8,
          suggestions: [
            {
              messageId: 'defineLimiter',
              output: `
import { Router } from 'express';
import passport from 'passport';
import { issueToken } from '../controllers/auth.controller';
import rateLimit from 'express-rate-limit';

const router = Router();

const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false });
router.post('/login', loginLimiter, passport.authenticate('local', { session: false }), issueToken);

export default router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Fastify: a route with a schema options object gets config.rateLimit added to that object',
      filename: 'src/routes/auth.ts',
      code: `
import type { FastifyPluginAsync } from 'fastify';
import { registerSchema } from '../schemas/auth';

const authRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.post('/register', { schema: registerSchema }, async (req, reply) => {
    const user = await fastify.users.create(req.body as { email: string; password: string });
    return reply.code(201).send({ id: user.id });
  });
};

export default authRoutes;
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          data: { method: 'POST', path: '/register' },
          line: 6,
          column: 11,
          suggestions: [
            {
              messageId: 'addRouteConfig',
              output: `
import type { FastifyPluginAsync } from 'fastify';
import { registerSchema } from '../schemas/auth';

const authRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.post('/register', { schema: registerSchema, config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async (req, reply) => {
    const user = await fastify.users.create(req.body as { email: string; password: string });
    return reply.code(201).send({ id: user.id });
  });
};

export default authRoutes;
`,
            },
          ],
        },
      ],
    },
  ],
});
