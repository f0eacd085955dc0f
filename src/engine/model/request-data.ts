/**
 * Request data: values a client controls. `req.body.x`, `req.query`, `ctx.request.body`, Hono's `c.req.query()`,
 * Next.js `await request.json()`, `searchParams.get()` and route `params`, Nest parameters decorated
 * `@Body()`/`@Query()`/`@Param()`, Lambda `event.body`, and local variables and string expressions built from them.
 *
 * What is not request data, so the injection rules stay quiet on it: numbers parsed out of it (`Number(id)`,
 * `parseInt`, Nest's `ParseIntPipe`), a value looked up in a fixed map by a request key (`SORTS[req.query.sort]`),
 * the result of a database or service call made with it (`await User.findById(req.params.id)`), and what
 * middleware put on the request (`req.user.id`, `req.session`, `ctx.state`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, memberPath, unwrap, type Node } from './ast';
import type { ModelContext } from './file-index';

/** What is known about a value that carries request data. */
export interface RequestData {
  /** Where it comes from, as the code names it: `req.query.url`, `@Body() dto`, `searchParams.get('next')`. */
  source: string;
  /**
   * The value is a string (or a list of strings), never an object: it came from a path parameter, a header, a
   * `searchParams.get`, or went through `String()`, a template or a string method. It cannot smuggle a Mongo operator.
   * On a `whole` container (`req.params`) it says its fields are strings.
   */
  stringOnly: boolean;
  /** It went through a schema whose types hold (zod `parse`, joi `validate`, Hono `valid()`, a Nest DTO class). */
  validated: boolean;
  /** The whole input object (`req.body`, `req.query`, `await req.json()`, `@Body() dto`), not one field of it. */
  whole: boolean;
}

