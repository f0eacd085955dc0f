/**
 * Next.js: App Router handlers (`app/**\/route.ts` exporting POST…), Pages API routes (`pages/api/**`),
 * and `middleware.ts`, which can authenticate every path its matcher covers.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { T, memberPath, property, staticText, unwrap, walk, type Node } from './ast';
import type { ModelContext } from './file-index';
import { handlerFacts, resolveFunction } from './handler';
import { inspectBody, merge, NONE, type Protection } from './middleware';
import { normalisePath } from './paths';
import type { Route } from './route';

const APP_ROUTE = /(?:^|\/)app\/((?:.*\/)?)route\.[cm]?[jt]sx?$/;
const PAGES_API = /(?:^|\/)pages\/(api\/.*)\.[cm]?[jt]sx?$/;
const MIDDLEWARE = /(?:^|\/)(?:src\/)?middleware\.[cm]?[jt]s$/;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

function appPath(dir: string): string {
  const segs = dir
    .split('/')
    .filter(Boolean)
    .filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith('@'));
  return normalisePath('/' + segs.join('/'));
}

export function buildNextModel(ctx: ModelContext): Route[] {
  const file = ctx.fileName.replace(/\\/g, '/');
  const app = APP_ROUTE.exec(file);
  if (app) return appRoutes(ctx, appPath(app[1]));
  const pages = PAGES_API.exec(file);
  if (pages) return pagesRoutes(ctx, normalisePath('/' + pages[1].replace(/\/index$/, '')));
  return [];
}

function appRoutes(ctx: ModelContext, path: string): Route[] {
  const routes: Route[] = [];
  const add = (name: string, value: Node | undefined, reportNode: Node): void => {
    if (!METHODS.has(name)) return;
    const facts = handlerFacts(value, ctx);
    routes.push({
      framework: 'next',
      methods: [name],
      path,
      reportNode,
      handler: value,
      protection: facts.protection,
      writes: facts.writes,
      verifiesSignature: facts.verifiesSignature,
      signsIn: facts.signsIn,
      exportName: 'next',
    });
  };
  for (const stmt of ctx.index.program.body) {
    if (stmt.type !== T.ExportNamedDeclaration) continue;
    const d = stmt.declaration;
    if (d?.type === T.FunctionDeclaration && d.id) add(d.id.name, d, stmt);
    else if (d?.type === T.VariableDeclaration) {
      for (const v of d.declarations) if (v.id.type === T.Identifier && v.init) add(v.id.name, v.init, stmt);
    }
    for (const s of stmt.specifiers) {
      // export { handler as POST }
      const exported = s.exported.type === T.Identifier ? s.exported.name : String(s.exported.value);
      if (s.local.type === T.Identifier) add(exported, s.local, stmt);
    }
  }
  return routes;
}

function pagesRoutes(ctx: ModelContext, path: string): Route[] {
  const stmt = ctx.index.program.body.find((s): s is TSESTree.ExportDefaultDeclaration => s.type === T.ExportDefaultDeclaration);
  if (!stmt) return [];
  const handler = stmt.declaration as Node;
  const fn = resolveFunction(handler, ctx);
  const methods = new Set<string>();
  if (fn) {
    walk(fn, (node) => {
      // req.method === 'POST', case 'DELETE':, ['PUT', 'PATCH'].includes(req.method)
      if (node.type === T.BinaryExpression && /^[!=]==?$/.test(node.operator)) {
        const sides = [node.left, node.right];
        if (sides.some((s) => memberPath(s).slice(-1)[0] === 'method')) {
          for (const s of sides) {
            const t = staticText(s);
            if (t && METHODS.has(t.toUpperCase())) methods.add(t.toUpperCase());
          }
        }
      } else if (node.type === T.SwitchCase && node.test) {
        const t = staticText(node.test);
        if (t && METHODS.has(t)) methods.add(t);
      }
      return undefined;
    });
  }
  const facts = handlerFacts(handler, ctx);
  return [
    {
      framework: 'next',
      methods: methods.size > 0 ? [...methods] : ['ALL'],
      path,
      reportNode: stmt,
      handler,
      protection: facts.protection,
      writes: facts.writes,
      verifiesSignature: facts.verifiesSignature,
      signsIn: facts.signsIn,
      exportName: 'next',
    },
  ];
}

/** A `middleware.ts` that authenticates (NextAuth, Clerk's `protect()`, a token check) and the paths it matches. */
export function nextMiddlewareFacts(ctx: ModelContext): { auth: boolean; rateLimit: boolean; matchers: string[] } | undefined {
  if (!MIDDLEWARE.test(ctx.fileName.replace(/\\/g, '/'))) return undefined;
  let protection: Protection = NONE;
  for (const ref of ctx.index.imports.values()) if (/next-auth\/middleware|@auth\//.test(ref.source)) protection = merge(protection, { auth: true, rateLimit: false });
  for (const stmt of ctx.index.program.body) protection = merge(protection, inspectBody(stmt, ctx));
  for (const call of ctx.index.calls) {
    const p = memberPath(call.callee);
    if (p[p.length - 1] === 'protect' || /^(withAuth|authMiddleware)$/.test(p[0] ?? '')) protection = merge(protection, { auth: true, rateLimit: false });
  }
  const matchers: string[] = [];
  for (const stmt of ctx.index.program.body) {
    if (stmt.type !== T.ExportNamedDeclaration || stmt.declaration?.type !== T.VariableDeclaration) continue;
    for (const d of stmt.declaration.declarations) {
      if (d.id.type !== T.Identifier || d.id.name !== 'config' || !d.init) continue;
      const m = property(unwrap(d.init), 'matcher')?.value;
      if (!m) continue;
      const list = m.type === T.ArrayExpression ? m.elements : [m];
      for (const el of list) {
        const t = staticText((el as Node) ?? undefined);
        if (t) matchers.push(t);
      }
    }
  }
  return { ...protection, matchers };
}
