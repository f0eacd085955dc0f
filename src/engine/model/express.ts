/**
 * Express, Koa (@koa/router) and Hono: apps and routers built in this file, their `use` chains,
 * mounts under prefixes, and the routes registered on them, in source order.
 */
import { T, calleeName, enclosingFunction, isFunction, memberPath, staticText, unwrap, type Call, type Node } from './ast';
import { exportNameOf, type ModelContext } from './file-index';
import { handlerFacts, resolveFunction } from './handler';
import { NONE, classifyMiddleware, declaresPublic, merge, type Protection } from './middleware';
import { joinPath, normalisePath, prefixCovers } from './paths';
import type { Framework, Route } from './route';
import type { MountFact } from '../types';

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head']);
const ROUTER_NAME = /^(app|router|server|api|routes?|apiRouter|v\d+)$|(Router|Routes|App|Api)$/;
const NOT_ROUTERS = /^(axios|http|https|client|request|superagent|fetch|got|ky|supertest|agent|redis|cache|map|params|searchParams|headers|res|req|ctx|c|reply|response|store|db|knex|this)$/i;

interface Use {
  pos: number;
  prefix?: string;
  protection: Protection;
}

interface Mount {
  parent: RouterInfo;
  pos: number;
  prefix?: string;
  protection: Protection;
}

interface RouterInfo {
  name: string;
  framework: Framework;
  prefix?: string;
  uses: Use[];
  mounts: Mount[];
  exportName?: string;
  /** A parameter (`module.exports = (app) => { app.post(...) }`): the caller owns it. */
  fromParam: boolean;
  /** Prefixes (not `/`) where `express.static` serves a front end's files: `app.use('/admin', express.static(dir))`. */
  staticPrefixes?: string[];
}

function frameworkOf(ctx: ModelContext, calleeLocal: string | undefined): Framework {
  const source = calleeLocal ? ctx.index.imports.get(calleeLocal)?.source : undefined;
  if (source && /koa/.test(source)) return 'koa';
  if (source && /hono/.test(source)) return 'hono';
  return 'express';
}

/** Recognises `express()`, `express.Router()`, `Router()`, `new Router()`, `new Hono()`, `new Koa()`. */
function routerFromInit(init: Node, ctx: ModelContext): { framework: Framework; prefix?: string } | undefined {
  const n = unwrap(init);
  if (n.type !== T.CallExpression && n.type !== T.NewExpression) return undefined;
  const path = memberPath(n.callee);
  const name = path[path.length - 1];
  const root = path[0];
  if (name === 'express' || (name === 'Router' && (root === 'express' || frameworkOf(ctx, root) === 'express'))) return { framework: 'express' };
  if (name === 'Router' || name === 'KoaRouter') {
    const fw = frameworkOf(ctx, root);
    const opts = n.arguments[0];
    let prefix: string | undefined;
    if (opts?.type === T.ObjectExpression) {
      for (const p of opts.properties) if (p.type === T.Property && p.key.type === T.Identifier && p.key.name === 'prefix') prefix = staticText(p.value);
    }
    return { framework: fw === 'express' && n.type === T.NewExpression ? 'koa' : fw, prefix };
  }
  if (name === 'Koa') return { framework: 'koa' };
  if (name === 'Hono' || name === 'OpenAPIHono') return { framework: 'hono' };
  // new Hono().basePath('/api')
  if (name === 'basePath' && n.type === T.CallExpression) {
    const inner = routerFromInit((n.callee as Node & { object: Node }).object, ctx);
    if (inner) return { ...inner, prefix: staticText(n.arguments[0]) };
  }
  return undefined;
}

function pathArg(node: Node | undefined): string | undefined {
  const text = staticText(node);
  return text === undefined ? undefined : normalisePath(text.replace(/\$\{\}/g, ':param'));
}

export interface ExpressModel {
  routes: Route[];
  mounts: MountFact[];
  /** Middleware written in this file's route chains and `use` calls. */
  used: Node[];
}

