/**
 * Database reads in Prisma, TypeORM, Sequelize, Mongoose, the MongoDB driver, Knex, Drizzle and raw SQL,
 * each with whether something bounds how many rows it can return.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, calleeObject, hasSpread, importedCalleeName, isFunction, memberPath, property, staticText, unwrap, walk, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';
import { chainAfter, chainBefore, chainRootIdentifier, isComposedSubquery, laterUse, storedIn } from './query-chain';
import { iterationOf, mentions, walksChunks } from './loops';
import { AGGREGATE_CALL, groupKeysAreCoarse, isSchemaSizedTable, sqlIsBounded } from './sql';

export type QueryLibrary = 'prisma' | 'drizzle' | 'typeorm' | 'sequelize' | 'mongoose' | 'mongodb' | 'knex' | 'sql';

/** A way to bound an unbounded read, for the rule's fix. */
export type BoundFix =
  | { kind: 'property'; call: Call; argIndex: number; key: 'take' | 'limit' }
  | { kind: 'chain'; after: Node; method: 'limit' | 'take' }
  | { kind: 'pipeline'; array: TSESTree.ArrayExpression }
  | { kind: 'sql'; literal: Node };

export interface UnboundedRead {
  library: QueryLibrary;
  /** The method name (`findMany`) or the SQL literal. */
  reportNode: Node;
  /** What the call was: `findMany`, `find().toArray()`, `SELECT`. */
  operation: string;
  fix?: BoundFix;
}

const MONGOOSE_BOUNDING = new Set(['limit', 'countDocuments', 'count', 'estimatedDocumentCount', 'cursor', 'stream', 'distinct', 'findOne', 'paginate', 'eachAsync', 'explain']);
const DRIVER_BOUNDING = new Set(['limit', 'next', 'hasNext', 'stream', 'forEach', 'count', 'tryNext']);
const BUILDER_BOUNDING = new Set(['take', 'limit', 'getOne', 'getOneOrFail', 'getCount', 'getExists', 'getRawOne', 'paginate', 'first', 'count', 'stream', 'iterate', 'cursor']);
const KNEX_BOUNDING = new Set(['limit', 'first', 'count', 'countDistinct', 'min', 'max', 'sum', 'avg', 'paginate', 'insert', 'update', 'del', 'delete', 'increment', 'decrement', 'truncate', 'stream', 'iterator', 'onConflict', 'upsert', 'returning', 'set', 'values']);
const KNEX_READ = new Set(['select', 'where', 'whereIn', 'whereNot', 'orderBy', 'join', 'leftJoin', 'innerJoin', 'from', 'andWhere', 'orWhere', 'whereNull', 'whereNotNull', 'groupBy', 'distinct', 'columns', 'column', 'whereRaw', 'then']);
export const KNEX_NAMES = /^(knex|db|trx|tx|k|database|conn|connection|qb|pg|sqlDb|mysql)$/;
export const SQL_METHODS = new Set(['query', 'execute', 'all', 'raw', '$queryRaw', '$queryRawUnsafe', 'unsafe', 'any', 'manyOrNone', 'many', 'prepare']);
const SQL_TAGS = /^(sql|SQL|\$queryRaw|queryRaw)$/;
const UNIQUE_KEY = /^(id|_id|uuid|email|username|slug|documentId)$/;

/** Follows an identifier to the object literal or string it was declared with (`const args = {...}`). */
function resolveValue(node: Node | undefined, ctx: ModelContext): Node | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type !== T.Identifier) return n;
  const v = findVariable(ctx.sourceCode.getScope(n), n.name);
  const def = v?.defs[0]?.node as Node | undefined;
  if (def?.type !== T.VariableDeclarator || !def.init || (def.parent as TSESTree.VariableDeclaration).kind !== 'const') return n;
  // `args.take = 50` later: the object is not what its literal says
  const mutated = v!.references.some((r) => {
    const parent = (r.identifier as Node).parent;
    return parent?.type === T.MemberExpression && parent.object === r.identifier && parent.parent?.type === T.AssignmentExpression && parent.parent.left === parent;
  });
  return mutated ? n : unwrap(def.init);
}

