/**
 * Calls into crypto libraries, by what they do rather than how they were imported: Node's `crypto`
 * (`crypto.createHash`, `import { createCipheriv } from 'node:crypto'`, `require('crypto').pbkdf2Sync`),
 * bcrypt/bcryptjs, and the one-call hash packages (`md5`, `crypto-js`). The password-hash and cipher rules read this.
 */
import { T, memberPath, unwrap, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';

export type CryptoLibrary = 'node' | 'bcrypt' | 'crypto-js' | 'hash-package';

export interface CryptoCall {
  call: Call;
  library: CryptoLibrary;
  /** The function: `createHash`, `pbkdf2Sync`, `hash`, `genSalt`, `MD5`, `AES.encrypt`… */
  fn: string;
}

const NODE_CRYPTO = new Set(['crypto', 'node:crypto']);
const NODE_FNS = new Set(['createHash', 'createHmac', 'createCipher', 'createDecipher', 'createCipheriv', 'createDecipheriv', 'pbkdf2', 'pbkdf2Sync', 'scrypt', 'scryptSync', 'hash']);
const BCRYPT = new Set(['bcrypt', 'bcryptjs', 'bcrypt-nodejs', 'bcrypt-ts']);
const BCRYPT_FNS = new Set(['hash', 'hashSync', 'genSalt', 'genSaltSync']);
/** Packages whose default export hashes its argument in one call: `md5(password)`. Value: the algorithm. */
const HASH_PACKAGES: Record<string, string> = {
  md5: 'md5',
  'blueimp-md5': 'md5',
  'js-md5': 'md5',
  sha1: 'sha1',
  'js-sha1': 'sha1',
  'js-sha256': 'sha256',
  'js-sha512': 'sha512',
  'crypto-js/md5': 'md5',
  'crypto-js/sha1': 'sha1',
  'crypto-js/sha256': 'sha256',
  'crypto-js/sha512': 'sha512',
};
/** crypto-js functions: `CryptoJS.MD5(x)`, `CryptoJS.DES.encrypt(x, k)`. */
const CRYPTO_JS_HASH = /^(MD5|SHA1|SHA256|SHA224|SHA512|SHA384|SHA3|RIPEMD160)$/;

function moduleOf(ctx: ModelContext, local: string): string | undefined {
  return ctx.index.imports.get(local)?.source;
}

/** The crypto call a CallExpression is, or undefined. Cheap: a name check comes before any import lookup. */
export function cryptoCall(call: Call, ctx: ModelContext): CryptoCall | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) {
    const ref = ctx.index.imports.get(callee.name);
    if (!ref) return undefined;
    if (NODE_CRYPTO.has(ref.source) && NODE_FNS.has(ref.imported)) return { call, library: 'node', fn: ref.imported };
    if (BCRYPT.has(ref.source) && BCRYPT_FNS.has(ref.imported)) return { call, library: 'bcrypt', fn: ref.imported };
    const algo = HASH_PACKAGES[ref.source];
    if (algo && (ref.imported === 'default' || ref.imported === algo || ref.imported === algo.toUpperCase())) return { call, library: 'hash-package', fn: algo };
    if (ref.source === 'js-sha256' && ref.imported === 'sha256') return { call, library: 'hash-package', fn: 'sha256' };
    return undefined;
  }
  if (callee.type !== T.MemberExpression) return undefined;
  const path = memberPath(callee);
  const fn = path[path.length - 1];
  const root = path[0];
  if (NODE_FNS.has(fn) && path.length === 2) {
    const source = moduleOf(ctx, root);
    // crypto.createHash(…) with `crypto` imported, required, or the CommonJS habit of a global-looking `crypto`
    const nodeCrypto = (source && NODE_CRYPTO.has(source)) || (!source && /^(crypto|nodeCrypto)$/.test(root)) || root === 'require()';
    if (nodeCrypto && (fn !== 'hash' || (source && NODE_CRYPTO.has(source)))) return { call, library: 'node', fn };
  }
  if (BCRYPT_FNS.has(fn) && path.length === 2) {
    const source = moduleOf(ctx, root);
    if ((source && BCRYPT.has(source)) || (!source && /^(bcrypt|bcryptjs|bcryptjs_1|bcrypt_1)$/.test(root))) return { call, library: 'bcrypt', fn };
    return undefined;
  }
  const source = moduleOf(ctx, root);
  if (source === 'crypto-js' || (source === undefined && root === 'CryptoJS')) {
    // CryptoJS.MD5(x), CryptoJS.DES.encrypt(x, key), CryptoJS.AES.encrypt(x, key, { mode: CryptoJS.mode.ECB })
    if (path.length === 2 && CRYPTO_JS_HASH.test(fn)) return { call, library: 'crypto-js', fn };
    if (path.length === 3 && /^(encrypt|decrypt)$/.test(fn)) return { call, library: 'crypto-js', fn: `${path[1]}.${fn}` };
  }
  return undefined;
}