export function buildExpressModel(ctx: ModelContext): ExpressModel {
  const routers = new Map<string, RouterInfo>();
  const routes: (Route & { router: RouterInfo; pos: number })[] = [];
  const mountFacts: MountFact[] = [];
  const used: Node[] = [];

  const get = (name: string): RouterInfo | undefined => routers.get(name);
  const declare = (name: string, framework: Framework, fromParam: boolean, prefix?: string, fn?: Node): RouterInfo => {
    let r = routers.get(name);
    if (!r) {
      r = { name, framework, prefix, uses: [], mounts: [], fromParam, exportName: fn ? exportNameOf(ctx.index, undefined, fn) : exportNameOf(ctx.index, name) };
      routers.set(name, r);
    }
    return r;
  };

  // Routers built in this file.
  for (const call of [...ctx.index.calls, ...ctx.index.news]) {
    const parent = call.parent;
    if (parent?.type !== T.VariableDeclarator || parent.id.type !== T.Identifier || parent.init !== call) continue;
    const info = routerFromInit(call, ctx);
    if (info) declare(parent.id.name, info.framework, false, info.prefix);
  }

  /** The router a call is made on, declaring conventional names (`app`, `router`, `usersRouter`) on first use. */
  const receiver = (call: Call): RouterInfo | undefined => {
    const obj = unwrap(call.callee.type === T.MemberExpression ? call.callee.object : call.callee);
    if (obj.type !== T.Identifier) return undefined;
    const known = get(obj.name);
    if (known) return known;
    if (!ROUTER_NAME.test(obj.name) || NOT_ROUTERS.test(obj.name)) return undefined;
    if (ctx.index.imports.has(obj.name) && !/router|app|routes/i.test(ctx.index.imports.get(obj.name)!.source)) return undefined;
    const fn = enclosingFunction(call);
    const isParam = !!fn && fn.params.some((p) => unwrap(p as Node).type === T.Identifier && (unwrap(p as Node) as { name: string }).name === obj.name);
    return declare(obj.name, frameworkOf(ctx, undefined), isParam, undefined, isParam ? fn : undefined);
  };

  for (const call of ctx.index.calls) {
    if (call.callee.type !== T.MemberExpression) continue;
    const method = calleeName(call);
    if (!method) continue;
    const pos = call.range[0];

    // router.route('/x').all(auth).post(handler)
    const chainRoot = routeChainRoot(call, ctx);
    if (chainRoot && method === 'all') continue; // `.all(auth)` in a route chain is middleware for the methods after it
    if (chainRoot && HTTP_METHODS.has(method)) {
      const router = receiver(chainRoot.call);
      if (!router) continue;
      const args = call.arguments as Node[];
      const own = args.slice(0, -1).reduce<Protection>((acc, a) => merge(acc, classifyMiddleware(a, ctx)), chainRoot.protection);
      addRoute(router, method, chainRoot.path, call, args[args.length - 1], own, pos);
      continue;
    }

    const router = receiver(call);
    if (!router) continue;
    const args = call.arguments as Node[];

    if (method === 'use') {
      handleUse(router, args, pos);
      continue;
    }
    // app.all('/api/*', requireAuth, loadUser): middleware for every method under a path, as Express's docs show
    if (method === 'all' && args.length >= 2 && args.some((a) => classifyMiddleware(a, ctx).auth || classifyMiddleware(a, ctx).rateLimit)) {
      const prefix = pathArg(args[0]);
      const chain = args.slice(1).reduce<Protection>((acc, a) => merge(acc, classifyMiddleware(a, ctx)), NONE);
      router.uses.push({ pos, prefix: prefix === '*' || prefix === '/*' ? undefined : prefix?.replace(/\/?\*$/, ''), protection: chain });
      continue;
    }
    if (method === 'route' && router.framework === 'hono' && args.length === 2) {
      // app.route('/users', users)
      const child = unwrap(args[1]);
      if (child.type === T.Identifier) mount(router, child.name, pathArg(args[0]), NONE, pos);
      continue;
    }
    if (!HTTP_METHODS.has(method) || args.length < 2) continue;
    // Koa named routes: router.post('create-order', '/orders', handler)
    let first = 0;
    if (router.framework === 'koa' && args.length >= 3 && staticText(args[0]) !== undefined && staticText(args[1])?.startsWith('/')) first = 1;
    const path = pathArg(args[first]);
    if (path === undefined && unwrap(args[first]).type !== T.Identifier && unwrap(args[first]).type !== T.ArrayExpression) continue;
    const last = args[args.length - 1];
    if (!looksLikeHandler(last)) continue;
    const middle = args.slice(first + 1, -1);
    used.push(...middle);
    const own = middle.reduce<Protection>((acc, a) => merge(acc, classifyMiddleware(a, ctx)), NONE);
    addRoute(router, method, path, call, last, own, pos, middle);
  }

  function addRoute(router: RouterInfo, method: string, path: string | undefined, call: Call, handler: Node, own: Protection, pos: number, chain: readonly Node[] = []): void {
    const facts = handlerFacts(handler, ctx);
    // `bodyParser.raw()` before a handler kept in another file: the raw bytes are wanted to check a signature over them
    const rawBody = !resolveFunction(handler, ctx) && chain.some((a) => isRawBodyParser(a));
    const property = (call.callee as Node & { property: Node }).property;
    routes.push({
      framework: router.framework,
      methods: [method === 'del' ? 'DELETE' : method.toUpperCase()],
      // a path held in a variable (`router.post(path, handler)`, a route registrar) stays unknown under any prefix
      path: path === undefined ? undefined : joinPath(router.prefix, path),
      reportNode: property,
      handler,
      protection: merge(own, facts.protection),
      writes: facts.writes,
      verifiesSignature: facts.verifiesSignature || rawBody,
      // Directus-style chains: `asyncHandler(async (req, res, next) => { …login… })` then a shared `respond`
      signsIn: facts.signsIn || chain.some((a) => resolveFunction(a, ctx) !== undefined && handlerFacts(a, ctx).signsIn),
      declaredPublic: chain.some((a) => declaresPublic(a)),
      router,
      pos,
    });
  }

  function handleUse(router: RouterInfo, args: Node[], pos: number): void {
    let prefix: string | undefined;
    let rest = args;
    const firstText = pathArg(args[0]);
    if (firstText !== undefined) {
      prefix = firstText;
      rest = args.slice(1);
    }
    let chain = NONE;
    for (const arg of rest) {
      const a = unwrap(arg);
      if (prefix && prefix !== '/' && isStaticMiddleware(a)) (router.staticPrefixes ??= []).push(prefix.replace(/\/?\*$/, ''));
      const mountedName = mountedRouterName(a);
      if (mountedName && (get(mountedName) || ctx.index.imports.has(mountedName))) {
        const known = get(mountedName);
        if (known && known !== router) {
          mount(router, mountedName, prefix, chain, pos);
          continue;
        }
        const protection = classifyMiddleware(a, ctx);
        if (!protection.auth && !protection.rateLimit) {
          recordMountFact(router, mountedName, prefix, chain, pos);
          continue;
        }
      }
      // app.use('/account', accountApp.handlers) with `import * as accountApp from './app-account.js'`
      const member = namespaceMember(a, ctx);
      if (member) {
        mountFacts.push({ source: member.source, imported: member.imported, prefix, parentExport: parentExportOf(router), ...inherited(router, prefix, chain, pos) });
        continue;
      }
      const inlineRequire = requireCall(a);
      if (inlineRequire) {
        mountFacts.push({ source: inlineRequire, imported: 'default', prefix, parentExport: parentExportOf(router), ...inherited(router, prefix, chain, pos) });
        continue;
      }
      chain = merge(chain, classifyMiddleware(a, ctx));
      used.push(a);
    }
    if (chain.auth || chain.rateLimit) router.uses.push({ pos, prefix, protection: chain });
  }

  function mount(parent: RouterInfo, childName: string, prefix: string | undefined, protection: Protection, pos: number): void {
    const child = get(childName);
    if (child) child.mounts.push({ parent, pos, prefix, protection });
    else recordMountFact(parent, childName, prefix, protection, pos);
  }

  function recordMountFact(parent: RouterInfo, childName: string, prefix: string | undefined, chain: Protection, pos: number): void {
    const ref = ctx.index.imports.get(childName);
    if (!ref) return;
    mountFacts.push({ source: ref.source, imported: ref.imported, prefix, parentExport: parentExportOf(parent), ...inherited(parent, prefix, chain, pos) });
  }

  function parentExportOf(router: RouterInfo): string | undefined {
    return router.mounts.length === 0 ? router.exportName : undefined;
  }

  /** Everything that runs before a router mounted at `pos` under `prefix` on `parent`. */
  function inherited(parent: RouterInfo, prefix: string | undefined, chain: Protection, pos: number): Protection {
    let p = chain;
    for (const u of parent.uses) if (u.pos < pos && prefixCovers(u.prefix, prefix ?? '/')) p = merge(p, u.protection);
    const up = mountsProtection(parent, new Set());
    return merge(p, up ?? NONE);
  }

  /** Protection every in-file mount of a router gives; undefined when it is not mounted in this file. */
  function mountsProtection(router: RouterInfo, seen: Set<RouterInfo>): Protection | undefined {
    if (router.mounts.length === 0 || seen.has(router)) return undefined;
    seen.add(router);
    let all: Protection | undefined;
    for (const m of router.mounts) {
      const p = merge(inherited(m.parent, m.prefix, m.protection, m.pos), NONE);
      all = all ? { auth: all.auth && p.auth, rateLimit: all.rateLimit && p.rateLimit } : p;
    }
    return all;
  }

  // Calls that hand an app to an imported route module: require('./routes')(app), registerRoutes(app).
  for (const call of ctx.index.calls) {
    const callee = unwrap(call.callee);
    const source = callee.type === T.Identifier ? ctx.index.imports.get(callee.name) : requireRef(callee);
    if (!source || !source.source.startsWith('.')) continue;
    const arg = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    if (arg?.type !== T.Identifier) continue;
    const router = get(arg.name);
    if (!router) continue;
    mountFacts.push({ source: source.source, imported: source.imported, parentExport: parentExportOf(router), ...inherited(router, undefined, NONE, call.range[0]) });
  }

  const result: Route[] = routes.map((r) => {
    const { router, pos, ...route } = r;
    let protection = route.protection;
    for (const u of router.uses) if (u.pos < pos && prefixCovers(u.prefix, route.path)) protection = merge(protection, u.protection);
    const fromMounts = mountsProtection(router, new Set());
    if (fromMounts) protection = merge(protection, fromMounts);
    const prefix = router.mounts.length === 1 ? router.mounts[0].prefix : undefined;
    // GET /admin (or /admin/*) beside app.use('/admin', express.static(dist)): the front end's page, as public as its files
    const frontEnd = route.methods.every((m) => m === 'GET' || m === 'HEAD') && !!router.staticPrefixes?.some((p) => route.path !== undefined && route.path.replace(/\/(\*\*?|:\w+\*)$/, '') === p);
    return {
      ...route,
      declaredPublic: route.declaredPublic || frontEnd,
      path: prefix && route.path !== undefined ? joinPath(prefix, route.path) : route.path,
      protection,
      exportName: router.exportName,
      mountedHere: router.mounts.length > 0,
    };
  });
  return { routes: result, mounts: mountFacts, used };
}

