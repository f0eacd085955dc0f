/**
 * Outbound HTTP calls: every request a file sends to another server, across fetch (global, node-fetch, undici,
 * cross-fetch, ofetch), axios (and its instances, Nest's `HttpService`), got, ky, superagent, needle, request, and
 * Node's `http`/`https`. For each call: which client, the URL argument and the options argument, so the SSRF rule
 * can read the URL and the timeout rule can read the options.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, isFunction, memberPath, property, unwrap, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';

export type OutboundClient = 'fetch' | 'node-fetch' | 'undici' | 'ofetch' | 'axios' | 'got' | 'ky' | 'superagent' | 'needle' | 'request' | 'http' | 'https';

export interface OutboundCall {
  call: Call;
  client: OutboundClient;
  /** The method called (`get`, `post`, `request`, `create`), or `''` for a direct call such as `fetch(url)`. */
  method: string;
  /** The URL: the argument, the `url` property of a config object, or for a factory the `baseURL`/`prefixUrl` value. */
  urlNode?: Node;
  /** The options/config argument (fetch's init, axios' config, got's options, `http.request`'s options). */
  optionsNode?: Node;
  /** The call makes a client (`axios.create`, `got.extend`, `ky.create`): `urlNode` is its base URL; it sends nothing. */
  creates?: boolean;
  /** The call goes through an instance made by a factory (`api.get('/x')` after `const api = axios.create(…)`). */
  instance?: boolean;
}

const CLIENT_OF_MODULE: Record<string, OutboundClient> = {
  axios: 'axios',
  got: 'got',
  ky: 'ky',
  'ky-universal': 'ky',
  superagent: 'superagent',
  needle: 'needle',
  request: 'request',
  'request-promise': 'request',
  'request-promise-native': 'request',
  undici: 'undici',
  'node-fetch': 'node-fetch',
  'cross-fetch': 'node-fetch',
  'isomorphic-fetch': 'node-fetch',
  'isomorphic-unfetch': 'node-fetch',
  ofetch: 'ofetch',
  ohmyfetch: 'ofetch',
  http: 'http',
  'node:http': 'http',
  https: 'https',
  'node:https': 'https',
};
/** Methods whose second argument is the request body, so options come third. */
const WITH_BODY = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const VERBS = new Set(['get', 'delete', 'head', 'options', 'post', 'put', 'patch', 'postForm', 'putForm', 'patchForm', 'request', 'stream', 'paginate', 'del']);
const FACTORIES = new Set(['create', 'extend']);

const cache = new WeakMap<object, OutboundCall[]>();

/** Every outbound HTTP call in the file, in source order (built once per file). */
export function outboundCalls(ctx: ModelContext): readonly OutboundCall[] {
  const cached = cache.get(ctx.index);
  if (cached) return cached;
  const clients = importedClients(ctx);
  const nestHttp = ctx.index.imports.size > 0 && [...ctx.index.imports.values()].some((i) => i.source === '@nestjs/axios');
  const instances = new Map<string, OutboundClient>();
  const out: OutboundCall[] = [];
  for (const call of ctx.index.calls) {
    const found = classify(call, clients, instances, nestHttp, ctx);
    if (!found) continue;
    out.push(found);
    if (found.creates) {
      const name = boundName(call);
      if (name) instances.set(name, found.client);
    }
  }
  cache.set(ctx.index, out);
  return out;
}

/** The outbound call a CallExpression is, when it is one (looks it up in the per-file list). */
export function outboundCall(call: Call, ctx: ModelContext): OutboundCall | undefined {
  return outboundCalls(ctx).find((c) => c.call === call);
}

/** Local name → the HTTP client it was imported as (`import axios from 'axios'`, `const got = require('got')`). */
function importedClients(ctx: ModelContext): Map<string, { client: OutboundClient; imported: string }> {
  const map = new Map<string, { client: OutboundClient; imported: string }>();
  for (const [local, ref] of ctx.index.imports) {
    const client = CLIENT_OF_MODULE[ref.source];
    if (client) map.set(local, { client, imported: ref.imported });
  }
  return map;
}

/** The name a factory's result is kept under: `const api = axios.create()`, `this.http = got.extend()`, `private http = ky.create()`. */
export function boundName(call: Call): string | undefined {
  const p = call.parent;
  if (p?.type === T.VariableDeclarator && p.id.type === T.Identifier) return p.id.name;
  if (p?.type === T.AssignmentExpression) {
    const path = memberPath(p.left);
    return path[path.length - 1];
  }
  if (p?.type === T.PropertyDefinition && p.key.type === T.Identifier) return p.key.name;
  if (p?.type === T.Property && p.key.type === T.Identifier) return p.key.name;
  return undefined;
}