/** Receivers that are data models: `User`, `this.userModel`, `ordersRepository`, `db.collection('x')`, `getRepository(Order)`. */
export function receiverKind(ctx: ModelContext, obj: Node | undefined): 'model' | 'repository' | 'collection' | undefined {
  if (!obj) return undefined;
  const n = unwrap(obj);
  if (n.type === T.CallExpression) {
    const name = calleeName(n);
    if (name === 'collection') return 'collection';
    if (name === 'getRepository' || name === 'getCustomRepository' || name === 'getMongoRepository') return 'repository';
    if (name === 'model' || name === 'define') return 'model';
    return undefined;
  }
  const path = memberPath(n);
  const last = path[path.length - 1];
  if (!last) return undefined;
  if (path.length === 2 && path[0] === 'this') {
    const declared = classMemberKind(ctx, n, last);
    if (declared) return declared;
  }
  if (/collection$/i.test(last)) return 'collection';
  if (/(repository|repo)$/i.test(last)) return 'repository';
  if (/model$/i.test(last) && last !== 'model') return 'model';
  if (n.type === T.Identifier) {
    const ref = ctx.index.imports.get(n.name);
    if (ref && /(^|\/)(models?|schemas?|entities|entity)(\/|$)|\.(model|entity|schema)$/i.test(ref.source)) return 'model';
    const init = resolveValue(n, ctx);
    const kind = init && init !== n ? receiverKind(ctx, init) : undefined;
    if (kind) return kind;
  }
  // `User`, `OrderModel`; not constants (`PLANS`), one-letter namespaces (`R.find`) or built-ins
  if (/^[A-Z][a-z][a-zA-Z0-9]*$/.test(last) && !/^(Array|Object|Promise|Math|JSON|Date|Number|String|Reflect|Set|Map|Buffer|Intl|Symbol|Error)$/.test(last)) {
    if (path.length === 1 && n.type === T.Identifier) {
      const ref = ctx.index.imports.get(n.name);
      // an import from a package that is not an ORM is a library, not a model
      if (ref && !ref.source.startsWith('.') && !/^[@~#]\//.test(ref.source) && !/^(src|app|lib)\//.test(ref.source)) return undefined;
    }
    return 'model';
  }
  return undefined;
}

/** `Permission`, `models.Role`, `this.settingsModel`: a model over a table an administrator sizes (see {@link isSchemaSizedTable}). */
function modelIsSchemaSized(obj: Node | undefined): boolean {
  const last = obj ? memberPath(unwrap(obj)).pop() : undefined;
  if (!last) return false;
  const table = last.replace(/Model$/, '').toLowerCase();
  return isSchemaSizedTable(table.endsWith('s') ? table : `${table}s`);
}

/** The entity a repository is for: `getRepository(Role)`, `this.connection.getRepository(ctx, Role)`. */
function repositoryEntity(obj: Node | undefined): Node | undefined {
  const n = obj ? unwrap(obj) : undefined;
  if (n?.type !== T.CallExpression || !/^get(Custom|Mongo)?Repository$/.test(calleeName(n) ?? '')) return undefined;
  return n.arguments[n.arguments.length - 1] as Node | undefined;
}

/** `Role`, `tax_rate_entity_1.TaxRate`: an entity whose table an administrator sizes (see {@link isSchemaSizedTable}). */
function entityIsSchemaSized(entity: Node | undefined): boolean {
  const name = entity ? memberPath(unwrap(entity)).pop() : undefined;
  if (!name || !/^[A-Z]/.test(name)) return false;
  const table = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return isSchemaSizedTable(table.endsWith('s') ? table : `${table.replace(/([^aeiou])y$/, '$1ie')}s`);
}

/** Parents whose children pile up over time (a user's sessions, a customer's orders), unlike an order's lines. */
const OPEN_ENDED_OWNER = /^(user|customer|account|tenant|organization|org|team|workspace|project|owner|author|member|channel|seller|shop|store|site)$/i;
const HISTORY_ROW = /(Message|Event|Log|Comment|Notification|Activity|History|Entry|Record|Reply|Post|Vote|Like|View|Visit|Session|Token|Attempt|Job|Run|Version|Revision|Audit|Item)s?$/;

/**
 * `getRepository(OrderLine).find({ where: { order: { id } } })`, `ProductVariantPrice` by `variant: { id }`,
 * `ProductVariant` by `productId`: the parts of one parent, named after it, as many as the parent has (an order's
 * lines, a variant's prices), not a history that grows with time.
 */
function readsPartsOfOneParent(entity: Node | undefined, opts: Node | undefined): boolean {
  const entityName = entity ? memberPath(unwrap(entity)).pop() : undefined;
  if (!entityName || !/^[A-Z]/.test(entityName) || HISTORY_ROW.test(entityName)) return false;
  const where = opts?.type === T.ObjectExpression ? property(opts, 'where')?.value : undefined;
  const w = where ? unwrap(where as Node) : undefined;
  if (w?.type !== T.ObjectExpression) return false;
  const words = entityName.split(/(?=[A-Z])/);
  return w.properties.some((p) => {
    if (p.type !== T.Property || p.computed || p.key.type !== T.Identifier) return false;
    const value = unwrap(p.value as Node);
    const nested = value.type === T.ObjectExpression ? property(value, 'id')?.value : undefined;
    const parent = nested ? p.key.name : /^\w+Id$/.test(p.key.name) ? p.key.name.slice(0, -2) : undefined;
    if (!parent || OPEN_ENDED_OWNER.test(parent) || !isScalar((nested ?? value) as Node)) return false;
    const parentWords = parent.replace(/^./, (c) => c.toUpperCase()).split(/(?=[A-Z])/);
    if (parentWords.length >= words.length) return false;
    return words.some((_, i) => parentWords.every((pw, j) => words[i + j] === pw));
  });
}

/**
 * The kind of a class member from its declaration: `@InjectRepository(Order) private orders: Repository<Order>`,
 * `private readonly events: Collection<AuditEvent>`, `@InjectModel(User.name) private users: Model<User>`.
 */
function classMemberKind(ctx: ModelContext, from: Node, name: string): 'model' | 'repository' | 'collection' | undefined {
  let cls: Node | undefined = from.parent;
  while (cls && cls.type !== T.ClassBody) cls = cls.parent;
  if (!cls || cls.type !== T.ClassBody) return undefined;
  const describe = (typeText: string, decorators: TSESTree.Decorator[] | undefined): 'model' | 'repository' | 'collection' | undefined => {
    const deco = (decorators ?? []).map((d) => ctx.sourceCode.getText(d)).join(' ');
    if (/InjectRepository|Repository</.test(deco + typeText)) return 'repository';
    if (/InjectModel|\bModel</.test(deco + typeText) || /ModelStatic<|ModelCtor</.test(typeText)) return 'model';
    if (/\bCollection</.test(typeText)) return 'collection';
    return undefined;
  };
  for (const member of cls.body) {
    if (member.type === T.PropertyDefinition && member.key.type === T.Identifier && member.key.name === name) {
      const typeText = member.typeAnnotation ? ctx.sourceCode.getText(member.typeAnnotation) : '';
      return describe(typeText, member.decorators) ?? (member.value ? receiverKind(ctx, member.value) : undefined);
    }
    if (member.type === T.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        const p = param.type === T.TSParameterProperty ? param.parameter : param;
        if (p.type === T.Identifier && p.name === name) return describe(p.typeAnnotation ? ctx.sourceCode.getText(p.typeAnnotation) : '', param.decorators);
      }
    }
  }
  return undefined;
}

/** An aggregation pipeline that limits, counts, samples, or groups everything into one document. */
function pipelineIsBounded(pipeline: TSESTree.ArrayExpression): boolean {
  for (const el of pipeline.elements) {
    if (!el || el.type !== T.ObjectExpression) return true; // a spread or a variable stage: unknown
    for (const p of el.properties) {
      if (p.type !== T.Property) return true;
      const key = p.key.type === T.Identifier ? p.key.name : String((p.key as TSESTree.Literal).value);
      if (/^\$(limit|count|sample|facet|bucket|bucketAuto|merge|out)$/.test(key)) return true;
      if (key === '$match' && whereIsUnique(p.value as Node)) return true;
      if (key === '$group') {
        const id = property(p.value as Node, '_id')?.value;
        if (id && id.type === T.Literal && (id.value === null || typeof id.value !== 'string' || !id.value.startsWith('$'))) return true;
      }
    }
  }
  return false;
}

/**
 * A value that names one row: a variable, a literal, `new ObjectId(id)`, `Number(req.params.id)`. Not a range,
 * a pattern or an operator object (`{ gt: x }`, `/re/`, `MoreThan(x)`, `{ [Op.like]: q }`).
 */
function isScalar(node: Node): boolean {
  const n = unwrap(node);
  switch (n.type) {
    case T.Identifier:
    case T.MemberExpression:
    case T.TemplateLiteral:
      return true;
    case T.Literal:
      return !('regex' in n && n.regex);
    case T.NewExpression:
      return /ObjectId$/.test(calleeName(n) ?? '');
    case T.CallExpression:
      return /^(ObjectId|String|Number|parseInt|BigInt|toString|trim|toLowerCase|createFromHexString|Equal)$/.test(calleeName(n) ?? '');
    case T.ObjectExpression: {
      // Prisma `{ equals: x }`, Mongo `{ $eq: x }`
      const only = n.properties.length === 1 && n.properties[0].type === T.Property ? n.properties[0] : undefined;
      const key = only?.key.type === T.Identifier ? only.key.name : undefined;
      return !!only && (key === 'equals' || key === '$eq') && isScalar(only.value as Node);
    }
    default:
      return false;
  }
}

/**
 * A list of keys the caller already holds: `[a, b]`, `{ in: ids }`, `{ $in: ids }`, `{ [Op.in]: ids }`. The rows
 * come back one per key, so the list bounds them.
 */
export function isKeyList(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === T.ArrayExpression) return true;
  // TypeORM `In(ids)`, compiled `(0, typeorm_1.In)(ids)`
  if (n.type === T.CallExpression) return importedCalleeName(n) === 'In' && n.arguments.length === 1;
  if (n.type !== T.ObjectExpression || n.properties.length !== 1 || n.properties[0].type !== T.Property) return false;
  const p = n.properties[0];
  const key = p.computed ? memberPath(p.key as Node).join('.') : p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : '';
  return /^(in|\$in|Op\.in)$/.test(key);
}

