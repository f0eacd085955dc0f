/**
 * NestJS: controllers and their route methods, guards on the method or the class, throttling decorators,
 * `@Public()`-style opt-outs, and global guards (APP_GUARD providers, `useGlobalGuards`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { T, calleeName, memberPath, property, staticText, unwrap, type Node } from './ast';
import type { ModelContext } from './file-index';
import { handlerFacts } from './handler';
import { NONE, classifyMiddleware, classifyName, merge, type Protection } from './middleware';
import { joinPath, normalisePath } from './paths';
import type { Route } from './route';

const HTTP_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head']);
const PUBLIC_DECORATORS = /^(Public|AllowAnonymous|IsPublic|SkipAuth|NoAuth|Anonymous|PublicRoute|Unprotected)$/;
const AUTH_DECORATORS = /^(Roles|Role|Auth|Authorized|Authenticated|Permissions|RequirePermissions|RequireRoles|Scopes|RequireScopes|ApiKeyAuth|CurrentUser|User)$/;

function decoratorCall(d: TSESTree.Decorator): { name: string; args: Node[] } | undefined {
  const e = unwrap(d.expression);
  if (e.type === T.CallExpression) {
    const name = calleeName(e);
    return name ? { name, args: e.arguments as Node[] } : undefined;
  }
  if (e.type === T.Identifier) return { name: e.name, args: [] };
  return undefined;
}

interface DecoratorFacts {
  protection: Protection;
  isPublic: boolean;
  skipThrottle: boolean;
  /** `@SkipThrottle({ default: false })`: throttling back on, over a class-level skip. */
  unskipThrottle: boolean;
  /** Guards named in `@UseGuards(...)`, as written. */
  guards: Node[];
}

function readDecorators(decorators: TSESTree.Decorator[] | undefined, ctx: ModelContext): DecoratorFacts {
  let protection = NONE;
  let isPublic = false;
  let skipThrottle = false;
  let unskipThrottle = false;
  const guards: Node[] = [];
  for (const d of decorators ?? []) {
    const call = decoratorCall(d);
    if (!call) continue;
    if (call.name === 'UseGuards' || call.name === 'UseInterceptors') {
      for (const a of call.args) protection = merge(protection, classifyMiddleware(a, ctx));
      if (call.name === 'UseGuards') guards.push(...call.args);
    } else if (call.name === 'Throttle') {
      protection = merge(protection, { auth: false, rateLimit: true });
    } else if (call.name === 'SkipThrottle') {
      // @SkipThrottle({ default: false }) turns throttling back on for one route
      const arg = call.args[0];
      const off = arg?.type === T.ObjectExpression && arg.properties.every((p) => p.type === T.Property && p.value.type === T.Literal && p.value.value === false);
      if (off) unskipThrottle = true;
      else skipThrottle = true;
    } else if (PUBLIC_DECORATORS.test(call.name) || (call.name === 'SetMetadata' && /public|anonymous|skip.?auth/i.test(memberPath(call.args[0] ?? d).join('.') + (staticText(call.args[0]) ?? '')))) {
      isPublic = true;
    } else if (AUTH_DECORATORS.test(call.name)) {
      protection = merge(protection, { auth: true, rateLimit: false });
    } else {
      // Composed decorators: @Auth(Role.Admin), @JwtProtected(), @ApiKeyGuarded()
      const p = classifyName(call.name, ctx.team);
      if (p.auth) protection = merge(protection, { auth: true, rateLimit: false });
    }
  }
  return { protection, isPublic, skipThrottle, unskipThrottle, guards };
}

/** APP_GUARD providers and `app.useGlobalGuards(...)` in this file. */
export function nestGlobalGuards(ctx: ModelContext): Protection {
  let p = NONE;
  for (const call of ctx.index.calls) {
    if (calleeName(call) === 'useGlobalGuards') for (const a of call.arguments) p = merge(p, classifyMiddleware(a as Node, ctx));
  }
  // { provide: APP_GUARD, useClass: JwtAuthGuard }
  const visit = (obj: Node): void => {
    const provide = property(obj, 'provide')?.value;
    if (provide?.type === T.Identifier && provide.name === 'APP_GUARD') {
      const use = property(obj, 'useClass')?.value ?? property(obj, 'useExisting')?.value ?? property(obj, 'useFactory')?.value;
      if (use) p = merge(p, classifyMiddleware(use as Node, ctx));
    }
  };
  for (const call of ctx.index.calls) {
    if (calleeName(call) !== 'Module') continue;
    const providers = property(call.arguments[0] as Node, 'providers')?.value;
    if (providers?.type === T.ArrayExpression) for (const el of providers.elements) if (el) visit(unwrap(el as Node));
  }
  return p;
}

export function buildNestModel(ctx: ModelContext, globalGuards: Protection, used: Node[]): Route[] {
  const routes: Route[] = [];
  for (const cls of ctx.index.classes) {
    const controller = cls.decorators?.map(decoratorCall).find((d) => d?.name === 'Controller');
    if (!controller) continue;
    const arg = controller.args[0];
    const base = staticText(arg) ?? staticText(property(arg, 'path')?.value);
    const classFacts = readDecorators(cls.decorators, ctx);
    used.push(...classFacts.guards);
    // A `@Public()` anywhere in the file is the convention of an app-wide guard.
    const conventionGuard = cls.body.body.some((m) => m.type === T.MethodDefinition && readDecorators(m.decorators, ctx).isPublic) || classFacts.isPublic;
    for (const member of cls.body.body) {
      if (member.type !== T.MethodDefinition) continue;
      const http = member.decorators?.map((d) => ({ d, call: decoratorCall(d) })).find((x) => x.call && HTTP_DECORATORS.has(x.call.name));
      if (!http?.call) continue;
      const methodFacts = readDecorators(member.decorators, ctx);
      used.push(...methodFacts.guards);
      const path = joinPath(base ? '/' + base.replace(/^\//, '') : undefined, staticText(http.call.args[0]));
      const facts = handlerFacts(member.value, ctx);
      let protection = merge(merge(classFacts.protection, methodFacts.protection), merge(globalGuards, facts.protection));
      if (conventionGuard && !methodFacts.isPublic && !classFacts.isPublic) protection = merge(protection, { auth: true, rateLimit: false });
      const name = member.key.type === T.Identifier ? member.key.name : undefined;
      routes.push({
        framework: 'nest',
        methods: [http.call.name.toUpperCase()],
        path: path ? normalisePath(path.startsWith('/') ? path : '/' + path) : '/',
        reportNode: http.d,
        handler: member.value,
        protection,
        declaredPublic: methodFacts.isPublic || classFacts.isPublic,
        rateLimitSkipped: methodFacts.skipThrottle || (classFacts.skipThrottle && !methodFacts.unskipThrottle),
        operationName: name,
        writes: facts.writes,
        verifiesSignature: facts.verifiesSignature,
        signsIn: facts.signsIn,
        exportName: 'nest',
      });
    }
  }
  return routes;
}