function routeChainRoot(call: Call, ctx: ModelContext): { call: Call; path?: string; protection: Protection } | undefined {
  let obj = call.callee.type === T.MemberExpression ? unwrap(call.callee.object) : undefined;
  let protection = NONE;
  while (obj && obj.type === T.CallExpression && obj.callee.type === T.MemberExpression) {
    const name = calleeName(obj);
    if (name === 'route') return { call: obj, path: pathArg(obj.arguments[0]), protection };
    if (name === 'all') for (const a of obj.arguments) protection = merge(protection, classifyMiddleware(a, ctx));
    obj = unwrap(obj.callee.object);
  }
  return undefined;
}

function mountedRouterName(node: Node): string | undefined {
  if (node.type === T.Identifier) return node.name;
  // app.use(router.routes())
  if (node.type === T.CallExpression && calleeName(node) === 'routes' && node.callee.type === T.MemberExpression) {
    const o = unwrap(node.callee.object);
    if (o.type === T.Identifier) return o.name;
  }
  return undefined;
}

/** `routes.users` where `routes` is a namespace import or a `require`d module: the module's export `users`. */
function namespaceMember(node: Node, ctx: ModelContext): { source: string; imported: string } | undefined {
  if (node.type !== T.MemberExpression || node.computed || node.property.type !== T.Identifier) return undefined;
  const obj = unwrap(node.object);
  const ref = obj.type === T.Identifier ? ctx.index.imports.get(obj.name) : undefined;
  if (!ref || !ref.source.startsWith('.') || (ref.imported !== '*' && ref.imported !== 'default')) return undefined;
  return { source: ref.source, imported: node.property.name };
}