const ROOTS = /^(req|request|ctx|context|c|event|_req|_request|r)$/;
const INPUT_PROPS = new Set(['body', 'query', 'params', 'headers', 'cookies', 'signedCookies', 'files', 'file', 'rawBody', 'searchParams', 'nextUrl', 'querystring', 'queryStringParameters', 'pathParameters', 'multiValueQueryStringParameters']);
/** Upload fields the server writes (multer, express-fileupload): not the client's text. */
const SERVER_FILE_PROPS = new Set(['path', 'filename', 'destination', 'size', 'tempFilePath', 'key', 'location', 'id']);
/** Inputs that are always strings (or lists of strings): path parameters and headers. */
const STRING_PROPS = new Set(['params', 'headers', 'pathParameters', 'querystring', 'queryStringParameters']);
/** `c.req.query('q')`, `request.json()`, `c.req.valid('json')`. */
const INPUT_CALLS = new Set(['json', 'formData', 'text', 'query', 'param', 'queries', 'header', 'parseBody', 'valid']);
const STRING_CALLS = new Set(['text', 'query', 'param', 'header', 'queries']);
const NEST_INPUT = /^(Body|Query|Param|Params|Headers|UploadedFile|UploadedFiles)$/;
/** Nest pipes that turn a parameter into a number, a boolean or a checked UUID/enum. */
const NEST_SAFE_PIPES = /^(ParseIntPipe|ParseFloatPipe|ParseBoolPipe|ParseUUIDPipe|ParseEnumPipe)$/;
/** Calls that return their input as a string: the value keeps its taint and is a string from then on. */
const STRING_KEEPS = new Set(['String', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toString', 'substring', 'substr', 'normalize', 'decodeURIComponent', 'decodeURI', 'unescape', 'replace', 'replaceAll', 'padStart', 'padEnd', 'join', 'resolve', 'toLocaleLowerCase', 'toLocaleUpperCase', 'format']);
/** Calls that keep their input's taint without making it a string. */
const KEEPS = new Set(['slice', 'concat', 'at', 'JSON.parse', 'flat', 'filter', 'structuredClone', 'Object.assign', 'Object.values', 'Object.keys', 'Object.entries', 'Array.from']);
/** Schema checks: the result still carries the client's text, but its shape (string vs object) is what the schema says. */
const VALIDATORS = new Set(['parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'validate', 'validateAsync', 'validateSync', 'cast', 'plainToInstance', 'plainToClass', 'transformAndValidate', 'matchedData']);
const NOT_VALIDATORS = /^(JSON|qs|querystring|url|URL|path|Date|yaml|YAML|toml|cookie|xml2js|csv|Papa|jwt)$/;

/** Where request data comes from, as text (`req.query.url`), or undefined when the value is not request data. */
export function requestSource(node: Node | undefined | null, ctx: ModelContext, depth = 0): string | undefined {
  return requestData(node, ctx, depth)?.source;
}

export function isRequestData(node: Node | undefined | null, ctx: ModelContext): boolean {
  return requestData(node, ctx) !== undefined;
}

/** What a value carries from the request (its source, and whether it is string-only or validated), or undefined. */
export function requestData(node: Node | undefined | null, ctx: ModelContext, depth = 0): RequestData | undefined {
  if (!node || depth > 8) return undefined;
  const n = unwrap(node);
  switch (n.type) {
    case T.ChainExpression:
      return requestData(n.expression, ctx, depth);
    case T.MemberExpression:
      return memberData(n, ctx, depth);
    case T.Identifier:
      return identifierData(n, ctx, depth);
    case T.CallExpression:
      return callData(n, ctx, depth);
    case T.NewExpression:
      // new URL(req.query.url), new URL(path, req.query.base)
      if (n.callee.type === T.Identifier && /^(URL|URLSearchParams|String)$/.test(n.callee.name)) {
        for (const a of n.arguments) {
          const s = requestData(a as Node, ctx, depth + 1);
          if (s) return { ...s, whole: false };
        }
      }
      return undefined;
    case T.TemplateLiteral:
      for (const e of n.expressions) {
        const s = requestData(e, ctx, depth + 1);
        if (s) return asString(s);
      }
      return undefined;
    case T.BinaryExpression: {
      if (n.operator !== '+') return undefined;
      const s = requestData(n.left as Node, ctx, depth + 1) ?? requestData(n.right, ctx, depth + 1);
      return s && asString(s);
    }
    case T.LogicalExpression:
      return requestData(n.left, ctx, depth + 1) ?? requestData(n.right, ctx, depth + 1);
    case T.ConditionalExpression: {
      // typeof q === 'string' ? q : 'x': the branch the check guards is a string
      const stringBranch = typeofString(n.test);
      const yes = requestData(n.consequent, ctx, depth + 1);
      if (yes) return stringBranch === true ? asString(yes) : yes;
      const no = requestData(n.alternate, ctx, depth + 1);
      return no && stringBranch === false ? asString(no) : no;
    }
    case T.AssignmentExpression:
      return requestData(n.right, ctx, depth + 1);
    default:
      return undefined;
  }
}

/** `typeof x === 'string'` → true (the consequent is a string), `typeof x !== 'string'` → false (the alternate is), else undefined. */
function typeofString(test: Node): boolean | undefined {
  const t = unwrap(test);
  if (t.type !== T.BinaryExpression || !/^[!=]==?$/.test(t.operator)) return undefined;
  const [a, b] = [unwrap(t.left as Node), unwrap(t.right)];
  const isTypeof = (x: Node) => x.type === T.UnaryExpression && x.operator === 'typeof';
  const isString = (x: Node) => x.type === T.Literal && x.value === 'string';
  if (!((isTypeof(a) && isString(b)) || (isTypeof(b) && isString(a)))) return undefined;
  return t.operator.startsWith('=');
}

function asString(d: RequestData): RequestData {
  return d.stringOnly && !d.whole ? d : { ...d, stringOnly: true, whole: false };
}

function field(d: RequestData, name: string): RequestData {
  return { ...d, source: `${d.source}.${name}`, whole: false };
}

/**
 * Whether `name` is a request object here: a parameter or an unresolved name (`req`, `ctx`, `c`), not an import
 * (`import request from 'superagent'`) nor a variable holding something else (`const request = await db.request.find()`).
 */
function isRequestRoot(id: TSESTree.Identifier, ctx: ModelContext, depth: number): boolean {
  if (ctx.index.imports.has(id.name)) return false;
  const variable = findVariable(ctx.sourceCode.getScope(id), id.name);
  const def = variable?.defs[0];
  if (!def || def.type === 'Parameter') return true;
  if (def.type !== 'Variable') return false;
  const init = (def.node as TSESTree.VariableDeclarator).init;
  if (!init) return false;
  // const request = ctx.request; const req = event as Request
  const u = unwrap(init);
  return u.type === T.MemberExpression ? memberPath(u).some((p) => ROOTS.test(p) || p === 'request') : requestData(init, ctx, depth + 1) !== undefined;
}

function memberData(n: TSESTree.MemberExpression, ctx: ModelContext, depth: number): RequestData | undefined {
  const path = memberPath(n);
  // req.body.items.length is a number
  if (path[path.length - 1] === 'length') return undefined;
  const root = rootIdentifier(n);
  if (path.length >= 2 && ROOTS.test(path[0]) && root) {
    // req.body, ctx.request.body, c.req.…, event.queryStringParameters; Hono's `c` only through `c.req`
    const nested = path[1] === 'request' || path[1] === 'req';
    const rest = nested ? path.slice(2) : path.slice(1);
    if ((path[0] !== 'c' && path[0] !== 'r') || nested) {
      // multer's req.file.path / filename are chosen by the server; originalname and mimetype are the client's
      if ((rest[0] === 'file' || rest[0] === 'files') && SERVER_FILE_PROPS.has(rest[rest.length - 1])) return undefined;
      if (rest.length > 0 && INPUT_PROPS.has(rest[0]) && isRequestRoot(root, ctx, depth)) {
        const koaQuery = rest[0] === 'query' && /^(ctx|context)$/.test(path[0]);
        return { source: path.join('.'), stringOnly: STRING_PROPS.has(rest[0]) || koaQuery, validated: false, whole: rest.length === 1 };
      }
    }
  }
  // body.name where body is request data; a computed key keeps the object's taint: body[key]
  const own = requestData(n.object, ctx, depth + 1);
  if (!own) return undefined;
  const key = !n.computed && n.property.type === T.Identifier ? n.property.name : n.property.type === T.Literal ? String(n.property.value) : undefined;
  if (key === 'length') return undefined;
  // const file = req.file; file.tempFilePath: still a name the server chose
  if (key && SERVER_FILE_PROPS.has(key) && /\.files?$/.test(own.source)) return undefined;
  return key ? field(own, key) : { ...own, whole: false };
}

function rootIdentifier(n: Node): TSESTree.Identifier | undefined {
  let cur: Node = unwrap(n);
  while (cur.type === T.MemberExpression || cur.type === T.CallExpression) cur = unwrap(cur.type === T.MemberExpression ? cur.object : cur.callee);
  return cur.type === T.Identifier ? cur : undefined;
}

function callData(n: TSESTree.CallExpression, ctx: ModelContext, depth: number): RequestData | undefined {
  const path = memberPath(n.callee);
  const name = calleeName(n);
  if (!name) return undefined;
  const root = rootIdentifier(n.callee);
  const head = path[0];
  if (root && head && ROOTS.test(head) && path.length >= 2) {
    const text = `${path.join('.')}(${argText(n)})`;
    // req.get('x'), req.header('x'), req.param('x'); Koa ctx.get('x') reads a header
    if (path.length === 2 && /^(req|request|ctx|context)$/.test(head) && /^(get|header|param)$/.test(name) && isRequestRoot(root, ctx, depth)) {
      return { source: text, stringOnly: name !== 'param', validated: false, whole: false };
    }
    // c.req.query('q'), request.json(), req.nextUrl.searchParams.get('q'), ctx.cookies.get('t'), request.headers.get('x')
    const viaReq = head !== 'c' && head !== 'r' ? true : path[1] === 'req';
    if (viaReq && (INPUT_CALLS.has(name) || (name === 'get' && /^(searchParams|cookies|headers|query)$/.test(path[path.length - 2]))) && isRequestRoot(root, ctx, depth)) {
      const noArgs = n.arguments.length === 0;
      const container = /^(json|formData|parseBody|valid)$/.test(name) || (noArgs && name !== 'text');
      return { source: text, stringOnly: name === 'get' || (STRING_CALLS.has(name) && !noArgs), validated: name === 'valid', whole: container };
    }
  }
  if ((name === 'get' || name === 'getAll') && n.callee.type === T.MemberExpression) {
    // const { searchParams } = new URL(req.url); searchParams.get('next'); form.get('url') after form = await req.formData()
    const owner = n.callee.object;
    const own = requestData(owner, ctx, depth + 1);
    if (own) return { ...own, source: `${own.source}.${name}(${argText(n)})`, stringOnly: true, whole: false };
    if (/(searchParams|formData)$/i.test(memberPath(owner).join('.'))) return { source: `${memberPath(n.callee).join('.')}(${argText(n)})`, stringOnly: true, validated: false, whole: false };
    return undefined;
  }
  const built = builderData(n, ctx, depth);
  if (built) return built;
  const full = path.join('.');
  const owner = path[path.length - 2];
  if (VALIDATORS.has(name) && !(owner && NOT_VALIDATORS.test(owner))) {
    // schema.parse(req.body), validate(req.body), plainToInstance(Dto, req.body); validated but still the client's text
    for (const a of n.arguments) {
      const s = requestData(a as Node, ctx, depth + 1);
      if (s) return { ...s, validated: true };
    }
    return undefined;
  }
  const stringy = STRING_KEEPS.has(name) || STRING_KEEPS.has(full);
  if (stringy || KEEPS.has(name) || KEEPS.has(full)) {
    if (n.callee.type === T.MemberExpression) {
      const own = requestData(n.callee.object, ctx, depth + 1);
      if (own) return stringy ? asString(own) : { ...own, whole: false };
    }
    for (const a of n.arguments) {
      const s = requestData(a as Node, ctx, depth + 1);
      if (s) return stringy ? asString(s) : { ...s, whole: full === 'JSON.parse' ? false : s.whole };
    }
  }
  return undefined;
}

/** Calls that only put their arguments together: a path or a string built from them, nothing removed. */
const BUILDS = /^(join|resolve|String|concat)$/;

/**
 * `getPathForUserFile(req.headers['x-file-id'])` where this file declares
 * `function getPathForUserFile(id) { return join(ROOT, \`file-${id}.blob\`); }`: a local helper whose one
 * `return` only builds a string or a path around its parameter hands the client's text straight back.
 */
function builderData(n: TSESTree.CallExpression, ctx: ModelContext, depth: number): RequestData | undefined {
  if (n.callee.type !== T.Identifier || n.arguments.length === 0) return undefined;
  const def = findVariable(ctx.sourceCode.getScope(n), n.callee.name)?.defs[0]?.node as Node | undefined;
  const fn = def?.type === T.FunctionDeclaration ? def : def?.type === T.VariableDeclarator && def.init ? unwrap(def.init) : undefined;
  if (!fn || (fn.type !== T.FunctionDeclaration && fn.type !== T.ArrowFunctionExpression && fn.type !== T.FunctionExpression)) return undefined;
  let returned: Node | undefined;
  if (fn.body.type !== T.BlockStatement) returned = fn.body;
  else if (fn.body.body.length === 1 && fn.body.body[0].type === T.ReturnStatement) returned = fn.body.body[0].argument ?? undefined;
  if (!returned) return undefined;
  for (let i = 0; i < fn.params.length && i < n.arguments.length; i++) {
    const param = fn.params[i];
    if (param.type !== T.Identifier) continue;
    const variable = findVariable(ctx.sourceCode.getScope(returned), param.name);
    const passes = variable?.references.some((r) => r.identifier.range[0] >= returned!.range[0] && r.identifier.range[1] <= returned!.range[1] && onlyBuilt(r.identifier, returned!));
    if (!passes) continue;
    const s = requestData(n.arguments[i] as Node, ctx, depth + 1);
    if (s) return asString(s);
  }
  return undefined;
}

/** Between `id` and `top` there are only templates, `+` and path joins: the value is spliced in as it came. */
function onlyBuilt(id: Node, top: Node): boolean {
  for (let cur: Node = id; cur !== top; ) {
    const p = cur.parent as Node | undefined;
    if (!p) return false;
    const ok =
      p.type === T.TemplateLiteral ||
      (p.type === T.BinaryExpression && p.operator === '+') ||
      (p.type === T.CallExpression && p.arguments.includes(cur as TSESTree.CallExpressionArgument) && BUILDS.test(calleeName(p) ?? '')) ||
      p.type === T.TSAsExpression ||
      p.type === T.TSNonNullExpression;
    if (!ok) return false;
    cur = p;
  }
  return true;
}

function argText(n: TSESTree.CallExpression): string {
  const a = n.arguments[0];
  if (!a) return '';
  if (a.type === T.Literal && typeof a.value === 'string') return `'${a.value}'`;
  return a.type === T.Identifier ? a.name : '…';
}

function identifierData(n: TSESTree.Identifier, ctx: ModelContext, depth: number): RequestData | undefined {
  if (n.name === 'undefined') return undefined;
  const variable = findVariable(ctx.sourceCode.getScope(n), n.name);
  const def = variable?.defs[0];
  if (!def) return undefined;
  if (def.type === 'Parameter') return parameterData(def.name as Node, n.name, ctx);
  if (def.type !== 'Variable') return undefined;
  const declarator = def.node as TSESTree.VariableDeclarator;
  let found: RequestData | undefined;
  if (declarator.init) {
    // const x = req.body.x; const { q } = req.query → req.query.q
    const init = requestData(declarator.init, ctx, depth + 1);
    if (init) found = init.whole || !/Call/.test(unwrap(declarator.init).type) ? destructured(init, def.name as Node, declarator.id as Node) : init;
  } else if (declarator.parent?.parent?.type === T.ForOfStatement && declarator.parent.parent.left === declarator.parent) {
    // for (const id of req.body.ids)
    const list = requestData(declarator.parent.parent.right, ctx, depth + 1);
    if (list) found = { ...list, source: `${list.source}[]`, whole: false, stringOnly: false };
  }
  if (found) return found;
  // let where = 'WHERE 1=1'; where += ` AND name = '${req.query.name}'`
  const declaration = declarator.parent as TSESTree.VariableDeclaration | undefined;
  if (declaration?.kind === 'const' || !variable) return undefined;
  for (const ref of variable.references) {
    if (!ref.isWrite() || ref.identifier === def.name) continue;
    const assign = ref.identifier.parent;
    if (assign?.type === T.AssignmentExpression && assign.left === ref.identifier) {
      const s = requestData(assign.right, ctx, depth + 1);
      if (s) return assign.operator === '+=' ? asString(s) : s;
    }
  }
  return undefined;
}

/** `const { q, page } = req.query`: the source of `q` is `req.query.q`; nested patterns follow their keys. */
function destructured(init: RequestData, name: Node, pattern: Node): RequestData {
  if (pattern.type === T.Identifier) return init;
  const keys: string[] = [];
  let inRest = false;
  for (let cur: Node | undefined = name; cur && cur !== pattern; cur = cur.parent) {
    if (cur.type === T.Property && cur.key.type === T.Identifier && !cur.computed) keys.unshift(cur.key.name);
    if (cur.type === T.RestElement) inRest = true;
  }
  if (inRest || keys.length === 0) return { ...init, whole: inRest && init.whole };
  return keys.reduce(field, init);
}

/** Parameters that carry request data: Nest's `@Body() dto`, `@Query('q') q`; Next's `{ params, searchParams }`; `formData: FormData`. */
function parameterData(id: Node, name: string, ctx: ModelContext): RequestData | undefined {
  const param = paramNode(id);
  const decorators = (param as { decorators?: TSESTree.Decorator[] } | undefined)?.decorators ?? [];
  for (const d of decorators) {
    const expr = d.expression.type === T.CallExpression ? d.expression.callee : d.expression;
    if (expr.type !== T.Identifier || !NEST_INPUT.test(expr.name)) continue;
    const args = d.expression.type === T.CallExpression ? d.expression.arguments : [];
    // @Param('id', ParseIntPipe) id: number — the pipe rejects anything but a number
    if (args.some((a) => pipeName(a as Node) !== undefined && NEST_SAFE_PIPES.test(pipeName(a as Node)!))) return undefined;
    const key = args[0]?.type === T.Literal && typeof args[0].value === 'string' ? args[0].value : undefined;
    const dto = dtoType(id);
    return {
      source: `@${expr.name}(${key ? `'${key}'` : ''}) ${name}`,
      stringOnly: expr.name === 'Param' || expr.name === 'Params' || (expr.name === 'Headers' && !!key),
      validated: !key && dto,
      whole: !key,
    };
  }
  // Next.js: export async function GET(req, { params }) / export default function Page({ searchParams })
  const prop = nextPropName(id);
  if (prop && isNextFile(ctx)) return { source: name === prop ? prop : `${prop}.${name}`, stringOnly: prop === 'params', validated: false, whole: name === prop };
  // Server actions: async function save(formData: FormData)
  const annotation = (id as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
  if (annotation?.type === T.TSTypeReference && annotation.typeName.type === T.Identifier && annotation.typeName.name === 'FormData') {
    return { source: name, stringOnly: false, validated: false, whole: true };
  }
  return undefined;
}

function pipeName(a: Node): string | undefined {
  const n = a.type === T.NewExpression ? a.callee : a;
  return n.type === T.Identifier ? n.name : undefined;
}

/** A parameter typed with a class (`dto: CreateUserDto`): Nest's ValidationPipe checks it against its decorators. */
function dtoType(id: Node): boolean {
  const t = (id as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
  return t?.type === T.TSTypeReference && t.typeName.type === T.Identifier && !/^(Record|Partial|Object|Array|Map|Request|any)$/.test(t.typeName.name);
}

/** For `{ params }` or `{ params: { id } }` destructured in a parameter: `params`/`searchParams`, else undefined. */
function nextPropName(id: Node): string | undefined {
  for (let cur: Node | undefined = id; cur?.parent; cur = cur.parent) {
    const p: Node = cur.parent;
    if (p.type === T.Property && p.key.type === T.Identifier && /^(params|searchParams)$/.test(p.key.name) && p.parent?.type === T.ObjectPattern) {
      return p.key.name;
    }
    if (p.type !== T.Property && p.type !== T.ObjectPattern && p.type !== T.AssignmentPattern) return undefined;
  }
  return undefined;
}

function isNextFile(ctx: ModelContext): boolean {
  if (/(^|[\\/])(app|pages)[\\/]/.test(ctx.fileName)) return true;
  for (const ref of ctx.index.imports.values()) if (ref.source === 'next' || ref.source.startsWith('next/')) return true;
  return false;
}

/** The parameter node that carries decorators: the identifier itself, or its TSParameterProperty. */
function paramNode(id: Node): Node {
  let p: Node = id;
  if (p.parent?.type === T.AssignmentPattern) p = p.parent;
  if (p.parent?.type === T.TSParameterProperty) return p.parent;
  return p;
}
