/**
 * Where a node runs once per item: the loop or iteration callback around it in the same function. The N+1 rule
 * reads it, and so can any rule about work repeated per item (an HTTP call, a publish, an await in a loop).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import type { TSESLint } from '@typescript-eslint/utils';
import { T, calleeName, memberPath, unwrap, walk, type Node } from './ast';

export interface Iteration {
  /** The loop statement, or the callback function. */
  node: Node;
  kind: 'for-of' | 'for-in' | 'for' | 'while' | 'callback';
  /** For callbacks: `map`, `forEach`, `reduce`, `pMap`… */
  method?: string;
  /** The collection iterated, when there is one. */
  over?: Node;
  /** Names bound anew on each iteration: loop variables, callback parameters. */
  bound: Set<string>;
  /** `for await (…)`. */
  await: boolean;
}

const ARRAY_METHODS = /^(map|forEach|flatMap|reduce|reduceRight|filter|some|every|find|findIndex)$/;
/** Helpers that call their second argument per item: p-map, Bluebird, async. */
const ITERATE_FUNCTIONS = /^(pMap|pMapSeries|mapSeries|mapLimit|eachSeries|eachLimit|each|forEachSeries|map)$/;

function boundNames(pattern: Node | null | undefined, into: Set<string>): void {
  if (!pattern) return;
  walk(pattern, (n) => {
    if (n.type === T.Identifier) into.add(n.name);
    // default values and computed keys are not bindings
    if (n.type === T.AssignmentPattern) {
      boundNames(n.left, into);
      return false;
    }
    if (n.type === T.Property) {
      boundNames(n.value as Node, into);
      return false;
    }
    return undefined;
  });
}

/** The iteration call a function is the per-item callback of: `items.map(fn)`, `pMap(items, fn)`, `Bluebird.map(items, fn)`. */
function iterationCall(fn: Node): { call: TSESTree.CallExpression; method: string; over?: Node } | undefined {
  const p = fn.parent;
  if (p?.type !== T.CallExpression) return undefined;
  const name = calleeName(p);
  if (!name) return undefined;
  if (p.callee.type === T.MemberExpression && ARRAY_METHODS.test(name) && p.arguments[0] === fn) {
    const path = memberPath(p.callee);
    // Bluebird.map(items, fn), Promise.map(items, fn)
    if (name === 'map' && p.arguments.length >= 2 && /^(Bluebird|Promise|P|async)$/.test(path[0])) return undefined;
    return { call: p, method: name, over: unwrap(p.callee.object) };
  }
  if (ITERATE_FUNCTIONS.test(name) && p.arguments[1] === fn) return { call: p, method: name, over: p.arguments[0] ? unwrap(p.arguments[0] as Node) : undefined };
  return undefined;
}

/**
 * The innermost loop or iteration callback that runs `node` once per item, within the function `node` is in.
 * A node in a loop's header (`for (const x of await db.find())`) runs once. A `new Promise((resolve) => …)`
 * executor runs at once, so the search goes on through it; any other function boundary ends it.
 */
export function iterationOf(node: Node): Iteration | undefined {
  let child: Node = node;
  for (let n: Node | undefined = node.parent; n; child = n, n = n.parent) {
    switch (n.type) {
      case T.ForOfStatement:
      case T.ForInStatement:
        if (child === n.body) {
          const bound = new Set<string>();
          boundNames(n.left.type === T.VariableDeclaration ? n.left.declarations[0]?.id : n.left, bound);
          return { node: n, kind: n.type === T.ForOfStatement ? 'for-of' : 'for-in', over: unwrap(n.right), bound, await: n.type === T.ForOfStatement && n.await };
        }
        break;
      case T.ForStatement:
        if (child === n.body) {
          const bound = new Set<string>();
          if (n.init?.type === T.VariableDeclaration) for (const d of n.init.declarations) boundNames(d.id, bound);
          return { node: n, kind: 'for', bound, await: false };
        }
        break;
      case T.WhileStatement:
      case T.DoWhileStatement:
        if (child === n.body) return { node: n, kind: 'while', bound: new Set(), await: false };
        break;
      case T.ArrowFunctionExpression:
      case T.FunctionExpression:
      case T.FunctionDeclaration: {
        const it = iterationCall(n);
        if (it) {
          const bound = new Set<string>();
          for (const p of n.params) boundNames(p as Node, bound);
          return { node: n, kind: 'callback', method: it.method, over: it.over, bound, await: false };
        }
        const p = n.parent;
        if (p?.type === T.NewExpression && p.callee.type === T.Identifier && p.callee.name === 'Promise') break;
        return undefined;
      }
      default:
        break;
    }
  }
  return undefined;
}

const RETRY = /^(attempts?|retry|retries|tries|try|tryCount|attemptNo)$|^(max|MAX)_?(ATTEMPTS|RETRIES|TRIES|Attempts|Retries|Tries)$/;

/**
 * A loop that runs a fixed, small number of times whatever the data: over a literal list (`['a', 'b']`, a module
 * constant holding one), `for (let i = 0; i < 3; i++)`, a retry loop (`attempt < MAX_ATTEMPTS`).
 */