/**
 * Prisma `where: { id }`, Mongo `{ _id: id }`, Knex `.where({ id })`, Drizzle `eq(users.id, x)` or `and(eq(t.tenantId, a), eq(t.id, b))`:
 * one row at most. `table` is the table read from, when known, so a joined table's id does not count.
 */
function whereIsUnique(node: Node | undefined, table?: string): boolean {
  if (!node) return false;
  const n = unwrap(node);
  if (n.type === T.ObjectExpression) {
    return n.properties.some((p) => {
      if (p.type !== T.Property || p.computed) return false;
      const key = p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : '';
      return UNIQUE_KEY.test(key) && (isScalar(p.value as Node) || isKeyList(p.value as Node));
    });
  }
  const text = staticText(n);
  // `id = :id`, and TypeORM's list parameter `variant.id IN (:...ids)`: one row per key the caller holds
  if (text !== undefined) return /^(\w+\.)?(id|_id|uuid|email|username|slug)(\s*=\s*[:$?@].*|\s+IN\s*\(\s*:\.\.\.\w+\s*\))?$/i.test(text.trim());
  if (n.type === T.CallExpression) {
    const name = calleeName(n);
    if (name === 'and') return n.arguments.some((a) => whereIsUnique(a as Node, table));
    if (name === 'eq' && n.arguments[1] && isScalar(n.arguments[1] as Node)) {
      const col = memberPath(n.arguments[0] as Node);
      const owner = col.length >= 2 ? col[col.length - 2] : undefined;
      return UNIQUE_KEY.test(col[col.length - 1] ?? '') && (!table || !owner || owner === table);
    }
  }
  return false;
}

function optionsBounded(opts: Node | undefined, keys: string[], ctx: ModelContext): boolean | 'unknown' {
  if (!opts) return false;
  const o = resolveValue(opts, ctx);
  if (!o || o.type !== T.ObjectExpression) return 'unknown';
  if (hasSpread(o)) return 'unknown';
  if (keys.some((k) => property(o, k))) return true;
  const where = property(o, 'where')?.value;
  if (where && (whereIsUnique(where as Node) || narrowsKeyList(where as Node, ctx))) return true;
  return false;
}

/**
 * `const where = await accessControlledFilter(list, ctx, { [idField]: { in: ids } }, filters)`: a filter made by
 * a helper from a list of keys, the batched lookup of a data loader. The helper adds conditions to the keys; the
 * rows stay one per key.
 */
