import rule from '../../../src/engine/rules/http-call-without-timeout';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('http-call-without-timeout', rule, {
  valid: [
    {
      name: 'axios.request(options) with a config built above it that carries the monitor\'s timeout, or handed in by the caller',
      filename: 'server/model/monitor.js',
      code: `
const axios = require('axios');

class Monitor {
  async checkDocker(dockerHost) {
    const options = {
      url: \`/containers/\${this.container}/json\`,
      timeout: this.interval * 1000 * 0.8,
    };
    if (dockerHost.type === 'socket') {
      options.socketPath = dockerHost.daemon;
    }
    const res = await axios.request(options);
    return res.data.State.Running;
  }

  async makeAxiosRequest(options) {
    return axios.request(options);
  }
}
module.exports = Monitor;
`,
    },
    {
      name: "`var self = this; self.fetch(user)`: the object's own method (a git fetch), not the platform's fetch",
      filename: 'lib/storage/projects/Project.js',
      code: `
const gitTools = require('./git');

Project.prototype.getBranches = function (user, isRemote) {
  var self = this;
  var fetchPromise = isRemote ? self.fetch(user) : Promise.resolve();
  return fetchPromise.then(function () {
    return gitTools.getBranches(self.path, isRemote);
  });
};
`,
    },
    {
      name: 'a one-off script under bin/: the person running it sees a hang and stops it',
      filename: 'bin/plugins/stalePlugins.js',
      code: `
'use strict';
const superagent = require('superagent');

(async () => {
  const res = await superagent.get('https://static.etherpad.org/plugins.full.json');
  const plugins = JSON.parse(res.text);
  for (const name of Object.keys(plugins)) console.log(name);
})();
`,
    },
    {
      name: "Nuxt's global $fetch outside server/ (runs in the browser too)",
      filename: 'stores/cart.ts',
      code: `
export async function loadCart(id: string) {
  return $fetch(\`https://api.shop.example.com/carts/\${id}\`);
}
`,
    },
    {
      name: 'a front-end API module calling relative URLs (browser code)',
      filename: 'src/api/cart.ts',
      code: `
import axios from 'axios';

export const loadCart = () => axios.get('/api/cart');
export const checkout = (cartId: string) => fetch(\`/api/carts/\${cartId}/checkout\`, { method: 'POST' });
`,
    },
    {
      name: 'a Vite front-end module (import.meta.env)',
      filename: 'src/services/analytics.ts',
      code: `
export function track(event: string) {
  return fetch(\`\${import.meta.env.VITE_ANALYTICS_URL}/events\`, { method: 'POST', body: JSON.stringify({ event }) });
}
`,
    },
    {
      name: 'fetch with AbortSignal.timeout',
      filename: 'src/services/geo.ts',
      code: `
export async function geocode(address: string) {
  const res = await fetch(\`https://geo.example.com/search?q=\${encodeURIComponent(address)}\`, { signal: AbortSignal.timeout(3000) });
  return res.json();
}
`,
    },
    {
      name: 'axios instance created with a timeout covers its calls',
      filename: 'src/clients/inventory.ts',
      code: `
import axios from 'axios';

const inventory = axios.create({ baseURL: process.env.INVENTORY_URL, timeout: 2000 });

export async function stock(sku: string) {
  const { data } = await inventory.get(\`/stock/\${sku}\`);
  return data;
}
`,
    },
    {
      name: 'axios.defaults.timeout set in the file',
      filename: 'src/lib/http.js',
      code: `
const axios = require('axios');

axios.defaults.timeout = 5000;

async function getRates() {
  const { data } = await axios.get('https://fx.example.com/latest');
  return data;
}

module.exports = { getRates };
`,
    },
    {
      name: 'axios call with timeout in its config, and a config passed as a variable',
      filename: 'src/clients/crm.ts',
      code: `
import axios, { type AxiosRequestConfig } from 'axios';

const base: AxiosRequestConfig = { timeout: 4000, headers: { authorization: \`Bearer \${process.env.CRM_TOKEN}\` } };

export async function contact(id: string) {
  return (await axios.get(\`https://crm.example.com/contacts/\${id}\`, base)).data;
}

export async function updateContact(id: string, patch: object) {
  return (await axios.patch(\`https://crm.example.com/contacts/\${id}\`, patch, { timeout: 4000 })).data;
}
`,
    },
    {
      name: 'got with timeout.request and ky (10 s default)',
      filename: 'src/clients/shipping.ts',
      code: `
import got from 'got';
import ky from 'ky';

export const quote = (parcel: object) => got.post('https://shipping.example.com/quote', { json: parcel, timeout: { request: 3000 } }).json();
export const track = (id: string) => ky.get(\`https://tracking.example.com/\${id}\`).json();
`,
    },
    {
      name: 'a fetchWithTimeout wrapper and its use',
      filename: 'src/lib/fetch.ts',
      code: `
export async function fetchWithTimeout(url: string, init: RequestInit = {}, ms = 5000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

export const health = () => fetchWithTimeout('https://status.example.com/health');
`,
    },
    {
      name: 'browser code: a React component',
      filename: 'src/components/Profile.tsx',
      code: `
import { useEffect, useState } from 'react';

export function Profile({ id }: { id: string }) {
  const [user, setUser] = useState<unknown>();
  useEffect(() => {
    fetch(\`/api/users/\${id}\`).then((r) => r.json()).then(setUser);
  }, [id]);
  return <pre>{JSON.stringify(user)}</pre>;
}
`,
    },
    {
      name: "browser code: a 'use client' module",
      filename: 'app/lib/api.ts',
      code: `'use client';
import axios from 'axios';

export const loadCart = () => axios.get('/api/cart');
`,
    },
    {
      name: 'http.request with a timeout option and https.get with req.setTimeout',
      filename: 'src/lib/ping.js',
      code: `
const http = require('http');
const https = require('https');

function ping(host) {
  const req = http.request({ host, path: '/health', timeout: 2000 }, (res) => res.resume());
  req.on('timeout', () => req.destroy());
  req.end();
}

function fetchStatus(url, cb) {
  const req = https.get(url, (res) => cb(null, res.statusCode));
  req.setTimeout(2000, () => req.destroy(new Error('timeout')));
}

module.exports = { ping, fetchStatus };
`,
    },
    {
      name: 'undici request with headersTimeout, and a global dispatcher for fetch',
      filename: 'src/lib/undici.ts',
      code: `
import { Agent, request, setGlobalDispatcher } from 'undici';

setGlobalDispatcher(new Agent({ headersTimeout: 5000, bodyTimeout: 5000 }));

export async function metrics() {
  const { body } = await request('http://metrics.internal/v1', { headersTimeout: 2000, bodyTimeout: 2000 });
  return body.json();
}

export const status = () => fetch('http://status.internal');
`,
    },
    {
      name: 'superagent with .timeout()',
      filename: 'src/clients/legacy.js',
      code: `
const superagent = require('superagent');

exports.lookup = (id) => superagent.get(\`https://legacy.example.com/items/\${id}\`).set('accept', 'json').timeout({ response: 2000, deadline: 5000 });
`,
    },
    {
      name: 'nest HttpService (timeout set in HttpModule.register)',
      filename: 'src/weather/weather.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class WeatherService {
  constructor(private readonly httpService: HttpService) {}

  async forecast(city: string) {
    const { data } = await firstValueFrom(this.httpService.get(\`https://weather.example.com/\${city}\`));
    return data;
  }
}
`,
    },
    {
      name: 'a test file',
      filename: 'src/__tests__/api.test.ts',
      code: `
import axios from 'axios';

it('answers', async () => {
  await axios.get('http://localhost:3000/health');
});
`,
    },
    {
      name: 'a local function named fetch',
      filename: 'src/repositories/orders.ts',
      code: `
import { db } from '../db';

async function fetch(id: string) {
  return db.order.findUnique({ where: { id } });
}

export const getOrder = (id: string) => fetch(id);
`,
    },
  ],
  invalid: [
    {
      name: 'axios.request(options) whose config, built above it, has no timeout',
      filename: 'server/docker.js',
      code: `
const axios = require('axios');

async function testDockerHost(dockerHost) {
  const options = { url: '/containers/json?all=true', headers: { Accept: '*/*' } };
  if (dockerHost.type === 'socket') options.socketPath = dockerHost.daemon;
  const res = await axios.request(options);
  return res.data.length;
}
module.exports = { testDockerHost };
`,
      errors: [{ messageId: 'httpCallWithoutTimeout', data: { what: 'This axios request', wait: 'forever', hint: '`timeout`' }, line: 7, column: 27, suggestions: [] }],
    },
    {
      name: "Nuxt's global $fetch in a server route",
      filename: 'server/api/weather.get.ts',
      code: `
export default defineEventHandler(async (event) => {
  const { city } = getQuery(event);
  return $fetch(\`https://api.weather.example.com/v1/\${encodeURIComponent(String(city))}\`);
});
`,
      errors: [
        {
          messageId: 'httpCallWithoutTimeout',
          data: { what: 'This ofetch request', wait: 'forever', hint: '`timeout`' },
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
export default defineEventHandler(async (event) => {
  const { city } = getQuery(event);
  return $fetch(\`https://api.weather.example.com/v1/\${encodeURIComponent(String(city))}\`, { timeout: 5000 });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fetch with no init',
      filename: 'src/services/geo.ts',
      code: `
export async function geocode(address: string) {
  const res = await fetch(\`https://geo.example.com/search?q=\${encodeURIComponent(address)}\`);
  return res.json();
}
`,
      errors: [
        {
          messageId: 'httpCallWithoutTimeout',
          line: 3,
          column: 21,
          suggestions: [
            {
              messageId: 'addTimeout',
              data: { what: '`signal: AbortSignal.timeout(…)`' },
              output: `
export async function geocode(address: string) {
  const res = await fetch(\`https://geo.example.com/search?q=\${encodeURIComponent(address)}\`, { signal: AbortSignal.timeout(5000) });
  return res.json();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fetch with an init object but no signal, in a next.js route handler',
      filename: 'app/api/checkout/route.ts',
      code: `
import { NextResponse } from 'next/server';

export async function POST(req: Request) {
  const body = await req.json();
  const res = await fetch('https://payments.example.com/v1/charges', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return NextResponse.json(await res.json(), { status: res.status });
}
`,
      errors: [
        {
          messageId: 'httpCallWithoutTimeout',
          line: 6,
          column: 21,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
import { NextResponse } from 'next/server';

export async function POST(req: Request) {
  const body = await req.json();
  const res = await fetch('https://payments.example.com/v1/charges', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body), signal: AbortSignal.timeout(5000),
  });
  return NextResponse.json(await res.json(), { status: res.status });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'axios.create without a timeout',
      filename: 'src/clients/inventory.ts',
      code: `
import axios from 'axios';

export const inventory = axios.create({ baseURL: process.env.INVENTORY_URL });

export const stock = (sku: string) => inventory.get(\`/stock/\${sku}\`);
`,
      errors: [
        {
          messageId: 'httpCallWithoutTimeout',
          data: { what: 'This `axios.create()` client (and every request it sends)', wait: 'forever', hint: '`timeout`' },
          line: 4,
          column: 32,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
import axios from 'axios';

export const inventory = axios.create({ baseURL: process.env.INVENTORY_URL, timeout: 5000 });

export const stock = (sku: string) => inventory.get(\`/stock/\${sku}\`);
`,
            },
          ],
        },
      ],
    },
    {
      name: 'axios.get in an express route',
      filename: 'src/routes/weather.js',
      code: `
const axios = require('axios');
const router = require('express').Router();

router.get('/weather/:city', async (req, res) => {
  const { data } = await axios.get(\`https://api.weather.example.com/\${encodeURIComponent(req.params.city)}\`);
  res.json(data);
});

module.exports = router;
`,
      errors: [
        {
          messageId: 'httpCallWithoutTimeout',
          line: 6,
          column: 32,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
const axios = require('axios');
const router = require('express').Router();

router.get('/weather/:city', async (req, res) => {
  const { data } = await axios.get(\`https://api.weather.example.com/\${encodeURIComponent(req.params.city)}\`, { timeout: 5000 });
  res.json(data);
});

module.exports = router;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'axios.post with a body and no config',
      filename: 'src/services/slack.ts',
      code: `
import axios from 'axios';

export async function notify(text: string) {
  await axios.post(process.env.SLACK_WEBHOOK_URL!, { text });
}
`,
      errors: [
        {
          messageId: 'httpCallWithoutTimeout',
          line: 5,
          column: 15,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
import axios from 'axios';

export async function notify(text: string) {
  await axios.post(process.env.SLACK_WEBHOOK_URL!, { text }, { timeout: 5000 });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'axios(config) with no timeout',
      filename: 'src/services/pdf.ts',
      code: `
import axios from 'axios';

export const render = (html: string) => axios({ method: 'post', url: 'http://pdf-renderer.internal/render', data: { html }, responseType: 'arraybuffer' });
`,
      errors: [
        {
          messageId: 'httpCallWithoutTimeout',
          line: 4,
          column: 41,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
import axios from 'axios';

export const render = (html: string) => axios({ method: 'post', url: 'http://pdf-renderer.internal/render', data: { html }, responseType: 'arraybuffer', timeout: 5000 });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'got with options but no timeout',
      filename: 'src/clients/github.ts',
      code: `
import got from 'got';

export const repos = (org: string) => got(\`https://api.github.com/orgs/\${org}/repos\`, { responseType: 'json', headers: { 'user-agent': 'acme' } });
`,
      errors: [
        {
          messageId: 'httpCallWithoutTimeout',
          line: 4,
          column: 39,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
import got from 'got';

export const repos = (org: string) => got(\`https://api.github.com/orgs/\${org}/repos\`, { responseType: 'json', headers: { 'user-agent': 'acme' }, timeout: { request: 5000 } });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'https.get with a callback and no timeout',
      filename: 'src/lib/download.js',
      code: `
const https = require('https');

function download(url, onData) {
  https.get(url, (res) => res.on('data', onData));
}

module.exports = { download };
`,
      errors: [
        {
          messageId: 'httpCallWithoutTimeout',
          line: 5,
          column: 9,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
const https = require('https');

function download(url, onData) {
  https.get(url, { signal: AbortSignal.timeout(5000) }, (res) => res.on('data', onData));
}

module.exports = { download };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'node-fetch in a koa app',
      filename: 'src/app.js',
      code: `
const Koa = require('koa');
const fetch = require('node-fetch');

const app = new Koa();
app.use(async (ctx) => {
  const res = await fetch('http://recommendations.internal/v1/' + ctx.state.userId);
  ctx.body = await res.json();
});
`,
      errors: [{ messageId: 'httpCallWithoutTimeout', line: 7, column: 21, suggestions: [{ messageId: 'addTimeout', output: `
const Koa = require('koa');
const fetch = require('node-fetch');

const app = new Koa();
app.use(async (ctx) => {
  const res = await fetch('http://recommendations.internal/v1/' + ctx.state.userId, { signal: AbortSignal.timeout(5000) });
  ctx.body = await res.json();
});
` }] }],
    },
    {
      name: 'superagent without .timeout()',
      filename: 'src/clients/legacy.js',
      code: `
const superagent = require('superagent');

exports.lookup = async (id) => (await superagent.get(\`https://legacy.example.com/items/\${id}\`).set('accept', 'json')).body;
`,
      errors: [
        {
          messageId: 'httpCallWithoutTimeout',
          line: 4,
          column: 50,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
const superagent = require('superagent');

exports.lookup = async (id) => (await superagent.get(\`https://legacy.example.com/items/\${id}\`).timeout(5000).set('accept', 'json')).body;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'undici request with no timeouts',
      filename: 'src/lib/metrics.ts',
      code: `
import { request } from 'undici';

export async function push(payload: object) {
  await request('http://pushgateway.internal/metrics/job/api', { method: 'POST', body: JSON.stringify(payload) });
}
`,
      errors: [{ messageId: 'httpCallWithoutTimeout', data: { what: 'This undici request', wait: "up to five minutes (undici's default)", hint: '`signal: AbortSignal.timeout(…)`' }, line: 5, column: 9, suggestions: [{ messageId: 'addTimeout', output: `
import { request } from 'undici';

export async function push(payload: object) {
  await request('http://pushgateway.internal/metrics/job/api', { method: 'POST', body: JSON.stringify(payload), signal: AbortSignal.timeout(5000) });
}
` }] }],
    },
    {
      name: 'got.extend without a timeout in a nest provider',
      filename: 'src/partners/partners.client.ts',
      code: `
import { Injectable } from '@nestjs/common';
import got from 'got';

@Injectable()
export class PartnersClient {
  private readonly http = got.extend({ prefixUrl: process.env.PARTNERS_URL, responseType: 'json' });

  list() {
    return this.http.get('partners').json();
  }
}
`,
      errors: [{ messageId: 'httpCallWithoutTimeout', line: 7, column: 31, suggestions: [{ messageId: 'addTimeout', output: `
import { Injectable } from '@nestjs/common';
import got from 'got';

@Injectable()
export class PartnersClient {
  private readonly http = got.extend({ prefixUrl: process.env.PARTNERS_URL, responseType: 'json', timeout: { request: 5000 } });

  list() {
    return this.http.get('partners').json();
  }
}
` }] }],
    },
  ],
});
