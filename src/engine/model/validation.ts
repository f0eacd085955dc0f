/**
 * Request validation, wherever it is written: middleware in a route's chain (express-validator chains, celebrate,
 * `validate(schema)`, Hono's `zValidator`), Fastify's route `schema: { body }` (Fastify validates it), NestJS pipes
 * (`@UsePipes(ValidationPipe)`, `@Body(new ValidationPipe())`, a class DTO for the global ValidationPipe), and calls in
 * a handler (zod `.parse/.safeParse`, joi `.validate/.validateAsync`, yup, ajv, class-validator, typebox, valibot,
 * superstruct). Also the conditions under which a handler answers a failed validation (`!result.success`,
 * `err instanceof ZodError`, `!req.body.email`), for the rules about how failures are answered.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, isFunction, memberPath, property, staticText, unwrap, walk, words, type Call, type Node } from './ast';
import type { ModelContext } from './file-index';
import { resolveFunction } from './handler';
import { isRequestData } from './request-data';
import type { Route } from './route';

/** Packages whose exports validate requests, whatever the local names. */
const VALIDATION_PACKAGES =
  /^(express-validator|celebrate|zod|joi|@hapi\/joi|yup|ajv|superstruct|valibot|io-ts|@sinclair\/typebox(\/.*)?|class-validator|@hono\/[\w-]+-validator|hono\/validator|express-joi-validation|zod-express-middleware|express-zod-safe|express-openapi-validator|@tsed\/ajv|koa-joi-router|koa-bouncer|@vinejs\/vine|typia|runtypes|arktype|effect\/Schema|@effect\/schema)$/;
