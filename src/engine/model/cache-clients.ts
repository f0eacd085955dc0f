/**
 * Cache and key-value clients: Redis (ioredis, node-redis, Upstash), Memcached, and in-process caches
 * (node-cache, lru-cache). Tells a Redis `set` from the many other `set`s of real code (Map, Headers,
 * URLSearchParams, `res.set`, `app.set`, `req.session`) by where the receiver comes from: a client made in
 * this file (`new Redis()`, `createClient()`), an import of a Redis module, a `redis`-named variable or a
 * Nest property typed as a Redis client.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { T, calleeName, memberPath, unwrap, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';

export type RedisFlavour = 'ioredis' | 'node-redis' | 'upstash' | 'unknown';

const REDIS_PACKAGES: Record<string, RedisFlavour> = {
  ioredis: 'ioredis',
  redis: 'node-redis',
  '@redis/client': 'node-redis',
  '@upstash/redis': 'upstash',
  '@nestjs-modules/ioredis': 'ioredis',
  '@liaoliaots/nestjs-redis': 'ioredis',
};
/** Names that mean a Redis connection: `redis`, `redisClient`, `this.redis`, `ioredis`, `cacheRedis`. */
const REDIS_NAME = /^(redis|io_?redis|redis_?(client|conn|connection|cache|db|store)|(cache|session|primary|main|shared)_?redis)$/i;
const REDIS_TYPES = /^(Redis|IORedis|RedisClient|RedisClientType|Cluster|RedisCluster|RedisClusterType)$/;
/** A local module that exports the project's Redis connection: `import { redis } from '../lib/redis'`. */
const LOCAL_REDIS_MODULE = /(^|\/)(redis|cache|kv)(\.[cm]?[jt]s)?$|redis/i;

/** Which Redis library the file uses, as far as its imports say. */
export function redisFlavour(ctx: ModelContext): RedisFlavour {
  for (const ref of ctx.index.imports.values()) {
    const flavour = REDIS_PACKAGES[ref.source];
    if (flavour) return flavour;
  }
  return 'unknown';
}

/** Variables and class properties this file fills with a Redis client: `const redis = new Redis()`, `this.cache = createClient()`. */
function madeHere(ctx: ModelContext): Set<string> {
  const names = new Set<string>();
  const mark = (call: Call | TSESTree.NewExpression) => {
    const p = call.parent?.type === T.AwaitExpression ? call.parent.parent : call.parent;
    // createClient().connect() chains
    if (p?.type === T.VariableDeclarator && p.id.type === T.Identifier) names.add(p.id.name);
    else if (p?.type === T.AssignmentExpression) names.add(memberPath(p.left).pop() ?? '');
    else if (p?.type === T.PropertyDefinition && p.key.type === T.Identifier) names.add(p.key.name);
  };
  for (const n of ctx.index.news) {
    const name = calleeName(n);
    const ref = name ? ctx.index.imports.get(memberPath(n.callee)[0] ?? '') : undefined;
    if (ref && REDIS_PACKAGES[ref.source]) mark(n);
  }
  for (const c of ctx.index.calls) {
    const name = calleeName(c);
    if (name !== 'createClient' && name !== 'createCluster' && name !== 'fromEnv') continue;
    const ref = ctx.index.imports.get(memberPath(c.callee)[0] ?? '');
    if (ref && REDIS_PACKAGES[ref.source]) mark(c);
  }
  return names;
}

/** Class properties typed as a Redis client (`constructor(@InjectRedis() private readonly cache: Redis)`). */
function typedProperties(ctx: ModelContext): Set<string> {
  const names = new Set<string>();
  for (const cls of ctx.index.classes) {
    for (const m of cls.body.body) {
      if (m.type === T.PropertyDefinition && m.key.type === T.Identifier && isRedisType(m.typeAnnotation?.typeAnnotation)) names.add(m.key.name);
      if (m.type !== T.MethodDefinition || m.kind !== 'constructor') continue;
      for (const p of m.value.params) {
        if (p.type !== T.TSParameterProperty || p.parameter.type !== T.Identifier) continue;
        if (isRedisType(p.parameter.typeAnnotation?.typeAnnotation)) names.add(p.parameter.name);
      }
    }
  }
  return names;
}

function isRedisType(type: TSESTree.TypeNode | undefined): boolean {
  if (type?.type !== T.TSTypeReference) return false;
  const name = type.typeName.type === T.Identifier ? type.typeName.name : type.typeName.type === T.TSQualifiedName ? type.typeName.right.name : '';
  return REDIS_TYPES.test(name);
}

export interface RedisReceivers {
  /** Whether the object a command is called on is a Redis client (or a `multi()`/`pipeline()` of one). */
  isRedis(receiver: Node): boolean;
}

const cache = new WeakMap<object, RedisReceivers>();

/** Recognises the file's Redis clients (built once per file). */
export function redisReceivers(ctx: ModelContext): RedisReceivers {
  const cached = cache.get(ctx.index);
  if (cached) return cached;
  let known: Set<string> | undefined;
  const imported = (name: string) => {
    const ref = ctx.index.imports.get(name);
    if (!ref) return false;
    if (REDIS_PACKAGES[ref.source]) return true;
    return (ref.source.startsWith('.') || /^[@~#]\//.test(ref.source)) && LOCAL_REDIS_MODULE.test(ref.source) && /redis|cache|kv|client/i.test(name);
  };
  const receivers: RedisReceivers = {
    isRedis(receiver) {
      let n = unwrap(receiver);
      // redis.multi().set(...), redis.pipeline().set(...).expire(...)
      while (n.type === T.CallExpression && n.callee.type === T.MemberExpression) {
        const name = calleeName(n);
        if (name !== 'multi' && name !== 'pipeline' && name !== 'set' && name !== 'expire' && name !== 'get') return false;
        n = unwrap(n.callee.object);
      }
      const path = memberPath(n);
      if (path.length === 0 || path.length > 3) return false;
      const last = path[path.length - 1];
      known ??= new Set([...madeHere(ctx), ...typedProperties(ctx)]);
      if (known.has(last) && (path.length === 1 || path[0] === 'this')) return true;
      if (path.length === 1 && imported(last)) return true;
      return REDIS_NAME.test(last) && (path.length === 1 || path[0] === 'this' || path[0] === 'ctx' || path[0] === 'fastify' || path[0] === 'app');
    },
  };
  cache.set(ctx.index, receivers);
  return receivers;
}
