import rule from '../../../src/engine/rules/missing-auth-check';
import { ruleTester } from '../support/rule-tester';

const teamAuth = { backendCoach: { file: { auth: { middleware: ['mustBeSignedIn'] } } } };
const teamPublicShare = { backendCoach: { file: { publicRoutes: ['/share/:token'] } } };

ruleTester().run('missing-auth-check', rule, {
  valid: [
    // A test file: the app is built to be driven by supertest, never deployed; seen in Unleash's middleware tests.
    {
      filename: 'src/lib/middleware/audit-middleware.test.ts',
      code: `
import express from 'express';
import supertest from 'supertest';
test('adds the audit object', async () => {
  const app = express();
  app.get('/api/admin/test', (req, res) => {
    res.status(200).json({ audit: req.audit });
  });
  await supertest(app).get('/api/admin/test').expect(200);
});
`,
    },
    // Express: a debugging endpoint registered only under `if (isDev)`; seen in Uptime Kuma's /test-webhook.
    {
      filename: 'server/server.js',
      code: `
const express = require('express');
const { isDev, log } = require('../src/util');
const app = express();
if (isDev) {
  app.use(express.urlencoded({ extended: true }));
  app.post('/test-webhook', async (request, response) => {
    log.debug('test', request.body);
    response.send('OK');
  });
}
if (process.env.NODE_ENV !== 'production') {
  app.post('/debug/reset', async (req, res) => {
    await resetDatabase();
    res.sendStatus(204);
  });
}
module.exports = app;
`,
    },
    // Express: the handler checks the server password itself before it answers; seen in Actual's OpenID setup.
    {
      filename: 'src/app-openid.js',
      code: `
import express from 'express';
import { checkPassword } from './accounts/password.js';
import * as UserService from './services/user-service.js';
const app = express();
app.use(express.json());
export { app as handlers };
app.post('/config', async (req, res) => {
  if (!checkPassword(req.body.password)) {
    res.status(400).send({ status: 'error', reason: 'invalid-password' });
    return;
  }
  res.send({ status: 'ok', data: UserService.getOpenIDConfig() });
});
`,
    },
    // Express: first-run setup, before any owner exists to sign in.
    {
      filename: 'src/app-account.js',
      code: `
import express from 'express';
import { bootstrap } from './account-db.js';
const app = express();
export { app as handlers };
app.post('/bootstrap', async (req, res) => {
  const boot = await bootstrap(req.body);
  res.send({ status: 'ok', data: boot });
});
`,
    },
    // Express: the admin front end's page, served beside its static files; its API has its own auth.
    {
      filename: 'src/app.js',
      code: `
import express from 'express';
import path from 'node:path';
export function createApp(adminPath, html) {
  const app = express();
  const sendHtml = (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.send(html);
  };
  app.get('/admin', sendHtml);
  app.use('/admin', express.static(path.join(adminPath, '..')));
  app.use('/admin/*', sendHtml);
  return app;
}
`,
    },
    // Express: a route registrar for plugins; the path is whatever the plugin asks for, so nothing can be judged here.
    {
      filename: 'src/extensions/sandbox/register-route.js',
      code: `
import express from 'express';
export function registerRouteGenerator(endpointName, endpointRouter) {
  const router = express.Router();
  endpointRouter.use(\`/\${endpointName}\`, router);
  return (path, method, handler) => {
    if (method === 'POST') router.post(path, handler);
    if (method === 'DELETE') router.delete(path, handler);
  };
}
`,
    },
    // Express: the sign-in and invitation flow under /authentication, rate limited but public by design.
    {
      filename: 'src/web/api/admin/routes.js',
      code: `
const express = require('express');
const { http } = require('../framework');
const api = require('../../api').endpoints;
const shared = require('../shared');

const router = express.Router();
router.post('/authentication/password_reset', shared.middleware.brute.globalReset, http(api.authentication.generateResetToken));
router.put('/authentication/password_reset', shared.middleware.brute.globalBlock, http(api.authentication.resetPassword));
router.post('/authentication/invitation', http(api.authentication.acceptInvitation));
router.post('/authentication/setup', http(api.authentication.setup));
module.exports = router;
`,
    },
    // Express: a middleware whose name marks the route public on purpose.
    {
      filename: 'src/web/api/admin/routes.js',
      code: `
const express = require('express');
const mw = require('./middleware');
const router = express.Router();
router.post('/mail_events', mw.publicAdminApi, http(api.mailEvents.add));
module.exports = router;
`,
    },
    // Express: a router-level middleware that loads the member from the session before the comment routes.
    {
      filename: 'src/web/comments/routes.js',
      code: `
const express = require('express');
const membersService = require('../../services/members');
module.exports = function commentRoutes() {
  const router = express.Router();
  router.use(membersService.middleware.loadMemberSession);
  router.post('/', http(api.commentsMembers.add));
  router.delete('/:id', http(api.commentsMembers.destroy));
  return router;
};
`,
    },
    // Express: a Stripe webhook given the raw body, its handler (which checks the signature) kept in another module.
    {
      filename: 'src/web/members/app.js',
      code: `
const express = require('express');
const bodyParser = require('body-parser');
const stripeService = require('../../services/stripe');
const app = express();
app.post('/webhooks/stripe', bodyParser.raw({ type: 'application/json' }), stripeService.webhookController.handle.bind(stripeService.webhookController));
module.exports = app;
`,
    },
    // Express: an auth driver's router whose handler is the sign-in itself (mounted under /auth/login elsewhere).
    {
      filename: 'src/auth/drivers/local.js',
      code: `
import { Router } from 'express';
import { AuthenticationService } from '../../services/authentication.js';
export function createLocalAuthRouter(provider) {
  const router = Router();
  router.post('/', asyncHandler(async (req, res, next) => {
    const authenticationService = new AuthenticationService({ schema: req.schema });
    const { accessToken, expires } = await authenticationService.login(provider, req.body);
    res.locals.payload = { data: { access_token: accessToken, expires } };
    return next();
  }), respond);
  return router;
}
`,
    },
    // Express: a SAML assertion consumer service, where the identity provider posts the signed sign-in.
    {
      filename: 'src/auth/drivers/saml.js',
      code: `
import express, { Router } from 'express';
export function createSAMLAuthRouter(providerName) {
  const router = Router();
  router.post('/acs', express.urlencoded({ extended: false }), async (req, res) => {
    const { extract } = await sp.parseLoginResponse(idp, 'post', req);
    res.redirect(await finishLogin(providerName, extract));
  });
  return router;
}
`,
    },
    // Express: auth middleware in the route's own chain.
    {
      filename: 'src/routes/orders.ts',
      code: `
import { Router } from 'express';
import { requireAuth } from '../middleware/auth';
const router = Router();
router.post('/orders', requireAuth, async (req, res) => {
  res.status(201).json(await createOrder(req.body));
});
export default router;
`,
    },
    // Express: router-level `use` registered before the routes.
    {
      filename: 'src/routes/orders.ts',
      code: `
import { Router } from 'express';
import { requireAuth } from '../middleware/auth';
import { Order } from '../models/order';

const router = Router();
router.use(requireAuth);

router.delete('/orders/:id', async (req, res) => {
  await Order.findByIdAndDelete(req.params.id);
  res.status(204).end();
});

export default router;
`,
    },
    // Express: router mounted in the same file behind auth on its parent mount.
    {
      filename: 'src/app.ts',
      code: `
import express from 'express';
import { requireAuth } from './middleware/auth';
import { AuditLog } from './models/audit-log';
import { User } from './models/user';

const app = express();
const adminRouter = express.Router();

adminRouter.get('/audit', async (_req, res) => {
  res.json(await AuditLog.find().sort({ createdAt: -1 }).limit(100));
});
adminRouter.delete('/users/:id', async (req, res) => {
  await User.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});

app.use(express.json());
app.use('/admin', requireAuth, adminRouter);

export default app;
`,
    },
    // Express: auth `use`d on a prefix before the router is mounted under that prefix.
    {
      filename: 'src/app.ts',
      code: `
import express from 'express';
import { verifyToken } from './middleware/verify-token';

const app = express();
const api = express.Router();

api.get('/invoices', async (req, res) => {
  res.json(await req.services.invoices.list(req.user.id));
});
api.post('/invoices', async (req, res) => {
  res.status(201).json(await req.services.invoices.create(req.body));
});

app.use('/api', verifyToken);
app.use('/api', api);

export default app;
`,
    },
    // Express: auth inside a middleware array.
    {
      filename: 'src/routes/payments.ts',
      code: `
import { Router } from 'express';
import { authenticate } from '../middleware/authenticate';
import { validateBody } from '../middleware/validate';
import { refundSchema } from '../schemas/payments';
import * as payments from '../services/payments';

const router = Router();

router.post('/payments/:id/refund', [authenticate, validateBody(refundSchema)], async (req, res, next) => {
  try {
    const refund = await payments.refund(req.params.id, req.body.amount);
    res.status(201).json(refund);
  } catch (err) {
    next(err);
  }
});

export default router;
`,
    },
    // Express: router.route('/x').all(auth) runs before every method chained after it.
    {
      filename: 'src/routes/invoices.ts',
      code: `
import { Router } from 'express';
import { ensureLoggedIn } from '../middleware/session';
import { Invoice } from '../models/invoice';

const router = Router();

router
  .route('/invoices/:id')
  .all(ensureLoggedIn)
  .get(async (req, res) => {
    res.json(await Invoice.findById(req.params.id));
  })
  .put(async (req, res) => {
    res.json(await Invoice.findByIdAndUpdate(req.params.id, req.body, { new: true }));
  });

export default router;
`,
    },
    // Express: the handler checks req.user and answers 401.
    {
      filename: 'src/routes/comments.ts',
      code: `
import { Router } from 'express';
import { Comment } from '../models/comment';

const router = Router();

router.post('/posts/:postId/comments', async (req, res) => {
  if (!req.user) {
    return res.status(401).json({ error: 'Sign in to comment' });
  }
  const comment = await Comment.create({ post: req.params.postId, author: req.user.id, body: req.body.body });
  res.status(201).json(comment);
});

export default router;
`,
    },
    // Express (CommonJS): passport's req.isAuthenticated() in the handler.
    {
      filename: 'src/routes/profile.js',
      code: `
const express = require('express');
const router = express.Router();

router.put('/profile', async (req, res) => {
  if (!req.isAuthenticated()) return res.redirect('/login');
  await req.db.users.update({ id: req.session.passport.user }, req.body);
  res.redirect('/profile');
});

module.exports = router;
`,
    },
    // Express: a session check in the handler.
    {
      filename: 'src/routes/cart.ts',
      code: `
import { Router } from 'express';
import { Cart } from '../models/cart';

const router = Router();

router.post('/cart/items', async (req, res) => {
  const userId = req.session.userId;
  if (!userId) {
    res.status(401).send('Not signed in');
    return;
  }
  await Cart.updateOne({ userId }, { $push: { items: req.body } }, { upsert: true });
  res.sendStatus(204);
});

export default router;
`,
    },
    // Express: jwt.verify in the handler.
    {
      filename: 'src/routes/api-keys.ts',
      code: `
import { Router } from 'express';
import jwt from 'jsonwebtoken';
import { ApiKey } from '../models/api-key';

const router = Router();

router.post('/api-keys', async (req, res) => {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  let claims;
  try {
    claims = jwt.verify(token, process.env.JWT_SECRET!);
  } catch {
    return res.status(401).json({ error: 'invalid token' });
  }
  res.status(201).json(await ApiKey.create({ owner: claims.sub }));
});

export default router;
`,
    },
    // Express: passport.authenticate('jwt') in the chain.
    {
      filename: 'src/routes/account.ts',
      code: `
import { Router } from 'express';
import passport from 'passport';
import * as accountController from '../controllers/account';

const router = Router();

router.patch('/account', passport.authenticate('jwt', { session: false }), accountController.update);
router.delete('/account', passport.authenticate('jwt', { session: false }), accountController.close);

export default router;
`,
    },
    // Express: login, signup and password-reset requests must stay public.
    {
      filename: 'src/routes/auth.ts',
      code: `
import { Router } from 'express';
import { loginLimiter } from '../middleware/limits';
import { login, signup, requestPasswordReset } from '../controllers/auth';

const router = Router();

router.post('/login', loginLimiter, login);
router.post('/signup', loginLimiter, signup);
router.post('/password/forgot', loginLimiter, requestPasswordReset);

export default router;
`,
    },
    // Express: health and readiness probes of a payments service are public.
    {
      filename: 'src/routes/health.ts',
      code: `
import { Router } from 'express';
import { db } from '../db';

const router = Router();

router.get('/payments/healthz', (_req, res) => res.send('ok'));
router.get('/payments/readyz', async (_req, res) => {
  await db.raw('select 1');
  res.send('ready');
});

export default router;
`,
    },
    // Express: Sign in with Apple posts back to an OAuth callback (response_mode=form_post).
    {
      filename: 'src/routes/oauth.ts',
      code: `
import { Router } from 'express';
import { exchangeAppleCode } from '../services/apple';

const router = Router();

router.post('/auth/apple/callback', async (req, res) => {
  const session = await exchangeAppleCode(req.body.code, req.body.state);
  res.cookie('sid', session.id, { httpOnly: true, secure: true }).redirect('/');
});

export default router;
`,
    },
    // Express: a Stripe webhook that verifies its signature.
    {
      filename: 'src/routes/webhooks.ts',
      code: `
import express, { Router } from 'express';
import Stripe from 'stripe';
import { fulfillOrder } from '../services/orders';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
const router = Router();

router.post('/webhooks/stripe', express.raw({ type: 'application/json' }), async (req, res) => {
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'] as string, process.env.STRIPE_WEBHOOK_SECRET!);
  } catch (err) {
    return res.status(400).send('Webhook signature verification failed');
  }
  if (event.type === 'checkout.session.completed') await fulfillOrder(event.data.object);
  res.json({ received: true });
});

export default router;
`,
    },
    // Express: a GitHub webhook that checks its HMAC signature.
    {
      filename: 'src/routes/github.ts',
      code: `
import crypto from 'node:crypto';
import express, { Router } from 'express';
import { enqueueBuild } from '../services/builds';

const router = Router();

router.post('/webhooks/github', express.raw({ type: 'application/json' }), async (req, res) => {
  const expected = 'sha256=' + crypto.createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET!).update(req.body).digest('hex');
  const given = String(req.headers['x-hub-signature-256'] ?? '');
  if (given.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
    return res.sendStatus(400);
  }
  const event = JSON.parse(req.body.toString('utf8'));
  await enqueueBuild(event.repository.full_name, event.after);
  res.sendStatus(204);
});

export default router;
`,
    },
    // Team settings: the team's own auth middleware name.
    {
      filename: 'src/routes/projects.ts',
      settings: teamAuth,
      code: `
import { Router } from 'express';
import { mustBeSignedIn } from '../lib/session';
import { Project } from '../models/project';

const router = Router();

router.post('/projects', mustBeSignedIn, async (req, res) => {
  res.status(201).json(await Project.create(req.body));
});

export default router;
`,
    },
    // Team settings: a route the team declared public.
    {
      filename: 'src/routes/share.ts',
      settings: teamPublicShare,
      code: `
import { Router } from 'express';
import { ShareLink } from '../models/share-link';

const router = Router();

router.post('/share/:token', async (req, res) => {
  const link = await ShareLink.findOneAndUpdate({ token: req.params.token }, { $inc: { views: 1 } });
  if (!link) return res.sendStatus(404);
  res.json(link.document);
});

export default router;
`,
    },
    // Team settings: a public glob covering a public invoice link.
    {
      filename: 'src/routes/public.ts',
      settings: { backendCoach: { file: { publicRoutes: ['/public/**'] } } },
      code: `
import { Router } from 'express';
import { Invoice } from '../models/invoice';

const router = Router();

router.get('/public/invoices/:token', async (req, res) => {
  res.json(await Invoice.findOne({ publicToken: req.params.token }).select('number total dueDate'));
});

export default router;
`,
    },
    // Express: public catalogue reads neither change data nor expose anything sensitive.
    {
      filename: 'src/routes/products.ts',
      code: `
import { Router } from 'express';
import { Product } from '../models/product';

const router = Router();

router.get('/products', async (req, res) => {
  res.json(await Product.find({ published: true }).limit(50));
});
router.get('/products/:slug', async (req, res) => {
  res.json(await Product.findOne({ slug: req.params.slug }));
});

export default router;
`,
    },
    // Fastify: an onRequest hook in the plugin covers every route in it.
    {
      filename: 'src/plugins/orders.ts',
      code: `
import type { FastifyPluginAsync } from 'fastify';

const ordersRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.addHook('onRequest', fastify.authenticate);

  fastify.get('/orders', async (request) => {
    return fastify.db.order.findMany({ where: { userId: request.user.id } });
  });

  fastify.post('/orders', async (request, reply) => {
    const order = await fastify.db.order.create({ data: request.body as any });
    reply.code(201).send(order);
  });
};

export default ordersRoutes;
`,
    },
    // Fastify: preHandler in route options, onRequest in a full route declaration.
    {
      filename: 'src/routes/billing.ts',
      code: `
import { FastifyInstance } from 'fastify';

export default async function billingRoutes(app: FastifyInstance) {
  app.put('/billing/plan', { preHandler: [app.authenticate] }, async (request, reply) => {
    const plan = await app.billing.changePlan(request.body);
    return reply.send(plan);
  });

  app.route({
    method: 'DELETE',
    url: '/billing/cards/:id',
    onRequest: app.verifyJwt,
    handler: async (request, reply) => {
      await app.billing.removeCard((request.params as { id: string }).id);
      reply.code(204).send();
    },
  });
}
`,
    },
    // Fastify: an inline plugin registered under a prefix with a jwtVerify hook.
    {
      filename: 'src/server.ts',
      code: `
import Fastify from 'fastify';
import jwt from '@fastify/jwt';

const app = Fastify({ logger: true });
app.register(jwt, { secret: process.env.JWT_SECRET! });

app.register(async (admin) => {
  admin.addHook('onRequest', async (request) => {
    await request.jwtVerify();
  });
  admin.get('/users', async () => admin.prisma.user.findMany());
  admin.delete('/users/:id', async (request, reply) => {
    await admin.prisma.user.delete({ where: { id: (request.params as { id: string }).id } });
    reply.code(204).send();
  });
}, { prefix: '/admin' });

app.listen({ port: 3000 });
`,
    },
    // Fastify: request.jwtVerify() inside the handler.
    {
      filename: 'src/routes/orders.ts',
      code: `
import type { FastifyPluginAsync } from 'fastify';

const routes: FastifyPluginAsync = async (fastify) => {
  fastify.post('/orders', async (request, reply) => {
    const { sub } = await request.jwtVerify<{ sub: string }>();
    const order = await fastify.prisma.order.create({ data: { ...(request.body as object), userId: sub } });
    return reply.code(201).send(order);
  });
};

export default routes;
`,
    },
    // Koa (@koa/router): router.use before routes on a prefixed router.
    {
      filename: 'src/routes/settings.ts',
      code: `
import Router from '@koa/router';
import { requireUser } from '../middleware/require-user';
import * as settings from '../controllers/settings';

const router = new Router({ prefix: '/settings' });
router.use(requireUser);

router.get('/', settings.show);
router.patch('/', settings.update);

export default router;
`,
    },
    // Koa: koa-jwt in the route chain.
    {
      filename: 'src/routes/orders.ts',
      code: `
import Router from '@koa/router';
import jwt from 'koa-jwt';
import { Order } from '../models/order';

const router = new Router();
const auth = jwt({ secret: process.env.JWT_SECRET! });

router.post('/orders', auth, async (ctx) => {
  ctx.status = 201;
  ctx.body = await Order.create(ctx.request.body);
});

export default router;
`,
    },
    // Koa: app-level koa-jwt before the router is mounted with router.routes().
    {
      filename: 'src/server.ts',
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import jwt from 'koa-jwt';
import { Payment } from './models/payment';

const app = new Koa();
const router = new Router();

router.post('/payments', async (ctx) => {
  ctx.status = 201;
  ctx.body = await Payment.create(ctx.request.body);
});

app.use(bodyParser());
app.use(jwt({ secret: process.env.JWT_SECRET! }).unless({ path: ['/healthz'] }));
app.use(router.routes()).use(router.allowedMethods());

app.listen(3000);
`,
    },
    // Koa: ctx.state.user checked in the handler, ctx.throw(401).
    {
      filename: 'src/routes/account.ts',
      code: `
import Router from '@koa/router';
import { Account } from '../models/account';

const router = new Router();

router.delete('/account', async (ctx) => {
  if (!ctx.state.user) ctx.throw(401, 'Sign in first');
  await Account.deleteOne({ _id: ctx.state.user.id });
  ctx.status = 204;
});

export default router;
`,
    },
    // NestJS: a class-level guard.
    {
      filename: 'src/orders/orders.controller.ts',
      code: `
import { Body, Controller, Delete, Get, Param, Post, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { CreateOrderDto } from './dto/create-order.dto';
import { OrdersService } from './orders.service';

@Controller('orders')
@UseGuards(JwtAuthGuard)
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get(':id')
  findOne(@Param('id') id: string) {
    return this.orders.findOne(id);
  }

  @Post()
  create(@Body() dto: CreateOrderDto) {
    return this.orders.create(dto);
  }

  @Delete(':id')
  remove(@Param('id') id: string) {
    return this.orders.remove(id);
  }
}
`,
    },
    // NestJS: method-level guards (passport AuthGuard('jwt') + roles).
    {
      filename: 'src/admin/admin.controller.ts',
      code: `
import { Controller, Delete, Get, Param, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { RolesGuard } from '../auth/roles.guard';
import { Roles } from '../auth/roles.decorator';
import { AdminService } from './admin.service';

@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Get('users')
  @UseGuards(AuthGuard('jwt'), RolesGuard)
  @Roles('admin')
  listUsers() {
    return this.admin.listUsers();
  }

  @Delete('users/:id')
  @UseGuards(AuthGuard('jwt'), RolesGuard)
  @Roles('admin')
  removeUser(@Param('id') id: string) {
    return this.admin.removeUser(id);
  }
}
`,
    },
    // NestJS: a global guard registered with APP_GUARD in the same file.
    {
      filename: 'src/app.module.ts',
      code: `
import { Body, Controller, Module, Post } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { PaymentsService } from './payments/payments.service';

@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post()
  charge(@Body() body: { amount: number; currency: string }) {
    return this.payments.charge(body);
  }
}

@Module({
  controllers: [PaymentsController],
  providers: [PaymentsService, { provide: APP_GUARD, useClass: JwtAuthGuard }],
})
export class AppModule {}
`,
    },
    // NestJS: app.useGlobalGuards in the same file.
    {
      filename: 'src/main.ts',
      code: `
import { Body, Controller, Module, Put } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClerkAuthGuard } from './auth/clerk-auth.guard';

@Controller('settings')
class SettingsController {
  @Put()
  update(@Body() body: Record<string, unknown>) {
    return body;
  }
}

@Module({ controllers: [SettingsController] })
class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.useGlobalGuards(new ClerkAuthGuard());
  await app.listen(3000);
}
bootstrap();
`,
    },
    // NestJS: the @Public() convention (a global guard with opt-outs).
    {
      filename: 'src/users/users.controller.ts',
      code: `
import { Body, Controller, Delete, Param, Post } from '@nestjs/common';
import { Public } from '../auth/public.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { UsersService } from './users.service';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Public()
  @Post()
  register(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @Delete(':id')
  remove(@Param('id') id: string) {
    return this.users.remove(id);
  }
}
`,
    },
    // Hono: app.use('/api/*', jwt({ secret })).
    {
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';
import { jwt } from 'hono/jwt';

const app = new Hono();

app.use('/api/*', jwt({ secret: process.env.JWT_SECRET! }));

app.post('/api/orders', async (c) => {
  const payload = c.get('jwtPayload');
  const order = await c.env.DB.prepare('insert into orders (user_id, total) values (?, ?) returning *').bind(payload.sub, (await c.req.json()).total).first();
  return c.json(order, 201);
});

app.delete('/api/orders/:id', async (c) => {
  await c.env.DB.prepare('delete from orders where id = ?').bind(c.req.param('id')).run();
  return c.body(null, 204);
});

export default app;
`,
    },
    // Hono: bearerAuth on a prefix, then a sub-app mounted there with app.route.
    {
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';

const app = new Hono();
const admin = new Hono();

admin.get('/users', async (c) => c.json(await c.env.DB.prepare('select id, email from users').all()));
admin.delete('/users/:id', async (c) => {
  await c.env.DB.prepare('delete from users where id = ?').bind(c.req.param('id')).run();
  return c.body(null, 204);
});

app.use('/admin/*', bearerAuth({ token: process.env.ADMIN_TOKEN! }));
app.route('/admin', admin);

export default app;
`,
    },
    // Next.js App Router: getServerSession in the handler.
    {
      filename: 'app/api/orders/route.ts',
      code: `
import { getServerSession } from 'next-auth';
import { NextResponse } from 'next/server';
import { authOptions } from '@/lib/auth';
import { prisma } from '@/lib/prisma';

export async function POST(req: Request) {
  const session = await getServerSession(authOptions);
  if (!session) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  const body = await req.json();
  const order = await prisma.order.create({ data: { ...body, userId: session.user.id } });
  return NextResponse.json(order, { status: 201 });
}
`,
    },
    // Next.js App Router: Auth.js v5 auth() in each handler.
    {
      filename: 'app/api/account/route.ts',
      code: `
import { auth } from '@/auth';
import { prisma } from '@/lib/prisma';

export async function GET() {
  const session = await auth();
  if (!session?.user) return new Response('Unauthorized', { status: 401 });
  return Response.json(await prisma.account.findUnique({ where: { userId: session.user.id } }));
}

export async function DELETE() {
  const session = await auth();
  if (!session?.user) return new Response('Unauthorized', { status: 401 });
  await prisma.account.delete({ where: { userId: session.user.id } });
  return new Response(null, { status: 204 });
}
`,
    },
    // Next.js App Router: a handler wrapped in the app's withAuth.
    {
      filename: 'app/api/settings/route.ts',
      code: `
import { withAuth } from '@/lib/with-auth';
import { db } from '@/lib/db';

export const PATCH = withAuth(async (req: Request, { user }) => {
  const body = await req.json();
  return Response.json(await db.settings.update({ where: { userId: user.id }, data: body }));
});
`,
    },
    // Next.js App Router: a Clerk webhook verified with svix.
    {
      filename: 'app/api/webhooks/clerk/route.ts',
      code: `
import { Webhook } from 'svix';
import { headers } from 'next/headers';
import { db } from '@/lib/db';

export async function POST(req: Request) {
  const payload = await req.text();
  const h = await headers();
  const wh = new Webhook(process.env.CLERK_WEBHOOK_SECRET!);
  const evt = wh.verify(payload, {
    'svix-id': h.get('svix-id')!,
    'svix-timestamp': h.get('svix-timestamp')!,
    'svix-signature': h.get('svix-signature')!,
  }) as { type: string; data: { id: string } };
  if (evt.type === 'user.deleted') await db.user.delete({ where: { clerkId: evt.data.id } });
  return new Response('ok');
}
`,
    },
    // Next.js Pages API: getServerSession before any work.
    {
      filename: 'pages/api/invoices/[id].ts',
      code: `
import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import { authOptions } from '../auth/[...nextauth]';
import { prisma } from '../../../lib/prisma';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).json({ error: 'Unauthorized' });
  if (req.method === 'DELETE') {
    await prisma.invoice.delete({ where: { id: String(req.query.id) } });
    return res.status(204).end();
  }
  res.json(await prisma.invoice.findUnique({ where: { id: String(req.query.id) } }));
}
`,
    },
    // Next.js Pages API: Supabase auth.getUser().
    {
      filename: 'pages/api/me.ts',
      code: `
