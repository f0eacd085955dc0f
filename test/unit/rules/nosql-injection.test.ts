import rule from '../../../src/engine/rules/nosql-injection';
import { ruleTester } from '../support/rule-tester';

const NEST = `
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
@Controller('auth')
export class AuthController {
  constructor(@InjectModel('User') private readonly userModel: Model<User>) {}
  @Post('login')
  login(@Body() body: any) {
    return this.userModel.findOne({ email: body.email });
  }
  @Get('check')
  check(@Query('token') token: string) {
    return this.userModel.exists({ verifyToken: token });
  }
}
`;

ruleTester().run('nosql-injection', rule, {
  valid: [
    {
      name: 'a Bookshelf model (SQL over knex) looked up with withRelated: no query operators there',
      filename: 'src/services/auth/api-key/content.js',
      code: `
const models = require('../../../models');
const authenticateContentApiKey = async function (req, res, next) {
  if (!req.query || !req.query.key) return next();
  const apiKey = await models.ApiKey.findOne({ secret: req.query.key }, { withRelated: ['integration'] });
  if (!apiKey) return next(new Error('Unknown Content API Key'));
  req.api_key = apiKey;
  next();
};
module.exports = { authenticateContentApiKey };
`,
    },
    {
      name: 'values coerced with String()',
      filename: 'src/routes/auth.js',
      code: `
const User = require('../models/user');
router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: String(req.body.email) });
  res.json(user);
});
`,
    },
    {
      name: 'Express path parameters are always strings',
      filename: 'src/routes/posts.ts',
      code: `
import { Post } from '../models/post';
router.get('/posts/:slug', async (req, res) => {
  const post = await Post.findOne({ slug: req.params.slug });
  res.json(post);
});
`,
    },
    {
      name: 'zod-parsed body',
      filename: 'src/routes/users.ts',
      code: `
import { z } from 'zod';
import { User } from '../models/user';
const Query = z.object({ email: z.string().email() });
router.post('/users/lookup', async (req, res) => {
  const { email } = Query.parse(req.body);
  res.json(await User.findOne({ email }));
});
`,
    },
    {
      name: 'NestJS DTO validated by class-validator',
      filename: 'src/users/users.controller.ts',
      code: `
import { Body, Controller, Post } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
@Controller('users')
export class UsersController {
  constructor(@InjectModel(User.name) private readonly userModel: Model<User>) {}
  @Post('lookup')
  lookup(@Body() dto: LookupUserDto) {
    return this.userModel.findOne({ email: dto.email });
  }
}
`,
    },
    {
      name: 'express-mongo-sanitize used in the app',
      filename: 'src/app.js',
      code: `
const express = require('express');
const mongoSanitize = require('express-mongo-sanitize');
const User = require('./models/user');
const app = express();
app.use(express.json());
app.use(mongoSanitize());
app.post('/login', async (req, res) => res.json(await User.findOne({ email: req.body.email })));
`,
    },
    {
      name: "mongoose.set('sanitizeFilter', true)",
      filename: 'src/db.ts',
      code: `
import mongoose from 'mongoose';
import { User } from './models/user';
mongoose.set('sanitizeFilter', true);
export const byEmail = (req) => User.findOne({ email: req.body.email });
`,
    },
    {
      name: 'sanitizeFilter on the query chain',
      filename: 'src/routes/auth.ts',
      code: `
import { User } from '../models/user';
router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email }).setOptions({ sanitizeFilter: true });
  res.json(user);
});
`,
    },
    {
      name: 'ObjectId cast and Number',
      filename: 'src/routes/orders.ts',
      code: `
import { ObjectId } from 'mongodb';
router.get('/orders', async (req, res) => {
  const orders = await db.collection('orders').find({ customerId: new ObjectId(req.query.customerId), total: { $gte: Number(req.query.min) } }).limit(50).toArray();
  res.json(orders);
});
`,
    },
    {
      name: 'typeof guard before the query',
      filename: 'src/routes/reset.js',
      code: `
const User = require('../models/user');
router.post('/reset', async (req, res) => {
  const { token } = req.body;
  if (typeof token !== 'string') return res.status(400).end();
  const user = await User.findOne({ resetToken: token });
  res.json({ ok: !!user });
});
`,
    },
    {
      name: 'user id from the session, not the client',
      filename: 'src/routes/me.ts',
      code: `
import { Order } from '../models/order';
router.get('/me/orders', async (req, res) => {
  res.json(await Order.find({ userId: req.user.id }).limit(20));
});
`,
    },
    {
      name: 'Koa query strings are strings, Hono query() returns a string',
      filename: 'src/routes/search.ts',
      code: `
import { Hono } from 'hono';
import { Product } from '../models/product';
const app = new Hono();
app.get('/products', async (c) => c.json(await Product.find({ sku: c.req.query('sku') }).limit(10)));
router.get('/items', async (ctx) => { ctx.body = await Product.find({ sku: ctx.query.sku }).limit(10); });
`,
    },
    {
      name: 'Sequelize where is not MongoDB',
      filename: 'src/routes/users.js',
      code: `
const { User } = require('../models');
const { Sequelize } = require('sequelize');
router.post('/login', async (req, res) => {
  res.json(await User.findOne({ where: { email: req.body.email } }));
});
`,
    },
    {
      name: 'a fixed $where is not injection',
      filename: 'src/jobs/cleanup.ts',
      code: `
import { Session } from '../models/session';
export const stale = (req) => Session.find({ $where: 'this.expiresAt < this.createdAt', owner: String(req.query.owner) });
`,
    },
  ],
  invalid: [
    {
      name: 'login with username and password from the body',
      filename: 'src/routes/auth.js',
      code: `
const User = require('../models/user');
router.post('/login', async (req, res) => {
  const user = await User.findOne({ username: req.body.username, password: req.body.password });
  res.json(user);
});
`,
      errors: [
        {
          messageId: 'nosqlInjection',
          line: 4,
          column: 47,
          data: { source: 'req.body.username', key: 'username' },
          suggestions: [
            {
              messageId: 'coerceToString',
              output: `
const User = require('../models/user');
router.post('/login', async (req, res) => {
  const user = await User.findOne({ username: String(req.body.username), password: req.body.password });
  res.json(user);
});
`,
            },
          ],
        },
        {
          messageId: 'nosqlInjection',
          line: 4,
          column: 76,
          suggestions: [
            {
              messageId: 'coerceToString',
              output: `
const User = require('../models/user');
router.post('/login', async (req, res) => {
  const user = await User.findOne({ username: req.body.username, password: String(req.body.password) });
  res.json(user);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'destructured shorthand property from the body',
      filename: 'src/routes/reset.ts',
      code: `
import { User } from '../models/user';
router.post('/reset', async (req, res) => {
  const { token } = req.body;
  const user = await User.findOne({ token });
  res.json({ ok: !!user });
});
`,
      errors: [
        {
          messageId: 'nosqlInjection',
          line: 5,
          data: { source: 'req.body.token', key: 'token' },
          suggestions: [
            {
              messageId: 'coerceToString',
              output: `
import { User } from '../models/user';
router.post('/reset', async (req, res) => {
  const { token } = req.body;
  const user = await User.findOne({ token: String(token) });
  res.json({ ok: !!user });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'req.body as the whole filter',
      filename: 'src/routes/products.js',
      code: `
const Product = require('../models/product');
router.post('/products/search', async (req, res) => {
  res.json(await Product.find(req.body).limit(50));
});
`,
      errors: [{ messageId: 'wholeFilter', line: 4, data: { source: 'req.body' } }],
    },
    {
      name: 'req.query as the whole filter with the MongoDB driver',
      filename: 'src/routes/events.ts',
      code: `
import { db } from '../mongo';
router.get('/events', async (req, res) => {
  res.json(await db.collection('events').find(req.query).limit(100).toArray());
});
`,
      errors: [{ messageId: 'wholeFilter', line: 4 }],
    },
    {
      name: 'req.body as a whole update document',
      filename: 'src/routes/profile.ts',
      code: `
import { User } from '../models/user';
router.patch('/profile', async (req, res) => {
  await User.updateOne({ _id: req.user.id }, req.body);
  res.sendStatus(204);
});
`,
      errors: [{ messageId: 'wholeFilter', line: 4 }],
    },
    {
      name: 'Express query field (qs parses objects) inside $or',
      filename: 'src/routes/users.ts',
      code: `
import { User } from '../models/user';
router.get('/users/find', async (req, res) => {
  res.json(await User.findOne({ $or: [{ email: req.query.login }, { username: String(req.query.login) }] }));
});
`,
      errors: [{ messageId: 'nosqlInjection', line: 4, suggestions: [{ messageId: 'coerceToString', output: `
import { User } from '../models/user';
router.get('/users/find', async (req, res) => {
  res.json(await User.findOne({ $or: [{ email: String(req.query.login) }, { username: String(req.query.login) }] }));
});
` }] }],
    },
    {
      name: '$where built from the request',
      filename: 'src/routes/reports.js',
      code: `
const Order = require('../models/order');
router.get('/reports', async (req, res) => {
  res.json(await Order.find({ $where: \`this.total > \${req.query.min}\` }).limit(20));
});
`,
      errors: [{ messageId: 'whereCode', line: 4, data: { source: 'req.query.min' } }],
    },
    {
      name: 'Fastify JSON body in a filter kept in a variable',
      filename: 'src/routes/accounts.ts',
      code: `
import Fastify from 'fastify';
import { Account } from '../models/account';
const app = Fastify();
app.post('/accounts/lookup', async (request) => {
  const filter = { apiKey: request.body.apiKey };
  return Account.findOne(filter);
});
`,
      errors: [{ messageId: 'nosqlInjection', line: 6, suggestions: [{ messageId: 'coerceToString', output: `
import Fastify from 'fastify';
import { Account } from '../models/account';
const app = Fastify();
app.post('/accounts/lookup', async (request) => {
  const filter = { apiKey: String(request.body.apiKey) };
  return Account.findOne(filter);
});
` }] }],
    },
    {
      name: 'Next.js route body into a Mongoose model',
      filename: 'app/api/invite/route.ts',
      code: `
import { NextResponse } from 'next/server';
import { Invite } from '@/models/invite';
export async function POST(request: Request) {
  const body = await request.json();
  const invite = await Invite.findOne({ code: body.code });
  return NextResponse.json({ valid: !!invite });
}
`,
      errors: [{ messageId: 'nosqlInjection', line: 6, data: { source: 'request.json().code', key: 'code' }, suggestions: [{ messageId: 'coerceToString', output: `
import { NextResponse } from 'next/server';
import { Invite } from '@/models/invite';
export async function POST(request: Request) {
  const body = await request.json();
  const invite = await Invite.findOne({ code: String(body.code) });
  return NextResponse.json({ valid: !!invite });
}
` }] }],
    },
    {
      name: 'NestJS @Body without a DTO class and @Query field',
      filename: 'src/auth/auth.controller.ts',
      code: NEST,
      errors: [
        { messageId: 'nosqlInjection', line: 10, data: { source: '@Body() body.email', key: 'email' }, suggestions: [{ messageId: 'coerceToString', output: NEST.replace('{ email: body.email }', '{ email: String(body.email) }') }] },
        { messageId: 'nosqlInjection', line: 14, data: { source: "@Query('token') token", key: 'verifyToken' }, suggestions: [{ messageId: 'coerceToString', output: NEST.replace('{ verifyToken: token }', '{ verifyToken: String(token) }') }] },
      ],
    },
    {
      name: 'Mongoose Query.$where with request data',
      filename: 'src/routes/search.js',
      code: `
const Item = require('../models/item');
router.get('/items', async (req, res) => {
  res.json(await Item.find().$where(req.query.expr).limit(10));
});
`,
      errors: [{ messageId: 'whereCode', line: 4 }],
    },
  ],
});
