import rule from '../../../src/engine/rules/validation-error-as-500';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('validation-error-as-500', rule, {
  valid: [
    {
      name: 'zod safeParse failure answered 400',
      filename: 'src/routes/signup.ts',
      code: `
router.post('/signup', async (req, res) => {
  const parsed = SignupBody.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ issues: parsed.error.issues });
  res.status(201).json(await createAccount(parsed.data));
});
`,
    },
    {
      name: 'catch branches on ZodError before the generic 500',
      filename: 'src/routes/orders.ts',
      code: `
import { ZodError } from 'zod';
router.post('/', async (req, res) => {
  try {
    const input = OrderInput.parse(req.body);
    res.status(201).json(await createOrder(input));
  } catch (err) {
    if (err instanceof ZodError) return res.status(422).json({ issues: err.issues });
    return res.status(500).json({ error: 'internal_error' });
  }
});
`,
    },
    {
      name: 'a payment failure is a server-side 500 (success flag not from validation)',
      filename: 'src/routes/payments.ts',
      code: `
router.post('/charge', async (req, res) => {
  const charge = await gateway.charge(Number(req.body.amountCents));
  if (!charge.success) return res.status(500).json({ error: 'charge_failed' });
  res.json(charge);
});
`,
    },
    {
      name: 'generic 500 in a catch with no validation in the try',
      filename: 'src/routes/reports.ts',
      code: `
router.get('/reports/:id', async (req, res) => {
  try {
    res.json(await buildReport(req.params.id));
  } catch (err) {
    res.status(500).json({ error: 'report_failed' });
  }
});
`,
    },
    {
      name: 'missing configuration is a server problem',
      filename: 'src/routes/mail.ts',
      code: `
router.post('/send', async (req, res) => {
  if (!process.env.SMTP_URL) return res.status(500).json({ error: 'mailer not configured' });
  await mailer.send(pick(req.body));
  res.status(202).end();
});
`,
    },
    {
      name: 'safeParse in the try does not throw',
      filename: 'src/routes/tags.ts',
      code: `
router.post('/tags', async (req, res) => {
  try {
    const r = TagInput.safeParse(req.body);
    if (!r.success) return res.status(400).json(r.error.flatten());
    res.status(201).json(await Tag.create(r.data));
  } catch (e) {
    res.status(500).json({ error: 'internal' });
  }
});
`,
    },
    {
      name: 'joi error answered 400',
      filename: 'src/routes/users.js',
      code: `
router.post('/', async (req, res) => {
  const { error, value } = userSchema.validate(req.body);
  if (error) return res.status(400).json({ error: error.details[0].message });
  res.status(201).json(await User.create(value));
});
`,
    },
    {
      name: 'NestJS BadRequestException for a missing field',
      filename: 'src/orders/orders.controller.ts',
      code: `
import { BadRequestException, Body, Controller, Post } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post()
  create(@Body() dto: CreateOrderDto) {
    if (!dto.items?.length) throw new BadRequestException('items are required');
    return this.orders.create(dto);
  }
}
`,
    },
    {
      name: 'koa ctx.throw(400) for a required field',
      filename: 'src/routes/catalog.js',
      code: `
const Router = require('@koa/router');
const router = new Router();
router.post('/products', async (ctx) => {
  if (!ctx.request.body.sku) ctx.throw(400, 'sku is required');
  ctx.status = 201;
  ctx.body = await Product.create(pick(ctx.request.body));
});
`,
    },
    {
      name: 'dynamic status from the error',
      filename: 'src/app.ts',
      code: `
app.use((err, req, res, next) => {
  res.status(err.status || 500).json({ error: err.expose ? err.message : 'internal_error' });
});
`,
    },
    {
      name: 'hono 500 after an upstream failure',
      filename: 'src/routes/search.ts',
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/search', async (c) => {
  const upstream = await fetch(SEARCH_URL, { signal: AbortSignal.timeout(2000) });
  if (!upstream.ok) return c.json({ error: 'search unavailable' }, 502);
  return c.json(await upstream.json());
});
`,
    },
    {
      name: 'a 500 body that talks about an internal failure',
      filename: 'src/routes/files.ts',
      code: `
router.post('/files', async (req, res) => {
  const stored = await storage.put(req.file!.buffer);
  if (!stored) return res.status(500).json({ error: 'storage write failed' });
  res.status(201).json(stored);
});
`,
    },
  ],
  invalid: [
    {
      name: 'zod safeParse failure answered 500',
      filename: 'src/routes/signup.ts',
      code: `
router.post('/signup', async (req, res) => {
  const parsed = SignupBody.safeParse(req.body);
  if (!parsed.success) return res.status(500).json({ issues: parsed.error.issues });
  res.status(201).json(await createAccount(parsed.data));
});
`,
      errors: [{ messageId: 'validationErrorAs500', line: 4, column: 31, suggestions: [{ messageId: 'useBadRequest', data: { status: '400' }, output: `
router.post('/signup', async (req, res) => {
  const parsed = SignupBody.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ issues: parsed.error.issues });
  res.status(201).json(await createAccount(parsed.data));
});
` }] }],
    },
    {
      name: 'express-validator result answered 500',
      filename: 'src/routes/profile.ts',
      code: `