/** Every crypto call of the file, in source order (built once per file). */
const cache = new WeakMap<object, CryptoCall[]>();
const CANDIDATE = /^(createHash|createHmac|createCipher|createDecipher|createCipheriv|createDecipheriv|pbkdf2|pbkdf2Sync|scrypt|scryptSync|hash|hashSync|genSalt|genSaltSync|encrypt|decrypt|MD5|SHA\w*|RIPEMD160)$/;
export function cryptoCalls(ctx: ModelContext): readonly CryptoCall[] {
  const cached = cache.get(ctx.index);
  if (cached) return cached;
  const out: CryptoCall[] = [];
  const hashImports = [...ctx.index.imports.entries()].filter(([, r]) => HASH_PACKAGES[r.source] !== undefined || NODE_CRYPTO.has(r.source) || BCRYPT.has(r.source)).map(([l]) => l);
  const localNames = new Set(hashImports);
  for (const call of ctx.index.calls) {
    const c = unwrap(call.callee);
    const name = c.type === T.Identifier ? c.name : c.type === T.MemberExpression && c.property.type === T.Identifier ? c.property.name : undefined;
    if (!name || (!CANDIDATE.test(name) && !localNames.has(name))) continue;
    const found = cryptoCall(call, ctx);
    if (found) out.push(found);
  }
  cache.set(ctx.index, out);
  return out;
}

/** The algorithm named by a string argument (`'sha256'`, `'aes-128-ecb'`), lower-cased, or undefined. */
export function algorithmArg(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === T.Literal && typeof n.value === 'string') return n.value.toLowerCase();
  if (n.type === T.TemplateLiteral && n.expressions.length === 0) return (n.quasis[0].value.cooked ?? '').toLowerCase();
  return undefined;
}

/** Ciphers that must not protect data any more: DES, 3DES, RC2, RC4, Blowfish, CAST, IDEA, SEED, and any ECB mode. */
export function weakCipherReason(algorithm: string): string | undefined {
  const a = algorithm.toLowerCase();
  if (/(^|-)ecb$/.test(a) || /-ecb-/.test(a)) return 'ECB mode, which encrypts equal blocks to equal ciphertext and leaks patterns';
  if (/^des(3|-ede3?|-|$)/.test(a) || a === 'des3' || /^tripledes$/.test(a)) return /ede|3/.test(a) ? 'Triple DES, whose 64-bit blocks are broken by Sweet32' : 'DES, whose 56-bit key is brute-forced in hours';
  if (/^rc4/.test(a)) return 'RC4, a broken stream cipher';
  if (/^rc2/.test(a)) return 'RC2, a broken cipher';
  if (/^(bf|blowfish)(-|$)/.test(a)) return 'Blowfish, whose 64-bit blocks are broken by Sweet32';
  if (/^(cast5?|idea|seed)(-|$)/.test(a)) return `${a.split('-')[0].toUpperCase()}, a legacy 64-bit-block cipher`;
  return undefined;
}