function arg(call: Call, i: number): Node | undefined {
  const a = call.arguments[i] as Node | undefined;
  return a && a.type !== T.SpreadElement ? a : undefined;
}

/** `(url, options)` or `(config)` with a `url` inside, for axios, got, ky, fetch-likes. */
function urlThenOptions(call: Call, client: OutboundClient, method: string, optionsAt: number, instance = false): OutboundCall {
  const first = arg(call, 0);
  // axios.request(config) takes only a config, whatever its shape (a variable, a parameter)
  const configOnly = client === 'axios' && method === 'request' && call.arguments.length === 1;
  if (first && (configOnly || (unwrap(first).type === T.ObjectExpression && (method === '' || method === 'request')))) {
    return { call, client, method, urlNode: property(unwrap(first), 'url')?.value as Node | undefined, optionsNode: first, instance };
  }
  return { call, client, method, urlNode: first, optionsNode: arg(call, optionsAt), instance };
}

function classify(call: Call, clients: Map<string, { client: OutboundClient; imported: string }>, instances: Map<string, OutboundClient>, nestHttp: boolean, ctx: ModelContext): OutboundCall | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) return direct(call, callee, clients, instances, ctx);
  if (callee.type !== T.MemberExpression) return undefined;
  const name = calleeName(call);
  if (!name) return undefined;
  const path = memberPath(callee);
  const owner = path[path.length - 2];
  if (!owner) return undefined;
  // globalThis.fetch(url), window.fetch(url)
  // (not `var self = this; self.fetch(user)`: a method of the object, a git fetch in Node-RED's projects)
  if (name === 'fetch' && path.length === 2 && /^(globalThis|window|global|self)$/.test(owner) && !isLocal(owner, callee, ctx)) return urlThenOptions(call, 'fetch', '', 1);
  const root = clients.get(path[0]);
  if (root && path.length === 2) return member(call, root.client, name, false);
  // undici.request(url), http.get(url) through a namespace import
  if (root && path.length === 3 && path[1] === 'default') return member(call, root.client, name, false);
  // api.get('/x') after api = axios.create(…); this.http.post(…)
  const inst = instances.get(owner);
  if (inst && (path.length === 2 || (path.length === 3 && path[0] === 'this'))) return member(call, inst, name, true);
  // Nest: this.httpService.get(url), this.httpService.axiosRef.get(url)
  if (nestHttp && (/httpService$/i.test(owner) || owner === 'axiosRef') && VERBS.has(name)) return member(call, 'axios', name, false);
  return undefined;
}

/** `name` is declared in the code (`const self = this`), not the platform global of that name. */
function isLocal(name: string, at: Node, ctx: ModelContext): boolean {
  const variable = findVariable(ctx.sourceCode.getScope(at), name);
  return !!variable && variable.defs.length > 0;
}

function direct(call: Call, callee: TSESTree.Identifier, clients: Map<string, { client: OutboundClient; imported: string }>, instances: Map<string, OutboundClient>, ctx: ModelContext): OutboundCall | undefined {
  const name = callee.name;
  const imported = clients.get(name);
  if (imported) {
    const { client } = imported;
    // import { request, fetch, stream } from 'undici'; import { get, request } from 'https'
    if (client === 'http' || client === 'https') {
      if (imported.imported === 'get' || imported.imported === 'request') return nodeHttp(call, client, imported.imported);
      return undefined;
    }
    if (client === 'undici') {
      if (!/^(request|fetch|stream|pipeline)$/.test(imported.imported)) return undefined;
      return { call, client, method: imported.imported === 'fetch' ? '' : imported.imported, urlNode: arg(call, 0), optionsNode: arg(call, 1) };
    }
    if (client === 'superagent') return superagent(call, '');
    if (client === 'needle') return needle(call, '');
    if (imported.imported !== 'default' && imported.imported !== '*' && client !== 'node-fetch' && client !== 'ofetch') return undefined;
    return urlThenOptions(call, client, '', 1);
  }
  const inst = instances.get(name);
  if (inst) return urlThenOptions(call, inst, '', 1, true);
  if (name === 'fetch' || name === '$fetch') {
    // A local function named fetch is not the platform's fetch.
    const variable = findVariable(ctx.sourceCode.getScope(callee), name);
    if (variable && variable.defs.length > 0) return undefined;
    return urlThenOptions(call, name === '$fetch' ? 'ofetch' : 'fetch', '', 1);
  }
  return undefined;
}

