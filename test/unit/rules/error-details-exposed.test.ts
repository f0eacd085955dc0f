import rule from '../../../src/engine/rules/error-details-exposed';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('error-details-exposed', rule, {
  valid: [
    {
      name: 'express: generic message, error logged',
      filename: 'src/routes/orders.ts',
      code: `
import { Router } from 'express';
import { logger } from '../lib/logger';
import { createOrder } from '../services/orders';

export const router = Router();
router.post('/orders', async (req, res) => {
  try {
    res.status(201).json(await createOrder(req.body));
  } catch (err) {
    logger.error({ err }, 'create order failed');
    res.status(500).json({ error: 'Internal server error', requestId: req.id });
  }
});
`,
    },
    {
      name: 'express: zod issues on a 400',
      filename: 'src/routes/users.ts',
      code: `
import { Router } from 'express';
import { z, ZodError } from 'zod';

const Signup = z.object({ email: z.string().email(), name: z.string().min(1) });
export const router = Router();
router.post('/users', async (req, res) => {
  try {
    const input = Signup.parse(req.body);
    res.status(201).json(input);
  } catch (error) {
    if (error instanceof ZodError) return res.status(400).json({ issues: error.issues, fields: error.flatten() });
    throw error;
  }
});
`,
    },
    {
      name: 'express: 4xx with the message of a domain error',
      filename: 'src/routes/coupons.ts',
      code: `
import { Router } from 'express';
import { redeem } from '../services/coupons';

export const router = Router();
router.post('/coupons/:code/redeem', async (req, res) => {
  try {
    res.json(await redeem(req.params.code));
  } catch (err) {
    res.status(422).json({ error: (err as Error).message });
  }
});
`,
    },
    {
      name: 'express error middleware: stack only outside production',
      filename: 'src/middleware/errors.ts',
      code: `
import type { NextFunction, Request, Response } from 'express';

export function errorHandler(err: Error & { status?: number }, req: Request, res: Response, _next: NextFunction) {
  const status = err.status ?? 500;
  res.status(status).json({
    error: status < 500 ? err.message : 'Internal server error',
    stack: process.env.NODE_ENV === 'production' ? undefined : err.stack,
  });
}
`,
    },
    {
      name: 'express error middleware: early return in production',
      filename: 'src/middleware/errors.js',
      code: `
module.exports = function errorHandler(err, req, res, next) {
  req.log.error({ err }, 'unhandled');
  if (process.env.NODE_ENV === 'production') {
    return res.status(500).json({ error: 'Internal server error' });
  }
  res.status(500).json({ error: err.message, stack: err.stack });
};
`,
    },
    {
      name: 'express: isOperational app errors',
      filename: 'src/middleware/errors.ts',
      code: `
import type { ErrorRequestHandler } from 'express';
import { AppError } from '../errors';

export const onError: ErrorRequestHandler = (err, req, res, next) => {
  if (err instanceof AppError && err.isOperational) {
    return res.status(err.statusCode).json({ error: err.message, code: err.code });
  }
  res.status(500).json({ error: 'Something went wrong' });
};
`,
    },
    {
      name: 'koa: http-errors expose',
      filename: 'src/app.js',
      code: `
const Koa = require('koa');
const app = new Koa();

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { error: err.expose ? err.message : 'internal_error' };
    ctx.app.emit('error', err, ctx);
  }
});
`,
    },
    {
      name: 'fastify: setErrorHandler with validation and a generic 500',
      filename: 'src/app.ts',
      code: `
import Fastify from 'fastify';

const app = Fastify({ logger: true });
app.setErrorHandler((error, request, reply) => {
  if (error.validation) {
    return reply.status(400).send({ error: 'Bad Request', details: error.validation });
  }
  request.log.error({ err: error }, 'request failed');
  return reply.status(500).send({ error: 'Internal Server Error' });
});
`,
    },
    {
      name: 'nest: BadRequestException with the message',
      filename: 'src/orders/orders.service.ts',
      code: `
import { BadRequestException, Injectable } from '@nestjs/common';

@Injectable()
export class OrdersService {
  async place(dto: { sku: string }) {
    try {
      return await this.reserve(dto.sku);
    } catch (err) {
      throw new BadRequestException((err as Error).message);
    }
  }
  private async reserve(sku: string) { return sku; }
}
`,
    },
    {
      name: 'the error code is not a detail',
      filename: 'src/routes/files.ts',
      code: `
import { Router } from 'express';
import { readReport } from '../services/reports';

export const router = Router();
router.get('/reports/:id', async (req, res) => {
  try {
    res.json(await readReport(req.params.id));
  } catch (err: any) {
    res.status(500).json({ error: 'Report unavailable', code: err.code });
  }
});
`,
    },
    {
      name: 'a service returning a result object is not a response',
      filename: 'src/services/sync.ts',
      code: `
export async function syncAccount(id: string) {
  try {
    await fetch(\`https://crm.example.com/accounts/\${id}\`, { method: 'POST' });
    return { ok: true };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
`,
    },
    {
      name: 'hono: isDev guard in onError',
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';

const isDev = process.env.NODE_ENV !== 'production';
const app = new Hono();
app.onError((err, c) => {
  console.error(err);
  return c.json({ error: 'Internal Server Error', ...(isDev && { message: err.message }) }, 500);
});
export default app;
`,
    },
    {
      name: 'fastify: reply.send(err) forwards to the error handler (@fastify/jwt pattern)',
      filename: 'src/plugins/auth.ts',
      code: `
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';

export default fp(async (fastify) => {
  fastify.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      await request.jwtVerify();
    } catch (err) {
      reply.send(err);
    }
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'express: err.message in a 500 with a logger fix',
      filename: 'src/routes/orders.ts',
      code: `
import { Router } from 'express';
import { logger } from '../lib/logger';
import { createOrder } from '../services/orders';

export const router = Router();
router.post('/orders', async (req, res) => {
  try {
    res.status(201).json(await createOrder(req.body));
  } catch (err) {
    res.status(500).json({ success: false, error: (err as Error).message });
  }
});
`,
      errors: [
        {
          messageId: 'errorDetailsExposed',
          line: 11,
          suggestions: [
            {
              messageId: 'genericMessage',
              output: `
import { Router } from 'express';
import { logger } from '../lib/logger';
import { createOrder } from '../services/orders';

export const router = Router();
router.post('/orders', async (req, res) => {
  try {
    res.status(201).json(await createOrder(req.body));
  } catch (err) {
    logger.error(err);
    res.status(500).json({ success: false, error: 'Internal server error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: res.send(err) when already logged',
      filename: 'src/routes/users.js',
      code: `
const router = require('express').Router();
const User = require('../models/user');

router.get('/users', async (req, res) => {
  try {
    res.json(await User.find().limit(50));
  } catch (err) {
    console.error(err);
    res.status(500).send(err);
  }
});
module.exports = router;
`,
      errors: [
        {
          messageId: 'errorDetailsExposed',
          line: 10,
          suggestions: [
            {
              messageId: 'genericMessage',
              output: `
const router = require('express').Router();
const User = require('../models/user');

router.get('/users', async (req, res) => {
  try {
    res.json(await User.find().limit(50));
  } catch (err) {
    console.error(err);
    res.status(500).send({ error: 'Internal server error' });
  }
});
module.exports = router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express error middleware sends the stack',
      filename: 'src/middleware/errors.ts',
      code: `
import type { NextFunction, Request, Response } from 'express';

export function errorHandler(err: any, req: Request, res: Response, next: NextFunction) {
  console.error(err);
  res.status(err.status || 500).json({ message: err.message, stack: err.stack });
}
`,
      errors: [
        {
          messageId: 'errorDetailsExposed',
          line: 6,
          suggestions: [
            {
              messageId: 'genericMessage',
              output: `
import type { NextFunction, Request, Response } from 'express';

export function errorHandler(err: any, req: Request, res: Response, next: NextFunction) {
  console.error(err);
  res.status(err.status || 500).json({ message: 'Internal server error' });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'promise catch callback',
      filename: 'src/routes/invoices.js',
      code: `
const express = require('express');
const router = express.Router();
const { Invoice } = require('../models');

router.get('/invoices/:id', (req, res) => {
  Invoice.findByPk(req.params.id)
    .then((invoice) => res.json(invoice))
    .catch((error) => res.status(500).json({ error: error.toString() }));
});
module.exports = router;
`,
      errors: [
        {
          messageId: 'errorDetailsExposed',
          line: 9,
          suggestions: [
            {
              messageId: 'genericMessage',
              output: `
const express = require('express');
const router = express.Router();
const { Invoice } = require('../models');

router.get('/invoices/:id', (req, res) => {
  Invoice.findByPk(req.params.id)
    .then((invoice) => res.json(invoice))
    .catch((error) => res.status(500).json({ error: 'Internal server error' }));
});
module.exports = router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a local built from the error',
      filename: 'src/routes/payments.ts',
      code: `
import { Router } from 'express';
import { charge } from '../services/stripe';

export const router = Router();
router.post('/payments', async (req, res) => {
  try {
    res.json(await charge(req.body.amount));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    res.status(502).json({ error: message });
  }
});
`,
      errors: [
        {
          messageId: 'errorDetailsExposed',
          line: 11,
          suggestions: [
            {
              messageId: 'genericMessage',
              output: `
import { Router } from 'express';
import { charge } from '../services/stripe';

export const router = Router();
router.post('/payments', async (req, res) => {
  try {
    res.json(await charge(req.body.amount));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(e);
    res.status(502).json({ error: 'Internal server error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa: ctx.body = err.message',
      filename: 'src/middleware/errors.js',
      code: `
module.exports = async function errors(ctx, next) {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { error: err.message };
  }
};
`,
      errors: [
        {
          messageId: 'errorDetailsExposed',
          line: 7,
          suggestions: [
            {
              messageId: 'genericMessage',
              output: `
module.exports = async function errors(ctx, next) {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    console.error(err);
    ctx.body = { error: 'Internal server error' };
  }
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify: error message sent in a handler',
      filename: 'src/routes/exports.ts',
      code: `
import type { FastifyInstance } from 'fastify';

export default async function exportsRoutes(fastify: FastifyInstance) {
  fastify.post('/exports', async (request, reply) => {
    try {
      return await fastify.exporter.start(request.body);
    } catch (error) {
      request.log.error(error);
      return reply.code(500).send({ error: 'export failed', reason: (error as Error).message });
    }
  });
}
`,
      errors: [
        {
          messageId: 'errorDetailsExposed',
          line: 10,
          suggestions: [
            {
              messageId: 'genericMessage',
              output: `
import type { FastifyInstance } from 'fastify';

export default async function exportsRoutes(fastify: FastifyInstance) {
  fastify.post('/exports', async (request, reply) => {
    try {
      return await fastify.exporter.start(request.body);
    } catch (error) {
      request.log.error(error);
      return reply.code(500).send({ error: 'export failed', reason: 'Internal server error' });
    }
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'hono: onError with err.message',
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';

const app = new Hono();
app.onError((err, c) => c.json({ message: err.message }, 500));
export default app;
`,
      errors: [
        {
          messageId: 'errorDetailsExposed',
          line: 5,
          suggestions: [
            {
              messageId: 'genericMessage',
              output: `
import { Hono } from 'hono';

const app = new Hono();
app.onError((err, c) => c.json({ message: 'Internal server error' }, 500));
export default app;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nest: InternalServerErrorException with the message',
      filename: 'src/reports/reports.service.ts',
      code: `
import { Injectable, InternalServerErrorException, Logger } from '@nestjs/common';

@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  async build(id: string) {
    try {
      return await this.render(id);
    } catch (err) {
      throw new InternalServerErrorException(\`Report failed: \${(err as Error).message}\`);
    }
  }
  private async render(id: string) { return id; }
}
`,
      errors: [
        {
          messageId: 'errorDetailsExposed',
          line: 12,
          suggestions: [
            {
              messageId: 'genericMessage',
              output: `
import { Injectable, InternalServerErrorException, Logger } from '@nestjs/common';

@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  async build(id: string) {
    try {
      return await this.render(id);
    } catch (err) {
      this.logger.error(err);
      throw new InternalServerErrorException('Internal server error');
    }
  }
  private async render(id: string) { return id; }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'next: NextResponse.json with the error',
      filename: 'app/api/orders/route.ts',
      code: `
import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';

export async function GET() {
  try {
    return NextResponse.json(await prisma.order.findMany({ take: 50 }));
  } catch (error) {
    return NextResponse.json({ error: String(error) }, { status: 500 });
  }
}
`,
      errors: [
        {
          messageId: 'errorDetailsExposed',
          line: 9,
          suggestions: [
            {
              messageId: 'genericMessage',
              output: `
import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';

export async function GET() {
  try {
    return NextResponse.json(await prisma.order.findMany({ take: 50 }));
  } catch (error) {
    console.error(error);
    return NextResponse.json({ error: 'Internal server error' }, { status: 500 });
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
