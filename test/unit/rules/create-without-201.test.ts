import rule from '../../../src/engine/rules/create-without-201';
import { ruleTester } from '../support/rule-tester';

const PRISMA = `import { Router } from 'express';\nimport { prisma } from '../db';\nconst router = Router();\n`;

ruleTester().run('create-without-201', rule, {
  valid: [
    { name: 'explicit 201', filename: 'src/routes/projects.ts', code: `${PRISMA}router.post('/projects', async (req, res) => {\n  const p = await prisma.project.create({ data: { name: String(req.body.name) } });\n  res.status(201).json(p);\n});\n` },
    { name: 'explicit 202 for queued work', filename: 'src/routes/exports.ts', code: `${PRISMA}router.post('/exports', async (req, res) => {\n  const job = await prisma.exportJob.create({ data: { userId: req.user.id } });\n  res.status(202).json({ jobId: job.id });\n});\n` },
    { name: 'login is an action', filename: 'src/routes/auth.ts', code: `${PRISMA}router.post('/auth/login', async (req, res) => {\n  const s = await prisma.session.create({ data: { userId: await check(req.body) } });\n  res.json({ token: s.token });\n});\n` },
    { name: 'search is an action', filename: 'src/routes/search.ts', code: `${PRISMA}router.post('/search', async (req, res) => {\n  await prisma.searchLog.create({ data: { q: String(req.body.q) } });\n  res.json(await search(String(req.body.q)));\n});\n` },
    { name: 'action on a resource', filename: 'src/routes/orders.ts', code: `${PRISMA}router.post('/orders/:id/cancel', async (req, res) => {\n  await prisma.orderEvent.create({ data: { orderId: req.params.id, type: 'cancelled' } });\n  res.json({ ok: true });\n});\n` },
    { name: 'NestJS POST answers 201 by default', filename: 'src/orders/orders.controller.ts', code: `import { Body, Controller, Post } from '@nestjs/common';\n@Controller('orders')\nexport class OrdersController {\n  @Post()\n  async create(@Body() dto: CreateOrderDto) {\n    return this.prisma.order.create({ data: { total: dto.total } });\n  }\n}\n` },
    { name: 'redirect after create', filename: 'src/routes/notes.ts', code: `${PRISMA}router.post('/notes', async (req, res) => {\n  const n = await prisma.note.create({ data: { body: String(req.body.body) } });\n  res.redirect(303, '/notes/' + n.id);\n});\n` },
    { name: 'upsert is idempotent', filename: 'src/routes/prefs.ts', code: `${PRISMA}router.post('/preferences', async (req, res) => {\n  const p = await prisma.preference.upsert({ where: { userId: req.user.id }, create: { userId: req.user.id }, update: {} });\n  res.json(p);\n});\n` },
    { name: 'PUT that updates', filename: 'src/routes/projects.ts', code: `${PRISMA}router.put('/projects/:id', async (req, res) => {\n  res.json(await prisma.project.update({ where: { id: req.params.id }, data: { name: String(req.body.name) } }));\n});\n` },
    { name: 'webhook receiver', filename: 'src/routes/hooks.ts', code: `${PRISMA}router.post('/webhooks/stripe', async (req, res) => {\n  await prisma.stripeEvent.create({ data: { id: String(req.body.id) } });\n  res.json({ received: true });\n});\n` },
    { name: 'hono with 201', filename: 'src/routes/tickets.ts', code: `import { Hono } from 'hono';\nconst app = new Hono();\napp.post('/tickets', async (c) => {\n  const [t] = await db.insert(tickets).values({ subject: 'x' }).returning();\n  return c.json(t, 201);\n});\n` },
    { name: 'error answer after a failed create check', filename: 'src/routes/teams.ts', code: `${PRISMA}router.post('/teams', async (req, res) => {\n  const t = await prisma.team.create({ data: { name: String(req.body.name) } });\n  if (!t) return res.json({ error: 'failed' });\n  res.status(201).json(t);\n});\n` },
    { name: 'SQL upsert with ON CONFLICT', filename: 'src/routes/tags.ts', code: `import { Router } from 'express';\nimport { pool } from '../db';\nconst router = Router();\nrouter.post('/tags', async (req, res) => {\n  const { rows } = await pool.query('INSERT INTO tags (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING *', [String(req.body.name)]);\n  res.json(rows[0]);\n});\n` },
  ],
  invalid: [
    {
      name: 'prisma create answered with res.json',
      filename: 'src/routes/projects.ts',
      code: `${PRISMA}router.post('/projects', async (req, res) => {\n  const p = await prisma.project.create({ data: { name: String(req.body.name) } });\n  res.json(p);\n});\n`,
      errors: [{ messageId: 'createWithout201', line: 6, column: 3, suggestions: [{ messageId: 'useCreated', output: `${PRISMA}router.post('/projects', async (req, res) => {\n  const p = await prisma.project.create({ data: { name: String(req.body.name) } });\n  res.status(201).json(p);\n});\n` }] }],
    },
    {
      name: 'explicit 200 after a mongoose create',
      filename: 'src/routes/posts.js',
      code: `const { Post } = require('../models/post');\nrouter.post('/posts', async (req, res) => {\n  const post = await Post.create({ title: String(req.body.title) });\n  res.status(200).json(post);\n});\n`,
      errors: [{ messageId: 'createWithout201', line: 4, suggestions: [{ messageId: 'useCreated', output: `const { Post } = require('../models/post');\nrouter.post('/posts', async (req, res) => {\n  const post = await Post.create({ title: String(req.body.title) });\n  res.status(201).json(post);\n});\n` }] }],
    },
    {
      name: 'SQL INSERT answered with res.send',
      filename: 'src/routes/comments.ts',
      code: `import { pool } from '../db';\nrouter.post('/posts/:id/comments', async (req, res) => {\n  const { rows } = await pool.query('INSERT INTO comments (post_id, body) VALUES ($1, $2) RETURNING *', [req.params.id, String(req.body.body)]);\n  res.send(rows[0]);\n});\n`,
      errors: [{ messageId: 'createWithout201', line: 4, suggestions: [{ messageId: 'useCreated', output: `import { pool } from '../db';\nrouter.post('/posts/:id/comments', async (req, res) => {\n  const { rows } = await pool.query('INSERT INTO comments (post_id, body) VALUES ($1, $2) RETURNING *', [req.params.id, String(req.body.body)]);\n  res.status(201).send(rows[0]);\n});\n` }] }],
    },
    {
      name: 'typeorm save of a new entity',
      filename: 'src/routes/users.ts',
      code: `import { AppDataSource } from '../data-source';\nconst usersRepository = AppDataSource.getRepository(User);\nrouter.post('/users', async (req, res) => {\n  const user = usersRepository.create({ email: String(req.body.email) });\n  await usersRepository.save(user);\n  res.json(user);\n});\n`,
      errors: [{ messageId: 'createWithout201', line: 6, suggestions: [{ messageId: 'useCreated', output: `import { AppDataSource } from '../data-source';\nconst usersRepository = AppDataSource.getRepository(User);\nrouter.post('/users', async (req, res) => {\n  const user = usersRepository.create({ email: String(req.body.email) });\n  await usersRepository.save(user);\n  res.status(201).json(user);\n});\n` }] }],
    },
    {
      name: 'hono drizzle insert answered with c.json',
      filename: 'src/routes/tickets.ts',
      code: `import { Hono } from 'hono';\nimport { db } from '../db';\nimport { eq } from 'drizzle-orm';\nconst app = new Hono();\napp.post('/tickets', async (c) => {\n  const [t] = await db.insert(tickets).values({ subject: 'x' }).returning();\n  return c.json(t);\n});\n`,
      errors: [{ messageId: 'createWithout201', line: 7, suggestions: [{ messageId: 'useCreated', output: `import { Hono } from 'hono';\nimport { db } from '../db';\nimport { eq } from 'drizzle-orm';\nconst app = new Hono();\napp.post('/tickets', async (c) => {\n  const [t] = await db.insert(tickets).values({ subject: 'x' }).returning();\n  return c.json(t, 201);\n});\n` }] }],
    },
    {
      name: 'next app route NextResponse.json',
      filename: 'app/api/projects/route.ts',
      code: `import { NextResponse } from 'next/server';\nimport { prisma } from '@/lib/prisma';\nexport async function POST(req: Request) {\n  const project = await prisma.project.create({ data: { name: 'x' } });\n  return NextResponse.json(project);\n}\n`,
      errors: [{ messageId: 'createWithout201', line: 5, suggestions: [{ messageId: 'useCreated', output: `import { NextResponse } from 'next/server';\nimport { prisma } from '@/lib/prisma';\nexport async function POST(req: Request) {\n  const project = await prisma.project.create({ data: { name: 'x' } });\n  return NextResponse.json(project, { status: 201 });\n}\n` }] }],
    },
    {
      name: 'koa ctx.body after a sequelize create',
      filename: 'src/routes/catalog.js',
      code: `const Router = require('@koa/router');\nconst { Product } = require('../models');\nconst router = new Router();\nrouter.post('/products', async (ctx) => {\n  const product = await Product.create({ sku: String(ctx.request.body.sku) });\n  ctx.body = product;\n});\n`,
      errors: [{ messageId: 'createWithout201', line: 6, suggestions: [{ messageId: 'useCreated', output: `const Router = require('@koa/router');\nconst { Product } = require('../models');\nconst router = new Router();\nrouter.post('/products', async (ctx) => {\n  const product = await Product.create({ sku: String(ctx.request.body.sku) });\n  ctx.status = 201;\n  ctx.body = product;\n});\n` }] }],
    },
    {
      name: 'fastify reply.send after create',
      filename: 'src/routes/orders.ts',
      code: `import type { FastifyInstance } from 'fastify';\nexport default async function routes(fastify: FastifyInstance) {\n  fastify.post('/orders', async (request, reply) => {\n    const order = await fastify.prisma.order.create({ data: { total: 1 } });\n    reply.send(order);\n  });\n}\n`,
      errors: [{ messageId: 'createWithout201', line: 5, suggestions: [{ messageId: 'useCreated', output: `import type { FastifyInstance } from 'fastify';\nexport default async function routes(fastify: FastifyInstance) {\n  fastify.post('/orders', async (request, reply) => {\n    const order = await fastify.prisma.order.create({ data: { total: 1 } });\n    reply.code(201).send(order);\n  });\n}\n` }] }],
    },
    {
      name: 'createX controller kept in its own file',
      filename: 'src/controllers/invoices.controller.ts',
      code: `import { prisma } from '../db';\nexport const createInvoice = async (req, res) => {\n  const invoice = await prisma.invoice.create({ data: { customerId: String(req.body.customerId) } });\n  return res.json(invoice);\n};\n`,
      errors: [{ messageId: 'createWithout201', line: 4, suggestions: [{ messageId: 'useCreated', output: `import { prisma } from '../db';\nexport const createInvoice = async (req, res) => {\n  const invoice = await prisma.invoice.create({ data: { customerId: String(req.body.customerId) } });\n  return res.status(201).json(invoice);\n};\n` }] }],
    },
    {
      name: 'pages api POST branch',
      filename: 'pages/api/notes.ts',
      code: `import { prisma } from '@/lib/prisma';\nexport default async function handler(req, res) {\n  if (req.method === 'POST') {\n    const note = await prisma.note.create({ data: { body: String(req.body.body) } });\n    return res.json(note);\n  }\n  return res.status(405).end();\n}\n`,
      errors: [{ messageId: 'createWithout201', line: 5, suggestions: [{ messageId: 'useCreated', output: `import { prisma } from '@/lib/prisma';\nexport default async function handler(req, res) {\n  if (req.method === 'POST') {\n    const note = await prisma.note.create({ data: { body: String(req.body.body) } });\n    return res.status(201).json(note);\n  }\n  return res.status(405).end();\n}\n` }] }],
    },
  ],
});