import type { NextApiRequest, NextApiResponse } from 'next';
import { createPagesServerClient } from '@supabase/auth-helpers-nextjs';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const supabase = createPagesServerClient({ req, res });
  const { data: { user } } = await supabase.auth.getUser();
  if (!user) return res.status(401).json({ error: 'not_authenticated' });
  const { data } = await supabase.from('profiles').select('*').eq('id', user.id).single();
  res.json(data);
}
`,
    },
    // Next.js Pages API: Auth0's withApiAuthRequired wrapper.
    {
      filename: 'pages/api/billing/portal.ts',
      code: `
import { withApiAuthRequired, getSession } from '@auth0/nextjs-auth0';
import type { NextApiRequest, NextApiResponse } from 'next';
import { stripe } from '../../../lib/stripe';

export default withApiAuthRequired(async function portal(req: NextApiRequest, res: NextApiResponse) {
  const { user } = (await getSession(req, res))!;
  const portal = await stripe.billingPortal.sessions.create({ customer: user.stripeCustomerId, return_url: process.env.APP_URL });
  res.redirect(303, portal.url);
});
`,
    },
    // Fastify: request.jwtVerify() in a handler registered with a route options object.
    {
      filename: 'src/routes/orders.ts',
      code: `
import type { FastifyInstance } from 'fastify';
import { createOrderSchema } from '../schemas/orders';

