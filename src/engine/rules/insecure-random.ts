import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/insecure-random.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, memberPath, unwrap, words, type Node } from '../model/ast';
import type { ModelContext } from '../model/file-index';
import { isScriptOrTestFile } from '../model/paths';
import { valueSink } from '../model/value-sink';
import { createRule, metaFromSpec } from './create-rule';
import { importInsertion, usesEsm } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'insecureRandom' | 'useCrypto';
type Options = [];

const spec = specData as RuleSpec;

export const insecureRandomSpec = spec;

/** Words of a name that must be unguessable. */
const SECRET_WORDS = new Set([
  'token', 'tokens', 'secret', 'nonce', 'otp', 'totp', 'password', 'passwd', 'pwd', 'passcode', 'passphrase', 'salt', 'session', 'sid', 'csrf', 'xsrf',
  'apikey', 'invite', 'invitation', 'reset', 'verification', 'activation', 'pin', 'mfa', '2fa', 'magic', 'state', 'challenge', 'voucher', 'coupon',
]);
/** `state` and `key` only count with a qualifier: `oauthState`, `apiKey`, `sessionKey`, `licenseKey`. */
const NEEDS_QUALIFIER: Record<string, RegExp> = {
  state: /^(oauth|auth|csrf|login|sso)$/,
  key: /^(api|secret|access|private|session|signing|license|encryption|auth|idempotency)$/,
  code: /^(verify|verification|otp|sms|email|auth|reset|invite|invitation|confirm|confirmation|login|access|mfa|security|activation|one|recovery|backup|referral|promo|discount|gift|voucher|pairing|device)$/,
};
const ID_WORDS = new Set(['id', 'ids', 'uid', 'uuid', 'guid']);
/** Ids that only correlate logs, tag UI elements or name an in-process registration (`subscriberId` to unsubscribe later). */
const ID_BENIGN = /^(request|req|trace|span|correlation|log|debug|element|dom|temp|tmp|toast|animation|frame|render|test|mock|fake|dummy|sample|placeholder|instance|worker|client|run|component|widget|react|subscriber|listener|handler|consumer)$/;
/** Names that say the randomness is not about secrecy. */
const BENIGN_WORDS = new Set([
  'jitter', 'delay', 'backoff', 'retry', 'retries', 'timeout', 'wait', 'sleep', 'ms', 'interval', 'sample', 'sampling', 'sampled', 'rate', 'ratio',
  'probability', 'chance', 'percent', 'percentage', 'shuffle', 'shuffled', 'color', 'colour', 'hue', 'position', 'offset', 'width', 'height', 'opacity',
  'index', 'idx', 'weight', 'score', 'mock', 'fake', 'dummy', 'demo', 'seed', 'dice', 'roll', 'latency', 'ttl', 'spread', 'variance', 'pick', 'choose',
  'server', 'upstream', 'replica', 'node', 'host', 'backend', 'target', 'canary', 'experiment', 'variant', 'bucket', 'avatar', 'greeting', 'quote', 'tip',
  'nickname', 'username', 'placeholder', 'example', 'test', 'fixture', 'faker', 'x', 'y', 'z', 'angle', 'speed', 'duration', 'port',
  // a random minute for a daily job spreads load: `scheduleTokenCleanupJob` picks when, not a token
  'schedule', 'cron',
]);
const ID_SHAPE = /\.toString\((36|16|32)\)/;

type Verdict = 'secret' | 'id' | 'benign' | undefined;

function judge(name: string | undefined): Verdict {
  if (!name) return undefined;
  const w = words(name);
  if (w.some((x) => BENIGN_WORDS.has(x))) return 'benign';
  for (let i = 0; i < w.length; i++) {
    if (SECRET_WORDS.has(w[i]) && !NEEDS_QUALIFIER[w[i]]) return 'secret';
    const q = NEEDS_QUALIFIER[w[i]];
    if (q && w.some((x, j) => j !== i && q.test(x))) return 'secret';
  }
  if (w.join('') === 'apikey' || w.includes('apikey')) return 'secret';
  if (w.some((x) => ID_WORDS.has(x) || /^(uuid|guid)(v\d)?$/.test(x)) || /Id$|Ids$/.test(name)) return w.some((x) => ID_BENIGN.test(x)) ? 'benign' : 'id';
  return undefined;
}

