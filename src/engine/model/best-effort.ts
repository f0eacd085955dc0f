/**
 * Work whose failure has nowhere useful to go. Tear-down (`reader.cancel()`, `socket.destroy()`, a module's
 * `onApplicationShutdown()`), clean-up of scratch files (`fs.rm(tmp)`, `fs.mkdir(dir, { recursive: true })`),
 * and product telemetry (`telemetry.send('didStart')`) are best effort: the caller is already failing or leaving,
 * or the work is a side channel that must never break the main path. And a `try` that only parses a value
 * (`JSON.parse(raw)`, `decodeURIComponent(seg)`, `new URL(s)`) can only fail one way, "not valid": its error says
 * nothing the input does not.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { T, calleeName, memberPath, unwrap, walk, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';

/** Releasing or stopping something: what a failure path or a shutdown does. */
const TEARDOWN = /^(cancel|close|end|destroy|abort|disconnect|quit|terminate|shutdown|release|unsubscribe|kill|dispose|unref|cleanup|teardown|(on)?\w*(Shutdown|Teardown|Cleanup))$/;
/** File-system calls that remove scratch files or make sure a folder exists. */
const FS_CLEANUP = /^(rm|rmdir|unlink|remove|rimraf|mkdir|mkdirp|ensureDir|emptyDir)(Sync)?$/;
const FS_MODULE = /^(node:)?(fs|fs\/promises|fs-extra|graceful-fs|rimraf|mkdirp)$/;
/** A product-analytics or metrics client: its events are a side channel. */
const TELEMETRY = /^(telemetry|analytics|tracker|tracking|metrics|statsd|posthog|mixpanel|amplitude|segment|usage)$/i;
/** Calls that only turn a value into another: parsing, decoding, reading fields, pure string operations. */
const PARSE_CALL = /^(parse\w*|\w+Parse|decode\w*|atob|btoa|get|toString|trim|slice|split|from|String|Number|BigInt|Boolean|indexOf|lastIndexOf|includes|startsWith|endsWith|replace|replaceAll|substring|toLowerCase|toUpperCase|match|charAt|padStart|padEnd)$/;
const PARSE_NEW = /^(URL|URLSearchParams|Date|RegExp)$/;

/** The function a call invokes, seen through `fn.bind(self)()` and `fn.call(self)`. */
function invoked(call: Call): Node {
  const callee = unwrap(call.callee);
  if (callee.type === T.CallExpression && calleeName(callee) === 'bind' && callee.callee.type === T.MemberExpression) return callee.callee.object;
  if (callee.type === T.MemberExpression && callee.property.type === T.Identifier && /^(call|apply)$/.test(callee.property.name)) return callee.object;
  return callee;
}

function fsRoot(path: readonly string[], ctx: ModelContext): boolean {
  const root = path[0];
  if (!root) return false;
  if (/^(fs|fsp|fse|fsExtra|fsPromises)$/.test(root)) return true;
  const source = ctx.index.imports.get(root)?.source;
  return !!source && FS_MODULE.test(source);
}

/** Tear-down, scratch-file clean-up or a telemetry event: a call whose failure is fine to drop. */
export function isBestEffortCall(call: Call, ctx: ModelContext): boolean {
  const fn = invoked(call);
  const path = memberPath(fn);
  const name = path[path.length - 1] ?? '';
  if (TEARDOWN.test(name)) return true;
  if (FS_CLEANUP.test(name) && fsRoot(path, ctx)) return true;
  return path.slice(0, -1).some((s) => TELEMETRY.test(s));
}

/** A call on a telemetry client (`this.telemetry.send('didNotOpenTab')`): reporting the failure is handling it. */
export function isTelemetryCall(call: Call): boolean {
  const path = memberPath(call.callee);
  return path.slice(0, -1).some((s) => TELEMETRY.test(s));
}

/** Every statement of the block is a best-effort call (awaited or not): `try { await fs.rm(tmp) } catch {}`. */
export function onlyBestEffort(block: TSESTree.BlockStatement, ctx: ModelContext): boolean {
  if (block.body.length === 0) return false;
  return block.body.every((st) => {
    if (st.type !== T.ExpressionStatement) return false;
    let e = unwrap(st.expression);
    if (e.type === T.AwaitExpression) e = unwrap(e.argument);
    return e.type === T.CallExpression && isBestEffortCall(e, ctx);
  });
}

/** The called name, through Rollup's interop: `parseGitUrl__default.default(url)` calls `parseGitUrl`. */
function interopName(call: Call): string | undefined {
  const name = calleeName(call);
  const c = unwrap(call.callee);
  if (name === 'default' && c.type === T.MemberExpression && c.object.type === T.Identifier && c.object.name.endsWith('__default')) return c.object.name.slice(0, -'__default'.length);
  return name;
}

/**
 * The block only parses or decodes values and stores them: `msg = Schema.parse(JSON.parse(raw))`,
 * `name = decodeURIComponent(seg)`. Nothing else runs, so the only failure is malformed input.
 */
export function isParseOnly(block: TSESTree.BlockStatement): boolean {
  let calls = 0;
  let ok = true;
  walk(block, (n) => {
    if (!ok) return false;
    switch (n.type) {
      case T.AwaitExpression:
      case T.ForStatement:
      case T.ForOfStatement:
      case T.ForInStatement:
      case T.WhileStatement:
        ok = false;
        return false;
      case T.CallExpression: {
        const name = interopName(n) ?? '';
        if (!PARSE_CALL.test(name)) ok = false;
        else if (/parse|decode|^BigInt$/i.test(name)) calls++;
        return undefined;
      }
      case T.NewExpression:
        if (!PARSE_NEW.test(calleeName(n) ?? '')) ok = false;
        else calls++;
        return undefined;
      default:
        return undefined;
    }
  });
  return ok && calls > 0;
}