function narrowsKeyList(where: Node, ctx: ModelContext): boolean {
  let init = resolveValue(where, ctx);
  if (init?.type === T.AwaitExpression) init = unwrap(init.argument as Node);
  if (!init || init === unwrap(where) || init.type !== T.CallExpression) return false;
  return init.arguments.some((a) => {
    const arg = unwrap(a as Node);
    if (arg.type !== T.ObjectExpression || arg.properties.length !== 1) return false;
    const p = arg.properties[0];
    if (p.type !== T.Property || !isKeyList(p.value as Node)) return false;
    const key = p.computed && p.key.type === T.Identifier ? p.key.name : p.key.type === T.Identifier ? p.key.name : '';
    return UNIQUE_KEY.test(key) || /^(id|pk|primaryKey|key)(Field|Column|Key|Name)*$|IdField(Key)?$/i.test(key);
  });
}

/**
 * A TypeORM builder that answers one row per group: `.select('o.type').addSelect('COUNT(*)').groupBy('o.type')`
 * over a coarse column, or `.groupBy('collection.id')` where a condition keeps only `collection.id IN (:...ids)`.
 */
function builderGroupsFewRows(calls: Call[]): boolean {
  const groups = calls.filter((c) => /^(groupBy|addGroupBy)$/.test(calleeName(c) ?? '')).map((c) => staticText(c.arguments[0]));
  if (groups.length === 0 || groups.some((g) => g === undefined)) return false;
  const texts = calls.flatMap((c) => c.arguments.map((a) => staticText(a as Node) ?? ''));
  if (groups.every((g) => texts.some((t) => new RegExp(`^${g!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+IN\\s*\\(\\s*:\\.\\.\\.\\w+\\s*\\)$`, 'i').test(t.trim())))) return true;
  const aggregate = calls.some((c) => /^(select|addSelect)$/.test(calleeName(c) ?? '') && AGGREGATE_CALL.test(staticText(c.arguments[0]) ?? ''));
  return aggregate && groupKeysAreCoarse(groups as string[]);
}

/** A link of a TypeORM builder chain that bounds its rows: `.take(n)`, `.getOne()`, `.where('u.id IN (:...ids)')`. */
function boundsBuilder(c: Call): boolean {
  return BUILDER_BOUNDING.has(calleeName(c) ?? '') || buildsFromListOptions(c) || (/^(where|andWhere)$/.test(calleeName(c) ?? '') && whereIsUnique(c.arguments[0] as Node));
}

/**
 * `this.listQueryBuilder.build(Asset, options, { ctx })`: a project's list-query helper handed the caller's list
 * options, which applies their `take`/`skip` (and a default page size) to the builder it returns.
 */
function buildsFromListOptions(call: Call): boolean {
  const obj = calleeObject(call);
  const owner = obj ? memberPath(obj).pop() : undefined;
  if (!owner || !/(QueryBuilder|Paginator)$/i.test(owner) || calleeName(call) === 'createQueryBuilder') return false;
  return call.arguments.some((a) => /^(options|listOptions|queryOptions|pagination|paging|pageOptions|args)$/i.test(memberPath(unwrap(a as Node)).pop() ?? ''));
}

/** `for await (const doc of coll.aggregate(p))`: documents stream in batches. */
function isStreamed(top: Node): boolean {
  const p = top.parent;
  return p?.type === T.ForOfStatement && p.right === top && p.await;
}

/** A stored driver cursor turned into an array later without a limit: `cursor.toArray()`. */
function laterToArrayUnbounded(ctx: ModelContext, declarator: Node): boolean {
  const variables = ctx.sourceCode.scopeManager?.getDeclaredVariables(declarator as TSESTree.VariableDeclarator) ?? [];
  let toArray = false;
  for (const v of variables) {
    for (const ref of v.references) {
      if (ref.init) continue;
      const chain = chainAfter(ref.identifier as Node);
      if (chain.after.some((m) => DRIVER_BOUNDING.has(m))) return false;
      if (chain.after.includes('toArray')) toArray = true;
    }
  }
  return toArray;
}

/** `paginate(User.find(q), params)`: a helper receives the unexecuted query and may bound it. */
function handedToHelper(top: Node): boolean {
  const p = top.parent;
  if ((p?.type !== T.CallExpression && p?.type !== T.NewExpression) || !p.arguments.includes(top as TSESTree.CallExpressionArgument)) return false;
  return !/^Promise\.(all|allSettled|race|any)$/.test(memberPath(p.callee).join('.'));
}

/** Whether the chain's result is really executed here (awaited, returned, `.then`, `.exec()`), not kept as a builder. */
function executedOrKept(ctx: ModelContext, top: Node, bounding: ReadonlySet<string>): 'executed' | 'bounded-later' {
  const stored = storedIn(top);
  if (stored) {
    const use = laterUse(ctx, stored, bounding);
    return use === 'none' ? 'executed' : 'bounded-later';
  }
  return 'executed';
}