export default async function orderRoutes(fastify: FastifyInstance) {
  fastify.post('/orders', { schema: createOrderSchema }, async (request, reply) => {
    const { sub } = await request.jwtVerify();
    const order = await fastify.db.orders.create({ ...(request.body as object), userId: sub });
    return reply.code(201).send(order);
  });
}
`,
    },
    // Fastify: a Stripe webhook with rawBody route options that verifies its signature in the handler.
    {
      filename: 'src/routes/webhooks.ts',
      code: `
import type { FastifyInstance } from 'fastify';
import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export default async function webhookRoutes(fastify: FastifyInstance) {
  fastify.post('/webhooks/stripe', { config: { rawBody: true } }, async (request, reply) => {
    const event = stripe.webhooks.constructEvent(
      request.rawBody!,
      request.headers['stripe-signature'] as string,
      process.env.STRIPE_WEBHOOK_SECRET!,
    );
    if (event.type === 'invoice.paid') await fastify.billing.markPaid(event.data.object.id);
    return reply.send({ received: true });
  });
}
`,
    },
    // Express: app.all('/api/*', auth, ...) runs before every /api route registered after it.
    {
      filename: 'src/app.ts',
      code: `
import express from 'express';
import { requireAuthentication, loadUser } from './middleware/auth';
import { createOrder } from './controllers/orders';