function requireCall(node: Node): string | undefined {
  if (node.type === T.CallExpression && node.callee.type === T.Identifier && node.callee.name === 'require') {
    const s = staticText(node.arguments[0]);
    return s?.startsWith('.') ? s : undefined;
  }
  return undefined;
}

function requireRef(node: Node): { source: string; imported: string } | undefined {
  const s = requireCall(node);
  return s ? { source: s, imported: 'default' } : undefined;
}

function looksLikeHandler(node: Node): boolean {
  const n = unwrap(node);
  return isFunction(n) || n.type === T.Identifier || n.type === T.MemberExpression || n.type === T.CallExpression || n.type === T.ArrayExpression;
}

/** `express.raw({ type: 'application/json' })`, `bodyParser.raw()`: the body kept as bytes, as signature checks need. */
function isRawBodyParser(expr: Node): boolean {
  const n = unwrap(expr);
  return n.type === T.CallExpression && calleeName(n) === 'raw' && /^(express|bodyParser|body-parser|parser)$/i.test(memberPath(n.callee)[0] ?? '');
}

/** `express.static(dir)`, `serveStatic(dir)`: files served as they are on disk. */
function isStaticMiddleware(n: Node): boolean {
  if (n.type !== T.CallExpression) return false;
  const path = memberPath(n.callee).join('.');
  return path === 'express.static' || path === 'serveStatic' || path === 'koaStatic';
}