export function findUnboundedReads(ctx: ModelContext): UnboundedRead[] {
  const out: UnboundedRead[] = [];
  const importsTypeorm = [...ctx.index.imports.values()].some((i) => i.source === 'typeorm' || i.source === '@nestjs/typeorm');
  const importsDrizzle = [...ctx.index.imports.values()].some((i) => i.source.startsWith('drizzle-orm'));
  const knexVars = knexInstances(ctx);

  for (const call of ctx.index.calls) {
    const name = calleeName(call);
    if (!name || call.callee.type !== T.MemberExpression) {
      if (name && call.callee.type === T.Identifier && (KNEX_NAMES.test(name) || knexVars.has(name)) && call.arguments.length === 1 && staticText(call.arguments[0]) !== undefined && !staticText(call.arguments[0])!.includes(' ')) {
        knexRead(call, call, 'knex');
      }
      continue;
    }
    const property_ = call.callee.property as Node;
    const obj = calleeObject(call);
    switch (name) {
      case 'findMany': {
        const path = memberPath(call.callee);
        const drizzle = path.includes('query') || importsDrizzle;
        const bounded = optionsBounded(call.arguments[0] as Node, drizzle ? ['limit', 'take'] : ['take'], ctx);
        if (bounded === false) out.push({ library: drizzle ? 'drizzle' : 'prisma', reportNode: property_, operation: 'findMany', fix: { kind: 'property', call, argIndex: 0, key: drizzle ? 'limit' : 'take' } });
        break;
      }
      case 'findAll':
      case 'findAndCountAll': {
        // Sequelize models: `User.findAll`, `db.User.findAll`, `this.userModel.findAll`; not `this.catsService.findAll()`
        if (receiverKind(ctx, obj) !== 'model' || modelIsSchemaSized(obj)) break;
        const bounded = optionsBounded(call.arguments[0] as Node, ['limit'], ctx);
        if (bounded === false && !isFunction(unwrap((call.arguments[0] as Node) ?? call))) out.push({ library: 'sequelize', reportNode: property_, operation: name, fix: { kind: 'property', call, argIndex: 0, key: 'limit' } });
        break;
      }
      case 'find':
      case 'findBy':
      case 'findAndCount':
      case 'findAndCountBy': {
        const first = call.arguments[0] ? unwrap(call.arguments[0] as Node) : undefined;
        if (first && (isFunction(first) || (first.type === T.Identifier && /^(is|has|by|match|pred|predicate|filterFn|fn|cb|callback)/.test(first.name)))) break;
        const kind = receiverKind(ctx, obj);
        const entityManager = obj && /manager$/i.test(memberPath(obj).slice(-1)[0] ?? '') && (name === 'find' || name === 'findAndCount');
        const entity = obj?.type === T.Identifier && /entit(y|ies)/i.test(ctx.index.imports.get(obj.name)?.source ?? '');
        if (kind === 'repository' || entityManager || (kind === 'model' && (importsTypeorm || entity))) {
          const entityNode = entityManager ? (call.arguments[0] as Node | undefined) : repositoryEntity(obj);
          if (entityIsSchemaSized(entityNode)) break;
          const optsIndex = entityManager ? 1 : 0;
          if (!name.endsWith('By') && readsPartsOfOneParent(entityNode, resolveValue(call.arguments[optsIndex] as Node, ctx))) break;
          if (name.endsWith('By')) {
            if (!whereIsUnique(call.arguments[0] as Node)) out.push({ library: 'typeorm', reportNode: property_, operation: name });
            break;
          }
          const bounded = optionsBounded(call.arguments[optsIndex] as Node, ['take', 'limit'], ctx);
          if (bounded === false) out.push({ library: 'typeorm', reportNode: property_, operation: name, fix: { kind: 'property', call, argIndex: optsIndex, key: 'take' } });
        } else if (kind === 'collection' && name === 'find') {
          const chain = chainAfter(call);
          const toArray = chain.after.indexOf('toArray');
          if (toArray < 0) {
            // const cursor = coll.find(q); …; return cursor.toArray()
            const stored = storedIn(chain.top);
            if (!stored || chain.after.some((m) => DRIVER_BOUNDING.has(m)) || !laterToArrayUnbounded(ctx, stored)) break;
            if (optionsBounded(call.arguments[1] as Node, ['limit'], ctx) !== false || whereIsUnique(call.arguments[0] as Node)) break;
            out.push({ library: 'mongodb', reportNode: property_, operation: 'find().toArray()', fix: { kind: 'chain', after: chain.afterCalls[chain.afterCalls.length - 1] ?? call, method: 'limit' } });
            break;
          }
          if (chain.after.slice(0, toArray).some((m) => DRIVER_BOUNDING.has(m))) break;
          if (optionsBounded(call.arguments[1] as Node, ['limit'], ctx) !== false) break;
          if (whereIsUnique(call.arguments[0] as Node)) break;
          out.push({ library: 'mongodb', reportNode: property_, operation: 'find().toArray()', fix: { kind: 'chain', after: toArray > 0 ? chain.afterCalls[toArray - 1] : call, method: 'limit' } });
        } else if (kind === 'model' && name === 'find') {
          const chain = chainAfter(call);
          if (chain.after.some((m) => MONGOOSE_BOUNDING.has(m))) break;
          if (optionsBounded(call.arguments[2] as Node, ['limit'], ctx) !== false) break;
          if (whereIsUnique(call.arguments[0] as Node)) break;
          if (executedOrKept(ctx, chain.top, MONGOOSE_BOUNDING) === 'bounded-later' || handedToHelper(chain.top)) break;
          out.push({ library: 'mongoose', reportNode: property_, operation: 'find', fix: { kind: 'chain', after: call, method: 'limit' } });
        }
        break;
      }
      case 'aggregate': {
        const pipeline = call.arguments[0] ? resolveValue(call.arguments[0] as Node, ctx) : undefined;
        if (pipeline?.type !== T.ArrayExpression || !receiverKind(ctx, obj)) break;
        if (pipelineIsBounded(pipeline)) break;
        const chain = chainAfter(call);
        if (chain.after.some((m) => m === 'limit' || m === 'cursor' || m === 'stream' || m === 'next') || isStreamed(chain.top)) break;
        out.push({ library: obj && receiverKind(ctx, obj) === 'collection' ? 'mongodb' : 'mongoose', reportNode: property_, operation: 'aggregate', fix: { kind: 'pipeline', array: pipeline } });
        break;
      }
      case 'getMany':
      case 'getManyAndCount':
      case 'getRawMany':
      case 'getRawAndEntities': {
        const before = chainBefore(call);
        if (!before.some((c) => calleeName(c) === 'createQueryBuilder' || calleeName(c) === 'where' || calleeName(c) === 'select') && !chainRootIdentifier(call)) break;
        if (before.some(boundsBuilder) || builderGroupsFewRows(before)) break;
        const root = chainRootIdentifier(call);
        // A builder made right here (`ds.getRepository(X).createQueryBuilder('x')…getMany()`) is judged by its chain alone.
        const builtHere = before.some((c) => calleeName(c) === 'createQueryBuilder');
        if (root && root.name !== 'this' && !builtHere && builderBoundedElsewhere(ctx, root)) break;
        out.push({ library: 'typeorm', reportNode: property_, operation: name, fix: { kind: 'chain', after: before[0] ?? call, method: 'take' } });
        break;
      }
      case 'select':
      case 'from':
      case 'table': {
        const root = obj && unwrap(obj);
        if (root?.type !== T.Identifier || !(KNEX_NAMES.test(root.name) || knexVars.has(root.name))) break;
        // only the first link of the chain starts a read
        knexRead(call, call, importsDrizzle || (name === 'from' && staticText(call.arguments[0]) === undefined) ? 'drizzle' : 'knex');
        break;
      }
      default:
        break;
    }
    if (SQL_METHODS.has(name)) sqlCall(call, name);
  }
  for (const tagged of ctx.index.tagged) {
    const tag = memberPath(tagged.tag);
    if (!SQL_TAGS.test(tag[tag.length - 1] ?? '')) continue;
    checkSql(tagged.quasi, tagged);
  }
  return out;

  function knexRead(start: Call, reportCall: Call, library: 'knex' | 'drizzle'): void {
    const chain = chainAfter(start);
    // `db.select().from(users)`: the chain starting at `from` belongs to the `select` already seen
    if (start.callee.type === T.MemberExpression && unwrap(start.callee.object).type === T.CallExpression) return;
    const methods = [calleeName(start) ?? '', ...chain.after];
    if (methods.some((m) => KNEX_BOUNDING.has(m))) return;
    if (!methods.some((m) => KNEX_READ.has(m)) && start.callee.type === T.MemberExpression) return;
    if (isComposedSubquery(ctx, start)) return;
    const calls = [start, ...chain.afterCalls];
    const table = start.callee.type === T.Identifier ? staticText(start.arguments[0])?.split(/\s+as\s+|\s+/i)[0] : undefined;
    const ownColumn = (column: string): boolean => {
      const [qualifier, col] = column.includes('.') ? column.split('.') : [undefined, column];
      return UNIQUE_KEY.test(col.trim()) && (!qualifier || !table || qualifier === table);
    };
    const fromCall = calls.find((c) => calleeName(c) === 'from' || calleeName(c) === 'table');
    const readTable = table ?? staticText(fromCall?.arguments[0])?.split(/\s+as\s+|\s+/i)[0];
    if (readTable && isSchemaSizedTable(readTable)) return;
    // `.from(knex.raw('(…) as deep'))`, `.from(subquery)`: as many rows as the inner query, which is judged on its own
    if (fromCall?.arguments[0] && unwrap(fromCall.arguments[0] as Node).type === T.CallExpression) return;
    if (library === 'knex' && (knexGroupedAggregate(calls) || knexDistinctCoarse(calls))) return;
    const drizzleTable = fromCall && fromCall.arguments[0] && unwrap(fromCall.arguments[0] as Node).type === T.Identifier ? (unwrap(fromCall.arguments[0] as Node) as TSESTree.Identifier).name : undefined;
    if (calls.some((c) => /^(where|andWhere)$/.test(calleeName(c) ?? '') && c.arguments.length === 1 && whereIsUnique(c.arguments[0] as Node, drizzleTable ?? table))) return;
    // .where('id', id) or .where('id', '=', id); not .where('id', '>', cursor)
    if (calls.some((c) => /^(where|andWhere)$/.test(calleeName(c) ?? '') && (c.arguments.length === 2 || (c.arguments.length === 3 && staticText(c.arguments[1]) === '=')) && ownColumn(staticText(c.arguments[0]) ?? ''))) return;
    // .whereIn('id', ids): one row per key the caller holds
    if (calls.some((c) => /^(whereIn|andWhereIn)$/.test(calleeName(c) ?? '') && ownColumn(staticText(c.arguments[0]) ?? ''))) return;
    if (library === 'knex' && (selectsOnlyLookedUpColumn(calls) || keyedByChunk(start, calls) || (!!readTable && refetchesHeldRows(ctx, calls, readTable)))) return;
    // Drizzle: db.select({ value: count() }) answers one row unless grouped
    if (library === 'drizzle' && !methods.includes('groupBy') && selectsOnlyAggregates(start)) return;
    if (chain.after.includes('$dynamic')) return;
    const top = chain.top;
    if (library === 'knex' && takesOneFilteredRow(top, calls)) return;
    const p = top.parent;
    const executed = p?.type === T.AwaitExpression || p?.type === T.ReturnStatement || (p?.type === T.ArrowFunctionExpression && p.body === top) || chain.after.includes('then');
    if (!executed) {
      const stored = storedIn(top);
      if (!stored || laterUse(ctx, stored, KNEX_BOUNDING) !== 'none') return;
    }
    const report = reportCall.callee.type === T.MemberExpression ? (reportCall.callee.property as Node) : reportCall.callee;
    // The limit goes on the builder, before `.then()`/`.catch()` turn it into a promise.
    const promiseAt = chain.after.findIndex((m) => m === 'then' || m === 'catch' || m === 'finally' || m === 'execute');
    const builderCalls = promiseAt >= 0 ? chain.afterCalls.slice(0, promiseAt) : chain.afterCalls;
    out.push({ library, reportNode: report, operation: library === 'drizzle' ? 'select().from()' : 'select', fix: { kind: 'chain', after: builderCalls[builderCalls.length - 1] ?? start, method: 'limit' } });
  }

  function sqlCall(call: Call, name: string): void {
    let arg = call.arguments[0] ? (call.arguments[0] as Node) : undefined;
    if (!arg) return;
    let sqlNode = resolveValue(arg, ctx);
    if (sqlNode?.type === T.ObjectExpression) sqlNode = (property(sqlNode, 'text')?.value ?? property(sqlNode, 'sql')?.value) as Node | undefined;
    if (!sqlNode || staticText(sqlNode) === undefined) return;
    arg = sqlNode;
    if (name === 'prepare') {
      const chain = chainAfter(call);
      if (chain.after.length > 0) {
        if (chain.after[0] !== 'all') return;
      } else {
        const stored = storedIn(chain.top);
        if (!stored || !usesAll(stored)) return;
      }
    }
    checkSql(arg, call);
  }

  function usesAll(declarator: Node): boolean {
    const variables = ctx.sourceCode.scopeManager?.getDeclaredVariables(declarator as TSESTree.VariableDeclarator) ?? [];
    return variables.some((v) => v.references.some((r) => {
      const parent = (r.identifier as Node).parent;
      return parent?.type === T.MemberExpression && parent.property.type === T.Identifier && parent.property.name === 'all';
    }));
  }

  function checkSql(literal: Node, call?: Node): void {
    const text = staticText(literal);
    if (text === undefined || sqlIsBounded(text)) return;
    // connection.query(sql).stream(), sql`…`.cursor(100), for await (const row of …): rows arrive in batches
    if (call) {
      const chain = chainAfter(call);
      if (chain.after.some((m) => m === 'stream' || m === 'cursor' || m === 'iterate' || m === 'forEach') || isStreamed(chain.top)) return;
    }
    out.push({ library: 'sql', reportNode: literal, operation: 'SELECT', fix: literal.type === T.Literal || literal.type === T.TemplateLiteral ? { kind: 'sql', literal } : undefined });
  }

  function builderBoundedElsewhere(ctx2: ModelContext, root: TSESTree.Identifier): boolean {
    const v = findVariable(ctx2.sourceCode.getScope(root), root.name);
    const def = v?.defs[0]?.node as Node | undefined;
    if (!def || def.type !== T.VariableDeclarator) return true; // a parameter: the caller built it
    if (def.init && def.init.type === T.CallExpression && [def.init, ...chainBefore(def.init)].some(boundsBuilder)) return true;
    return laterUse(ctx2, def, BUILDER_BOUNDING) !== 'none';
  }
}

