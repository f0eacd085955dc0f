import rule from '../../../src/engine/rules/ssrf';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('ssrf', rule, {
  valid: [
    {
      name: 'fixed origin with the id in the path',
      filename: 'src/routes/users.ts',
      code: `
import axios from 'axios';
router.get('/users/:id/github', async (req, res) => {
  const { data } = await axios.get(\`https://api.github.com/users/\${encodeURIComponent(req.params.id)}\`, { timeout: 5000 });
  res.json(data);
});
`,
    },
    {
      name: 'fixed origin with the user value in the path, unencoded',
      filename: 'src/routes/weather.js',
      code: `
router.get('/weather', async (req, res) => {
  const r = await fetch('https://api.weather.example/v1/forecast?city=' + req.query.city);
  res.json(await r.json());
});
`,
    },
    {
      name: 'static base from the environment then a path',
      filename: 'src/services/billing.ts',
      code: `
import got from 'got';
const BILLING_URL = process.env.BILLING_URL;
export const invoice = (req) => got(\`\${BILLING_URL}/invoices/\${req.params.id}\`, { timeout: { request: 3000 } }).json();
`,
    },
    {
      name: 'allow-listed host',
      filename: 'src/routes/preview.ts',
      code: `
import axios from 'axios';
const ALLOWED_HOSTS = new Set(['images.example.com']);
router.get('/preview', async (req, res) => {
  const target = new URL(String(req.query.url));
  if (target.protocol !== 'https:' || !ALLOWED_HOSTS.has(target.hostname)) return res.status(400).end();
  const { data } = await axios.get(target.toString(), { timeout: 5000 });
  res.send(data);
});
`,
    },
    {
      name: 'a helper that checks the URL',
      filename: 'src/routes/import.ts',
      code: `
import { assertAllowedUrl } from '../lib/ssrf';
router.post('/import', async (req, res) => {
  const { url } = req.body;
  await assertAllowedUrl(url);
  res.json(await (await fetch(url, { redirect: 'error' })).json());
});
`,
    },
    {
      name: 'webhook URL stored by the server',
      filename: 'src/jobs/webhooks.ts',
      code: `
import axios from 'axios';
export async function deliver(req, res) {
  const hook = await Webhook.findByPk(req.params.id);
  await axios.post(hook.url, { event: 'ping' }, { timeout: 5000 });
  res.sendStatus(202);
}
`,
    },
    {
      name: 'axios instance with a fixed baseURL and a relative path',
      filename: 'src/services/crm.ts',
      code: `
import axios from 'axios';
const crm = axios.create({ baseURL: 'https://crm.example.com/api', timeout: 5000 });
export const contact = (req) => crm.get(\`/contacts/\${req.params.id}\`);
`,
    },
    {
      name: 'new URL with a relative path on a constant base',
      filename: 'src/routes/search.ts',
      code: `
const API = 'https://search.example.com';
router.get('/search', async (req, res) => {
  const url = new URL(\`/v2/search/\${req.query.index}\`, API);
  url.searchParams.set('q', String(req.query.q));
  res.json(await (await fetch(url)).json());
});
`,
    },
    {
      name: 'client component fetches from the browser',
      filename: 'app/search/page.tsx',
      code: `
'use client';
import { useSearchParams } from 'next/navigation';
export default function Search() {
  const searchParams = useSearchParams();
  fetch(searchParams.get('api') ?? '/api/search');
  return null;
}
`,
    },
    {
      name: 'http.get with a fixed host and user path',
      filename: 'src/routes/status.js',
      code: `
const https = require('https');
router.get('/status/:svc', (req, res) => {
  https.get({ hostname: 'status.example.com', path: '/' + req.params.svc, timeout: 2000 }, (r) => r.pipe(res));
});
`,
    },
    {
      name: 'user id from the session',
      filename: 'src/routes/profile.ts',
      code: `
import ky from 'ky';
router.get('/me/avatar', async (req, res) => res.send(await ky.get(req.user.avatarUrl).text()));
`,
    },
    {
      name: 'hostname compared with a fixed value',
      filename: 'src/routes/oembed.ts',
      code: `
router.get('/oembed', async (req, res) => {
  const url = new URL(String(req.query.url));
  if (url.hostname !== 'www.youtube.com') return res.sendStatus(400);
  res.json(await (await fetch(\`https://www.youtube.com/oembed?url=\${encodeURIComponent(url.href)}\`)).json());
});
`,
    },
  ],
  invalid: [
    {
      name: 'axios.get with a query URL',
      filename: 'src/routes/preview.ts',
      code: `
import axios from 'axios';
router.get('/preview', async (req, res) => {
  const { data } = await axios.get(req.query.url, { timeout: 5000 });
  res.send(data);
});
`,
      errors: [{ messageId: 'ssrf', line: 4, column: 36, data: { source: 'req.query.url', client: 'axios' } }],
    },
    {
      name: 'fetch with a body URL in Fastify',
      filename: 'src/routes/import.ts',
      code: `
import Fastify from 'fastify';
const app = Fastify();
app.post('/import', async (request) => {
  const res = await fetch(request.body.feedUrl, { signal: AbortSignal.timeout(5000) });
  return res.text();
});
`,
      errors: [{ messageId: 'ssrf', line: 5, data: { source: 'request.body.feedUrl', client: 'fetch' } }],
    },
    {
      name: 'user-chosen host in a template',
      filename: 'src/routes/proxy.js',
      code: `
const got = require('got');
router.get('/proxy', async (req, res) => {
  res.send(await got(\`https://\${req.query.host}/health\`).text());
});
`,
      errors: [{ messageId: 'ssrf', line: 4 }],
    },
    {
      name: 'new URL(user value) passed to undici',
      filename: 'src/routes/fetch.ts',
      code: `
import { request } from 'undici';
router.post('/fetch', async (req, res) => {
  const target = new URL(req.body.url);
  const { body } = await request(target, { headersTimeout: 5000 });
  res.send(await body.text());
});
`,
      errors: [{ messageId: 'ssrf', line: 5 }],
    },
    {
      name: 'http.request with a user hostname option',
      filename: 'src/routes/ping.js',
      code: `
const http = require('http');
router.get('/ping', (req, res) => {
  http.request({ hostname: req.query.host, port: 80, path: '/', timeout: 1000 }, (r) => res.sendStatus(r.statusCode)).end();
});
`,
      errors: [{ messageId: 'ssrf', line: 4 }],
    },
    {
      name: 'Next.js route handler fetches a searchParam',
      filename: 'app/api/proxy/route.ts',
      code: `
import { NextRequest } from 'next/server';
export async function GET(req: NextRequest) {
  const url = req.nextUrl.searchParams.get('url')!;
  return fetch(url);
}
`,
      errors: [{ messageId: 'ssrf', line: 5, data: { source: "req.nextUrl.searchParams.get('url')", client: 'fetch' } }],
    },
    {
      name: 'Hono handler with a query URL through node-fetch',
      filename: 'src/routes/unfurl.ts',
      code: `
import { Hono } from 'hono';
import fetch from 'node-fetch';
const app = new Hono();
app.get('/unfurl', async (c) => c.text(await (await fetch(c.req.query('url')!)).text()));
`,
      errors: [{ messageId: 'ssrf', line: 5, data: { source: "c.req.query('url')", client: 'node-fetch' } }],
    },
    {
      name: 'NestJS HttpService with a @Body URL',
      filename: 'src/webhooks/webhooks.controller.ts',
      code: `
import { Body, Controller, Post } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly httpService: HttpService) {}
  @Post('test')
  test(@Body('url') url: string) {
    return this.httpService.post(url, { ping: true });
  }
}
`,
      errors: [{ messageId: 'ssrf', line: 9 }],
    },
    {
      name: 'axios.create with a user baseURL',
      filename: 'src/routes/integrations.ts',
      code: `
import axios from 'axios';
router.post('/integrations/test', async (req, res) => {
  const client = axios.create({ baseURL: req.body.baseUrl, timeout: 3000 });
  res.json((await client.get('/status')).data);
});
`,
      errors: [{ messageId: 'ssrf', line: 4 }],
    },
    {
      name: 'Koa superagent with a query URL',
      filename: 'src/routes/check.js',
      code: `
const superagent = require('superagent');
router.get('/check', async (ctx) => {
  ctx.body = (await superagent.get(ctx.query.target).timeout(2000)).status;
});
`,
      errors: [{ messageId: 'ssrf', line: 4 }],
    },
  ],
});
