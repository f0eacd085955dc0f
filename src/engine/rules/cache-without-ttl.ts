import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/cache-without-ttl.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, contains, enclosingFunction, hasSpread, isFunction, memberPath, property, staticText, unwrap, walk, type Call, type Node } from '../model/ast';
import { redisFlavour, redisReceivers, type RedisFlavour } from '../model/cache-clients';
import type { ModelContext } from '../model/file-index';
import { isScriptOrTestFile } from '../model/paths';
import { createRule, metaFromSpec } from './create-rule';
import { FixText } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'cacheWithoutTtl' | 'addTtl';
type Options = [];

const spec = specData as RuleSpec;

export const cacheWithoutTtlSpec = spec;

const EXPIRY_TOKEN = /^(ex|px|exat|pxat|keepttl|expiration)$/i;
const EXPIRE_CALLS = new Set(['expire', 'pexpire', 'expireat', 'pexpireat', 'expireAt', 'pExpire', 'pExpireAt']);
const READ_CALLS = new Set(['get', 'getex', 'getEx', 'exists', 'mget', 'mGet']);
const CACHE_WORDS = /cache|cached|memo/i;

type Expiry = 'none' | 'set' | 'unknown';

/** What the arguments after key and value say about expiry. */
function redisExpiry(rest: Node[]): Expiry {
  if (rest.length === 0) return 'none';
  const first = unwrap(rest[0]);
  if (first.type === T.ObjectExpression) {
    if (hasSpread(first)) return 'unknown';
    return first.properties.some((p) => p.type === T.Property && EXPIRY_TOKEN.test(p.key.type === T.Identifier ? p.key.name : String((p.key as { value?: unknown }).value))) ? 'set' : 'none';
  }
  for (const a of rest) {
    const n = unwrap(a);
    if (isFunction(n)) continue;
    const text = staticText(n);
    if (text === undefined) return 'unknown';
    if (EXPIRY_TOKEN.test(text)) return 'set';
  }
  return 'none';
}

function keyText(key: Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  return sourceCode.getText(key as TSESTree.Node).replace(/\s+/g, '');
}

/** Names around the write that say it is a cache: the key, the function, the variable or class it lives in. */
function cacheNamed(call: Call, key: Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (CACHE_WORDS.test(staticText(key) ?? sourceCode.getText(key as TSESTree.Node))) return true;
  for (let n: Node | undefined = call.parent; n; n = n.parent) {
    if (n.type === T.FunctionDeclaration && n.id && CACHE_WORDS.test(n.id.name)) return true;
    if (n.type === T.VariableDeclarator && n.id.type === T.Identifier && CACHE_WORDS.test(n.id.name)) return true;
    if (n.type === T.MethodDefinition && n.key.type === T.Identifier && CACHE_WORDS.test(n.key.name)) return true;
    if (n.type === T.ClassDeclaration && n.id && CACHE_WORDS.test(n.id.name)) return true;
  }
  return false;
}

/** In the same function: a read of the same key (cache-aside), and an `expire` of it (a TTL set separately). */
function neighbours(call: Call, key: string, ctx: ModelContext, sourceCode: Readonly<TSESLint.SourceCode>): { readsKey: boolean; expires: boolean } {
  const fn = enclosingFunction(call);
  const scope: Node = fn ?? ctx.index.program;
  let readsKey = false;
  let expires = false;
  for (const other of ctx.index.calls) {
    if (other === call || !contains(scope, other)) continue;
    const name = calleeName(other);
    if (!name || other.arguments.length === 0) continue;
    const same = keyText(other.arguments[0] as Node, sourceCode) === key;
    if (EXPIRE_CALLS.has(name) && (same || other.range[0] > call.range[0])) expires = true;
    if (READ_CALLS.has(name) && same && other.range[1] < call.range[0] && answersFromCache(other, call, scope)) readsKey = true;
  }
  return { readsKey, expires };
}

