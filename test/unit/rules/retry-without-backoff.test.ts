import rule from '../../../src/engine/rules/retry-without-backoff';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('retry-without-backoff', rule, {
  valid: [
    {
      name: 'exponential backoff with timers/promises sleep',
      filename: 'src/clients/payments.ts',
      code: `
import axios from 'axios';
import { setTimeout as sleep } from 'node:timers/promises';

export async function capturePayment(id: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return (await axios.post(\`\${process.env.PAYMENTS_URL}/payments/\${id}/capture\`, {}, { timeout: 3000 })).data;
    } catch (err) {
      if (attempt === 4) throw err;
      await sleep(Math.random() * Math.min(5000, 100 * 2 ** attempt));
    }
  }
}
`,
    },
    {
      name: 'new Promise with setTimeout and Math.pow',
      filename: 'src/lib/retry.js',
      code: `
async function withRetry(fn, retries = 3) {
  let attempt = 0;
  while (attempt < retries) {
    try {
      return await fn();
    } catch (err) {
      attempt++;
      await new Promise((resolve) => setTimeout(resolve, Math.pow(2, attempt) * 100));
    }
  }
  throw new Error('exhausted retries');
}

module.exports = { withRetry };
`,
    },
    {
      name: 'a project delay helper',
      filename: 'src/db/connect.ts',
      code: `
import { prisma } from './client';
import { delay } from '../lib/delay';

export async function connectWithRetry() {
  for (let attempt = 1; attempt <= 10; attempt++) {
    try {
      await prisma.$connect();
      return;
    } catch (err) {
      await delay(attempt * 1000);
    }
  }
}
`,
    },
    {
      name: 'a loop over items with a try per item is not a retry',
      filename: 'src/jobs/notify.ts',
      code: `
import { sendEmail } from '../mail';
import { logger } from '../logger';

export async function notifyAll(users: { email: string }[]) {
  for (let i = 0; i < users.length; i++) {
    try {
      await sendEmail(users[i].email, 'Your order shipped');
    } catch (err) {
      logger.warn({ err }, 'email failed');
    }
  }
}
`,
    },
    {
      name: 'a catch that always rethrows',
      filename: 'src/services/sync.ts',
      code: `
import { api } from '../clients/api';

export async function syncPages(pages: number) {
  for (let page = 1; page <= pages; page++) {
    try {
      const batch = await api.get(\`/items?page=\${page}\`);
      if (batch.data.length === 0) break;
    } catch (err) {
      throw new Error(\`sync failed on page \${page}\`, { cause: err });
    }
  }
}
`,
    },
    {
      name: 'a queue consumer loop (no retry words, no small bound)',
      filename: 'src/worker.ts',
      code: `
import { queue } from './queue';
import { logger } from './logger';
import { handle } from './handlers';

export async function consume() {
  while (true) {
    try {
      const job = await queue.next();
      if (!job) break;
      await handle(job);
    } catch (err) {
      logger.error({ err }, 'job failed');
    }
  }
}
`,
    },
    {
      name: 'p-retry with its default backoff',
      filename: 'src/clients/search.ts',
      code: `
import pRetry from 'p-retry';

export function search(q: string) {
  return pRetry(() => fetch(\`https://search.internal/q?\${new URLSearchParams({ q })}\`, { signal: AbortSignal.timeout(2000) }), { retries: 3 });
}
`,
    },
    {
      name: 'axios-retry with exponentialDelay',
      filename: 'src/lib/http.ts',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';

export const api = axios.create({ baseURL: process.env.API_URL, timeout: 5000 });
axiosRetry(api, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
`,
    },
    {
      name: 'axios-retry with retries: 0',
      filename: 'src/lib/http.ts',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';

export const api = axios.create({ timeout: 5000 });
axiosRetry(api, { retries: 0 });
`,
    },
    {
      name: 'polling with a sleep',
      filename: 'src/services/exports.ts',
      code: `
import { exportsApi } from '../clients/exports';
import { sleep } from '../lib/sleep';

export async function waitForExport(id: string) {
  let done = false;
  while (!done) {
    try {
      const { status } = await exportsApi.status(id);
      done = status === 'ready';
    } catch {
      // transient
    }
    await sleep(2000);
  }
}
`,
    },
    {
      name: 'retry in a test file',
      filename: 'test/flaky.test.ts',
      code: `
import { client } from '../src/client';

it('eventually answers', async () => {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await client.ping();
      return;
    } catch {}
  }
});
`,
    },
    {
      name: 'async-retry helper',
      filename: 'src/clients/ledger.js',
      code: `
const retry = require('async-retry');
const { ledger } = require('./ledger');

module.exports.post = (entry) =>
  retry(async () => ledger.post(entry), { retries: 5, minTimeout: 200, factor: 2 });
`,
    },
    {
      name: 'a do-while that waits with a backoff helper',
      filename: 'src/lib/connect.ts',
      code: `
import { connect } from 'amqplib';
import { backoff } from './backoff';

export async function connectBroker() {
  let tries = 0;
  do {
    try {
      return await connect(process.env.AMQP_URL!);
    } catch {
      tries++;
      await backoff(tries);
    }
  } while (tries < 8);
  throw new Error('broker unreachable');
}
`,
    },
  ],
  invalid: [
    {
      name: 'for loop with a counter and no delay',
      filename: 'src/clients/payments.ts',
      code: `
import axios from 'axios';

export async function capturePayment(id: string) {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const { data } = await axios.post(\`\${process.env.PAYMENTS_URL}/payments/\${id}/capture\`, {}, { timeout: 3000 });
      return data;
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}
`,
      errors: [
        {
          messageId: 'retryWithoutBackoff',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'addBackoff',
              output: `
import axios from 'axios';

export async function capturePayment(id: string) {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const { data } = await axios.post(\`\${process.env.PAYMENTS_URL}/payments/\${id}/capture\`, {}, { timeout: 3000 });
      return data;
    } catch (err) {
      lastError = err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10_000, 100 * 2 ** attempt)));
    }
  }
  throw lastError;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'empty catch in a small counted loop',
      filename: 'src/services/inventory.js',
      code: `
const { pool } = require('../db');

async function reserve(sku, qty) {
  for (let i = 0; i < 3; i++) {
    try {
      return await pool.query('UPDATE stock SET qty = qty - $1 WHERE sku = $2 AND qty >= $1', [qty, sku]);
    } catch (e) {}
  }
}

module.exports = { reserve };
`,
      errors: [
        {
          messageId: 'retryWithoutBackoff',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addBackoff',
              output: `
const { pool } = require('../db');

async function reserve(sku, qty) {
  for (let i = 0; i < 3; i++) {
    try {
      return await pool.query('UPDATE stock SET qty = qty - $1 WHERE sku = $2 AND qty >= $1', [qty, sku]);
    } catch (e) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10_000, 100 * 2 ** i)));
    }
  }
}

module.exports = { reserve };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'catch ending in continue',
      filename: 'src/clients/shipping.ts',
      code: `
import { got } from 'got';

export async function quote(parcel: object) {
  for (let retry = 0; retry < 4; retry++) {
    try {
      return await got.post('https://shipping.example.com/quote', { json: parcel, timeout: { request: 2000 } }).json();
    } catch (err) {
      console.warn('quote failed, retrying', err);
      continue;
    }
  }
  throw new Error('no quote');
}
`,
      errors: [
        {
          messageId: 'retryWithoutBackoff',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addBackoff',
              output: `
import { got } from 'got';

export async function quote(parcel: object) {
  for (let retry = 0; retry < 4; retry++) {
    try {
      return await got.post('https://shipping.example.com/quote', { json: parcel, timeout: { request: 2000 } }).json();
    } catch (err) {
      console.warn('quote failed, retrying', err);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10_000, 100 * 2 ** retry)));
      continue;
    }
  }
  throw new Error('no quote');
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'while with an attempts counter outside the header (no fix: no loop counter)',
      filename: 'src/services/email.ts',
      code: `
import { transporter } from '../mail';

export async function sendWithRetry(message: object) {
  let attempts = 0;
  while (attempts < 5) {
    try {
      await transporter.sendMail(message);
      break;
    } catch (err) {
      attempts++;
    }
  }
}
`,
      errors: [{ messageId: 'retryWithoutBackoff', line: 6, column: 3, suggestions: [] }],
    },
    {
      name: 'unbounded while (true) retry',
      filename: 'src/db/connect.js',
      code: `
const mongoose = require('mongoose');

async function connectWithRetry() {
  while (true) {
    try {
      await mongoose.connect(process.env.MONGO_URL);
      return;
    } catch (err) {
      console.error('mongo connect failed, retrying', err.message);
    }
  }
}

module.exports = { connectWithRetry };
`,
      errors: [{ messageId: 'retryWithoutBackoff', data: { unbounded: ', with no limit on attempts' }, line: 5, column: 3, suggestions: [] }],
    },
    {
      name: 'while (!ok) flag set in the try',
      filename: 'src/services/webhooks.ts',
      code: `
import { fetchWithTimeout } from '../lib/http';

export async function deliver(url: string, body: string) {
  let delivered = false;
  let tries = 0;
  while (!delivered) {
    try {
      await fetchWithTimeout(url, { method: 'POST', body });
      delivered = true;
    } catch {
      tries += 1;
      if (tries > 5) throw new Error('webhook undeliverable');
    }
  }
}
`,
      errors: [{ messageId: 'retryWithoutBackoff', line: 7, column: 3, suggestions: [] }],
    },
    {
      name: 'do-while retry',
      filename: 'src/clients/crm.ts',
      code: `
import { crm } from './crm-client';

export async function upsertContact(contact: object) {
  let attempt = 0;
  do {
    try {
      return await crm.contacts.upsert(contact);
    } catch (err) {
      attempt++;
    }
  } while (attempt < 3);
}
`,
      errors: [{ messageId: 'retryWithoutBackoff', line: 6, column: 3, suggestions: [] }],
    },
    {
      name: 'nest service method retry',
      filename: 'src/billing/billing.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class BillingService {
  constructor(private readonly http: HttpService) {}

  async charge(customerId: string, amount: number) {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        return await firstValueFrom(this.http.post('/charges', { customerId, amount }));
      } catch (err) {
        if (attempt === 3) throw err;
      }
    }
  }
}
`,
      errors: [
        {
          messageId: 'retryWithoutBackoff',
          line: 11,
          column: 5,
          suggestions: [
            {
              messageId: 'addBackoff',
              output: `
import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class BillingService {
  constructor(private readonly http: HttpService) {}

  async charge(customerId: string, amount: number) {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        return await firstValueFrom(this.http.post('/charges', { customerId, amount }));
      } catch (err) {
        if (attempt === 3) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10_000, 100 * 2 ** attempt)));
      }
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'axios-retry without retryDelay',
      filename: 'src/lib/http.ts',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';

export const api = axios.create({ baseURL: process.env.API_URL, timeout: 5000 });
axiosRetry(api, { retries: 3 });
`,
      errors: [
        {
          messageId: 'axiosRetryNoDelay',
          data: { name: 'axiosRetry' },
          line: 6,
          column: 1,
          suggestions: [
            {
              messageId: 'addRetryDelay',
              data: { name: 'axiosRetry' },
              output: `
import axios from 'axios';
import axiosRetry from 'axios-retry';

export const api = axios.create({ baseURL: process.env.API_URL, timeout: 5000 });
axiosRetry(api, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'axios-retry with no options (CommonJS .default)',
      filename: 'src/lib/http.js',
      code: `
const axios = require('axios');
const axiosRetry = require('axios-retry').default;

axiosRetry(axios);

module.exports = axios;
`,
      errors: [
        {
          messageId: 'axiosRetryNoDelay',
          line: 5,
          column: 1,
          suggestions: [
            {
              messageId: 'addRetryDelay',
              output: `
const axios = require('axios');
const axiosRetry = require('axios-retry').default;

axiosRetry(axios, { retryDelay: axiosRetry.exponentialDelay });

module.exports = axios;
`,
            },
          ],
        },
      ],
    },
  ],
});