function member(call: Call, client: OutboundClient, name: string, instance: boolean): OutboundCall | undefined {
  if (client === 'http' || client === 'https') return name === 'get' || name === 'request' ? nodeHttp(call, client, name) : undefined;
  if (client === 'superagent') return VERBS.has(name) ? superagent(call, name) : undefined;
  if (client === 'needle') return VERBS.has(name) ? needle(call, name) : undefined;
  if (client === 'undici') return /^(request|fetch|stream|pipeline)$/.test(name) ? { call, client, method: name, urlNode: arg(call, 0), optionsNode: arg(call, 1) } : undefined;
  if (FACTORIES.has(name) && (client === 'axios' || client === 'got' || client === 'ky')) {
    const opts = arg(call, 0);
    const base = property(opts && unwrap(opts), client === 'axios' ? 'baseURL' : 'prefixUrl')?.value as Node | undefined;
    return { call, client, method: name, urlNode: base, optionsNode: opts, creates: true, instance };
  }
  if (client === 'fetch' || client === 'node-fetch' || client === 'ofetch') return undefined;
  if (!VERBS.has(name)) return undefined;
  if (name === 'request') return urlThenOptions(call, client, name, 1, instance);
  return urlThenOptions(call, client, name, client === 'axios' && WITH_BODY.has(name) ? 2 : 1, instance);
}

/**
 * The object literal an options variable holds: `const options = { url, headers }; axios.request(options)`.
 * Undefined when the variable is a parameter, is reassigned, or is handed to another call (which may add a timeout).
 */
export function localOptionsObject(node: Node, call: Call, ctx: ModelContext): TSESTree.ObjectExpression | undefined {
  const n = unwrap(node);
  if (n.type !== T.Identifier) return undefined;
  const variable = findVariable(ctx.sourceCode.getScope(n), n.name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier) return undefined;
  const init = def.node.init ? unwrap(def.node.init) : undefined;
  if (init?.type !== T.ObjectExpression) return undefined;
  for (const ref of variable.references) {
    if (ref.init) continue;
    if (ref.isWrite()) return undefined;
    const id = ref.identifier as Node;
    const p = id.parent;
    if (p === call) continue;
    // options.socketPath = …: a named field; options[key] = … or helper(options) may set anything
    if (p?.type === T.MemberExpression && p.object === id && !p.computed) continue;
    return undefined;
  }
  return init;
}

/** `http.get(url[, options][, cb])`, `http.request(options[, cb])`. */
function nodeHttp(call: Call, client: OutboundClient, method: string): OutboundCall {
  const first = arg(call, 0);
  const second = arg(call, 1);
  if (first && unwrap(first).type === T.ObjectExpression) return { call, client, method, optionsNode: first };
  const options = second && !isFunction(unwrap(second)) ? second : undefined;
  return { call, client, method, urlNode: first, optionsNode: options };
}

/** `superagent.get(url)`, `superagent('GET', url)`; timeouts go through `.timeout()`, so no options node. */
function superagent(call: Call, method: string): OutboundCall {
  if (method === '' && call.arguments.length >= 2) return { call, client: 'superagent', method, urlNode: arg(call, 1) };
  return { call, client: 'superagent', method, urlNode: arg(call, 0) };
}

/** `needle.get(url, options, cb)`, `needle.post(url, data, options)`, `needle('get', url, data, options)`. */
function needle(call: Call, method: string): OutboundCall {
  if (method === '' || method === 'request') return { call, client: 'needle', method, urlNode: arg(call, 1), optionsNode: arg(call, 3) };
  return { call, client: 'needle', method, urlNode: arg(call, 0), optionsNode: arg(call, WITH_BODY.has(method) ? 2 : 1) };
}

/** The host-bearing options of `http.request({ host, hostname, path })`: what decides where the request goes. */
export function targetOptionNodes(options: Node | undefined): Node[] {
  if (!options) return [];
  const o = unwrap(options);
  return ['host', 'hostname', 'url', 'baseURL', 'prefixUrl', 'origin'].map((k) => property(o, k)?.value as Node | undefined).filter((n): n is Node => !!n);
}

/** A `'use client'` file (a React client component): its fetches leave the user's browser, not the server. */
export function runsInBrowser(ctx: ModelContext): boolean {
  const first = ctx.index.program.body[0];
  return first?.type === T.ExpressionStatement && first.expression.type === T.Literal && first.expression.value === 'use client';
}
