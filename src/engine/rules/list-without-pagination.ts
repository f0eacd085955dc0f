import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import specData from '../../../rules/list-without-pagination.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, isRequestData, type DbCall, type FileModel, type Route } from '../model';
import { T, calleeName, contains, isFunction, memberPath, property, staticText, unwrap, walk, type Node } from '../model/ast';
import { resolveFunction } from '../model/handler';
import { isHealthPath, isScriptOrTestFile } from '../model/paths';
import { bodyReportsError, findResponses } from '../model/responses';
import { createRule, metaFromSpec } from './create-rule';
import { methodLabel } from './report-route';
import { teamFromContext } from './team';

type MessageIds = 'listWithoutPagination';
type Options = [];

const spec = specData as RuleSpec;

export const listWithoutPaginationSpec = spec;

/** Reads that return many rows. */
const MANY = /^(findMany|find|findAll|findAndCountAll|findBy|findAndCount|aggregate|getMany|getRawMany|getManyAndCount|select|selectDistinct|SELECT|WITH)$/;
/** Service methods that, by the NestJS CRUD convention, return a whole collection. */
const LIST_METHODS = /^(findAll|findMany|list|listAll|getAll)$/;
/** Query parameters that page a list. */
const PAGING = /^(limit|take|pageSize|page_size|perPage|per_page|page|pageNumber|cursor|offset|after|before|skip|first|last|pageToken|page_token|startingAfter|starting_after|endingBefore|size|max|count|top|from)$/;
/** Collections small and fixed by nature, and views that are not collections: `/roles`, `/countries`, `/me`, `/stats`. */
const SMALL =
  /^(roles|permissions|scopes|settings|preferences|config|configuration|features|feature-flags|flags|countries|currencies|languages|locales|timezones|regions|states|provinces|categories|statuses|types|kinds|plans|tiers|pricing|options|enums|lookups|me|profile|stats|statistics|summary|overview|dashboard|metrics|recent|latest|top|popular|trending|featured|menu|navigation|nav|sitemap|schema|openapi|swagger|health|version|limits|quotas|usage|balance|counts?|totals?)$/i;
/** A read capped this low is a deliberate "latest N" view (recent sessions, top products), not a collection. */
const TOP_N = 25;

function lastStatic(path: string): string | undefined {
  const segs = path.split('/').filter(Boolean);
  const last = segs[segs.length - 1];
  return last === undefined || last.startsWith(':') || last === '*' ? undefined : last;
}

/** A read capped at a handful of rows is a "top N" widget, not a collection: `take: 5`, `.limit(10)`, `LIMIT 5`. */
function smallCap(d: DbCall): boolean {
  const small = (n: Node | undefined): boolean => {
    const v = n ? unwrap(n) : undefined;
    return v?.type === T.Literal && typeof v.value === 'number' && v.value <= TOP_N;
  };
  if (d.sql) {
    const m = /\bLIMIT\s+(\d+)/i.exec(d.sql);
    return !!m && Number(m[1]) <= TOP_N;
  }
  for (const a of d.call.arguments) if (small(property(a, 'take')?.value as Node) || small(property(a, 'limit')?.value as Node)) return true;
  // find(…).sort(…).limit(5), qb.take(10).getMany(), db.select().from(t).limit(5)
  for (let n: Node | undefined = d.call; n; n = n.parent) {
    if (n.type === T.CallExpression && /^(limit|take)$/.test(calleeName(n) ?? '') && small(n.arguments[0])) return true;
    if (n.type !== T.CallExpression && n.type !== T.MemberExpression && n.type !== T.AwaitExpression && n.type !== T.TSAsExpression) break;
  }
  for (const c of chainCallsBefore(d.call)) if (/^(limit|take)$/.test(calleeName(c) ?? '') && small(c.arguments[0])) return true;
  return false;
}

function chainCallsBefore(call: TSESTree.CallExpression): TSESTree.CallExpression[] {
  const out: TSESTree.CallExpression[] = [];
  let n: Node = call.callee;
  while (n.type === T.MemberExpression) {
    const o = unwrap(n.object);
    if (o.type !== T.CallExpression) break;
    out.push(o);
    n = o.callee;
  }
  return out;
}

/** Whether the handler reads a paging parameter, or hands the whole query to something that may. */
function readsPaging(fn: Node, model: FileModel): boolean {
  const ctx = model.ctx;
  let found = false;
  // NestJS: @Query('page') page, @Query() query: ListDto
  if (isFunction(fn)) {
    for (const p of fn.params) {
      const param = (p.type === T.TSParameterProperty ? p.parameter : p) as Node & { decorators?: TSESTree.Decorator[] };
      for (const d of param.decorators ?? []) {
        const e = unwrap(d.expression);
        if (e.type === T.CallExpression && calleeName(e) === 'Query' && (e.arguments.length === 0 || PAGING.test(staticText(e.arguments[0]) ?? ''))) return true;
      }
    }
  }
  walk(fn, (n) => {
    if (found) return false;
    if (n.type === T.MemberExpression && !n.computed && n.property.type === T.Identifier && PAGING.test(n.property.name)) {
      const isCallee = n.parent?.type === T.CallExpression && n.parent.callee === n;
      if (!isCallee && (/^(req|request|ctx|c|query|params|searchParams|args|input|filters|options|opts|dto|pagination|q)$/.test(memberPath(n.object)[0] ?? '') || isRequestData(n.object, ctx))) found = true;
    } else if (n.type === T.ObjectPattern) {
      if (n.properties.some((p) => p.type === T.Property && p.key.type === T.Identifier && PAGING.test(p.key.name))) found = true;
    } else if (n.type === T.CallExpression) {
      const name = calleeName(n) ?? '';
      if (/pag(e|ination|inate)|cursor/i.test(name)) found = true;
      else if (n.arguments.some((a) => PAGING.test(staticText(a) ?? ''))) found = true;
      // listOrders(req.query), paginate(c.req.query())
      else if (n.arguments.some((a) => /^(req|request|ctx)\.(query|request\.query)$|searchParams$/.test(memberPath(a as Node).join('.')))) found = true;
    }
    return undefined;
  });
  return found;
}