/** A numeric literal value (`900000`, `1e6`, `10 ** 6`). */
function num(node: Node | undefined): number | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === T.Literal && typeof n.value === 'number') return n.value;
  if (n.type === T.BinaryExpression && n.operator === '**') {
    const a = num(n.left as Node);
    const b = num(n.right);
    return a !== undefined && b !== undefined ? a ** b : undefined;
  }
  return undefined;
}

/** `Math.floor(Math.random() * N) + M` and `Math.floor(M + Math.random() * N)`: the range [M, M + N), when literal. */
function integerRange(call: TSESTree.CallExpression, expression: Node): { node: Node; min: number; max: number } | undefined {
  let outer: Node = call.parent!;
  if (outer.type !== T.BinaryExpression || outer.operator !== '*') return undefined;
  const n = num(outer.left === call ? outer.right : (outer.left as Node));
  if (n === undefined) return undefined;
  let min = 0;
  let p = outer.parent;
  if (p?.type === T.BinaryExpression && p.operator === '+') {
    const m = num(p.left === outer ? p.right : (p.left as Node));
    if (m === undefined) return undefined;
    min = m;
    outer = p;
    p = p.parent;
  }
  if (p?.type !== T.CallExpression || memberPath(p.callee).join('.') !== 'Math.floor' || p.arguments[0] !== outer) return undefined;
  let node: Node = p;
  const q = p.parent;
  if (min === 0 && q?.type === T.BinaryExpression && q.operator === '+' && q.left === p) {
    const m = num(q.right);
    if (m !== undefined) {
      min = m;
      node = q;
    }
  }
  if (!Number.isInteger(n) || !Number.isInteger(min) || expression.range[1] < node.range[1]) return undefined;
  return { node, min, max: min + n };
}