/** Words in a middleware's name that say it validates: `validateBody`, `celebrate`, `zValidator`, `checkSchema`. */
const VALIDATION_WORDS = new Set(['validate', 'validator', 'validators', 'validation', 'validations', 'valid', 'celebrate', 'schema', 'sanitize', 'sanitizer', 'joi', 'zod', 'yup', 'ajv', 'rules', 'dto']);
/** Methods that validate a value against a schema (the receiver decides whether it is one: not `JSON.parse`). */
const SCHEMA_METHODS = new Set(['parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'validate', 'validateAsync', 'validateSync', 'isValid', 'isValidSync', 'attempt', 'assert', 'Check', 'Decode', 'Parse', 'cast', 'decode', 'is', 'create', 'mask']);
const NOT_SCHEMAS = /^(JSON|qs|querystring|url|URL|path|Date|Number|parseInt|parseFloat|csv|yaml|YAML|papa|Papa|cookie|cookies|contentType|mime|xml|xml2js|marked|semver|jwt|jsonwebtoken|dayjs|moment|luxon|DateTime|BigInt|Buffer|new URL\(\))$/;
/** Functions that validate whatever they are given or read the outcome of earlier validation. */
const VALIDATING_FUNCTIONS = /^(validationResult|matchedData|checkExact|validateOrReject|validateSync|plainToInstance|plainToClass|transformAndValidate|transformAndValidateSync)$/;
const VALIDATE_NAME = /^(validate|sanitize|assertValid|ensureValid|check)[A-Z_]\w*$|^(validate|validator|isValid)$/;
const VALIDATION_ERROR_CLASS = /(Validation|Zod|Validate|Vali|Struct|Schema|Yup|Joi|Ajv)(Error|Exception)$|^(ValidationError|ZodError|BadRequestError|CastError)$/;

/** Local name → package for imports of validation libraries. */
function validationImport(name: string, ctx: ModelContext): boolean {
  const ref = ctx.index.imports.get(name);
  return !!ref && VALIDATION_PACKAGES.test(ref.source);
}

/** A middleware expression that validates the request: `validate(schema)`, `body('email').isEmail()`, `celebrate({...})`, `[check('x'), …]`. */
export function isValidationMiddleware(node: Node, ctx: ModelContext, depth = 0): boolean {
  if (depth > 3) return false;
  const n = unwrap(node);
  if (n.type === T.ArrayExpression) return n.elements.some((e) => !!e && e.type !== T.SpreadElement && isValidationMiddleware(e, ctx, depth + 1));
  if (n.type === T.SpreadElement) return isValidationMiddleware(n.argument, ctx, depth + 1);
  if (n.type === T.CallExpression || n.type === T.NewExpression || n.type === T.MemberExpression || n.type === T.Identifier) {
    const path = memberPath(n.type === T.CallExpression || n.type === T.NewExpression ? n.callee : n).map((p) => p.replace('()', ''));
    if (path[0] && validationImport(path[0], ctx)) return true;
    if (path.some((p) => words(p).some((w) => VALIDATION_WORDS.has(w)))) return true;
    if (n.type === T.Identifier) {
      // const createUserRules = [body('email').isEmail(), …]
      const def = findVariable(ctx.sourceCode.getScope(n), n.name)?.defs[0]?.node as Node | undefined;
      if (def?.type === T.VariableDeclarator && def.init && !isFunction(unwrap(def.init))) return isValidationMiddleware(def.init, ctx, depth + 1);
    }
  }
  return false;
}

/** Whether a Nest method's (or its class's) decorators and its `@Body()` parameters validate the body. */
function nestValidates(method: TSESTree.MethodDefinition): boolean {
  const pipes = (decorators: TSESTree.Decorator[] | undefined): boolean =>
    (decorators ?? []).some((d) => {
      const e = unwrap(d.expression);
      return e.type === T.CallExpression && calleeName(e) === 'UsePipes' && e.arguments.some((a) => /Pipe|valid/i.test(memberPath(a.type === T.NewExpression ? a.callee : a).join('.')));
    });
  if (pipes(method.decorators)) return true;
  const cls = method.parent?.parent;
  if (cls?.type === T.ClassDeclaration && pipes(cls.decorators)) return true;
  return false;
}

/**
 * A Nest `@Body()` parameter validated by a pipe: `@Body(new ValidationPipe())`, `@Body(ZodPipe)`, or typed with a
 * class DTO. A class DTO is validated by the global ValidationPipe that `main.ts` installs, which this file cannot
 * see; that is NestJS's documented convention, so a DTO class counts. `any`, `Record<…>`, inline types do not.
 */
export function nestBodyValidated(param: Node): boolean {
  const p = param.type === T.TSParameterProperty ? param.parameter : param;
  const decorators = (p as { decorators?: TSESTree.Decorator[] }).decorators ?? [];
  const body = decorators.find((d) => {
    const e = unwrap(d.expression);
    return e.type === T.CallExpression && calleeName(e) === 'Body';
  });
  if (!body) return false;
  const call = unwrap(body.expression) as Call;
  if (call.arguments.some((a) => unwrap(a).type !== T.Literal)) return true; // @Body(new ValidationPipe()), @Body('x', ParseIntPipe)
  const ann = (p as { typeAnnotation?: TSESTree.TSTypeAnnotation }).typeAnnotation?.typeAnnotation;
  if (!ann || ann.type !== T.TSTypeReference || ann.typeName.type !== T.Identifier) return false;
  return !/^(Record|Partial|Pick|Omit|Object|Array|Readonly|Required)$/.test(ann.typeName.name);
}

/** The route's registration validates before its handler: chain middleware, Fastify `schema`, Nest pipes. */
export function routeValidates(route: Route, ctx: ModelContext): boolean {
  if (route.framework === 'nest') {
    const method = route.reportNode.parent;
    return method?.type === T.MethodDefinition && nestValidates(method);
  }
  if (route.framework === 'next') return false;
  const call = route.reportNode.parent?.parent;
  if (call?.type !== T.CallExpression) return false;
  for (const arg of call.arguments) {
    if (arg === route.handler) continue;
    const a = unwrap(arg);
    if (a.type === T.ObjectExpression) {
      // Fastify: { schema: { body } }, fastify.route({ schema, handler })
      const schema = property(a, 'schema')?.value as Node | undefined;
      if (schema && (unwrap(schema).type !== T.ObjectExpression || property(schema, 'body') || property(schema, 'querystring') || property(schema, 'params'))) return true;
      for (const hook of ['preValidation', 'preHandler', 'onRequest']) {
        const v = property(a, hook)?.value as Node | undefined;
        if (v && isValidationMiddleware(v, ctx)) return true;
      }
      continue;
    }
    if (staticText(a) !== undefined) continue;
    if (isValidationMiddleware(a, ctx)) return true;
  }
  return false;
}

/** A call that validates a value: `schema.parse(x)`, `Joi.attempt(x, s)`, `validate(dto)`, `validationResult(req)`, `ajvValidate(body)`. */
export function isValidationCall(call: Call, ctx: ModelContext): boolean {
  const name = calleeName(call);
  if (!name) return false;
  const path = memberPath(call.callee);
  if (VALIDATING_FUNCTIONS.test(name)) return true;
  if (path.length >= 2 && SCHEMA_METHODS.has(name)) {
    const receiver = path.slice(0, -1).join('.');
    if (NOT_SCHEMAS.test(receiver) || NOT_SCHEMAS.test(path[0]) || /^(req|request|ctx|c|res|reply|this\.(http|client))/.test(receiver)) return false;
    // `is`, `create`, `cast`, `mask`, `decode` are too common elsewhere unless the receiver is a schema or a validation import
    if (/^(is|create|cast|mask|decode|assert)$/.test(name) && !validationImport(path[0], ctx) && !/schema|struct|codec|validator|dto|type$/i.test(path[path.length - 2] ?? '')) return false;
    return call.arguments.length > 0;
  }
  if (call.callee.type === T.Identifier) {
    if (validationImport(name, ctx)) return true; // import { validate } from 'class-validator'; import { parse } from 'valibot'
    if (VALIDATE_NAME.test(name)) return call.arguments.length > 0;
  }
  // c.req.valid('json'): Hono hands out what zValidator checked
  return name === 'valid' && path.length === 3 && path[1] === 'req';
}

const validations = new WeakMap<Node, Call[]>();

/** The validation calls in a handler (its own body, callbacks included), applied to request data or to `req`. */
export function handlerValidations(handler: Node, ctx: ModelContext): readonly Call[] {
  const fn = resolveFunction(handler, ctx);
  if (!fn) return [];
  const cached = validations.get(fn);
  if (cached) return cached;
  const out: Call[] = [];
  walk(fn, (node) => {
    if (node.type === T.CallExpression && isValidationCall(node, ctx)) {
      const name = calleeName(node);
      if (name === 'valid' || VALIDATING_FUNCTIONS.test(name ?? '') || node.arguments.some((a) => isRequestData(a as Node, ctx) || isRequestObject(a as Node))) out.push(node);
    }
    return undefined;
  });
  validations.set(fn, out);
  return out;
}

function isRequestObject(node: Node): boolean {
  const n = unwrap(node);
  return n.type === T.Identifier && /^(req|request|ctx|c|body|input|payload|dto|data)$/.test(n.name);
}

/** Where an identifier was declared with an initialiser: `const r = schema.safeParse(body)` → the call. */
function initOf(id: Node, ctx: ModelContext): Node | undefined {
  if (id.type !== T.Identifier) return undefined;
  const def = findVariable(ctx.sourceCode.getScope(id), id.name)?.defs[0];
  if (def?.type !== 'Variable') return undefined;
  const init = (def.node as TSESTree.VariableDeclarator).init;
  return init ? unwrap(init) : undefined;
}

function isValidationResult(node: Node, ctx: ModelContext): boolean {
  const init = initOf(unwrap(node), ctx);
  return !!init && init.type === T.CallExpression && isValidationCall(init, ctx);
}

/**
 * A condition that holds when the request failed validation: `!result.success` (zod), `error` from joi's
 * `schema.validate()`, `!errors.isEmpty()` (express-validator), `!validate(body)` (ajv), `errors.length > 0`
 * (class-validator), `err instanceof ZodError`, `err.name === 'ValidationError'`, `err.isJoi`, and required-field
 * checks on request data (`!req.body.email`, `typeof email !== 'string'`).
 */
export function isValidationFailureTest(test: Node, ctx: ModelContext, depth = 0): boolean {
  if (depth > 4) return false;
  const n = unwrap(test);
  switch (n.type) {
    case T.LogicalExpression:
      return isValidationFailureTest(n.left, ctx, depth + 1) || isValidationFailureTest(n.right, ctx, depth + 1);
    case T.UnaryExpression: {
      if (n.operator !== '!') return false;
      const a = unwrap(n.argument);
      if (a.type === T.MemberExpression && memberPath(a).slice(-1)[0] === 'success') return isValidationResult(a.object, ctx);
      if (a.type === T.CallExpression) {
        if (calleeName(a) === 'isEmpty' && a.callee.type === T.MemberExpression) return isValidationResult(a.callee.object, ctx) || calleeName(unwrap(a.callee.object) as Call) === 'validationResult';
        return isValidationCall(a, ctx);
      }
      if (a.type === T.Identifier && isValidationResult(a, ctx)) return true;
      return isRequestData(a, ctx);
    }
    case T.BinaryExpression: {
      if (n.operator === 'instanceof') return VALIDATION_ERROR_CLASS.test(memberPath(n.right).slice(-1)[0] ?? '');
      const sides = [unwrap(n.left as Node), unwrap(n.right)];
      // err.name === 'ValidationError', err.code === 'VALIDATION_FAILED'
      if (/^[!=]==?$/.test(n.operator) && sides.some((s) => /valid|zod|cast/i.test(staticText(s) ?? '')) && sides.some((s) => /^(name|code|type|kind)$/.test(memberPath(s).slice(-1)[0] ?? ''))) return true;
      // typeof req.body.email !== 'string', req.body.x === undefined
      if (/^!==?$/.test(n.operator) && sides[0].type === T.UnaryExpression && sides[0].operator === 'typeof') return isRequestData(sides[0].argument, ctx);
      if (/^[!=]==?$/.test(n.operator) && sides.some((s) => (s.type === T.Identifier && s.name === 'undefined') || (s.type === T.Literal && s.value === null))) return sides.some((s) => isRequestData(s, ctx));
      // errors.length > 0 where errors = await validate(dto)
      if (/^(>|!==?)$/.test(n.operator) && sides[0].type === T.MemberExpression && memberPath(sides[0]).slice(-1)[0] === 'length') return isValidationResult(sides[0].object, ctx);
      return false;
    }
    case T.MemberExpression: {
      const last = memberPath(n).slice(-1)[0];
      if (last === 'isJoi' || last === 'details') return true;
      // result.error where result = schema.validate(body) / safeParse(body)
      return last === 'error' && isValidationResult(n.object, ctx);
    }
    case T.Identifier: {
      // const { error } = schema.validate(req.body); if (error) …
      if (!/^(error|err|errors|validationError|validationErrors)$/.test(n.name)) return false;
      const init = initOf(n, ctx);
      return !!init && ((init.type === T.CallExpression && isValidationCall(init, ctx)) || (init.type === T.AwaitExpression && unwrap(init.argument).type === T.CallExpression && isValidationCall(unwrap(init.argument) as Call, ctx)));
    }
    case T.CallExpression: {
      // isValidationError(err), yup.ValidationError.isError(err), Joi.isError(err)
      const path = memberPath(n.callee);
      return path.some((p) => /^is(Validation|Zod|Joi|Yup)?Error$/.test(p) && p !== 'isError') || (path.slice(-1)[0] === 'isError' && path.some((p) => /valid|joi|yup/i.test(p))) || /^isValidationError$/.test(calleeName(n) ?? '');
    }
    default:
      return false;
  }
}

/** The `if` conditions (and `catch` clauses) a node runs under, innermost first, up to its function. */
export function guardsOf(node: Node): { tests: Node[]; catchClause?: TSESTree.CatchClause } {
  const tests: Node[] = [];
  let catchClause: TSESTree.CatchClause | undefined;
  let child: Node = node;
  for (let p: Node | undefined = node.parent; p && !isFunction(p); child = p, p = p.parent) {
    if (p.type === T.IfStatement && p.consequent === child) tests.push(p.test);
    else if (p.type === T.ConditionalExpression && p.consequent === child) tests.push(p.test);
    else if (p.type === T.CatchClause && !catchClause) catchClause = p;
  }
  return { tests, catchClause };
}

/** A `try` block that throws on invalid input: `schema.parse(req.body)`, `await schema.validateAsync(body)`, `validateOrReject(dto)`. */
export function tryThrowsValidation(block: TSESTree.BlockStatement, ctx: ModelContext): Call | undefined {
  let found: Call | undefined;
  walk(block, (node) => {
    if (found || (node !== block && isFunction(node))) return false;
    if (node.type === T.CallExpression && isValidationCall(node, ctx)) {
      const name = calleeName(node) ?? '';
      const throws = /^(parse|parseAsync|validateAsync|validateOrReject|attempt|assert|Parse|Decode|transformAndValidate)$/.test(name);
      if (throws && node.arguments.some((a) => isRequestData(a as Node, ctx))) found = node;
    }
    return undefined;
  });
  return found;
}

