/**
 * JSON Web Token calls across libraries: jsonwebtoken (`jwt.verify`, `import { decode } from 'jsonwebtoken'`),
 * jose (`jwtVerify`, `decodeJwt`), jwt-decode, NestJS' `JwtService` (`this.jwtService.verify`), express-jwt and
 * koa-jwt middleware. What a call does (`verify`, `decode`, `sign`, `middleware`) matters more than its spelling.
 */
import { T, memberPath, unwrap, type Call } from './ast';
import type { ModelContext } from './file-index';

export type JwtLibrary = 'jsonwebtoken' | 'jose' | 'jwt-decode' | 'nest' | 'express-jwt' | 'koa-jwt' | 'fastify-jwt';
export type JwtOp = 'verify' | 'decode' | 'sign' | 'middleware';

export interface JwtCall {
  call: Call;
  library: JwtLibrary;
  op: JwtOp;
  /** Where the verify/sign options object goes (jsonwebtoken: 2; Nest: 1), when the call has options. */
  optionsIndex?: number;
}

const JSONWEBTOKEN_OPS: Record<string, JwtOp> = { verify: 'verify', decode: 'decode', sign: 'sign' };
const JOSE_OPS: Record<string, JwtOp> = { jwtVerify: 'verify', decodeJwt: 'decode', decodeProtectedHeader: 'decode', jwtDecrypt: 'verify' };
const NEST_OPS: Record<string, JwtOp> = { verify: 'verify', verifyAsync: 'verify', decode: 'decode', sign: 'sign', signAsync: 'sign' };

function libraryOf(source: string | undefined): JwtLibrary | undefined {
  switch (source) {
    case 'jsonwebtoken':
      return 'jsonwebtoken';
    case 'jose':
      return 'jose';
    case 'jwt-decode':
      return 'jwt-decode';
    case 'express-jwt':
      return 'express-jwt';
    case 'koa-jwt':
      return 'koa-jwt';
    case '@fastify/jwt':
    case 'fastify-jwt':
      return 'fastify-jwt';
    default:
      return undefined;
  }
}

/** The JWT call this is, or undefined. */
export function jwtCall(call: Call, ctx: ModelContext): JwtCall | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) {
    const ref = ctx.index.imports.get(callee.name);
    const lib = libraryOf(ref?.source);
    if (!ref || !lib) return undefined;
    if (lib === 'jsonwebtoken' && JSONWEBTOKEN_OPS[ref.imported]) return { call, library: lib, op: JSONWEBTOKEN_OPS[ref.imported], optionsIndex: 2 };
    if (lib === 'jose' && JOSE_OPS[ref.imported]) return { call, library: lib, op: JOSE_OPS[ref.imported] };
    if (lib === 'jwt-decode') return { call, library: lib, op: 'decode' };
    if (lib === 'express-jwt' || lib === 'koa-jwt') return { call, library: lib, op: 'middleware', optionsIndex: 0 };
    return undefined;
  }
  if (callee.type !== T.MemberExpression) return undefined;
  const path = memberPath(callee);
  const fn = path[path.length - 1];
  if (path.length === 2) {
    const ref = ctx.index.imports.get(path[0]);
    const lib = libraryOf(ref?.source);
    if (lib === 'jsonwebtoken' && JSONWEBTOKEN_OPS[fn]) return { call, library: lib, op: JSONWEBTOKEN_OPS[fn], optionsIndex: 2 };
    if (lib === 'jose' && JOSE_OPS[fn]) return { call, library: lib, op: JOSE_OPS[fn] };
    if (lib === 'express-jwt' && fn === 'expressjwt') return { call, library: lib, op: 'middleware', optionsIndex: 0 };
    // `jwt.verify` where `jwt` is not imported here (a global, a re-export): only the conventional names
    if (!ref && /^(jwt|jsonwebtoken|JWT)$/.test(path[0]) && JSONWEBTOKEN_OPS[fn]) return { call, library: 'jsonwebtoken', op: JSONWEBTOKEN_OPS[fn], optionsIndex: 2 };
    return undefined;
  }
  // this.jwtService.verify(token), this.jwt.verifyAsync(token, { secret })
  if (path.length === 3 && path[0] === 'this' && /^(jwtService|jwt|jwtSvc)$/.test(path[1]) && NEST_OPS[fn]) {
    const nest = [...ctx.index.imports.values()].some((i) => i.source === '@nestjs/jwt');
    if (nest) return { call, library: 'nest', op: NEST_OPS[fn], optionsIndex: 1 };
  }
  return undefined;
}

const cache = new WeakMap<object, JwtCall[]>();
const NAMES = /^(verify|decode|sign|jwtVerify|decodeJwt|decodeProtectedHeader|jwtDecrypt|verifyAsync|signAsync|expressjwt|jwt|jwtDecode|koaJwt)$/;

/** Every JWT call of the file (built once per file; files that import no JWT library cost one scan of imports). */
export function jwtCalls(ctx: ModelContext): readonly JwtCall[] {
  const cached = cache.get(ctx.index);
  if (cached) return cached;
  const out: JwtCall[] = [];
  const locals = new Set<string>();
  let any = false;
  for (const [local, ref] of ctx.index.imports) {
    if (libraryOf(ref.source) || ref.source === '@nestjs/jwt') {
      any = true;
      locals.add(local);
    }
  }
  for (const call of any || ctx.index.calls.length > 0 ? ctx.index.calls : []) {
    const c = unwrap(call.callee);
    const name = c.type === T.Identifier ? c.name : c.type === T.MemberExpression && c.property.type === T.Identifier ? c.property.name : undefined;
    if (!name || (!NAMES.test(name) && !locals.has(name))) continue;
    const found = jwtCall(call, ctx);
    if (found) out.push(found);
  }
  cache.set(ctx.index, out);
  return out;
}