import { body, validationResult } from 'express-validator';
router.patch('/profile', body('name').isString(), async (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) {
    return res.status(500).json({ errors: errors.array() });
  }
  res.json(await updateProfile(req.user.id, req.body.name));
});
`,
      errors: [{ messageId: 'validationErrorAs500', line: 6, suggestions: [{ messageId: 'useBadRequest', data: { status: '400' }, output: `
import { body, validationResult } from 'express-validator';
router.patch('/profile', body('name').isString(), async (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) {
    return res.status(400).json({ errors: errors.array() });
  }
  res.json(await updateProfile(req.user.id, req.body.name));
});
` }] }],
    },
    {
      name: 'required field check answered 500',
      filename: 'src/routes/tasks.js',
      code: `
router.post('/tasks', async (req, res) => {
  if (!req.body.title) {
    return res.status(500).send('Something went wrong');
  }
  res.status(201).json(await Task.create({ title: String(req.body.title) }));
});
`,
      errors: [{ messageId: 'validationErrorAs500', line: 4, suggestions: [{ messageId: 'useBadRequest', data: { status: '400' }, output: `
router.post('/tasks', async (req, res) => {
  if (!req.body.title) {
    return res.status(400).send('Something went wrong');
  }
  res.status(201).json(await Task.create({ title: String(req.body.title) }));
});
` }] }],
    },
    {
      name: 'joi error answered 500',
      filename: 'src/routes/users.js',
      code: `
router.post('/', async (req, res) => {
  const { error, value } = userSchema.validate(req.body);
  if (error) return res.status(500).json({ message: error.message });
  res.status(201).json(await User.create(value));
});
`,
      errors: [{ messageId: 'validationErrorAs500', line: 4, suggestions: [{ messageId: 'useBadRequest', data: { status: '400' }, output: `
router.post('/', async (req, res) => {
  const { error, value } = userSchema.validate(req.body);
  if (error) return res.status(400).json({ message: error.message });
  res.status(201).json(await User.create(value));
});
` }] }],
    },
    {
      name: 'error middleware mapping ValidationError to 500',
      filename: 'src/app.js',
      code: `
app.use((err, req, res, next) => {
  if (err.name === 'ValidationError') {
    return res.status(500).json({ error: err.message });
  }
  next(err);
});
`,
      errors: [{ messageId: 'validationErrorAs500', line: 4, suggestions: [{ messageId: 'useBadRequest', data: { status: '400' }, output: `
app.use((err, req, res, next) => {
  if (err.name === 'ValidationError') {
    return res.status(400).json({ error: err.message });
  }
  next(err);
});
` }] }],
    },
    {
      name: 'a validation message sent with 500',
      filename: 'pages/api/contact.ts',
      code: `
export default async function handler(req, res) {
  if (typeof req.body.email !== 'string' || !req.body.email.includes('@')) {
    return res.status(500).json({ error: 'email must be a valid address' });
  }
  await saveContact(req.body.email);
  res.status(202).end();
}
`,
      errors: [{ messageId: 'validationErrorAs500', line: 4, suggestions: [{ messageId: 'useBadRequest', data: { status: '400' }, output: `