const app = express();
app.use(express.json());
app.all('/api/*', requireAuthentication, loadUser);

app.post('/api/orders', createOrder);

export default app;
`,
    },
    // Express: router.all('*', requireAuth) covers the routes after it.
    {
      filename: 'src/routes/orders.ts',
      code: `
import { Router } from 'express';
import { requireAuth } from '../middleware/auth';
import { Order } from '../models/order';

const router = Router();
router.all('*', requireAuth);

router.delete('/orders/:id', async (req, res) => {
  await Order.findByIdAndDelete(req.params.id);
  res.sendStatus(204);
});

export default router;
`,
    },
    // Express (RealWorld, CommonJS): auth.required from a required auth module.
    {
      filename: 'routes/api/articles.js',
      code: `
var router = require('express').Router();
var mongoose = require('mongoose');
var Article = mongoose.model('Article');
var auth = require('../auth');

router.delete('/articles/:slug', auth.required, function (req, res, next) {
  Article.findOneAndRemove({ slug: req.params.slug, author: req.payload.id })
    .then(function () { return res.sendStatus(204); })
    .catch(next);
});

module.exports = router;
`,
    },
    // Express: validateToken in the route chain.
    {
      filename: 'src/routes/orders.ts',
      code: `
import { Router } from 'express';
import { validateToken } from '../middleware/validate-token';
import { createOrder } from '../controllers/orders.controller';

const router = Router();

router.post('/orders', validateToken, createOrder);

export default router;
`,
    },
    // Express: validateJwt in the route chain.
    {
      filename: 'src/routes/orders.ts',
      code: `
import { Router } from 'express';
import { validateJwt } from '../middleware/validate-jwt';
import { createOrder } from '../controllers/orders.controller';

const router = Router();

router.post('/orders', validateJwt, createOrder);

export default router;
`,
    },
    // Express: a GitHub webhook whose signature middleware comes after the body parser.
    {
      filename: 'src/routes/webhooks.ts',
      code: `
import express, { Router } from 'express';
import { verifyGithubSignature } from '../middleware/github-signature';
import { enqueueGithubEvent } from '../queue';

const router = Router();

router.post('/webhooks/github', express.json(), verifyGithubSignature, async (req, res) => {
  await enqueueGithubEvent(req.header('x-github-event') ?? 'unknown', req.body);
  res.sendStatus(202);
});

export default router;
`,
    },
    // Next.js App Router: iron-session checked in the handler, 401 without a user.
    {
      filename: 'app/api/orders/route.ts',
      code: `
import { getIronSession } from 'iron-session';
import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { sessionOptions } from '@/lib/session';
import { prisma } from '@/lib/prisma';

