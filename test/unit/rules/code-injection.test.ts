import rule from '../../../src/engine/rules/code-injection';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('code-injection', rule, {
  valid: [
    { name: 'JSON.parse of the body', filename: 'src/routes/import.ts', code: `router.post('/import', (req, res) => res.json(JSON.parse(req.body.payload)));` },
    { name: 'eval of a literal', filename: 'src/legacy/boot.js', code: `const cfg = eval('({ debug: false })');` },
    {
      name: 'lookup table of operations',
      filename: 'src/routes/calc.ts',
      code: `
const OPS = { add: (a, b) => a + b, mul: (a, b) => a * b };
router.post('/calc', (req, res) => res.json({ result: OPS[req.body.op]?.(Number(req.body.a), Number(req.body.b)) }));
`,
    },
    { name: 'setTimeout with a function', filename: 'src/routes/jobs.ts', code: `router.post('/jobs', (req, res) => { setTimeout(() => runJob(req.body.id), Number(req.body.delay)); res.sendStatus(202); });` },
    { name: 'new Function from a server template', filename: 'src/views/compile.ts', code: `export const compile = (template: string) => new Function('data', 'return \`' + template + '\`');` },
    { name: 'vm with server code', filename: 'src/plugins/run.ts', code: `import vm from 'node:vm';\nexport const run = (plugin: { source: string }) => vm.runInNewContext(plugin.source, {});` },
    { name: 'require of a fixed module', filename: 'src/app.js', code: `const express = require('express');\nconst routes = require('./routes/' + 'index');` },
    {
      name: 'dynamic import from an allow-list map',
      filename: 'src/routes/reports.ts',
      code: `
const REPORTS = { sales: () => import('./reports/sales'), stock: () => import('./reports/stock') };
router.get('/reports/:name', async (req, res) => res.json(await (await REPORTS[req.params.name]()).default()));
`,
    },
    { name: 'a local function named eval', filename: 'src/math/eval.ts', code: `function evaluate(x) { return x; }\nconst eval2 = (req) => evaluate(req.body.x);` },
    { name: 'dynamic import of a config path', filename: 'src/config.ts', code: `export const load = async () => (await import(process.env.CONFIG_MODULE ?? './config.default')).default;` },
    { name: 'user id is not client text', filename: 'src/routes/me.ts', code: `router.get('/me', (req, res) => res.json(new Function('return ' + JSON.stringify(req.user.id))()));` },
    { name: 'tests are not checked', filename: 'test/eval.test.ts', code: `it('evals', () => eval(req.body.x));` },
  ],
  invalid: [
    {
      name: 'eval of an Express body field',
      filename: 'src/routes/calc.ts',
      code: `router.post('/calc', (req, res) => res.json({ result: eval(req.body.expression) }));`,
      errors: [{ messageId: 'codeInjection', line: 1, column: 60, data: { source: 'req.body.expression', api: 'eval' } }],
    },
    {
      name: 'new Function with a query body',
      filename: 'src/routes/filter.js',
      code: `
router.get('/items', async (req, res) => {
  const predicate = new Function('item', 'return ' + req.query.filter);
  res.json((await Item.findAll()).filter(predicate));
});
`,
      errors: [{ messageId: 'codeInjection', line: 3, data: { source: 'req.query.filter', api: 'new Function' } }],
    },
    {
      name: 'vm.runInNewContext is not a sandbox',
      filename: 'src/routes/sandbox.ts',
      code: `
import vm from 'node:vm';
router.post('/run', (req, res) => res.json(vm.runInNewContext(req.body.code, { Math })));
`,
      errors: [{ messageId: 'codeInjection', line: 3 }],
    },
    {
      name: 'new vm.Script with a Fastify body',
      filename: 'src/routes/script.ts',
      code: `
import Fastify from 'fastify';
import { Script } from 'vm';
const app = Fastify();
app.post('/script', async (request) => new Script(request.body.source).runInThisContext());
`,
      errors: [{ messageId: 'codeInjection', line: 5, data: { source: 'request.body.source', api: 'new vm.Script' } }],
    },
    {
      name: 'setTimeout with a string from Koa',
      filename: 'src/routes/later.js',
      code: `
router.post('/later', async (ctx) => {
  setTimeout('notify(' + ctx.request.body.userId + ')', 1000);
  ctx.status = 202;
});
`,
      errors: [{ messageId: 'codeInjection', line: 3 }],
    },
    {
      name: 'require of a request-chosen module',
      filename: 'src/routes/plugins.js',
      code: `
router.get('/plugins/:name', (req, res) => {
  const plugin = require('./plugins/' + req.params.name);
  res.json(plugin.describe());
});
`,
      errors: [{ messageId: 'moduleByName', line: 3, data: { source: 'req.params.name', api: 'require' } }],
    },
    {
      name: 'dynamic import in a Next.js route',
      filename: 'app/api/locale/route.ts',
      code: `
import { NextRequest, NextResponse } from 'next/server';
export async function GET(req: NextRequest) {
  const messages = await import(\`../../../locales/\${req.nextUrl.searchParams.get('lang')}.json\`);
  return NextResponse.json(messages.default);
}
`,
      errors: [{ messageId: 'moduleByName', line: 4 }],
    },
    {
      name: 'Hono eval of a query',
      filename: 'src/routes/debug.ts',
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/debug', (c) => c.json({ value: eval(c.req.query('expr') ?? '0') }));
`,
      errors: [{ messageId: 'codeInjection', line: 4 }],
    },
    {
      name: 'NestJS @Body into Function()',
      filename: 'src/rules/rules.controller.ts',
      code: `
import { Body, Controller, Post } from '@nestjs/common';
@Controller('rules')
export class RulesController {
  @Post('test')
  test(@Body('formula') formula: string) {
    return Function('price', \`return \${formula}\`)(100);
  }
}
`,
      errors: [{ messageId: 'codeInjection', line: 7 }],
    },
    {
      name: 'vm2 run with request data',
      filename: 'src/routes/vm2.js',
      code: `
const { VM } = require('vm2');
router.post('/eval', (req, res) => res.json(new VM({ timeout: 100 }).run(req.body.code)));
`,
      errors: [{ messageId: 'codeInjection', line: 3, data: { source: 'req.body.code', api: 'vm2 run' } }],
    },
  ],
});