/**
 * `knex('members').select('status').select(knex.raw('COUNT(id) AS total')).groupBy('status')`: one row per group
 * of a coarse column, a report rather than a listing.
 */
function knexGroupedAggregate(calls: Call[]): boolean {
  const groups: string[] = [];
  let aggregate = false;
  const textOf = (a: Node) => {
    const n = unwrap(a);
    return staticText(n) ?? (n.type === T.CallExpression && calleeName(n) === 'raw' ? staticText(n.arguments[0]) : undefined);
  };
  // select({ kind: kindExpr, count: knex.raw('count(*)') }): the alias names an expression grouped on later
  const aliases = new Map<string, string>();
  for (const c of calls) {
    const name = calleeName(c);
    if (name !== 'select' && name !== 'columns' && name !== 'column') continue;
    for (const a of c.arguments) {
      const n = unwrap(a as Node);
      const values = n.type === T.ObjectExpression ? n.properties : [];
      for (const p of values) {
        if (p.type !== T.Property || p.computed || p.key.type !== T.Identifier) continue;
        const v = unwrap(p.value as Node);
        if (v.type === T.Identifier) aliases.set(v.name, p.key.name);
        else aggregate ||= AGGREGATE_CALL.test(textOf(v) ?? '');
      }
      aggregate ||= AGGREGATE_CALL.test(textOf(n) ?? '');
    }
  }
  for (const c of calls) {
    const name = calleeName(c);
    if (name !== 'groupBy' && name !== 'groupByRaw') continue;
    const texts = c.arguments.map((a) => {
      const n = unwrap(a as Node);
      return n.type === T.Identifier && aliases.has(n.name) ? aliases.get(n.name) : textOf(n);
    });
    if (texts.some((t) => t === undefined)) return false;
    groups.push(...texts.flatMap((t) => t!.split(',')));
  }
  return aggregate && groupKeysAreCoarse(groups);
}

