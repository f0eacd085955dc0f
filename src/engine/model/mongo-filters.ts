/**
 * MongoDB filters and updates: for each Mongoose or driver call in a file, the argument that is the query
 * filter and the one that is the update document; and whether the file strips query operators from input
 * (`mongoose.set('sanitizeFilter', true)`, express-mongo-sanitize), which makes operator injection moot.
 */
import { T, calleeName, property, unwrap, type Call, type Node } from './ast';
import type { DbCall } from './db-calls';
import type { ModelContext } from './file-index';

export interface MongoQuery {
  call: Call;
  operation: string;
  filter?: Node;
  update?: Node;
}

const FILTER_FIRST = new Set(['find', 'findOne', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'findOneAndRemove', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'countDocuments', 'count', 'exists', 'replaceOne', 'remove', 'update']);
const WITH_UPDATE = new Set(['findOneAndUpdate', 'findByIdAndUpdate', 'updateOne', 'updateMany', 'update', 'replaceOne', 'findOneAndReplace']);
const SANITIZER_MODULES = /^(express-mongo-sanitize|@exortek\/express-mongo-sanitize|express-mongo-sanitizer|mongo-express-sanitize)$/;

const cache = new WeakMap<readonly DbCall[], MongoQuery[]>();

/** Mongoose and MongoDB driver calls with their filter and update arguments (from `model.dbCalls()`). */
export function mongoQueries(dbCalls: readonly DbCall[]): readonly MongoQuery[] {
  const cached = cache.get(dbCalls);
  if (cached) return cached;
  const out: MongoQuery[] = [];
  for (const db of dbCalls) {
    if (db.library !== 'mongoose' && db.library !== 'mongodb') continue;
    const op = db.operation;
    const args = db.call.arguments as Node[];
    if (bookshelfOptions(args[1])) continue;
    const filterAt = op === 'distinct' ? 1 : FILTER_FIRST.has(op) ? 0 : -1;
    const updateAt = op === 'findByIdAndUpdate' ? 1 : WITH_UPDATE.has(op) ? 1 : -1;
    const filter = filterAt >= 0 ? args[filterAt] : undefined;
    const update = updateAt >= 0 ? args[updateAt] : undefined;
    if (filter || update) out.push({ call: db.call, operation: op, filter, update });
  }
  cache.set(dbCalls, out);
  return out;
}

/**
 * `ApiKey.findOne({ secret }, { withRelated: ['integration'] })`: Bookshelf's options (an SQL ORM over knex), which a
 * file importing its models from `../models` cannot be told from Mongoose by the import.
 */
function bookshelfOptions(node: Node | undefined): boolean {
  const n = node ? unwrap(node) : undefined;
  return n?.type === T.ObjectExpression && (!!property(n, 'withRelated') || !!property(n, 'transacting'));
}

/**
 * The file turns on Mongoose's `sanitizeFilter` (globally or on a query chain) or uses express-mongo-sanitize,
 * both of which strip `$`-keys from client input before it reaches a filter.
 */
export function sanitizesMongoInput(ctx: ModelContext): boolean {
  for (const ref of ctx.index.imports.values()) if (SANITIZER_MODULES.test(ref.source)) return true;
  return /sanitizeFilter['"]?\s*[:,]\s*true/.test(ctx.sourceCode.text);
}

/** `.setOptions({ sanitizeFilter: true })` on this query's chain. */
export function chainSanitizes(call: Call): boolean {
  for (let n: Node | undefined = call.parent; n; n = n.parent) {
    if (n.type === T.MemberExpression) continue;
    if (n.type === T.CallExpression) {
      if (calleeName(n) === 'setOptions' && n.arguments.some((a) => (property(a as Node, 'sanitizeFilter')?.value as Node | undefined)?.type === T.Literal)) return true;
      continue;
    }
    return false;
  }
  return false;
}