/**
 * Cache-aside: the value read is returned when present (`const hit = await redis.get(k); if (hit) return …`) before the
 * write. A read-modify-write of the same key (a counter, a stored setting) is not a cache.
 */
function answersFromCache(read: Call, write: Call, scope: Node): boolean {
  const p = read.parent?.type === T.AwaitExpression ? read.parent.parent : read.parent;
  if (p?.type !== T.VariableDeclarator || p.id.type !== T.Identifier) return false;
  const name = p.id.name;
  let found = false;
  walk(scope, (n) => {
    if (found || n.range[1] < read.range[1] || n.range[0] > write.range[0]) return false;
    if (n.type !== T.IfStatement) return undefined;
    let tests = false;
    walk(n.test, (t) => {
      if (t.type === T.Identifier && t.name === name) tests = true;
      return undefined;
    });
    let returns = false;
    walk(n.consequent, (r) => {
      if (isFunction(r)) return false;
      if (r.type === T.ReturnStatement) returns = true;
      return undefined;
    });
    if (tests && returns) found = true;
    return undefined;
  });
  return found;
}

interface Finding {
  node: Node;
  subject: string;
  hint: string;
  fix?: { ttl: string; apply: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix };
}

export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'problem',
    ...metaFromSpec<MessageIds>(spec),
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const ttl = () => FixText.for(context);

    /** Adds an expiry to an options object: `{ NX: true }` → `{ NX: true, EX: 3600 }`. */
    function addProperty(obj: TSESTree.ObjectExpression, key: string, value = '3600'): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix {
      const prop = ttl().text(`${key}: `).choice(value).toString();
      const last = obj.properties[obj.properties.length - 1];
      return last ? (fixer) => fixer.insertTextAfter(last, `, ${prop}`) : (fixer) => fixer.replaceText(obj, `{ ${prop} }`);
    }

    function redisFix(call: Call, flavour: RedisFlavour): Finding['fix'] {
      const args = call.arguments as Node[];
      const rest = args.slice(2);
      if (rest.some((a) => isFunction(unwrap(a))) || flavour === 'unknown') return undefined;
      const first = rest[0] ? unwrap(rest[0]) : undefined;
      const objectKey = flavour === 'upstash' ? 'ex' : 'EX';
      if (first?.type === T.ObjectExpression) return { ttl: `\`${objectKey}\``, apply: addProperty(first as TSESTree.ObjectExpression, objectKey) };
      const last = args[args.length - 1] as TSESTree.Node;
      if (flavour === 'ioredis' || rest.length > 0) {
        const text = ttl().text(", 'EX', ").choice('3600').toString();
        return { ttl: "`'EX', seconds`", apply: (fixer) => fixer.insertTextAfter(last, text) };
      }
      const text = ttl().text(`, { ${objectKey}: `).choice('3600').text(' }').toString();
      return { ttl: `\`{ ${objectKey}: seconds }\``, apply: (fixer) => fixer.insertTextAfter(last, text) };
    }

    function redisFindings(ctx: ModelContext): Finding[] {
      const out: Finding[] = [];
      let receivers: ReturnType<typeof redisReceivers> | undefined;
      let flavour: RedisFlavour | undefined;
      for (const call of ctx.index.calls) {
        const callee = call.callee;
        if (callee.type !== T.MemberExpression || callee.property.type !== T.Identifier || callee.property.name !== 'set' || call.arguments.length < 2) continue;
        if (call.arguments.some((a) => a.type === T.SpreadElement)) continue;
        receivers ??= redisReceivers(ctx);
        if (!receivers.isRedis(callee.object)) continue;
        if (redisExpiry((call.arguments as Node[]).slice(2)) !== 'none') continue;
        const key = call.arguments[0] as Node;
        const { readsKey, expires } = neighbours(call, keyText(key, sourceCode), ctx, sourceCode);
        if (expires) continue;
        // Redis is also a database: only a write that is a cache (read-through, or named one) must expire.
        if (!readsKey && !cacheNamed(call, key, sourceCode)) continue;
        flavour ??= redisFlavour(ctx);
        out.push({
          node: callee.property,
          subject: 'This cached value',
          hint: flavour === 'node-redis' ? '`{ EX: seconds }`' : flavour === 'upstash' ? '`{ ex: seconds }`' : "`'EX', seconds`",
          fix: redisFix(call, flavour),
        });
      }
      return out;
    }

    /** Memcached `set(key, value, 0)`, node-cache without `stdTTL`, lru-cache with neither `max` nor `ttl`. */
    function inProcessFindings(ctx: ModelContext): Finding[] {
      const out: Finding[] = [];
      const sources = new Map<string, string>();
      for (const [local, ref] of ctx.index.imports) if (/^(memcached|node-cache|lru-cache)$/.test(ref.source)) sources.set(local, ref.source);
      if (sources.size === 0) return out;
      const instances = new Map<string, string>();
      for (const n of ctx.index.news) {
        const source = sources.get(memberPath(n.callee)[0] ?? '');
        if (!source) continue;
        const p = n.parent;
        const name = p?.type === T.VariableDeclarator && p.id.type === T.Identifier ? p.id.name : p?.type === T.PropertyDefinition && p.key.type === T.Identifier ? p.key.name : undefined;
        if (name) instances.set(name, source);
        const opts = n.arguments[0] ? unwrap(n.arguments[0] as Node) : undefined;
        if (opts && (opts.type !== T.ObjectExpression || hasSpread(opts))) continue;
        const obj = opts as TSESTree.ObjectExpression | undefined;
        if (source === 'node-cache' && !property(obj, 'stdTTL')) {
          // per-entry TTLs on every write of this cache are as good as a default
          if (name && ctx.index.calls.some((c) => calleeName(c) === 'set' && c.arguments.length >= 3 && memberPath(c.callee).slice(-2, -1)[0] === name)) continue;
          const apply = obj ? addProperty(obj, 'stdTTL') : (fixer: TSESLint.RuleFixer) => fixer.insertTextAfterRange([n.range[1] - 1, n.range[1] - 1], ttl().text('{ stdTTL: ').choice('3600').text(' }').toString());
          out.push({ node: n, subject: 'This node-cache (no `stdTTL`)', hint: '`stdTTL` in seconds', fix: { ttl: '`stdTTL`', apply } });
        }
        if (source === 'lru-cache' && !['max', 'maxSize', 'ttl', 'maxAge', 'length'].some((k) => property(obj, k))) {
          const apply = obj ? addProperty(obj, 'max', '1000') : undefined;
          out.push({ node: n, subject: 'This LRU cache (neither `max` nor `ttl`)', hint: '`max` entries and a `ttl`', fix: apply ? { ttl: '`max`', apply } : undefined });
        }
      }
      for (const call of ctx.index.calls) {
        if (calleeName(call) !== 'set' || call.arguments.length < 3) continue;
        const owner = memberPath(call.callee).slice(-2, -1)[0];
        if (!owner || instances.get(owner) !== 'memcached') continue;
        const lifetime = unwrap(call.arguments[2] as Node);
        if (lifetime.type !== T.Literal || lifetime.value !== 0) continue;
        const text = ttl().choice('3600').toString();
        out.push({ node: lifetime, subject: 'This Memcached entry (lifetime 0)', hint: 'a lifetime in seconds', fix: { ttl: 'a lifetime', apply: (fixer) => fixer.replaceText(lifetime, text) } });
      }
      return out;
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        for (const f of [...redisFindings(model.ctx), ...inProcessFindings(model.ctx)]) {
          context.report({
            node: f.node as TSESTree.Node,
            messageId: 'cacheWithoutTtl',
            data: { subject: f.subject, hint: f.hint },
            suggest: f.fix ? [{ messageId: 'addTtl', data: { ttl: f.fix.ttl }, fix: f.fix.apply }] : [],
          });
        }
      },
    };
  },
});