/** The value a body is built from, through `await`, `.map(…)`, `{ items: rows }` and variables. */
function bodyCarries(body: Node, target: (n: Node) => boolean, model: FileModel, inObject: boolean, depth = 0): boolean {
  if (depth > 3) return false;
  const n = unwrap(body);
  if (target(n)) return true;
  if (n.type === T.CallExpression && n.callee.type === T.MemberExpression && /^(map|filter|sort|reverse|slice|concat)$/.test(calleeName(n) ?? '')) return bodyCarries(n.callee.object, target, model, inObject, depth + 1);
  // `{ items: rows, nextCursor }` is a list in an envelope; under `/:id`, `{ ...invoice, lines }` is one resource
  if (n.type === T.ObjectExpression) return inObject && n.properties.some((p) => p.type === T.Property && bodyCarries(p.value as Node, target, model, inObject, depth + 1));
  if (n.type === T.Identifier) {
    const def = findVariable(model.ctx.sourceCode.getScope(n), n.name)?.defs[0]?.node as Node | undefined;
    if (def?.type === T.VariableDeclarator && def.init) {
      // const { rows } = await pool.query(…); const [rows] = await mysql.query(…)
      return bodyCarries(def.init, target, model, inObject, depth + 1);
    }
  }
  return false;
}

export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'suggestion',
    ...metaFromSpec<MessageIds>(spec),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;

    /** A lookup of the ids the client listed (`WHERE id IN (…)`, `{ id: { in: ids } }`, `In(ids)`): the client bounds it. */
    function byIds(d: DbCall): boolean {
      if (d.sql) return /\b(id|_id|uuid)\s+IN\s*\(|\b(id|_id|uuid)\s*=\s*ANY\s*\(/i.test(d.sql);
      return /\b(id|_id|ids)['"]?\s*:\s*(\{\s*['"]?\$?in['"]?\s*:|In\()/.test(sourceCode.getText(d.call as TSESTree.Node));
    }

    function isListRoute(route: Route): boolean {
      if (!route.methods.includes('GET') || route.path === undefined) return false;
      const last = lastStatic(route.path);
      // `/categories/:slug` may still list (products of a category): the read decides, see collectionRead
      if (last !== undefined && (/\.\w+$/.test(last) || SMALL.test(last))) return false;
      if (isHealthPath(route.path)) return false;
      return !/(^|\/)(graphql|export|exports|download|stream|events|sse|feed\.xml|rss)(\/|$)/i.test(route.path);
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const candidates = model.routes.filter(isListRoute);
        if (candidates.length === 0) return;
        const reads = model.dbCalls().filter((d) => d.kind === 'read' && MANY.test(d.operation));
        const responses = findResponses(model.ctx);
        for (const route of candidates) {
          const fn = resolveFunction(route.handler, model.ctx);
          if (!fn) continue;
          const byId = lastStatic(route.path!) === undefined ? route.path : undefined;
          // under `/:id`, SQL keyed on the id reads one row whatever the driver returns
          const mine = reads.filter((d) => contains(fn, d.call) && !smallCap(d) && !byIds(d) && !(byId && d.sql && /\b(id|uuid|slug)\s*=\s*[$?:@]/i.test(d.sql)));
          const isList = (n: Node): boolean =>
            mine.some((d) => contains(n, d.call)) ||
            // NestJS and Fastify return the list: `return this.ordersService.findAll()`
            (byId === undefined && n.type === T.CallExpression && LIST_METHODS.test(calleeName(n) ?? '') && n.arguments.length <= 1 && memberPath(n.callee)[0] === 'this');
          const bodies: Node[] = responses.filter((r) => contains(fn, r.node) && r.status === 200 && r.body && !bodyReportsError(r.body)).map((r) => r.body!);
          if (route.framework === 'nest' || route.framework === 'fastify') {
            walk(fn, (n) => {
              if (n !== fn && isFunction(n)) return false;
              if (n.type === T.ReturnStatement && n.argument) bodies.push(n.argument);
              return undefined;
            });
          }
          if (!bodies.some((b) => bodyCarries(b, isList, model, byId === undefined))) continue;
          if (readsPaging(fn, model)) continue;
          context.report({ node: route.reportNode, messageId: 'listWithoutPagination', data: { method: methodLabel(route), path: route.path ?? '' } });
        }
      },
    };
  },
});