export function hasConstantBound(it: Iteration, sourceCode: Readonly<TSESLint.SourceCode>, max = 10): boolean {
  const small = (n: Node | undefined): boolean => {
    if (!n) return false;
    const u = unwrap(n);
    if (u.type === T.ArrayExpression) return u.elements.length <= max && u.elements.every((e) => e && e.type !== T.SpreadElement);
    // Object.keys(LIMITS), Object.entries(HEADERS) over a literal
    if (u.type === T.CallExpression && /^Object\.(keys|values|entries)$/.test(memberPath(u.callee).join('.'))) return small(u.arguments[0] as Node);
    if (u.type === T.ObjectExpression) return u.properties.length <= max && u.properties.every((p) => p.type === T.Property);
    // the app's own configuration (`this.configService.customFields.Product.filter(isRelation)`): sized by its developer
    if (u.type === T.CallExpression && u.callee.type === T.MemberExpression && /^(filter|slice)$/.test(calleeName(u) ?? '')) return small(u.callee.object);
    if (u.type === T.MemberExpression) return readsConfiguration(u);
    if (u.type === T.Identifier) {
      const v = findVariable(sourceCode.getScope(u), u.name);
      const def = v?.defs[0]?.node as Node | undefined;
      if (def?.type === T.VariableDeclarator && def.init && (def.parent as TSESTree.VariableDeclaration).kind === 'const' && v!.references.every((r) => r.init || !isMutated(r.identifier as Node))) return small(def.init);
    }
    return false;
  };
  if (it.kind === 'for-of' || it.kind === 'for-in' || it.kind === 'callback') return small(it.over);
  if (it.kind === 'for') {
    const loop = it.node as TSESTree.ForStatement;
    const test = loop.test;
    if (!test || test.type !== T.BinaryExpression || !/^(<|<=)$/.test(test.operator)) return false;
    const right = unwrap(test.right);
    if (right.type === T.Literal && typeof right.value === 'number') return right.value <= max;
    if (right.type === T.Identifier && RETRY.test(right.name)) return true;
    const left = unwrap(test.left as Node);
    return left.type === T.Identifier && RETRY.test(left.name);
  }
  return false;
}

/** `this.configService.x`, `config.plugins`, `this.options.fields[name]`: a value from the app's configuration. */
function readsConfiguration(n: Node): boolean {
  let root: Node = n;
  const names: string[] = [];
  while (root.type === T.MemberExpression) {
    if (!root.computed && root.property.type === T.Identifier) names.unshift(root.property.name);
    else names.length = 0;
    root = unwrap(root.object);
  }
  if (root.type === T.ThisExpression) return /^(config|configService|appConfig|options)$/.test(names[0] ?? '');
  return root.type === T.Identifier && /^(config|configService|appConfig)$/.test(root.name);
}

function isMutated(id: Node): boolean {
  const p = id.parent;
  return p?.type === T.MemberExpression && p.object === id && p.parent?.type === T.CallExpression && /^(push|unshift|splice)$/.test(calleeName(p.parent) ?? '');
}

/** A counter loop that steps by more than one (`i += 500`) walks chunks: the batching fix itself. */
export function stepsInChunks(it: Iteration): boolean {
  if (it.kind !== 'for') return false;
  const update = (it.node as TSESTree.ForStatement).update;
  if (!update) return false;
  if (update.type === T.UpdateExpression) return false;
  if (update.type === T.AssignmentExpression && update.operator === '+=') {
    const r = unwrap(update.right);
    return !(r.type === T.Literal && r.value === 1);
  }
  return true;
}

const CHUNKING = /^(chunk|chunks|chunked|chunkArray|splitToChunks|splitIntoChunks|inChunks|batch|batches|batched|toBatches|splitIntoBatches)$/i;
// `batch` alone may be a domain record (a production batch); `chunk` is never one
const CHUNK_VARIABLE = /^chunk(Of\w+|\d*)$|Chunk$/;

/**
 * A loop over chunks of a list, the batching fix itself: `for (const chunk of lodash.chunk(ids, 500))`,
 * `for (const batch of _(rows).chunk(100).value())`, `for (const chunk of sortSplit(refs))`. One query per chunk
 * is what the N+1 rule asks for, and a read keyed by the chunk returns at most a chunk's worth of rows.
 */
export function walksChunks(it: Iteration): boolean {
  if (it.kind === 'for') return stepsInChunks(it);
  if (it.kind !== 'for-of' && it.kind !== 'callback') return false;
  let chunked = false;
  if (it.over) {
    walk(it.over, (n) => {
      if (chunked) return false;
      if (n.type === T.CallExpression && CHUNKING.test(calleeName(n) ?? '')) chunked = true;
      if (n.type === T.Identifier && /^chunks$|Chunks$/.test(n.name)) chunked = true;
      return isFunctionNode(n) ? false : undefined;
    });
  }
  if (chunked) return true;
  // `for (const chunk of parts)`: the loop variable says what each item is
  return it.kind === 'for-of' && it.bound.size === 1 && CHUNK_VARIABLE.test([...it.bound][0]);
}

function isFunctionNode(n: Node): boolean {
  return n.type === T.ArrowFunctionExpression || n.type === T.FunctionExpression || n.type === T.FunctionDeclaration;
}

/** A counter loop over a collection's indexes: `i < items.length`, `i < rows.size`. */
export function countsOverCollection(it: Iteration): boolean {
  if (it.kind !== 'for') return false;
  const test = (it.node as TSESTree.ForStatement).test;
  if (!test || test.type !== T.BinaryExpression) return false;
  const right = unwrap(test.right);
  return right.type === T.MemberExpression && /^(length|size)$/.test(memberPath(right).slice(-1)[0] ?? '');
}

/** Whether an expression mentions one of `names` (a loop variable, a callback parameter). */
export function mentions(node: Node | undefined, names: ReadonlySet<string>): boolean {
  if (!node || names.size === 0) return false;
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (n.type === T.Identifier && names.has(n.name)) {
      const p = n.parent;
      // `{ id: x }` keys and `a.id` properties are not references
      if (!(p?.type === T.Property && p.key === n && !p.computed && !p.shorthand) && !(p?.type === T.MemberExpression && p.property === n && !p.computed)) found = true;
    }
    return undefined;
  });
  return found;
}