/**
 * `const [conflict] = await tx('locations').where({ type, target }).select()`: one row taken from an equality
 * lookup, the row the filter names. Without a filter, or with an order (`[latest] = … .orderBy('at', 'desc')`),
 * the whole table is read to keep its first row, and that stays a finding.
 */
function takesOneFilteredRow(top: Node, calls: Call[]): boolean {
  const wheres = calls.filter((c) => /^(where|andWhere)$/.test(calleeName(c) ?? ''));
  // equality only: `.where({ a, b })`, `.where('a', a)`, `.where('a', '=', a)`
  const equality = (c: Call) => (c.arguments.length === 1 && unwrap(c.arguments[0] as Node).type === T.ObjectExpression) || c.arguments.length === 2 || (c.arguments.length === 3 && staticText(c.arguments[1]) === '=');
  if (wheres.length === 0 || !wheres.every(equality) || calls.some((c) => /^(orderBy|orderByRaw|whereIn|orWhere|whereLike|whereILike|whereBetween|whereRaw)$/.test(calleeName(c) ?? ''))) return false;
  const p = top.parent;
  if (p?.type !== T.AwaitExpression) return false;
  const q = p.parent;
  const pattern = q?.type === T.VariableDeclarator && q.init === p ? q.id : q?.type === T.AssignmentExpression && q.right === p ? q.left : undefined;
  return pattern?.type === T.ArrayPattern && pattern.elements.length === 1 && pattern.elements[0]?.type !== T.RestElement;
}

