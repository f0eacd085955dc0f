import rule from '../../../src/engine/rules/error-with-success-status';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('error-with-success-status', rule, {
  valid: [
    {
      name: 'res.status(500) before res.format: every content-type branch answers with it',
      filename: 'src/admin-ui/middleware.js',
      code: `
const express = require('express');
const router = express.Router();

router.use(async (req, res) => {
  try {
    await handle(req, res);
  } catch (e) {
    console.error('An error occurred handling a request for the Admin UI:', e);
    res.status(500);
    res.format({
      'application/json': function () {
        res.send({ error: true });
      },
      default: function () {
        res.send('An error occurred handling a request for the Admin UI.');
      },
    });
  }
});
module.exports = router;
`,
    },

    {
      name: 'node-style answer: writeHead sets the error status before end',
      filename: 'src/members/middleware.js',
      code: `
const logging = require('@tryghost/logging');

const updateMemberNewsletters = async function (req, res) {
  try {
    await membersService.api.members.update(req.body, { id: req.params.id });
    res.writeHead(204);
    res.end();
  } catch (err) {
    if (!err.statusCode) {
      logging.error(err);
    }
    res.writeHead(err.statusCode ?? 500, {
      'Content-Type': 'text/plain;charset=UTF-8'
    });
    res.end(err.message);
  }
};
module.exports = { updateMemberNewsletters };
`,
    },
    {
      name: 'express error with an explicit 404',
      filename: 'src/routes/users.ts',
      code: `
import { Router } from 'express';
import { User } from '../models/user';
const router = Router();
router.get('/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) return res.status(404).json({ error: 'not_found' });
  return res.json(user);
});
export default router;
`,
    },
    {
      name: 'status set in the statement before',
      filename: 'src/routes/users.ts',
      code: `
router.get('/:id', async (req, res) => {
  res.status(400);
  res.json({ error: 'bad id' });
});
`,
    },
    {
      name: 'error: null beside data',
      filename: 'src/routes/users.ts',
      code: `
router.get('/', async (req, res) => {
  const users = await listUsers();
  res.json({ data: users, error: null });
});
`,
    },
    {
      name: 'bulk partial success lists errors beside results',
      filename: 'src/routes/imports.ts',
      code: `
router.post('/bulk', async (req, res) => {
  const outcome = await importRows(req.body.rows);
  res.json({ results: outcome.ok, errors: outcome.failed });
});
`,
    },
    {
      name: 'a GraphQL server answers errors in the body',
      filename: 'src/graphql.ts',
      code: `
import { graphql } from 'graphql';
app.post('/graphql', async (req, res) => {
  try {
    res.json(await graphql({ schema, source: req.body.query }));
  } catch (err) {
    res.json({ errors: [{ message: 'internal' }] });
  }
});
`,
    },
    {
      name: 'JSON-RPC path',
      filename: 'src/rpc.ts',
      code: `
app.post('/rpc', async (req, res) => {
  res.json({ jsonrpc: '2.0', id: req.body.id, error: { code: -32601, message: 'Method not found' } });
});
`,
    },
    {
      name: 'webhook acknowledged with 200 to stop retries',
      filename: 'src/webhooks.ts',
      code: `
app.post('/webhooks/stripe', async (req, res) => {
  try {
    await handleEvent(req.body);
  } catch (err) {
    res.json({ received: true, error: 'ignored' });
  }
});
`,
    },
    {
      name: 'fastify reply.send(err) answers with the error status',
      filename: 'src/plugins/auth.ts',
      code: `
fastify.decorate('authenticate', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (err) {
    reply.send(err);
  }
});
`,
    },
    {
      name: 'hono with a status argument',
      filename: 'src/routes/tickets.ts',
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/:id', async (c) => {
  const t = await find(c.req.param('id'));
  if (!t) return c.json({ error: 'not_found' }, 404);
  return c.json(t);
});
`,
    },
    {
      name: 'next route with a status in the init',
      filename: 'app/api/projects/route.ts',
      code: `
import { NextResponse } from 'next/server';
export async function POST(req: Request) {
  const body = await req.json();
  if (!body.name) return NextResponse.json({ error: 'name is required' }, { status: 400 });
  return NextResponse.json(await create(body), { status: 201 });
}
`,
    },
    {
      name: 'koa with ctx.status before the body',
      filename: 'src/routes/catalog.js',
      code: `
const Router = require('@koa/router');
const router = new Router();
router.get('/products/:id', async (ctx) => {
  const product = await Product.findByPk(ctx.params.id);
  if (!product) {
    ctx.status = 404;
    ctx.body = { error: 'not_found' };
    return;
  }
  ctx.body = product;
});
`,
    },
    {
      name: 'a check endpoint answering valid: false',
      filename: 'src/routes/coupons.ts',
      code: `
router.post('/coupons/validate', async (req, res) => {
  const coupon = await Coupon.findOne({ code: String(req.body.code) });
  res.json({ valid: false, error: coupon ? 'expired' : 'unknown' });
});
`,
    },
    {
      name: 'fetch response body read, not an answer',
      filename: 'src/clients/billing.ts',
      code: `
export async function charge(response: Response) {
  const data = await response.json();
  return data.error ? null : data;
}
`,
    },
  ],
  invalid: [

    {
      name: 'node-style answer: writeHead(200) with the error message is still a success',
      filename: 'src/members/middleware.js',
      code: `
const updateMemberNewsletters = async function (req, res) {
  try {
    await membersService.api.members.update(req.body, { id: req.params.id });
    res.writeHead(204);
    res.end();
  } catch (err) {
    res.writeHead(200, { 'Content-Type': 'text/plain;charset=UTF-8' });
    res.end(err.message);
  }
};
module.exports = { updateMemberNewsletters };
`,
      errors: [
        {
          messageId: 'errorWithSuccessStatus',
          line: 9,
          column: 5,
          suggestions: [
            {
              messageId: 'setStatus',
              output: `
const updateMemberNewsletters = async function (req, res) {
  try {
    await membersService.api.members.update(req.body, { id: req.params.id });
    res.writeHead(204);
    res.end();
  } catch (err) {
    res.writeHead(500, { 'Content-Type': 'text/plain;charset=UTF-8' });
    res.end(err.message);
  }
};
module.exports = { updateMemberNewsletters };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express error body with no status',
      filename: 'src/routes/users.ts',
      code: `
router.get('/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) return res.json({ error: 'User not found' });
  return res.json(user);
});
`,
      errors: [
        {
          messageId: 'errorWithSuccessStatus',
          line: 4,
          column: 21,
          suggestions: [
            {
              messageId: 'setStatus',
              data: { status: '400' },
              output: `
router.get('/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) return res.status(400).json({ error: 'User not found' });
  return res.json(user);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'success: false sent from a catch',
      filename: 'src/routes/users.ts',
      code: `
router.delete('/:id', async (req, res) => {
  try {
    await User.deleteOne({ _id: req.params.id });
    res.status(204).end();
  } catch (err) {
    res.send({ success: false, message: 'Could not delete' });
  }
});
`,
      errors: [
        {
          messageId: 'errorWithSuccessStatus',
          line: 7,
          suggestions: [
            {
              messageId: 'setStatus',
              data: { status: '500' },
              output: `
router.delete('/:id', async (req, res) => {
  try {
    await User.deleteOne({ _id: req.params.id });
    res.status(204).end();
  } catch (err) {
    res.status(500).send({ success: false, message: 'Could not delete' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'explicit 200 with an error',
      filename: 'pages/api/profile.ts',
      code: `
export default async function handler(req, res) {
  const session = await getSession({ req });
  if (!session) return res.status(200).json({ error: 'not signed in' });
  return res.json(session.user);
}
`,
      errors: [
        {
          messageId: 'errorWithSuccessStatus',
          line: 4,
          suggestions: [
            {
              messageId: 'setStatus',
              data: { status: '400' },
              output: `
export default async function handler(req, res) {
  const session = await getSession({ req });
  if (!session) return res.status(400).json({ error: 'not signed in' });
  return res.json(session.user);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'the caught error sent as is',
      filename: 'src/routes/orders.js',
      code: `
router.post('/', async (req, res) => {
  try {
    res.status(201).json(await Order.create(pick(req.body)));
  } catch (err) {
    res.json(err.message);
  }
});
`,
      errors: [{ messageId: 'errorWithSuccessStatus', line: 6, suggestions: [{ messageId: 'setStatus', data: { status: '500' }, output: `
router.post('/', async (req, res) => {
  try {
    res.status(201).json(await Order.create(pick(req.body)));
  } catch (err) {
    res.status(500).json(err.message);
  }
});
` }] }],
    },
    {
      name: 'fastify reply.send of an error body',
      filename: 'src/routes/orders.ts',
      code: `
fastify.get('/:id', async (request, reply) => {
  const order = await fastify.prisma.order.findUnique({ where: { id: request.params.id } });
  if (!order) return reply.send({ error: 'not_found' });
  return order;
});
`,
      errors: [{ messageId: 'errorWithSuccessStatus', line: 4, suggestions: [{ messageId: 'setStatus', data: { status: '400' }, output: `
fastify.get('/:id', async (request, reply) => {
  const order = await fastify.prisma.order.findUnique({ where: { id: request.params.id } });
  if (!order) return reply.code(400).send({ error: 'not_found' });
  return order;
});
` }] }],
    },
    {
      name: 'hono c.json with an error and no status',
      filename: 'src/routes/tickets.ts',
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/:id', async (c) => {
  const t = await find(c.req.param('id'));
  if (!t) return c.json({ error: 'not_found' });
  return c.json(t);
});
`,
      errors: [{ messageId: 'errorWithSuccessStatus', line: 6, suggestions: [{ messageId: 'setStatus', data: { status: '400' }, output: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/:id', async (c) => {
  const t = await find(c.req.param('id'));
  if (!t) return c.json({ error: 'not_found' }, 400);
  return c.json(t);
});
` }] }],
    },
    {
      name: 'NextResponse.json with ok: false',
      filename: 'app/api/projects/route.ts',
      code: `
import { NextResponse } from 'next/server';
export async function POST(req: Request) {
  const body = await req.json();
  if (typeof body.name !== 'string') return NextResponse.json({ ok: false, error: 'name must be a string' });
  return NextResponse.json(await create(body), { status: 201 });
}
`,
      errors: [{ messageId: 'errorWithSuccessStatus', line: 5, suggestions: [{ messageId: 'setStatus', data: { status: '400' }, output: `
import { NextResponse } from 'next/server';
export async function POST(req: Request) {
  const body = await req.json();
  if (typeof body.name !== 'string') return NextResponse.json({ ok: false, error: 'name must be a string' }, { status: 400 });
  return NextResponse.json(await create(body), { status: 201 });
}
` }] }],
    },
    {
      name: 'next Response.json with an init lacking status',
      filename: 'app/api/export/route.ts',
      code: `
export async function GET() {
  try {
    return Response.json(await buildExport());
  } catch {
    return Response.json({ status: 'error', message: 'export failed' }, { headers: { 'cache-control': 'no-store' } });
  }
}
`,
      errors: [{ messageId: 'errorWithSuccessStatus', line: 6, suggestions: [{ messageId: 'setStatus', data: { status: '500' }, output: `
export async function GET() {
  try {
    return Response.json(await buildExport());
  } catch {
    return Response.json({ status: 'error', message: 'export failed' }, { status: 500, headers: { 'cache-control': 'no-store' } });
  }
}
` }] }],
    },
    {
      name: 'koa ctx.body error without ctx.status',
      filename: 'src/routes/catalog.js',
      code: `
const Router = require('@koa/router');
const router = new Router();
router.get('/products/:id', async (ctx) => {
  const product = await Product.findByPk(ctx.params.id);
  if (!product) {
    ctx.body = { error: 'not_found' };
    return;
  }
  ctx.body = product;
});
`,
      errors: [{ messageId: 'errorWithSuccessStatus', line: 7, suggestions: [{ messageId: 'setStatus', data: { status: '400' }, output: `
const Router = require('@koa/router');
const router = new Router();
router.get('/products/:id', async (ctx) => {
  const product = await Product.findByPk(ctx.params.id);
  if (!product) {
    ctx.status = 400;
    ctx.body = { error: 'not_found' };
    return;
  }
  ctx.body = product;
});
` }] }],
    },
    {
      name: 'an express controller in its own file',
      filename: 'src/controllers/auth.controller.js',
      code: `
exports.me = async (req, res) => {
  if (!req.user) return res.send({ error: 'unauthorized' });
  res.send(req.user);
};
`,
      errors: [{ messageId: 'errorWithSuccessStatus', line: 3, suggestions: [{ messageId: 'setStatus', data: { status: '400' }, output: `
exports.me = async (req, res) => {
  if (!req.user) return res.status(400).send({ error: 'unauthorized' });
  res.send(req.user);
};
` }] }],
    },
  ],
});
