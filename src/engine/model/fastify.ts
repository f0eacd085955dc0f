/**
 * Fastify: root instances, plugin functions (encapsulated scopes), hooks, per-route options,
 * `@fastify/rate-limit` and `register(plugin, { prefix })` mounts.
 */
import { T, calleeName, isFunction, memberPath, property, staticText, unwrap, type Call, type FunctionNode, type Node } from './ast';
import { exportNameOf, type ModelContext } from './file-index';
import { handlerFacts } from './handler';
import { NONE, classifyMiddleware, merge, type Protection } from './middleware';
import { joinPath, normalisePath } from './paths';
import type { Route } from './route';
import type { MountFact } from '../types';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'options', 'head']);
const HOOKS = new Set(['onRequest', 'preHandler', 'preValidation', 'preParsing']);
const INSTANCE_PARAM = /^(fastify|app|server|instance|f|api|router|scope)$/;

interface Scope {
  instance: string;
  fn?: FunctionNode;
  parent?: Scope;
  prefix?: string;
  hooks: Protection;
  exportName?: string;
}

function paramName(fn: FunctionNode): string | undefined {
  const p = fn.params[0] ? unwrap(fn.params[0] as Node) : undefined;
  return p?.type === T.Identifier ? p.name : undefined;
}

function typedAsFastify(fn: FunctionNode): boolean {
  const p = fn.params[0];
  return !!p && p.type === T.Identifier && !!p.typeAnnotation && /Fastify/.test(JSON.stringify(memberPath((p.typeAnnotation.typeAnnotation as { typeName?: Node }).typeName ?? p)));
}

