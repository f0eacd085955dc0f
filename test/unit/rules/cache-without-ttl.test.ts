import rule from '../../../src/engine/rules/cache-without-ttl';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('cache-without-ttl', rule, {
  valid: [
    {
      name: 'read-modify-write of a stored value is not cache-aside',
      filename: 'src/services/cart.ts',
      code: `
import Redis from 'ioredis';

const redis = new Redis();

export async function addToCart(cartId: string, sku: string) {
  const raw = await redis.get(\`cart:\${cartId}\`);
  const cart = raw ? JSON.parse(raw) : { items: [] };
  cart.items.push(sku);
  await redis.set(\`cart:\${cartId}\`, JSON.stringify(cart));
  return cart;
}
`,
    },
    {
      name: 'ioredis cache-aside with EX',
      filename: 'src/services/products.ts',
      code: `
import Redis from 'ioredis';
import { prisma } from '../db';

const redis = new Redis(process.env.REDIS_URL!);

export async function getProduct(id: string) {
  const cached = await redis.get(\`product:\${id}\`);
  if (cached) return JSON.parse(cached);
  const product = await prisma.product.findUnique({ where: { id } });
  await redis.set(\`product:\${id}\`, JSON.stringify(product), 'EX', 300);
  return product;
}
`,
    },
    {
      name: 'node-redis with { EX } and a lock with NX PX',
      filename: 'src/cache.ts',
      code: `
import { createClient } from 'redis';

export const redis = createClient({ url: process.env.REDIS_URL });

export async function cacheSession(id: string, data: object) {
  const cached = await redis.get(\`session:\${id}\`);
  if (cached) return;
  await redis.set(\`session:\${id}\`, JSON.stringify(data), { EX: 1800 });
}

export async function lock(name: string, owner: string) {
  return redis.set(\`lock:\${name}\`, owner, { NX: true, PX: 30_000 });
}
`,
    },
    {
      name: 'set then expire on the same key',
      filename: 'src/services/rate.ts',
      code: `
import Redis from 'ioredis';

const redis = new Redis();

export async function cachedQuota(userId: string, quota: number) {
  const key = \`quota:\${userId}\`;
  const existing = await redis.get(key);
  if (existing) return Number(existing);
  await redis.set(key, String(quota));
  await redis.expire(key, 60);
  return quota;
}
`,
    },
    {
      name: 'multi chain with expire',
      filename: 'src/services/feed.ts',
      code: `
import Redis from 'ioredis';

const redis = new Redis();

export async function cacheFeed(userId: string, feed: unknown[]) {
  await redis.multi().set(\`feed-cache:\${userId}\`, JSON.stringify(feed)).expire(\`feed-cache:\${userId}\`, 120).exec();
}
`,
    },
    {
      name: 'setex and upstash { ex }',
      filename: 'src/lib/cache.ts',
      code: `
import { Redis } from '@upstash/redis';

const redis = Redis.fromEnv();

export async function cacheJson(key: string, value: unknown) {
  await redis.set(\`cache:\${key}\`, value, { ex: 600 });
}

export async function cacheText(key: string, value: string) {
  await redis.setex(\`cache:\${key}\`, 600, value);
}
`,
    },
    {
      name: 'Map, URLSearchParams, headers and express settings are not caches',
      filename: 'src/app.ts',
      code: `
import express from 'express';

const app = express();
app.set('trust proxy', 1);
const cache = new Map<string, string>();

app.get('/search', (req, res) => {
  const cached = cache.get(String(req.query.q));
  const params = new URLSearchParams();
  params.set('q', String(req.query.q));
  cache.set(String(req.query.q), params.toString());
  res.set('Cache-Control', 'no-store');
  res.send(cached);
});
`,
    },
    {
      name: 'redis as a database: a persistent user setting',
      filename: 'src/services/settings.ts',
      code: `
import Redis from 'ioredis';

const redis = new Redis();

export async function saveTheme(userId: string, theme: 'dark' | 'light') {
  await redis.set(\`user:\${userId}:theme\`, theme);
}
`,
    },
    {
      name: 'expiry passed through a variable',
      filename: 'src/services/cache.ts',
      code: `
import Redis from 'ioredis';

const redis = new Redis();
const TTL = ['EX', 300] as const;

export async function cacheValue(key: string, value: string) {
  await redis.set(key, value, ...TTL);
}

export async function cacheWithMode(key: string, value: string, mode: 'EX' | 'PX', ttl: number) {
  await redis.set(key, value, mode, ttl);
}
`,
    },
    {
      name: 'node-cache with stdTTL and lru-cache with max',
      filename: 'src/lib/memo.ts',
      code: `
import NodeCache from 'node-cache';
import { LRUCache } from 'lru-cache';

export const rates = new NodeCache({ stdTTL: 600, checkperiod: 120 });
export const users = new LRUCache<string, object>({ max: 1000, ttl: 60_000 });
`,
    },
    {
      name: 'node-cache with per-entry TTLs',
      filename: 'src/lib/memo.js',
      code: `
const NodeCache = require('node-cache');

const cache = new NodeCache();

function remember(key, value) {
  cache.set(key, value, 300);
}

module.exports = { remember };
`,
    },
    {
      name: 'memcached with a lifetime',
      filename: 'src/lib/memcache.js',
      code: `
const Memcached = require('memcached');

const memcached = new Memcached('localhost:11211');

function cachePage(url, html, cb) {
  memcached.set(\`page:\${url}\`, html, 300, cb);
}

module.exports = { cachePage };
`,
    },
    {
      name: 'nest cache interceptor store with ttl',
      filename: 'src/products/products.service.ts',
      code: `
import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER, Cache } from '@nestjs/cache-manager';

@Injectable()
export class ProductsService {
  constructor(@Inject(CACHE_MANAGER) private readonly cacheManager: Cache) {}

  async cacheProduct(id: string, product: object) {
    await this.cacheManager.set(\`product:\${id}\`, product, 60_000);
  }
}
`,
    },
    {
      name: 'test file',
      filename: 'src/__tests__/cache.test.ts',
      code: `
import Redis from 'ioredis-mock';

const redis = new Redis();
it('caches', async () => {
  await redis.set('cache:x', '1');
});
`,
    },
  ],
  invalid: [
    {
      name: 'ioredis cache-aside without TTL',
      filename: 'src/services/products.ts',
      code: `
import Redis from 'ioredis';
import { prisma } from '../db';

const redis = new Redis(process.env.REDIS_URL!);

export async function getProduct(id: string) {
  const cached = await redis.get(\`product:\${id}\`);
  if (cached) return JSON.parse(cached);
  const product = await prisma.product.findUnique({ where: { id } });
  await redis.set(\`product:\${id}\`, JSON.stringify(product));
  return product;
}
`,
      errors: [
        {
          messageId: 'cacheWithoutTtl',
          line: 11,
          column: 15,
          suggestions: [
            {
              messageId: 'addTtl',
              data: { ttl: "`'EX', seconds`" },
              output: `
import Redis from 'ioredis';
import { prisma } from '../db';

const redis = new Redis(process.env.REDIS_URL!);

export async function getProduct(id: string) {
  const cached = await redis.get(\`product:\${id}\`);
  if (cached) return JSON.parse(cached);
  const product = await prisma.product.findUnique({ where: { id } });
  await redis.set(\`product:\${id}\`, JSON.stringify(product), 'EX', 3600);
  return product;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'node-redis cache-aside without TTL',
      filename: 'src/services/users.ts',
      code: `
import { createClient } from 'redis';
import { User } from '../models/user';

const client = createClient({ url: process.env.REDIS_URL });

export async function getUser(id: string) {
  const key = \`user:\${id}\`;
  const hit = await client.get(key);
  if (hit) return JSON.parse(hit);
  const user = await User.findById(id).lean();
  await client.set(key, JSON.stringify(user));
  return user;
}
`,
      errors: [
        {
          messageId: 'cacheWithoutTtl',
          line: 12,
          column: 16,
          suggestions: [
            {
              messageId: 'addTtl',
              data: { ttl: '`{ EX: seconds }`' },
              output: `
import { createClient } from 'redis';
import { User } from '../models/user';

const client = createClient({ url: process.env.REDIS_URL });

export async function getUser(id: string) {
  const key = \`user:\${id}\`;
  const hit = await client.get(key);
  if (hit) return JSON.parse(hit);
  const user = await User.findById(id).lean();
  await client.set(key, JSON.stringify(user), { EX: 3600 });
  return user;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'node-redis options without an expiry',
      filename: 'src/cache/pages.ts',
      code: `
import { createClient } from 'redis';

const redis = createClient();

export async function cachePage(url: string, html: string) {
  await redis.set(\`page-cache:\${url}\`, html, { NX: true });
}
`,
      errors: [
        {
          messageId: 'cacheWithoutTtl',
          line: 7,
          column: 15,
          suggestions: [
            {
              messageId: 'addTtl',
              data: { ttl: '`EX`' },
              output: `
import { createClient } from 'redis';

const redis = createClient();

export async function cachePage(url: string, html: string) {
  await redis.set(\`page-cache:\${url}\`, html, { NX: true, EX: 3600 });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nest service with an injected ioredis client named cache',
      filename: 'src/catalog/catalog.service.ts',
      code: `
import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { CatalogRepository } from './catalog.repository';

@Injectable()
export class CatalogService {
  constructor(@InjectRedis() private readonly cache: Redis, private readonly repo: CatalogRepository) {}

  async categories() {
    const cached = await this.cache.get('categories');
    if (cached) return JSON.parse(cached);
    const categories = await this.repo.findAll();
    await this.cache.set('categories', JSON.stringify(categories));
    return categories;
  }
}
`,
      errors: [
        {
          messageId: 'cacheWithoutTtl',
          line: 15,
          column: 22,
          suggestions: [
            {
              messageId: 'addTtl',
              data: { ttl: "`'EX', seconds`" },
              output: `
import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { CatalogRepository } from './catalog.repository';

@Injectable()
export class CatalogService {
  constructor(@InjectRedis() private readonly cache: Redis, private readonly repo: CatalogRepository) {}

  async categories() {
    const cached = await this.cache.get('categories');
    if (cached) return JSON.parse(cached);
    const categories = await this.repo.findAll();
    await this.cache.set('categories', JSON.stringify(categories), 'EX', 3600);
    return categories;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'project redis client imported from a local module, cache named function (no fix: library unknown)',
      filename: 'src/services/prices.ts',
      code: `
import { redis } from '../lib/redis';

export async function cachePrices(currency: string, prices: Record<string, number>) {
  await redis.set(\`prices:\${currency}\`, JSON.stringify(prices));
}
`,
      errors: [{ messageId: 'cacheWithoutTtl', line: 5, column: 15, suggestions: [] }],
    },
    {
      name: 'express route caches a response in redis',
      filename: 'src/routes/weather.js',
      code: `
const Redis = require('ioredis');
const router = require('express').Router();
const { fetchForecast } = require('../clients/weather');

const redis = new Redis(process.env.REDIS_URL);

router.get('/weather/:city', async (req, res) => {
  const key = 'weather:' + req.params.city;
  const cached = await redis.get(key);
  if (cached) return res.json(JSON.parse(cached));
  const forecast = await fetchForecast(req.params.city);
  await redis.set(key, JSON.stringify(forecast));
  res.json(forecast);
});

module.exports = router;
`,
      errors: [{ messageId: 'cacheWithoutTtl', line: 13, column: 15, suggestions: [{ messageId: 'addTtl', output: `
const Redis = require('ioredis');
const router = require('express').Router();
const { fetchForecast } = require('../clients/weather');

const redis = new Redis(process.env.REDIS_URL);

router.get('/weather/:city', async (req, res) => {
  const key = 'weather:' + req.params.city;
  const cached = await redis.get(key);
  if (cached) return res.json(JSON.parse(cached));
  const forecast = await fetchForecast(req.params.city);
  await redis.set(key, JSON.stringify(forecast), 'EX', 3600);
  res.json(forecast);
});

module.exports = router;
` }] }],
    },
    {
      name: 'upstash without ex',
      filename: 'app/api/rates/route.ts',
      code: `
import { Redis } from '@upstash/redis';
import { NextResponse } from 'next/server';

const redis = Redis.fromEnv();

export async function GET() {
  const cached = await redis.get<number[]>('fx-rates');
  if (cached) return NextResponse.json(cached);
  const rates = await fetch('https://fx.example.com/latest', { signal: AbortSignal.timeout(3000) }).then((r) => r.json());
  await redis.set('fx-rates', rates);
  return NextResponse.json(rates);
}
`,
      errors: [
        {
          messageId: 'cacheWithoutTtl',
          line: 11,
          column: 15,
          suggestions: [
            {
              messageId: 'addTtl',
              data: { ttl: '`{ ex: seconds }`' },
              output: `
import { Redis } from '@upstash/redis';
import { NextResponse } from 'next/server';

const redis = Redis.fromEnv();

export async function GET() {
  const cached = await redis.get<number[]>('fx-rates');
  if (cached) return NextResponse.json(cached);
  const rates = await fetch('https://fx.example.com/latest', { signal: AbortSignal.timeout(3000) }).then((r) => r.json());
  await redis.set('fx-rates', rates, { ex: 3600 });
  return NextResponse.json(rates);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'memcached lifetime 0',
      filename: 'src/lib/memcache.js',
      code: `
const Memcached = require('memcached');

const memcached = new Memcached('localhost:11211');

function cachePage(url, html, cb) {
  memcached.set(\`page:\${url}\`, html, 0, cb);
}

module.exports = { cachePage };
`,
      errors: [
        {
          messageId: 'cacheWithoutTtl',
          line: 7,
          column: 38,
          suggestions: [
            {
              messageId: 'addTtl',
              data: { ttl: 'a lifetime' },
              output: `
const Memcached = require('memcached');

const memcached = new Memcached('localhost:11211');

function cachePage(url, html, cb) {
  memcached.set(\`page:\${url}\`, html, 3600, cb);
}

module.exports = { cachePage };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'node-cache without stdTTL',
      filename: 'src/lib/rates-cache.ts',
      code: `
import NodeCache from 'node-cache';

export const ratesCache = new NodeCache({ checkperiod: 120 });

export function rememberRate(currency: string, rate: number) {
  ratesCache.set(currency, rate);
}
`,
      errors: [
        {
          messageId: 'cacheWithoutTtl',
          line: 4,
          column: 27,
          suggestions: [
            {
              messageId: 'addTtl',
              data: { ttl: '`stdTTL`' },
              output: `
import NodeCache from 'node-cache';

export const ratesCache = new NodeCache({ checkperiod: 120, stdTTL: 3600 });

export function rememberRate(currency: string, rate: number) {
  ratesCache.set(currency, rate);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'lru-cache with neither max nor ttl',
      filename: 'src/lib/sessions.js',
      code: `
const LRU = require('lru-cache');

const sessions = new LRU({ updateAgeOnGet: true });

module.exports = sessions;
`,
      errors: [
        {
          messageId: 'cacheWithoutTtl',
          line: 4,
          column: 18,
          suggestions: [
            {
              messageId: 'addTtl',
              data: { ttl: '`max`' },
              output: `
const LRU = require('lru-cache');

const sessions = new LRU({ updateAgeOnGet: true, max: 1000 });

module.exports = sessions;
`,
            },
          ],
        },
      ],
    },
  ],
});
