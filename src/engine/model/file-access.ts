/**
 * File access: calls that read, write or send a file by path. Node's `fs` (callback, sync and promises forms,
 * fs-extra), Express `res.sendFile`/`res.download`, Fastify's `reply.sendFile`/`reply.download`, the `send`
 * module and `koa-send`. For each: the path argument(s) and whether a `root` option confines the path (Express,
 * send and koa-send reject `..` that climbs out of `root`).
 */
import { T, calleeName, memberPath, property, unwrap, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';

export interface FileAccess {
  call: Call;
  /** `fs.readFile`, `res.sendFile`, `send`… as written. */
  api: string;
  /** The arguments that are paths (two for `rename`/`copyFile`). */
  paths: Node[];
  /** A `root` option confines the path: the library answers 403 to `..`. */
  rooted: boolean;
}

const FS_MODULES = /^(node:)?fs(\/promises)?$|^fs-extra$|^graceful-fs$|^mz\/fs$/;
const FS_ONE_PATH = new Set([
  'readFile', 'readFileSync', 'createReadStream', 'createWriteStream', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync',
  'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'mkdir', 'mkdirSync', 'readdir', 'readdirSync', 'stat', 'statSync',
  'lstat', 'lstatSync', 'access', 'accessSync', 'open', 'openSync', 'exists', 'existsSync', 'truncate', 'truncateSync', 'chmod', 'chmodSync',
  'opendir', 'readlink', 'realpath', 'realpathSync', 'outputFile', 'outputFileSync', 'remove', 'removeSync', 'pathExists', 'readJson', 'readJsonSync',
  'writeJson', 'writeJsonSync', 'outputJson', 'ensureDir', 'ensureFile', 'emptyDir', 'watch', 'watchFile',
]);
const FS_TWO_PATHS = new Set(['rename', 'renameSync', 'copyFile', 'copyFileSync', 'copy', 'copySync', 'move', 'moveSync', 'symlink', 'symlinkSync', 'link', 'linkSync', 'cp', 'cpSync']);
const RESPONSE = /^(res|response|reply|rep|_res|_reply)$/;

const cache = new WeakMap<object, FileAccess[]>();

/** Every file access by path in the file (built once per file). */
export function fileAccesses(ctx: ModelContext): readonly FileAccess[] {
  const cached = cache.get(ctx.index);
  if (cached) return cached;
  const fsNames = new Map<string, string>();
  let sendName: string | undefined;
  let koaSendName: string | undefined;
  for (const [local, ref] of ctx.index.imports) {
    if (FS_MODULES.test(ref.source)) fsNames.set(local, ref.imported);
    if (ref.source === 'send' && ref.imported === 'default') sendName = local;
    if (ref.source === 'koa-send' || ref.source === '@koa/send') koaSendName = local;
  }
  const out: FileAccess[] = [];
  for (const call of ctx.index.calls) {
    const name = calleeName(call);
    if (!name) continue;
    const args = call.arguments as Node[];
    const callee = unwrap(call.callee);
    if (callee.type === T.Identifier) {
      // import { readFile } from 'fs/promises'; send(req, path, { root }); koa-send(ctx, path, { root })
      const imported = fsNames.get(name);
      if (imported && imported !== 'default' && imported !== '*') push(out, call, `fs.${imported}`, imported, args);
      else if (name === sendName || name === koaSendName) out.push({ call, api: name === sendName ? 'send' : 'koa-send', paths: args[1] ? [args[1]] : [], rooted: hasRoot(args[2]) });
      continue;
    }
    const path = memberPath(callee);
    const owner = path[path.length - 2] ?? '';
    // fs.readFile, fs.promises.readFile, fsp.writeFile, fse.outputFile
    if (fsNames.has(path[0]) && (path.length === 2 || (path.length === 3 && path[1] === 'promises'))) {
      push(out, call, path.join('.'), name, args);
      continue;
    }
    if (RESPONSE.test(owner) && path.length === 2) {
      if (name === 'sendFile') {
        // Express sendFile(path, { root }); Fastify reply.sendFile(name, rootPath?) always serves under a root
        const fastifyStyle = /^(reply|rep|_reply)$/.test(owner);
        out.push({ call, api: `${owner}.sendFile`, paths: args[0] ? [args[0]] : [], rooted: fastifyStyle || hasRoot(args[1]) });
      } else if (name === 'download') {
        const fastifyStyle = /^(reply|rep|_reply)$/.test(owner);
        const opts = args.find((a, i) => i > 0 && unwrap(a).type === T.ObjectExpression);
        out.push({ call, api: `${owner}.download`, paths: args[0] ? [args[0]] : [], rooted: fastifyStyle || hasRoot(opts) });
      }
    }
  }
  cache.set(ctx.index, out);
  return out;
}

function push(out: FileAccess[], call: Call, api: string, name: string, args: Node[]): void {
  if (FS_ONE_PATH.has(name) && args[0]) out.push({ call, api, paths: [args[0]], rooted: false });
  else if (FS_TWO_PATHS.has(name)) out.push({ call, api, paths: args.slice(0, 2), rooted: false });
}

function hasRoot(options: Node | undefined): boolean {
  return !!options && !!property(unwrap(options), 'root');
}