export function buildFastifyModel(ctx: ModelContext): { routes: Route[]; mounts: MountFact[] } {
  const importsFastify = [...ctx.index.imports.values()].some((i) => i.source === 'fastify' || i.source.startsWith('@fastify/') || i.source === 'fastify-plugin');
  const roots: Scope[] = [];
  const plugins = new Map<FunctionNode, Scope>();

  for (const call of ctx.index.calls) {
    const name = calleeName(call);
    const parent = call.parent;
    if (name && /^fastify$/i.test(name) && call.callee.type === T.Identifier && parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) {
      roots.push({ instance: parent.id.name, hooks: NONE });
    }
  }
  if (roots.length === 0 && !importsFastify) return { routes: [], mounts: [] };

  // Exported plugin functions: export default async function (fastify) {...}, module.exports = fp(async (app) => ...)
  for (const [fn, exportName] of ctx.index.exportedFunctions) {
    if (!isFunction(fn)) continue;
    const instance = paramName(fn);
    if (instance && (INSTANCE_PARAM.test(instance) || typedAsFastify(fn))) plugins.set(fn, { instance, fn, hooks: NONE, exportName });
  }
  for (const call of ctx.index.calls) {
    if (calleeName(call) !== 'register' || call.callee.type !== T.MemberExpression) continue;
    const fn = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    if (!fn || !isFunction(fn)) continue;
    const instance = paramName(fn);
    if (!instance) continue;
    const prefix = staticText(property(call.arguments[1] as Node, 'prefix')?.value);
    plugins.set(fn, { instance, fn, hooks: NONE, prefix });
  }
  // Any other function that takes an instance: `const routes: FastifyPluginAsync = async (fastify) => {...}`.
  for (const fn of ctx.index.functions) {
    if (plugins.has(fn)) continue;
    const instance = paramName(fn);
    if (instance && (typedAsFastify(fn) || INSTANCE_PARAM.test(instance))) plugins.set(fn, { instance, fn, hooks: NONE, exportName: exportNameOf(ctx.index, undefined, fn) });
  }

  /** The scope a call runs in: the innermost plugin function whose instance it uses, or a root. */
  const scopeOf = (call: Call, instance: string): Scope | undefined => {
    let n: Node | undefined = call.parent;
    while (n) {
      if (isFunction(n) && plugins.has(n) && plugins.get(n)!.instance === instance) return plugins.get(n);
      n = n.parent;
    }
    return roots.find((r) => r.instance === instance);
  };
  // Parents of inline plugins: the scope of their register call.
  for (const call of ctx.index.calls) {
    if (calleeName(call) !== 'register' || call.callee.type !== T.MemberExpression) continue;
    const fn = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    const obj = unwrap(call.callee.object);
    if (!fn || !isFunction(fn) || obj.type !== T.Identifier) continue;
    const scope = plugins.get(fn);
    if (scope) scope.parent = scopeOf(call, obj.name);
  }

  const chainHooks = (s: Scope | undefined): Protection => {
    let p = NONE;
    for (let x = s; x; x = x.parent) p = merge(p, x.hooks);
    return p;
  };
  const chainPrefix = (s: Scope | undefined): string | undefined => {
    const parts: string[] = [];
    for (let x = s; x; x = x.parent) if (x.prefix) parts.unshift(x.prefix);
    return parts.length ? parts.reduce((a, b) => joinPath(a, b)!) : undefined;
  };

  const pending: { scope: Scope; route: Omit<Route, 'protection'> & { own: Protection } }[] = [];
  const mountCalls: { scope: Scope; source: string; imported: string; prefix?: string }[] = [];

  for (const call of ctx.index.calls) {
    if (call.callee.type !== T.MemberExpression) continue;
    const obj = unwrap(call.callee.object);
    if (obj.type !== T.Identifier) continue;
    const scope = scopeOf(call, obj.name);
    if (!scope) continue;
    const method = calleeName(call)!;
    const args = call.arguments as Node[];

    if (method === 'addHook' && HOOKS.has(staticText(args[0]) ?? '') && args[1]) {
      scope.hooks = merge(scope.hooks, classifyMiddleware(args[1], ctx));
    } else if (method === 'register' && args[0]) {
      const plugin = unwrap(args[0]);
      const ref = plugin.type === T.Identifier ? ctx.index.imports.get(plugin.name) : undefined;
      if (ref && /rate-?limit/.test(ref.source)) {
        const global = property(args[1], 'global')?.value;
        if (!(global?.type === T.Literal && global.value === false)) scope.hooks = merge(scope.hooks, { auth: false, rateLimit: true });
      } else if (ref && ref.source.startsWith('.')) {
        mountCalls.push({ scope, source: ref.source, imported: ref.imported, prefix: staticText(property(args[1], 'prefix')?.value) });
      }
    } else if (method === 'route' && args[0]?.type === T.ObjectExpression) {
      const opts = args[0];
      const m = property(opts, 'method')?.value;
      const methods = m?.type === T.ArrayExpression ? m.elements.map((e) => staticText(e as Node) ?? '') : [staticText(m) ?? 'ALL'];
      pending.push({ scope, route: routeFrom(ctx, methods, staticText(property(opts, 'url')?.value ?? property(opts, 'path')?.value), call, opts, property(opts, 'handler')?.value) });
    } else if (METHODS.has(method) && args.length >= 2) {
      const path = staticText(args[0]);
      if (path === undefined) continue;
      // fastify.post(path, handler) | fastify.post(path, opts, handler) | fastify.post(path, { ...opts, handler })
      const second = unwrap(args[1]);
      const opts = args.length >= 3 || second.type === T.ObjectExpression ? second : undefined;
      const handler = args.length >= 3 ? args[2] : opts ? (property(opts, 'handler')?.value as Node | undefined) : args[1];
      pending.push({ scope, route: routeFrom(ctx, [method], path, call, opts, handler) });
    }
  }

  const routes: Route[] = pending.map(({ scope, route }) => {
    const { own, ...rest } = route;
    return { ...rest, path: joinPath(chainPrefix(scope), rest.path), protection: merge(own, chainHooks(scope)), exportName: topExport(scope) };
  });
  const mounts: MountFact[] = mountCalls.map((m) => ({ source: m.source, imported: m.imported, prefix: m.prefix, parentExport: topExport(m.scope), ...chainHooks(m.scope) }));
  return { routes, mounts };
}

function topExport(scope: Scope): string | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.exportName) return s.exportName;
  return undefined;
}

function routeFrom(ctx: ModelContext, methods: string[], path: string | undefined, call: Call, opts: Node | undefined, handler: Node | undefined): Omit<Route, 'protection'> & { own: Protection } {
  let own = NONE;
  for (const hook of ['preHandler', 'onRequest', 'preValidation', 'beforeHandler']) {
    const v = property(opts, hook)?.value;
    if (v) own = merge(own, classifyMiddleware(v as Node, ctx));
  }
  const config = property(opts, 'config')?.value;
  const rl = property(config as Node, 'rateLimit')?.value;
  if (rl && !(rl.type === T.Literal && rl.value === false)) own = merge(own, { auth: false, rateLimit: true });
  const facts = handlerFacts(handler, ctx);
  return {
    framework: 'fastify',
    methods: methods.map((m) => m.toUpperCase()),
    path: path === undefined ? undefined : normalisePath(path),
    reportNode: (call.callee as Node & { property: Node }).property,
    handler,
    own: merge(own, facts.protection),
    writes: facts.writes,
    verifiesSignature: facts.verifiesSignature,
    signsIn: facts.signsIn,
  };
}