/** How node:crypto is reachable in the file, and the import to add when it is not. */
function cryptoRef(ctx: ModelContext, fn: 'randomInt' | 'randomUUID' | 'randomBytes', program: TSESTree.Program): { text: string; importLine?: string } {
  for (const [local, ref] of ctx.index.imports) {
    if (ref.source !== 'crypto' && ref.source !== 'node:crypto') continue;
    if (ref.imported === fn) return { text: local };
    if (ref.imported === 'default' || ref.imported === '*') return { text: `${local}.${fn}` };
  }
  return { text: fn, importLine: usesEsm(program) ? `import { ${fn} } from 'node:crypto';` : `const { ${fn} } = require('node:crypto');` };
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
    if (isScriptOrTestFile(context.filename)) return {};
    const sourceCode = context.sourceCode;

    function suggestion(call: TSESTree.CallExpression, expression: Node, verdict: Verdict, ctx: ModelContext): { replacement: string; fix?: TSESLint.SuggestionReportDescriptor<MessageIds> } {
      const program = sourceCode.ast;
      const build = (fn: 'randomInt' | 'randomUUID' | 'randomBytes', target: Node, args: string, tail = '') => {
        const ref = cryptoRef(ctx, fn, program);
        const replacement = `${ref.text}(${args})${tail}`;
        return {
          replacement: `\`${fn === 'randomBytes' ? `randomBytes(${args})${tail}` : `${fn}(${args})`}\``,
          fix: {
            messageId: 'useCrypto' as const,
            data: { replacement },
            fix: (fixer: TSESLint.RuleFixer) => {
              const fixes = [fixer.replaceText(target, replacement)];
              if (ref.importLine) {
                const at = importInsertion(program);
                fixes.push(fixer.insertTextAfterRange([at, at], at === 0 ? `${ref.importLine}\n` : `\n${ref.importLine}`));
              }
              return fixes;
            },
          },
        };
      };
      const range = integerRange(call, expression);
      if (range) return build('randomInt', range.node, range.min === 0 ? String(range.max) : `${range.min}, ${range.max}`);
      // Math.random().toString(36).slice(2, 10) and friends: the whole chain becomes one CSPRNG call
      let chain: Node = call;
      while (chain.parent?.type === T.MemberExpression && chain.parent.object === chain && chain.parent.parent?.type === T.CallExpression && chain.parent.parent.callee === chain.parent) {
        const method = chain.parent.property;
        if (method.type !== T.Identifier || !/^(toString|substring|substr|slice)$/.test(method.name)) break;
        chain = chain.parent.parent;
      }
      if (chain !== call && /^Math\.random\(\)\.toString\(\d+\)(\.(substring|substr|slice)\([\d\s,]*\))*$/.test(sourceCode.getText(chain).replace(/\s+/g, ''))) {
        return verdict === 'id' ? build('randomUUID', chain, '') : build('randomBytes', chain, '32', ".toString('base64url')");
      }
      return { replacement: verdict === 'id' ? '`randomUUID()`' : "`randomBytes(32).toString('base64url')` or `randomInt(min, max)`" };
    }

    return {
      'Program:exit'() {
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        let server: boolean | undefined;
        const serverCode = () => (server ??= model.routes.length > 0 || model.handlers().functions.size > 0 || model.dbCalls().length > 0);
        const uploads = [...model.ctx.index.imports.values()].some((i) => i.source === 'multer' || i.source.startsWith('@aws-sdk/client-s3'));
        for (const call of model.ctx.index.calls) {
          const callee = call.callee;
          if (callee.type !== T.MemberExpression || callee.object.type !== T.Identifier || callee.object.name !== 'Math' || callee.property.type !== T.Identifier || callee.property.name !== 'random') continue;
          // if (Math.random() < 0.1) logger.info(…): a coin toss for sampling; a boolean is no token
          const parent = call.parent;
          if (parent?.type === T.BinaryExpression && /^[<>]=?$/.test(parent.operator)) continue;
          const sink = valueSink(call);
          let verdict = judge(sink.name);
          let name = sink.name;
          if (verdict === undefined || (verdict === 'id' && !sink.name)) {
            const byFunction = judge(sink.functionName);
            if (byFunction) {
              verdict = byFunction;
              name = sink.functionName;
            }
          }
          // const code = Math.floor(100000 + Math.random() * 900000): a numeric one-time code by its shape
          if (verdict === undefined && sink.name && words(sink.name).includes('code')) {
            const range = integerRange(call, sink.expression);
            if (range && range.max >= 1000 && /^10*$/.test(String(range.min || 1))) verdict = 'secret';
          }
          // multer's filename callback, S3 object keys: public upload names must not be guessable
          if (verdict === undefined && uploads && /file|key|suffix|name/i.test(`${sink.name ?? ''} ${sink.functionName ?? ''}`)) {
            verdict = 'secret';
            name = sink.name ?? sink.functionName;
          }
          if (verdict === 'benign' || verdict === undefined) continue;
          // An id counts when it looks made to be unique (the base-36/hex string shape, or a named id field) and the
          // file is server code that stores or serves it; a test runner's or a UI's internal ids guard nothing.
          if (verdict === 'id' && !ID_SHAPE.test(sourceCode.getText(sink.expression)) && !sink.name) continue;
          if (verdict === 'id' && !serverCode()) continue;
          const s = suggestion(call, sink.expression, verdict, model.ctx);
          context.report({ node: call, messageId: 'insecureRandom', data: { name: name ?? 'this value', replacement: s.replacement }, suggest: s.fix ? [s.fix] : [] });
        }
      },
    };
  },
});
