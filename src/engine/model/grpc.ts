/**
 * gRPC clients and their calls: @grpc/grpc-js clients (`new proto.pkg.Service(addr, credentials)`, generated
 * `*_grpc_pb` clients), NestJS `ClientGrpc.getService()` services, and Connect clients (`createClient(Service, transport)`).
 * Rules about deadlines and client reuse read this list.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, memberPath, property, unwrap, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';

export type GrpcClientKind = 'grpc-js' | 'nest' | 'connect';

export interface GrpcCall {
  call: Call;
  kind: GrpcClientKind;
  method: string;
}

const GRPC_PACKAGES = /^(@grpc\/grpc-js|grpc)$|_grpc_pb$|grpc_pb(\.js)?$/;
const CONNECT_PACKAGES = /^(@connectrpc\/connect|@bufbuild\/connect)$/;
const NOT_RPC = /^(close|getChannel|waitForReady|makeUnaryRequest|makeClientStreamRequest|makeServerStreamRequest|makeBidiStreamRequest|getService|getClientByServiceName|bind|call|apply|toString|then|catch|on|emit)$/;

/** `const client = …`, `this.client = …`, `private client = …`: the text calls on the value will use. */
function bindingOf(expr: Node): string | undefined {
  let n: Node = expr;
  while (n.parent && (n.parent.type === T.AwaitExpression || n.parent.type === T.TSAsExpression || n.parent.type === T.TSNonNullExpression)) n = n.parent;
  const p = n.parent;
  if (p?.type === T.VariableDeclarator && p.id.type === T.Identifier) return p.id.name;
  if (p?.type === T.AssignmentExpression) return memberPath(p.left).join('.') || undefined;
  if (p?.type === T.PropertyDefinition && p.key.type === T.Identifier) return `this.${p.key.name}`;
  return undefined;
}

/** The declarator of the variable a client is kept in (`const client = …`, `client = …` after `let client`); undefined for a field. */
function declaratorOf(expr: Node, ctx: ModelContext): Node | undefined {
  let n: Node = expr;
  while (n.parent && (n.parent.type === T.AwaitExpression || n.parent.type === T.TSAsExpression || n.parent.type === T.TSNonNullExpression)) n = n.parent;
  const p = n.parent;
  if (p?.type === T.VariableDeclarator) return p;
  if (p?.type === T.AssignmentExpression && p.left.type === T.Identifier) {
    const def = findVariable(ctx.sourceCode.getScope(p.left), p.left.name)?.defs[0];
    return def?.node.type === T.VariableDeclarator ? (def.node as Node) : undefined;
  }
  return undefined;
}

/** A plain `client.x()` names the variable declared where the gRPC client was made (not a same-named one elsewhere). */
function sameBinding(object: Node, declarators: Set<Node | undefined>, ctx: ModelContext): boolean {
  if (object.type !== T.Identifier) return true;
  const def = findVariable(ctx.sourceCode.getScope(object), object.name)?.defs[0];
  if (def?.node.type !== T.VariableDeclarator) return declarators.has(undefined);
  return declarators.has(def.node as Node);
}

function isCredentials(arg: Node | undefined): boolean {
  if (!arg) return false;
  const a = unwrap(arg);
  const path = a.type === T.CallExpression ? memberPath(a.callee) : memberPath(a);
  return path.some((s) => /credentials|Credentials|creds/.test(s));
}

const cache = new WeakMap<object, GrpcCall[]>();

/** Every call to a gRPC client method in the file. Built once per file. */
export function grpcCalls(ctx: ModelContext): readonly GrpcCall[] {
  const cached = cache.get(ctx.index);
  if (cached) return cached;
  const out: GrpcCall[] = [];
  let grpc = false;
  let connect = false;
  for (const ref of ctx.index.imports.values()) {
    if (GRPC_PACKAGES.test(ref.source) || ref.source === '@nestjs/microservices') grpc = true;
    if (CONNECT_PACKAGES.test(ref.source)) connect = true;
  }
  if (!grpc && !connect) {
    cache.set(ctx.index, out);
    return out;
  }
  const clients = new Map<string, GrpcClientKind>();
  /** Where each client variable is declared: another function's `const client = new pg.Client()` is not it. */
  const declarators = new Set<Node | undefined>();
  for (const n of ctx.index.news) {
    // new proto.shop.v1.Orders('orders:50051', grpc.credentials.createInsecure()); options with interceptors may set deadlines
    if (!grpc || n.arguments.length < 2 || !isCredentials(n.arguments[1] as Node)) continue;
    const opts = n.arguments[2] ? unwrap(n.arguments[2] as Node) : undefined;
    if (opts && (opts.type !== T.ObjectExpression || property(opts, 'interceptors') || property(opts, 'interceptor_providers'))) continue;
    const name = bindingOf(n);
    if (name) clients.set(name, 'grpc-js');
    if (name) declarators.add(declaratorOf(n, ctx));
  }
  let connectTimeout = false;
  for (const call of ctx.index.calls) {
    const name = calleeName(call);
    if (name === 'getService' && grpc) {
      const b = bindingOf(call);
      if (b) clients.set(b, 'nest');
      if (b) declarators.add(declaratorOf(call, ctx));
    } else if ((name === 'createClient' || name === 'createPromiseClient') && connect && call.arguments.length >= 2) {
      const transport = call.arguments[1] ? unwrap(call.arguments[1] as Node) : undefined;
      // The transport's defaultTimeoutMs covers every call; a transport made in another file is unknown.
      if (transport?.type === T.Identifier && !ctx.index.calls.some((c) => /^create(Connect|Grpc|GrpcWeb)Transport$/.test(calleeName(c) ?? '') && bindingOf(c) === transport.name)) continue;
      const b = bindingOf(call);
      if (b) clients.set(b, 'connect');
      if (b) declarators.add(declaratorOf(call, ctx));
    } else if (name && /^create(Connect|Grpc|GrpcWeb)Transport$/.test(name) && property(call.arguments[0] as Node | undefined, 'defaultTimeoutMs')) {
      connectTimeout = true;
    }
  }
  if (connectTimeout) for (const [k, v] of clients) if (v === 'connect') clients.delete(k);
  if (clients.size > 0) {
    for (const call of ctx.index.calls) {
      if (call.callee.type !== T.MemberExpression) continue;
      const method = calleeName(call);
      if (!method || NOT_RPC.test(method)) continue;
      const kind = clients.get(memberPath(call.callee.object).join('.'));
      if (kind && sameBinding(call.callee.object, declarators, ctx)) out.push({ call, kind, method });
    }
  }
  cache.set(ctx.index, out);
  return out;
}

/** An object literal among the call's arguments that sets `name` (`{ deadline }`, `{ timeoutMs }`). */
export function optionsWith(call: Call, name: string): TSESTree.ObjectExpression | undefined {
  for (const a of call.arguments) {
    const n = unwrap(a as Node);
    if (n.type === T.ObjectExpression && property(n, name)) return n;
  }
  return undefined;
}