export async function POST(req: Request) {
  const session = await getIronSession(await cookies(), sessionOptions);
  if (!session.userId) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  const order = await prisma.order.create({ data: { ...(await req.json()), userId: session.userId } });
  return NextResponse.json(order, { status: 201 });
}
`,
    },
    // Hono: the handler throws HTTPException(401) without a session.
    {
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { getCookie } from 'hono/cookie';

const app = new Hono();

app.delete('/api/orders/:id', async (c) => {
  const sessionId = getCookie(c, 'sid');
  const session = sessionId ? await c.env.SESSIONS.get(sessionId, 'json') : null;
  if (!session) throw new HTTPException(401, { message: 'unauthorized' });
  await c.env.DB.prepare('delete from orders where id = ? and user_id = ?').bind(c.req.param('id'), session.userId).run();
  return c.body(null, 204);
});

export default app;
`,
    },
    // Hono: the handler answers c.json(..., 401) without the right API key.
    {
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';

const app = new Hono();

app.delete('/api/orders/:id', async (c) => {
  if (c.req.header('x-api-key') !== c.env.ADMIN_API_KEY) {
    return c.json({ error: 'Unauthorized' }, 401);
  }
  await c.env.DB.prepare('delete from orders where id = ?').bind(c.req.param('id')).run();
  return c.body(null, 204);
});

export default app;
`,
    },
    // Express: Google sign-in (ID token posted by the client) is public.
    {
      filename: 'src/routes/auth.ts',
      code: `
import { Router } from 'express';
import { googleSignIn } from '../controllers/auth.controller';

const router = Router();

router.post('/auth/google', googleSignIn);

export default router;
`,
    },
  ],
  invalid: [
    // Express: a route registered when NOT in development serves production traffic.
    {
      filename: 'server/server.js',
      code: `
const express = require('express');
const { isDev } = require('../src/util');
const app = express();
if (!isDev) {
  app.post('/webhooks/stripe', async (req, res) => {
    await markPaid(req.body.data.object.id);
    res.json({ received: true });
  });
}
module.exports = app;
`,
      errors: [{ messageId: 'unverifiedWebhook', data: { method: 'POST', path: '/webhooks/stripe' }, line: 6, column: 7, suggestions: [] }],
    },
    // Express: `validatePassword` checks a new password's strength, not who the caller is.
    {
      filename: 'src/routes/admin.js',
      code: `
import express from 'express';
import { validatePassword } from '../password-policy.js';
import { User } from '../models.js';
const router = express.Router();
router.post('/admin/users', async (req, res) => {
  if (!validatePassword(req.body.password)) return res.status(400).json({ error: 'weak_password' });
  res.status(201).json(await User.create(req.body));
});
export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', line: 6, column: 8 }],
    },
    // Express: static files under /admin make only the page itself public, not an API route below it.
    {
      filename: 'src/app.js',
      code: `
import express from 'express';
const app = express();
app.use('/admin', express.static('admin-dist'));
app.get('/admin/users', async (req, res) => {
  res.json(await User.findAll());
});
export default app;
`,
      errors: [{ messageId: 'missingAuthCheck', line: 5, column: 5, suggestions: [] }],
    },
    // Express: `loadUser` as in Express's guide loads the user named by the path, not the caller.
    {
      filename: 'src/routes/users.js',
      code: `
const express = require('express');
const router = express.Router();
router.delete('/users/:id', loadUser, async (req, res) => {
  await req.loadedUser.destroy();
  res.sendStatus(204);
});
module.exports = router;
`,
      errors: [{ messageId: 'missingAuthCheck', line: 4, column: 8, suggestions: [] }],
    },
    // Express: a raw body is no signature check when the handler is right here and never checks one.
    {
      filename: 'src/routes/webhooks.js',
      code: `
const express = require('express');
const router = express.Router();
router.post('/webhooks/stripe', express.raw({ type: 'application/json' }), async (req, res) => {
  const event = JSON.parse(req.body.toString());
  await markPaid(event.data.object.id);
  res.json({ received: true });
});
module.exports = router;
`,
      errors: [{ messageId: 'unverifiedWebhook', data: { method: 'POST', path: '/webhooks/stripe' }, line: 4, column: 8, suggestions: [] }],
    },
    // Express: a delete with no auth, while the file imports requireAuth.
    {
      filename: 'src/routes/orders.ts',
      code: `
import { Router } from 'express';
import { requireAuth } from '../middleware/auth';
import { Order } from '../models/order';

const router = Router();

router.get('/orders', requireAuth, async (req, res) => {
  res.json(await Order.find({ owner: req.user.id }));
});

router.delete('/orders/:id', async (req, res) => {
  await Order.findByIdAndDelete(req.params.id);
  res.status(204).end();
});

export default router;
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          data: { method: 'DELETE', path: '/orders/:id' },
          line: 12,
          column: 8,
          suggestions: [
            {
              messageId: 'addMiddleware',
              data: { name: 'requireAuth' },
              output: `
import { Router } from 'express';
import { requireAuth } from '../middleware/auth';
import { Order } from '../models/order';

const router = Router();

router.get('/orders', requireAuth, async (req, res) => {
  res.json(await Order.find({ owner: req.user.id }));
});

router.delete('/orders/:id', requireAuth, async (req, res) => {
  await Order.findByIdAndDelete(req.params.id);
  res.status(204).end();
});

export default router;
`,
            },
          ],
        },
      ],
    },
    // Express: a create route in a file with no auth at all: nothing to suggest.
    {
      filename: 'src/routes/posts.ts',
      code: `
import { Router } from 'express';
import { Post } from '../models/post';

const router = Router();

router.post('/posts', async (req, res) => {
  const post = await Post.create(req.body);
  res.status(201).json(post);
});

export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'POST', path: '/posts' }, line: 7, column: 8, suggestions: [] }],
    },
    // Express: a route registered before router.use(requireAuth) is not covered by it.
    {
      filename: 'src/routes/users.ts',
      code: `
import { Router } from 'express';
import { requireAuth } from '../middleware/auth';
import { User } from '../models/user';

const router = Router();

router.put('/users/:id', async (req, res) => {
  res.json(await User.findByIdAndUpdate(req.params.id, req.body, { new: true }));
});

router.use(requireAuth);

router.get('/users/:id', async (req, res) => {
  res.json(await User.findById(req.params.id));
});

export default router;
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          line: 8,
          column: 8,
          suggestions: [
            {
              messageId: 'addMiddleware',
              data: { name: 'requireAuth' },
              output: `
import { Router } from 'express';
import { requireAuth } from '../middleware/auth';
import { User } from '../models/user';

const router = Router();

router.put('/users/:id', requireAuth, async (req, res) => {
  res.json(await User.findByIdAndUpdate(req.params.id, req.body, { new: true }));
});

router.use(requireAuth);

router.get('/users/:id', async (req, res) => {
  res.json(await User.findById(req.params.id));
});

export default router;
`,
            },
          ],
        },
      ],
    },
    // Express: auth used on /admin does not cover a route outside that prefix.
    {
      filename: 'src/app.ts',
      code: `
import express from 'express';
import { requireAuth } from './middleware/auth';
import { Subscription } from './models/subscription';

const app = express();
app.use(express.json());
app.use('/admin', requireAuth);

app.post('/subscriptions/:id/cancel', async (req, res) => {
  await Subscription.updateOne({ _id: req.params.id }, { status: 'canceled' });
  res.sendStatus(204);
});

app.listen(3000);
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          line: 10,
          column: 5,
          suggestions: [
            {
              messageId: 'addMiddleware',
              data: { name: 'requireAuth' },
              output: `
import express from 'express';
import { requireAuth } from './middleware/auth';
import { Subscription } from './models/subscription';

const app = express();
app.use(express.json());
app.use('/admin', requireAuth);

app.post('/subscriptions/:id/cancel', requireAuth, async (req, res) => {
  await Subscription.updateOne({ _id: req.params.id }, { status: 'canceled' });
  res.sendStatus(204);
});

app.listen(3000);
`,
            },
          ],
        },
      ],
    },
    // Express: an admin read is sensitive even though it changes nothing.
    {
      filename: 'src/routes/admin.ts',
      code: `
import { Router } from 'express';
import { User } from '../models/user';

const router = Router();

router.get('/admin/users', async (_req, res) => {
  res.json(await User.find().select('email role createdAt'));
});

export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'GET', path: '/admin/users' }, line: 7, column: 8, suggestions: [] }],
    },
    // Express (CommonJS): reading a user by id, with requireAuth required but unused.
    {
      filename: 'src/routes/users.js',
      code: `
const express = require('express');
const { requireAuth } = require('../middleware/auth');
const db = require('../db');

const router = express.Router();

router.get('/users/:id', async (req, res) => {
  const { rows } = await db.query('select id, email, address from users where id = $1', [req.params.id]);
  res.json(rows[0]);
});

module.exports = router;
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          data: { method: 'GET', path: '/users/:id' },
          line: 8,
          column: 8,
          suggestions: [
            {
              messageId: 'addMiddleware',
              data: { name: 'requireAuth' },
              output: `
const express = require('express');
const { requireAuth } = require('../middleware/auth');
const db = require('../db');

const router = express.Router();

router.get('/users/:id', requireAuth, async (req, res) => {
  const { rows } = await db.query('select id, email, address from users where id = $1', [req.params.id]);
  res.json(rows[0]);
});

module.exports = router;
`,
            },
          ],
        },
      ],
    },
    // Express: /me trusts a query parameter instead of a signed-in user.
    {
      filename: 'src/routes/me.ts',
      code: `
import { Router } from 'express';
import { prisma } from '../lib/prisma';

const router = Router();

router.get('/me', async (req, res) => {
  res.json(await prisma.user.findUnique({ where: { id: String(req.query.userId) } }));
});

export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', line: 7, column: 8, suggestions: [] }],
    },
    // Express: a webhook that never checks the provider's signature.
    {
      filename: 'src/routes/webhooks.ts',
      code: `
import { Router } from 'express';
import { markPaid } from '../services/invoices';

const router = Router();

router.post('/webhooks/stripe', async (req, res) => {
  const event = req.body;
  if (event.type === 'invoice.paid') await markPaid(event.data.object.id);
  res.json({ received: true });
});

export default router;
`,
      errors: [{ messageId: 'unverifiedWebhook', data: { method: 'POST', path: '/webhooks/stripe' }, line: 7, column: 8, suggestions: [] }],
    },
    // Express: CORS, uploads and validation are not authentication.
    {
      filename: 'src/routes/uploads.ts',
      code: `
import { Router } from 'express';
import multer from 'multer';
import cors from 'cors';
import { validateBody } from '../middleware/validate';
import { avatarSchema } from '../schemas/avatar';

const upload = multer({ dest: 'uploads/' });
const router = Router();

router.post('/profile/avatar', cors(), upload.single('avatar'), validateBody(avatarSchema), async (req, res) => {
  res.status(201).json({ file: req.file?.filename });
});

export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', line: 11, column: 8, suggestions: [] }],
    },
    // Express: a router mounted in the same file without any auth on the mount.
    {
      filename: 'src/app.ts',
      code: `
import express from 'express';
import { requireAuth } from './middleware/auth';
import { createCheckout } from './services/billing';

const app = express();
const billingRouter = express.Router();

billingRouter.post('/checkout', async (req, res) => {
  res.status(201).json(await createCheckout(req.body));
});

app.use('/billing', billingRouter);
app.use('/admin', requireAuth);

export default app;
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          data: { method: 'POST', path: '/billing/checkout' },
          line: 9,
          column: 15,
          suggestions: [
            {
              messageId: 'addMiddleware',
              data: { name: 'requireAuth' },
              output: `
import express from 'express';
import { requireAuth } from './middleware/auth';
import { createCheckout } from './services/billing';

const app = express();
const billingRouter = express.Router();

billingRouter.post('/checkout', requireAuth, async (req, res) => {
  res.status(201).json(await createCheckout(req.body));
});

app.use('/billing', billingRouter);
app.use('/admin', requireAuth);

export default app;
`,
            },
          ],
        },
      ],
    },
    // Express: the same router is also mounted on a legacy prefix without auth.
    {
      filename: 'src/app.ts',
      code: `
import express from 'express';
import { requireAuth } from './middleware/auth';

const app = express();
const ordersRouter = express.Router();

ordersRouter.post('/', async (req, res) => {
  res.status(201).json(await req.services.orders.create(req.body));
});

app.use('/api/orders', requireAuth, ordersRouter);
app.use('/legacy/orders', ordersRouter);

export default app;
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          line: 8,
          column: 14,
          suggestions: [
            {
              messageId: 'addMiddleware',
              data: { name: 'requireAuth' },
              output: `
import express from 'express';
import { requireAuth } from './middleware/auth';

const app = express();
const ordersRouter = express.Router();

ordersRouter.post('/', requireAuth, async (req, res) => {
  res.status(201).json(await req.services.orders.create(req.body));
});

app.use('/api/orders', requireAuth, ordersRouter);
app.use('/legacy/orders', ordersRouter);

export default app;
`,
            },
          ],
        },
      ],
    },
    // Express: in a route chain, auth on .get() does not protect .delete().
    {
      filename: 'src/routes/members.ts',
      code: `
import { Router } from 'express';
import { requireAuth } from '../middleware/auth';
import { Member } from '../models/member';

const router = Router();

router
  .route('/members/:id')
  .get(requireAuth, async (req, res) => {
    res.json(await Member.findById(req.params.id));
  })
  .delete(async (req, res) => {
    await Member.deleteOne({ _id: req.params.id });
    res.sendStatus(204);
  });

export default router;
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          data: { method: 'DELETE', path: '/members/:id' },
          line: 13,
          column: 4,
          suggestions: [
            {
              messageId: 'addMiddleware',
              data: { name: 'requireAuth' },
              output: `
import { Router } from 'express';
import { requireAuth } from '../middleware/auth';
import { Member } from '../models/member';

const router = Router();

router
  .route('/members/:id')
  .get(requireAuth, async (req, res) => {
    res.json(await Member.findById(req.params.id));
  })
  .delete(requireAuth, async (req, res) => {
    await Member.deleteOne({ _id: req.params.id });
    res.sendStatus(204);
  });

export default router;
`,
            },
          ],
        },
      ],
    },
    // Express (CommonJS app): moving money with the auth middleware imported but not used.
    {
      filename: 'server.js',
      code: `
const express = require('express');
const { authenticate } = require('./middleware/authenticate');
const Wallet = require('./models/wallet');

const app = express();
app.use(express.json());

app.post('/wallets/:id/withdraw', async (req, res) => {
  const wallet = await Wallet.findById(req.params.id);
  wallet.balance -= req.body.amount;
  await wallet.save();
  res.json(wallet);
});

app.listen(3000);
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          line: 9,
          column: 5,
          suggestions: [
            {
              messageId: 'addMiddleware',
              data: { name: 'authenticate' },
              output: `
const express = require('express');
const { authenticate } = require('./middleware/authenticate');
const Wallet = require('./models/wallet');

const app = express();
app.use(express.json());

app.post('/wallets/:id/withdraw', authenticate, async (req, res) => {
  const wallet = await Wallet.findById(req.params.id);
  wallet.balance -= req.body.amount;
  await wallet.save();
  res.json(wallet);
});

app.listen(3000);
`,
            },
          ],
        },
      ],
    },
    // Team settings: the team's middleware is suggested when a route forgets it.
    {
      filename: 'src/routes/projects.ts',
      settings: teamAuth,
      code: `
import { Router } from 'express';
import { mustBeSignedIn } from '../lib/session';
import { Project } from '../models/project';

const router = Router();

router.get('/projects', mustBeSignedIn, async (req, res) => {
  res.json(await Project.find({ members: req.user.id }));
});

router.delete('/projects/:id', async (req, res) => {
  await Project.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});

export default router;
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          line: 12,
          column: 8,
          suggestions: [
            {
              messageId: 'addMiddleware',
              data: { name: 'mustBeSignedIn' },
              output: `
import { Router } from 'express';
import { mustBeSignedIn } from '../lib/session';
import { Project } from '../models/project';

const router = Router();

router.get('/projects', mustBeSignedIn, async (req, res) => {
  res.json(await Project.find({ members: req.user.id }));
});

router.delete('/projects/:id', mustBeSignedIn, async (req, res) => {
  await Project.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});

export default router;
`,
            },
          ],
        },
      ],
    },
    // Team settings: a public route listed for /share/:token does not make other routes public.
    {
      filename: 'src/routes/share.ts',
      settings: teamPublicShare,
      code: `
import { Router } from 'express';
import { ShareLink } from '../models/share-link';

const router = Router();

router.get('/share/:token', async (req, res) => {
  res.json(await ShareLink.findOne({ token: req.params.token }));
});

router.post('/share', async (req, res) => {
  res.status(201).json(await ShareLink.create({ document: req.body.documentId }));
});

export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'POST', path: '/share' }, line: 11, column: 8, suggestions: [] }],
    },
    // Koa: a prefixed router where only the read route has auth.
    {
      filename: 'src/routes/orders.ts',
      code: `
import Router from '@koa/router';
import { requireAuth } from '../middleware/auth';
import { Order } from '../models/order';

const router = new Router({ prefix: '/orders' });

router.get('/', requireAuth, async (ctx) => {
  ctx.body = await Order.find({ owner: ctx.state.user.id });
});

router.post('/', async (ctx) => {
  ctx.status = 201;
  ctx.body = await Order.create(ctx.request.body);
});

export default router;
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          data: { method: 'POST', path: '/orders' },
          line: 12,
          column: 8,
          suggestions: [
            {
              messageId: 'addMiddleware',
              data: { name: 'requireAuth' },
              output: `
import Router from '@koa/router';
import { requireAuth } from '../middleware/auth';
import { Order } from '../models/order';

const router = new Router({ prefix: '/orders' });

router.get('/', requireAuth, async (ctx) => {
  ctx.body = await Order.find({ owner: ctx.state.user.id });
});

router.post('/', requireAuth, async (ctx) => {
  ctx.status = 201;
  ctx.body = await Order.create(ctx.request.body);
});

export default router;
`,
            },
          ],
        },
      ],
    },
    // Koa: a named route whose only middleware parses the body.
    {
      filename: 'src/routes/invoices.ts',
      code: `
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { Invoice } from '../models/invoice';

const router = new Router();

router.del('delete-invoice', '/invoices/:id', bodyParser(), async (ctx) => {
  await Invoice.deleteOne({ _id: ctx.params.id });
  ctx.status = 204;
});

export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'DELETE', path: '/invoices/:id' }, line: 8, column: 8, suggestions: [] }],
    },
    // Koa: router.use(requireAuth) after the route comes too late.
    {
      filename: 'src/routes/wallets.ts',
      code: `
import Router from '@koa/router';
import { requireAuth } from '../middleware/auth';
import { Wallet } from '../models/wallet';

const router = new Router({ prefix: '/wallets' });

router.post('/:id/transfer', async (ctx) => {
  ctx.body = await Wallet.transfer(ctx.params.id, ctx.request.body);
});

router.use(requireAuth);

export default router;
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          data: { method: 'POST', path: '/wallets/:id/transfer' },
          line: 8,
          column: 8,
          suggestions: [
            {
              messageId: 'addMiddleware',
              data: { name: 'requireAuth' },
              output: `
import Router from '@koa/router';
import { requireAuth } from '../middleware/auth';
import { Wallet } from '../models/wallet';

const router = new Router({ prefix: '/wallets' });

router.post('/:id/transfer', requireAuth, async (ctx) => {
  ctx.body = await Wallet.transfer(ctx.params.id, ctx.request.body);
});

router.use(requireAuth);

export default router;
`,
            },
          ],
        },
      ],
    },
    // Fastify: a plugin route with no hook and no preHandler.
    {
      filename: 'src/routes/users.ts',
      code: `
import type { FastifyInstance } from 'fastify';

export default async function userRoutes(fastify: FastifyInstance) {
  fastify.patch('/users/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const user = await fastify.prisma.user.update({ where: { id }, data: request.body as object });
    return reply.send(user);
  });
}
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'PATCH', path: '/users/:id' }, line: 5, column: 11, suggestions: [] }],
    },
    // Fastify: a hook in one encapsulated plugin does not cover a sibling plugin.
    {
      filename: 'src/server.ts',
      code: `
import Fastify from 'fastify';

const app = Fastify({ logger: true });

app.register(async (api) => {
  api.addHook('preHandler', api.authenticate);
  api.get('/orders', async () => api.db.orders.findAll());
});

app.register(async (api) => {
  api.post('/payments', async (request, reply) => {
    const payment = await api.db.payments.create(request.body);
    reply.code(201).send(payment);
  });
});

app.listen({ port: 3000 });
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'POST', path: '/payments' }, line: 12, column: 7, suggestions: [] }],
    },
    // Fastify: a root instance route with no hook.
    {
      filename: 'src/server.ts',
      code: `
import Fastify from 'fastify';

const server = Fastify();

server.delete('/accounts/:id', async (request, reply) => {
  await server.pg.query('delete from accounts where id = $1', [(request.params as { id: string }).id]);
  reply.code(204).send();
});

server.listen({ port: 3000 });
`,
      errors: [{ messageId: 'missingAuthCheck', line: 6, column: 8, suggestions: [] }],
    },
    // NestJS: no guard, a guard imported: suggest @UseGuards and its import.
    {
      filename: 'src/admin/admin.controller.ts',
      code: `
import { Controller, Delete, Param } from '@nestjs/common';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { AdminService } from './admin.service';

@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Delete('users/:id')
  removeUser(@Param('id') id: string) {
    return this.admin.removeUser(id);
  }
}
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          data: { method: 'DELETE', path: '/admin/users/:id' },
          line: 10,
          column: 3,
          suggestions: [
            {
              messageId: 'addGuard',
              data: { name: 'JwtAuthGuard' },
              output: `
import { Controller, Delete, Param } from '@nestjs/common';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { AdminService } from './admin.service';
import { UseGuards } from '@nestjs/common';

@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @UseGuards(JwtAuthGuard)
  @Delete('users/:id')
  removeUser(@Param('id') id: string) {
    return this.admin.removeUser(id);
  }
}
`,
            },
          ],
        },
      ],
    },
    // NestJS: a guard on one method only; UseGuards already imported.
    {
      filename: 'src/billing/billing.controller.ts',
      code: `
import { Body, Controller, Get, Post, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { BillingService } from './billing.service';

@Controller('billing')
export class BillingController {
  constructor(private readonly billing: BillingService) {}

  @UseGuards(JwtAuthGuard)
  @Get('invoices')
  invoices() {
    return this.billing.invoices();
  }

  @Post('portal-session')
  createPortalSession(@Body() body: { customerId: string }) {
    return this.billing.createPortalSession(body.customerId);
  }
}
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          data: { method: 'POST', path: '/billing/portal-session' },
          line: 16,
          column: 3,
          suggestions: [
            {
              messageId: 'addGuard',
              data: { name: 'JwtAuthGuard' },
              output: `
import { Body, Controller, Get, Post, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { BillingService } from './billing.service';

@Controller('billing')
export class BillingController {
  constructor(private readonly billing: BillingService) {}

  @UseGuards(JwtAuthGuard)
  @Get('invoices')
  invoices() {
    return this.billing.invoices();
  }

  @UseGuards(JwtAuthGuard)
  @Post('portal-session')
  createPortalSession(@Body() body: { customerId: string }) {
    return this.billing.createPortalSession(body.customerId);
  }
}
`,
            },
          ],
        },
      ],
    },
    // NestJS: no guard and none imported: nothing to suggest.
    {
      filename: 'src/settings/settings.controller.ts',
      code: `
import { Body, Controller, Patch } from '@nestjs/common';
import { SettingsService } from './settings.service';
import { UpdateSettingsDto } from './dto/update-settings.dto';

@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Patch()
  update(@Body() dto: UpdateSettingsDto) {
    return this.settings.update(dto);
  }
}
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'PATCH', path: '/settings' }, line: 10, column: 3, suggestions: [] }],
    },
    // NestJS: throttling is not authentication.
    {
      filename: 'src/payouts/payouts.controller.ts',
      code: `
import { Body, Controller, Post } from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';
import { PayoutsService } from './payouts.service';

@Controller('payouts')
export class PayoutsController {
  constructor(private readonly payouts: PayoutsService) {}

  @Throttle({ default: { limit: 3, ttl: 60000 } })
  @Post()
  create(@Body() body: { amount: number; iban: string }) {
    return this.payouts.create(body);
  }
}
`,
      errors: [{ messageId: 'missingAuthCheck', line: 11, column: 3, suggestions: [] }],
    },
    // NestJS: a class-level ThrottlerGuard is not an auth guard.
    {
      filename: 'src/payments/payments.controller.ts',
      code: `
import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { PaymentsService } from './payments.service';

@Controller('payments')
@UseGuards(ThrottlerGuard)
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post('refunds')
  refund(@Body() body: { paymentId: string; amount: number }) {
    return this.payments.refund(body);
  }
}
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'POST', path: '/payments/refunds' }, line: 11, column: 3, suggestions: [] }],
    },
    // Hono: jwt on /api/* does not cover /admin.
    {
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';
import { jwt } from 'hono/jwt';

const app = new Hono();

app.use('/api/*', jwt({ secret: process.env.JWT_SECRET! }));

app.delete('/admin/cache', async (c) => {
  await c.env.CACHE.delete('all');
  return c.body(null, 204);
});

export default app;
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          data: { method: 'DELETE', path: '/admin/cache' },
          line: 9,
          column: 5,
          suggestions: [
            {
              messageId: 'addMiddleware',
              data: { name: 'jwt({ secret: process.env.JWT_SECRET! })' },
              output: `
import { Hono } from 'hono';
import { jwt } from 'hono/jwt';

const app = new Hono();

app.use('/api/*', jwt({ secret: process.env.JWT_SECRET! }));

app.delete('/admin/cache', jwt({ secret: process.env.JWT_SECRET! }), async (c) => {
  await c.env.CACHE.delete('all');
  return c.body(null, 204);
});

export default app;
`,
            },
          ],
        },
      ],
    },
    // Hono: a sub-app route with the app's auth middleware imported but unused.
    {
      filename: 'src/routes/orders.ts',
      code: `
import { Hono } from 'hono';
import { requireAuth } from '../middleware/auth';
import { db } from '../db';

const orders = new Hono();

orders.post('/orders', async (c) => {
  const order = await db.order.create({ data: await c.req.json() });
  return c.json(order, 201);
});

export default orders;
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          line: 8,
          column: 8,
          suggestions: [
            {
              messageId: 'addMiddleware',
              data: { name: 'requireAuth' },
              output: `
import { Hono } from 'hono';
import { requireAuth } from '../middleware/auth';
import { db } from '../db';

const orders = new Hono();

orders.post('/orders', requireAuth, async (c) => {
  const order = await db.order.create({ data: await c.req.json() });
  return c.json(order, 201);
});

export default orders;
`,
            },
          ],
        },
      ],
    },
    // Hono: basePath('/api'), auth only on /me/*, a billing write outside it.
    {
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';
import { sessionAuth } from './middleware/session-auth';

const app = new Hono().basePath('/api');

app.use('/me/*', sessionAuth);

app.get('/me/profile', (c) => c.json(c.get('user')));
app.put('/billing/card', async (c) => {
  const body = await c.req.json();
  return c.json(await c.env.BILLING.updateCard(body));
});

export default app;
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          data: { method: 'PUT', path: '/api/billing/card' },
          line: 10,
          column: 5,
          suggestions: [
            {
              messageId: 'addMiddleware',
              data: { name: 'sessionAuth' },
              output: `
import { Hono } from 'hono';
import { sessionAuth } from './middleware/session-auth';

const app = new Hono().basePath('/api');

app.use('/me/*', sessionAuth);

app.get('/me/profile', (c) => c.json(c.get('user')));
app.put('/billing/card', sessionAuth, async (c) => {
  const body = await c.req.json();
  return c.json(await c.env.BILLING.updateCard(body));
});

export default app;
`,
            },
          ],
        },
      ],
    },
    // Hono: a GitHub webhook that trusts any caller.
    {
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';

const app = new Hono();

app.post('/webhooks/github', async (c) => {
  const payload = await c.req.json();
  await c.env.QUEUE.send(payload);
  return c.text('ok');
});

export default app;
`,
      errors: [{ messageId: 'unverifiedWebhook', data: { method: 'POST', path: '/webhooks/github' }, line: 6, column: 5, suggestions: [] }],
    },
    // Next.js App Router: a POST handler with no session check.
    {
      filename: 'app/api/orders/route.ts',
      code: `
import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';

export async function POST(req: Request) {
  const order = await prisma.order.create({ data: await req.json() });
  return NextResponse.json(order, { status: 201 });
}
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'POST', path: '/api/orders' }, line: 5, column: 1, suggestions: [] }],
    },
    // Next.js App Router: listing every user from an admin route.
    {
      filename: 'app/api/admin/users/route.ts',
      code: `
import { prisma } from '@/lib/prisma';

export const GET = async () => {
  const users = await prisma.user.findMany({ select: { id: true, email: true, role: true } });
  return Response.json(users);
};
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'GET', path: '/api/admin/users' }, line: 4, column: 1, suggestions: [] }],
    },
    // Next.js Pages API: deleting a user by id with no session.
    {
      filename: 'pages/api/users/[id].ts',
      code: `
import type { NextApiRequest, NextApiResponse } from 'next';
import { prisma } from '../../../lib/prisma';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method === 'DELETE') {
    await prisma.user.delete({ where: { id: String(req.query.id) } });
    return res.status(204).end();
  }
  res.setHeader('Allow', 'DELETE');
  res.status(405).end();
}
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'DELETE', path: '/api/users/:id' }, line: 5, column: 1, suggestions: [] }],
    },
    // Next.js Pages API: a Stripe webhook without constructEvent.
    {
      filename: 'pages/api/webhooks/stripe.ts',
      code: `
import type { NextApiRequest, NextApiResponse } from 'next';
import { prisma } from '../../../lib/prisma';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).end();
  const event = req.body;
  if (event.type === 'checkout.session.completed') {
    await prisma.order.update({ where: { id: event.data.object.metadata.orderId }, data: { status: 'paid' } });
  }
  res.json({ received: true });
}
`,
      errors: [{ messageId: 'unverifiedWebhook', data: { method: 'POST', path: '/api/webhooks/stripe' }, line: 5, column: 1, suggestions: [] }],
    },
    // Next.js Pages API: /api/me answering any method for a user picked by query string.
    {
      filename: 'pages/api/me.ts',
      code: `
import type { NextApiRequest, NextApiResponse } from 'next';
import { prisma } from '../../lib/prisma';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const user = await prisma.user.findUnique({ where: { email: String(req.query.email) } });
  res.json(user);
}
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'This route', path: '/api/me' }, line: 5, column: 1, suggestions: [] }],
    },
    // Express (RealWorld, CommonJS): the route without auth.required gets auth.required, right after the path.
    {
      filename: 'routes/api/articles.js',
      code: `
var router = require('express').Router();
var mongoose = require('mongoose');
var Article = mongoose.model('Article');
var auth = require('../auth');

router.delete('/articles/:slug', auth.required, function (req, res, next) {
  Article.findOneAndRemove({ slug: req.params.slug, author: req.payload.id })
    .then(function () { return res.sendStatus(204); })
    .catch(next);
});

router.put('/articles/:slug', function (req, res, next) {
  Article.findOneAndUpdate({ slug: req.params.slug }, req.body.article, { new: true })
    .then(function (article) { return res.json({ article: article.toJSONFor() }); })
    .catch(next);
});

module.exports = router;
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          data: { method: 'PUT', path: '/articles/:slug' },
          line: 13,
          column: 8,
          suggestions: [
            {
              messageId: 'addMiddleware',
              data: { name: 'auth.required' },
              output: `
var router = require('express').Router();
var mongoose = require('mongoose');
var Article = mongoose.model('Article');
var auth = require('../auth');

router.delete('/articles/:slug', auth.required, function (req, res, next) {
  Article.findOneAndRemove({ slug: req.params.slug, author: req.payload.id })
    .then(function () { return res.sendStatus(204); })
    .catch(next);
});

router.put('/articles/:slug', auth.required, function (req, res, next) {
  Article.findOneAndUpdate({ slug: req.params.slug }, req.body.article, { new: true })
    .then(function (article) { return res.json({ article: article.toJSONFor() }); })
    .catch(next);
});

module.exports = router;
`,
            },
          ],
        },
      ],
    },
    // Express: confirming an order is a write, not an email-confirmation link.
    {
      filename: 'src/routes/orders.ts',
      code: `
import { Router } from 'express';
import { Order } from '../models/order';

const router = Router();

router.post('/orders/:id/confirm', async (req, res) => {
  res.json(await Order.findByIdAndUpdate(req.params.id, { status: 'confirmed' }, { new: true }));
});

export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'POST', path: '/orders/:id/confirm' }, line: 7, column: 8, suggestions: [] }],
    },
    // Express: subscribing to a paid plan is billing, not a newsletter form.
    {
      filename: 'src/routes/billing.ts',
      code: `
import { Router } from 'express';
import { stripe } from '../lib/stripe';

const router = Router();

router.post('/billing/subscribe', async (req, res) => {
  const subscription = await stripe.subscriptions.create({ customer: req.body.customerId, items: [{ price: req.body.priceId }] });
  res.status(201).json(subscription);
});

export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'POST', path: '/billing/subscribe' }, line: 7, column: 8, suggestions: [] }],
    },
    // Express: revoking an account's API token.
    {
      filename: 'src/routes/account.ts',
      code: `
import { Router } from 'express';
import { ApiToken } from '../models/api-token';

const router = Router();

router.delete('/account/tokens/:id', async (req, res) => {
  await ApiToken.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});

export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'DELETE', path: '/account/tokens/:id' }, line: 7, column: 8, suggestions: [] }],
    },
    // Express: listing every active session from an admin route.
    {
      filename: 'src/routes/admin.ts',
      code: `
import { Router } from 'express';
import { Session } from '../models/session';

const router = Router();

router.get('/admin/sessions', async (_req, res) => {
  res.json(await Session.find({ expiresAt: { $gt: new Date() } }).populate('user', 'email'));
});

export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'GET', path: '/admin/sessions' }, line: 7, column: 8, suggestions: [] }],
    },
    // Express: an admin action ending in a word that also names a token endpoint.
    {
      filename: 'src/routes/admin.ts',
      code: `
import { Router } from 'express';
import { cache } from '../lib/cache';

const router = Router();

router.post('/admin/cache/refresh', async (_req, res) => {
  await cache.flushAll();
  res.sendStatus(204);
});

export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'POST', path: '/admin/cache/refresh' }, line: 7, column: 8, suggestions: [] }],
    },
    // Express: PUT /me/status sets the user's status; it is not a health probe.
    {
      filename: 'src/routes/me.ts',
      code: `
import { Router } from 'express';
import { User } from '../models/user';

const router = Router();

router.put('/me/status', async (req, res) => {
  res.json(await User.findByIdAndUpdate(req.body.userId, { status: req.body.status }, { new: true }));
});

export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'PUT', path: '/me/status' }, line: 7, column: 8, suggestions: [] }],
    },
    // Express: the user's webhook settings are not an incoming webhook.
    {
      filename: 'src/routes/settings.ts',
      code: `
import { Router } from 'express';
import { WebhookEndpoint } from '../models/webhook-endpoint';

const router = Router();

router.post('/settings/webhooks', async (req, res) => {
  res.status(201).json(await WebhookEndpoint.create({ url: req.body.url, events: req.body.events }));
});

export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'POST', path: '/settings/webhooks' }, line: 7, column: 8, suggestions: [] }],
    },
    // Team settings: the team's middleware is not in scope in this file, so nothing is suggested.
    {
      filename: 'src/routes/projects.ts',
      settings: teamAuth,
      code: `
import { Router } from 'express';
import { Project } from '../models/project';

const router = Router();

router.delete('/projects/:id', async (req, res) => {
  await Project.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});

export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'DELETE', path: '/projects/:id' }, line: 7, column: 8, suggestions: [] }],
    },
    // NestJS with team settings: the team's guard is suggested, not its Express middleware.
    {
      filename: 'src/orders/orders.controller.ts',
      settings: { backendCoach: { file: { auth: { middleware: ['requireAuth'], guards: ['SessionGuard'] } } } },
      code: `
import { Body, Controller, Post } from '@nestjs/common';
import { SessionGuard } from '../auth/session.guard';
import { OrdersService } from './orders.service';
import { CreateOrderDto } from './dto/create-order.dto';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  create(@Body() dto: CreateOrderDto) {
    return this.orders.create(dto);
  }
}
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          data: { method: 'POST', path: '/orders' },
          line: 11,
          column: 3,
          suggestions: [
            {
              messageId: 'addGuard',
              data: { name: 'SessionGuard' },
              output: `
import { Body, Controller, Post } from '@nestjs/common';
import { SessionGuard } from '../auth/session.guard';
import { OrdersService } from './orders.service';
import { CreateOrderDto } from './dto/create-order.dto';
import { UseGuards } from '@nestjs/common';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @UseGuards(SessionGuard)
  @Post()
  create(@Body() dto: CreateOrderDto) {
    return this.orders.create(dto);
  }
}
`,
            },
          ],
        },
      ],
    },
    // NestJS: Passport's AuthGuard is a factory: suggest AuthGuard('jwt').
    {
      filename: 'src/users/users.controller.ts',
      code: `