/** `.distinct('source_key')`, `.distinct('status')`: one row per value of a coarse column, not one per entity. */
function knexDistinctCoarse(calls: Call[]): boolean {
  const distinct = calls.filter((c) => calleeName(c) === 'distinct');
  if (distinct.length !== 1 || calls.some((c) => /^(select|columns|column|join|innerJoin|leftJoin|leftOuterJoin)$/.test(calleeName(c) ?? ''))) return false;
  const cols = distinct[0].arguments.map((a) => staticText(a));
  return cols.length > 0 && cols.every((c) => c !== undefined) && groupKeysAreCoarse(cols as string[]);
}

/**
 * `select('entity_id').whereIn('entity_id', ids)`: which of these keys exist, at most one row per key looked up
 * (the idiom is used on keys; a column selected alone and looked up by a list is one).
 */
function selectsOnlyLookedUpColumn(calls: Call[]): boolean {
  const selected = calls.filter((c) => calleeName(c) === 'select' || calleeName(c) === 'column' || calleeName(c) === 'columns').flatMap((c) => c.arguments.map((a) => staticText(a)));
  if (selected.length !== 1 || selected[0] === undefined) return false;
  const bare = (col: string) => col.trim().split('.').pop();
  return calls.some((c) => /^(whereIn|andWhereIn)$/.test(calleeName(c) ?? '') && bare(staticText(c.arguments[0]) ?? '') === bare(selected[0]!));
}

/**
 * `const items = await tx('stitch_queue').select(…).limit(n)` then `tx('stitch_queue').whereIn('entity_ref',
 * items.map((i) => i.entity_ref))`: the same table read again by the keys of rows already held (MySQL has no
 * `RETURNING`), so no more rows than the bounded read gave.
 */
function refetchesHeldRows(ctx: ModelContext, calls: Call[], table: string): boolean {
  return calls.some((c) => {
    if (!/^(whereIn|andWhereIn)$/.test(calleeName(c) ?? '') || c.arguments.length !== 2) return false;
    const col = staticText(c.arguments[0])?.split('.').pop();
    const list = unwrap(c.arguments[1] as Node);
    if (!col || list.type !== T.CallExpression || calleeName(list) !== 'map' || list.callee.type !== T.MemberExpression) return false;
    const fn = unwrap(list.arguments[0] as Node);
    if (!isFunction(fn) || fn.body.type !== T.MemberExpression || memberPath(fn.body).pop() !== col) return false;
    let held = resolveValue(list.callee.object, ctx);
    if (held?.type === T.AwaitExpression) held = unwrap(held.argument as Node);
    if (held?.type !== T.CallExpression) return false;
    const chain = [held, ...chainBefore(held)];
    const head = chain[chain.length - 1];
    const sameTable = head.callee.type === T.Identifier && staticText(head.arguments[0])?.split(/\s+/)[0] === table;
    return sameTable && chain.some((x) => /^(limit|first)$/.test(calleeName(x) ?? ''));
  });
}

/**
 * A read in a loop over chunks whose filter takes the chunk (`for (const chunk of lodash.chunk(ids, 500))` with
 * `.whereIn('entity_id', chunk)`, or a list mapped from it): the batched lookup, a chunk's worth of keys at a time.
 */
function keyedByChunk(start: Call, calls: Call[]): boolean {
  // one callback deep: `for (const chunk of chunks) await retryOnDeadlock(async () => knex(…).whereIn('id', chunk))`
  let fn: Node | undefined = start.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  const it = iterationOf(start) ?? (fn ? iterationOf(fn) : undefined);
  if (!it || !walksChunks(it)) return false;
  const names = new Set(it.bound);
  const body = it.node.type === T.ForOfStatement || it.node.type === T.ForStatement ? it.node.body : (it.node as { body?: Node }).body;
  if (body) {
    walk(body, (n) => {
      if (n.type === T.VariableDeclarator && n.id.type === T.Identifier) names.add(n.id.name);
      return undefined;
    });
  }
  return calls.some((c) => /^(where|andWhere|whereIn|andWhereIn)$/.test(calleeName(c) ?? '') && c.arguments.some((a) => mentions(a as Node, names)));
}

function selectsOnlyAggregates(start: Call): boolean {
  let n: Node | undefined = start;
  while (n && n.type === T.CallExpression && calleeName(n) !== 'select' && n.callee.type === T.MemberExpression) n = unwrap(n.callee.object);
  const fields = n?.type === T.CallExpression ? n.arguments[0] : undefined;
  if (!fields || fields.type !== T.ObjectExpression || fields.properties.length === 0) return false;
  const AGG = /^(count|sum|avg|min|max|countDistinct)$/;
  return fields.properties.every((p) => {
    if (p.type !== T.Property) return false;
    const v = unwrap(p.value as Node);
    if (v.type === T.CallExpression) return AGG.test(calleeName(v) ?? '');
    // sql<number>`count(*)`
    if (v.type === T.TaggedTemplateExpression) return /^\s*(count|sum|avg|min|max)\s*\(/i.test(staticText(v.quasi) ?? '');
    return false;
  });
}

/** Variables that hold a Knex instance: `const db = knex(config)`, `const db = require('knex')(cfg)`. */
export function knexInstances(ctx: ModelContext): Set<string> {
  const names = new Set<string>();
  for (const [local, ref] of ctx.index.imports) if (ref.source === 'knex' && ref.imported !== 'default') names.add(local);
  for (const call of ctx.index.calls) {
    const parent = call.parent;
    if (parent?.type !== T.VariableDeclarator || parent.id.type !== T.Identifier) continue;
    const callee = unwrap(call.callee);
    const fromKnex = (callee.type === T.Identifier && (callee.name === 'knex' || callee.name === 'Knex' || ctx.index.imports.get(callee.name)?.source === 'knex')) || staticText((callee as TSESTree.CallExpression).arguments?.[0]) === 'knex';
    if (fromKnex) names.add(parent.id.name);
  }
  return names;
}
