/**
 * Calls that block the event loop: synchronous file system, compression and child-process calls, and CPU-heavy
 * synchronous crypto (key derivation, password hashing, key-pair generation). Cheap ones (`existsSync`,
 * `randomBytes`, `genSaltSync`) are left out: they are measured in microseconds.
 */
import { T, unwrap, type Call } from './ast';
import type { ModelContext } from './file-index';

export type BlockingModule = 'fs' | 'crypto' | 'bcrypt' | 'zlib' | 'child_process';

export interface BlockingCall {
  call: Call;
  module: BlockingModule;
  /** The synchronous function called: `readFileSync`, `hashSync`. */
  name: string;
  /** How the module is reached: `member` for `fs.readFileSync`, `named` for an imported `readFileSync`, `require` for `require('fs').x`. */
  via: 'member' | 'named' | 'require';
}

const MODULES: Record<string, BlockingModule> = {
  fs: 'fs',
  'node:fs': 'fs',
  'fs-extra': 'fs',
  'graceful-fs': 'fs',
  crypto: 'crypto',
  'node:crypto': 'crypto',
  bcrypt: 'bcrypt',
  bcryptjs: 'bcrypt',
  'bcrypt-nodejs': 'bcrypt',
  zlib: 'zlib',
  'node:zlib': 'zlib',
  child_process: 'child_process',
  'node:child_process': 'child_process',
};

/** Synchronous calls that matter, per module (fs: every `*Sync` but `existsSync`). */
const BLOCKING: Record<BlockingModule, (name: string) => boolean> = {
  fs: (n) => n.endsWith('Sync') && n !== 'existsSync',
  crypto: (n) => /^(pbkdf2Sync|scryptSync|generateKeyPairSync|generateKeySync|generatePrimeSync|checkPrimeSync)$/.test(n),
  bcrypt: (n) => n === 'hashSync' || n === 'compareSync',
  zlib: (n) => /^(gzip|gunzip|deflate|inflate|deflateRaw|inflateRaw|unzip|brotliCompress|brotliDecompress|zstdCompress|zstdDecompress)Sync$/.test(n),
  child_process: (n) => n === 'execSync' || n === 'execFileSync' || n === 'spawnSync',
};

/** What `fs.promises` offers for an fs `*Sync` call, so a fix can switch to it. */
export const FS_PROMISES = new Set([
  'access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'lchown', 'link', 'lstat', 'lutimes', 'mkdir', 'mkdtemp', 'open', 'opendir', 'readdir',
  'readFile', 'readlink', 'realpath', 'rename', 'rm', 'rmdir', 'stat', 'statfs', 'symlink', 'truncate', 'unlink', 'utimes', 'writeFile',
]);

function moduleOfRequire(node: ReturnType<typeof unwrap>): BlockingModule | undefined {
  if (node.type !== T.CallExpression || node.callee.type !== T.Identifier || node.callee.name !== 'require') return undefined;
  const arg = node.arguments[0];
  return arg?.type === T.Literal && typeof arg.value === 'string' ? MODULES[arg.value] : undefined;
}

/** The blocking call this is (`fs.readFileSync(p)`, `readFileSync(p)` imported from fs, `bcrypt.hashSync(pw, 12)`), or undefined. */
export function blockingCall(call: Call, ctx: ModelContext): BlockingCall | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) {
    if (!callee.name.endsWith('Sync')) return undefined;
    const ref = ctx.index.imports.get(callee.name);
    const module = ref ? MODULES[ref.source] : undefined;
    return module && BLOCKING[module](ref!.imported) ? { call, module, name: ref!.imported, via: 'named' } : undefined;
  }
  if (callee.type !== T.MemberExpression || callee.computed || callee.property.type !== T.Identifier) return undefined;
  const name = callee.property.name;
  if (!name.endsWith('Sync')) return undefined;
  const object = unwrap(callee.object);
  if (object.type === T.Identifier) {
    const ref = ctx.index.imports.get(object.name);
    const module = ref && (ref.imported === 'default' || ref.imported === '*') ? MODULES[ref.source] : undefined;
    return module && BLOCKING[module](name) ? { call, module, name, via: 'member' } : undefined;
  }
  const module = moduleOfRequire(object);
  return module && BLOCKING[module](name) ? { call, module, name, via: 'require' } : undefined;
}

/** Every blocking call in the file (cheap: a suffix test on each callee before any lookup). */
export function blockingCalls(ctx: ModelContext): BlockingCall[] {
  const out: BlockingCall[] = [];
  for (const call of ctx.index.calls) {
    const found = blockingCall(call, ctx);
    if (found) out.push(found);
  }
  return out;
}