export default async function handler(req, res) {
  if (typeof req.body.email !== 'string' || !req.body.email.includes('@')) {
    return res.status(400).json({ error: 'email must be a valid address' });
  }
  await saveContact(req.body.email);
  res.status(202).end();
}
` }] }],
    },
    {
      name: 'NestJS InternalServerErrorException for a missing field',
      filename: 'src/orders/orders.controller.ts',
      code: `
import { Body, Controller, InternalServerErrorException, Post } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post()
  create(@Body() dto: CreateOrderDto) {
    if (!dto.items?.length) throw new InternalServerErrorException('items are required');
    return this.orders.create(dto);
  }
}
`,
      errors: [{ messageId: 'validationErrorAs500', line: 7, suggestions: [{ messageId: 'useBadRequest', data: { status: '400' }, output: `
import { Body, Controller, InternalServerErrorException, Post, BadRequestException } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post()
  create(@Body() dto: CreateOrderDto) {
    if (!dto.items?.length) throw new BadRequestException('items are required');
    return this.orders.create(dto);
  }
}
` }] }],
    },
    {
      name: 'NestJS HttpException with INTERNAL_SERVER_ERROR',
      filename: 'src/orders/orders.controller.ts',
      code: `
import { Body, Controller, HttpException, HttpStatus, Post } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post('quote')
  quote(@Body() dto: QuoteDto) {
    if (dto.items.length > 100) throw new HttpException('Validation failed: at most 100 items', HttpStatus.INTERNAL_SERVER_ERROR);
    return this.orders.quote(dto);
  }
}
`,
      errors: [{ messageId: 'validationErrorAs500', line: 7, suggestions: [{ messageId: 'useBadRequest', data: { status: '400' }, output: `
import { Body, Controller, HttpException, HttpStatus, Post } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post('quote')
  quote(@Body() dto: QuoteDto) {
    if (dto.items.length > 100) throw new HttpException('Validation failed: at most 100 items', HttpStatus.BAD_REQUEST);
    return this.orders.quote(dto);
  }
}
` }] }],
    },
    {
      name: 'hono zod failure answered 500',
      filename: 'src/routes/tickets.ts',
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.post('/', async (c) => {
  const result = TicketInput.safeParse(await c.req.json());
  if (!result.success) return c.json({ error: result.error.flatten() }, 500);
  return c.json(await createTicket(result.data), 201);
});
`,
      errors: [{ messageId: 'validationErrorAs500', line: 6, suggestions: [{ messageId: 'useBadRequest', data: { status: '400' }, output: `
import { Hono } from 'hono';
const app = new Hono();
app.post('/', async (c) => {
  const result = TicketInput.safeParse(await c.req.json());
  if (!result.success) return c.json({ error: result.error.flatten() }, 400);
  return c.json(await createTicket(result.data), 201);
});
` }] }],
    },
    {
      name: 'schema.parse thrown into a catch that answers 500',
      filename: 'src/routes/orders.ts',
      code: `
router.post('/', async (req, res) => {
  try {
    const input = OrderInput.parse(req.body);
    res.status(201).json(await createOrder(input));
  } catch (err) {
    res.status(500).json({ error: 'internal_error' });
  }
});
`,
      errors: [{ messageId: 'thrownValidation', line: 7 }],
    },
    {
      name: 'koa ctx.throw(500) for a required field',
      filename: 'src/routes/catalog.js',
      code: `
const Router = require('@koa/router');
const router = new Router();
router.post('/products', async (ctx) => {
  if (!ctx.request.body.sku) ctx.throw(500, 'sku is required');
  ctx.status = 201;
  ctx.body = await Product.create(pick(ctx.request.body));
});
`,
      errors: [{ messageId: 'validationErrorAs500', line: 5, suggestions: [{ messageId: 'useBadRequest', data: { status: '400' }, output: `
const Router = require('@koa/router');
const router = new Router();
router.post('/products', async (ctx) => {
  if (!ctx.request.body.sku) ctx.throw(400, 'sku is required');
  ctx.status = 201;
  ctx.body = await Product.create(pick(ctx.request.body));
});
` }] }],
    },
  ],
});