import { Controller, Delete, Param } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { UsersService } from './users.service';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Delete(':id')
  remove(@Param('id') id: string) {
    return this.users.remove(id);
  }
}
`,
      errors: [
        {
          messageId: 'missingAuthCheck',
          data: { method: 'DELETE', path: '/users/:id' },
          line: 10,
          column: 3,
          suggestions: [
            {
              messageId: 'addGuard',
              data: { name: "AuthGuard('jwt')" },
              output: `
import { Controller, Delete, Param } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { UsersService } from './users.service';
import { UseGuards } from '@nestjs/common';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @UseGuards(AuthGuard('jwt'))
  @Delete(':id')
  remove(@Param('id') id: string) {
    return this.users.remove(id);
  }
}
`,
            },
          ],
        },
      ],
    },
    // Express: a namespace import of the auth controller is not middleware to suggest.
    {
      filename: 'src/routes/index.ts',
      code: `
import { Router } from 'express';
import * as authController from '../controllers/auth.controller';
import * as orderController from '../controllers/order.controller';

const router = Router();

router.post('/auth/login', authController.login);
router.post('/orders', orderController.create);

export default router;
`,
      errors: [{ messageId: 'missingAuthCheck', data: { method: 'POST', path: '/orders' }, line: 9, column: 8, suggestions: [] }],
    },
  ],
});
