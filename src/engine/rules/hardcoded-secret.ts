import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/hardcoded-secret.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, isFunction, memberPath, staticText, unwrap, words, type Node } from '../model/ast';
import { CREDENTIAL_ARGS, envNameFor, isFieldReference, isNotASecretValue, isPlaceholder, tokenFormat, urlPassword } from '../model/credentials';
import { cryptoCall } from '../model/crypto-calls';
import { jwtCall } from '../model/jwt';
import { isScriptOrTestFile } from '../model/paths';
import { isDevOnlyFile } from '../model/runtime';
import { secretKind } from '../model/sensitive-data';
import { createRule, metaFromSpec } from './create-rule';
import { FixText } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'hardcodedSecret' | 'fallbackSecret' | 'useEnv' | 'dropFallback';
type Options = [];

const spec = specData as RuleSpec;

export const hardcodedSecretSpec = spec;

/** Example configs, docs and mocks hold sample credentials on purpose. */
const EXAMPLE_FILE = /(^|\/)(examples?|docs?|samples?|__fixtures__|__mocks__|mocks?|stories|storybook)\/|\.(example|sample|template|stories|mock)\.[cm]?[jt]sx?$/i;
/** Keys that sign or encrypt: any literal here is a public key, so even `'changeme'` lets anyone forge tokens. */
const SIGNING = /^(secret|secrets)$/;
const SIGNING_QUALIFIER = /^(jwt|session|cookie|signing|hmac|encryption|encrypt|app|webhook|token|auth|csrf|master|aes|cipher)$/;
const ENV_READ = /^(process\.env|import\.meta\.env|Bun\.env|Deno\.env|env)(\.|$)/;
const CONFIG_GET = /^(get|getOrThrow|getString)$/;

/** `{ id: 'node-red-editor', secret: '…' }`: the secret of a registered client, a credential it presents, not a signing key. */
function isClientRecord(node: Node): boolean {
  const prop = node.parent;
  if (prop?.type !== T.Property || prop.parent?.type !== T.ObjectExpression) return false;
  return prop.parent.properties.some((p) => p !== prop && p.type === T.Property && /^(id|clientId|client_id|appId|app_id)$/.test(staticKey(p) ?? ''));
}

interface Holder {
  /** The name the value is kept under (`JWT_SECRET`, `password`), when there is one. */
  name?: string;
  /** A name for the surrounding thing (`session`, `dbConfig`) to build the env variable's name. */
  prefix?: string;
  /** The value sits in a position that takes a signing or encryption key (`jwt.sign(p, key)`, `createHmac(a, key)`). */
  signing?: boolean;
  /** The value sits in a client's credential position (`new Stripe(key)`); the env name it should come from. */
  credentialEnv?: string;
}

/** `{ password }` inside `new Pool({...})`, `session({...})`, `const dbConfig = {...}`: a prefix for the env name. */
function prefixOf(obj: Node): string | undefined {
  const p = obj.parent;
  if (!p) return undefined;
  if (p.type === T.CallExpression || p.type === T.NewExpression) {
    const name = calleeName(p) ?? '';
    const path = memberPath(p.callee).join('.');
    if (/session/i.test(name)) return 'session';
    if (/jwt/i.test(path) || /jwt/i.test(p.arguments[0] && p.arguments[0] !== obj ? memberPath(p.arguments[0] as Node).join('.') : '')) return 'jwt';
    if (/^createTransport$/.test(name)) return 'smtp';
    if (/^(createClient|Redis|Cluster)$/.test(name)) return 'redis';
    if (/^(Pool|Client|createPool|createConnection|Sequelize|DataSource|forRoot|knex|Knex|connect|drizzle|MongoClient)$/.test(name)) return 'db';
    return undefined;
  }
  if (p.type === T.VariableDeclarator && p.id.type === T.Identifier) return p.id.name;
  if (p.type === T.Property) {
    const key = keyName(p);
    // auth: { user, pass } inside createTransport({...}): the outer thing names it better than `auth`
    if (!key || /^(auth|credentials|options|opts|connection|config|settings)$/i.test(key)) return prefixOf(p.parent) ?? key;
    return key;
  }
  return undefined;
}

function keyName(p: TSESTree.Property | TSESTree.PropertyDefinition): string | undefined {
  if (p.key.type === T.Identifier && !p.computed) return p.key.name;
  if (p.key.type === T.Literal && typeof p.key.value === 'string') return p.key.value;
  return undefined;
}

/** A read of configuration: `process.env.X`, `env.X`, `config.get('X')`, `configService.get<string>('X')`. */
function configRead(node: Node): string | undefined {
  const n = unwrap(node);
  if (n.type === T.MemberExpression) {
    const path = memberPath(n);
    if (ENV_READ.test(path.join('.')) && path.length >= 2) return path[path.length - 1];
  }
  if (n.type === T.CallExpression && CONFIG_GET.test(calleeName(n) ?? '') && /config|env|settings/i.test(memberPath(n.callee).join('.'))) return staticText(n.arguments[0]);
  return undefined;
}

/** `Buffer.from('…')`, `new TextEncoder().encode('…')`: a key literal turned into bytes. */
function isKeyEncoding(call: TSESTree.CallExpression): boolean {
  const path = memberPath(call.callee);
  return path.join('.') === 'Buffer.from' || (path[path.length - 1] === 'encode' && call.callee.type === T.MemberExpression && unwrap(call.callee.object).type === T.NewExpression);
}

/** `example: { secret: 'a3c8…' }` in an OpenAPI/JSON schema: a sample value shown in the API docs, not a credential in use. */
function inDocumentationExample(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === T.Property && /^(example|examples|x-example)$/.test(staticKey(n) ?? '')) return true;
    if (isFunction(n)) return false;
  }
  return false;
}

export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'problem',
    ...metaFromSpec<MessageIds>(spec),
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (isScriptOrTestFile(context.filename) || isDevOnlyFile(context.filename) || EXAMPLE_FILE.test(context.filename.replace(/\\/g, '/'))) return {};
    const sourceCode = context.sourceCode;
    const model = () => getModel(sourceCode, context.filename, teamFromContext(context));

    /** A literal as an argument: the key of `jwt.sign`, `createHmac`, `cookieParser`, `new Stripe`. */
    function argumentHolder(call: TSESTree.CallExpression | TSESTree.NewExpression, arg: Node): Holder | undefined {
      const index = call.arguments.indexOf(arg as TSESTree.CallExpressionArgument);
      const ctx = model().ctx;
      if (call.type === T.CallExpression) {
        const jwt = jwtCall(call, ctx);
        if (jwt && (jwt.op === 'sign' || jwt.op === 'verify') && index === 1 && jwt.library === 'jsonwebtoken') return { signing: true, prefix: 'jwt', name: 'secret' };
        const crypto = cryptoCall(call, ctx);
        if (crypto?.fn === 'createHmac' && index === 1) return { signing: true, name: 'hmacSecret' };
        if ((crypto?.fn === 'createCipheriv' || crypto?.fn === 'createDecipheriv') && index === 1) return { signing: true, name: 'encryptionKey' };
        const callee = unwrap(call.callee);
        if (callee.type === T.Identifier && ctx.index.imports.get(callee.name)?.source === 'cookie-parser' && index === 0) return { signing: true, name: 'cookieSecret' };
      }
      const root = memberPath(call.callee)[0];
      const source = root ? ctx.index.imports.get(root)?.source : undefined;
      const name = calleeName(call) ?? '';
      if (source) for (const c of CREDENTIAL_ARGS) if (c.module.test(source) && c.callee.test(name) && c.index === index) return { credentialEnv: c.env };
      return undefined;
    }

    /** Where a value is kept: the variable, property or argument it is written into. */
    function holderOf(node: Node): Holder | undefined {
      const p = node.parent;
      if (!p) return undefined;
      switch (p.type) {
        case T.VariableDeclarator:
          return p.init === node && p.id.type === T.Identifier ? { name: p.id.name } : undefined;
        case T.Property:
          // `{ 'secret key': 'credential' }`: a quoted key with spaces is a lookup table of words, not configuration
          if (p.key.type === T.Literal && typeof p.key.value === 'string' && /\s/.test(p.key.value)) return undefined;
          return p.value === node ? { name: keyName(p), prefix: prefixOf(p.parent) } : undefined;
        case T.PropertyDefinition:
          return p.value === node ? { name: keyName(p) } : undefined;
        case T.AssignmentExpression: {
          if (p.right !== node) return undefined;
          const path = memberPath(p.left);
          return { name: path[path.length - 1], prefix: path.length > 1 ? path[path.length - 2] : undefined };
        }
        case T.AssignmentPattern:
          return p.right === node && p.left.type === T.Identifier ? { name: p.left.name } : undefined;
        case T.CallExpression:
        case T.NewExpression:
          return argumentHolder(p, node);
        default:
          return undefined;
      }
    }

    function check(literal: TSESTree.Literal | TSESTree.TemplateLiteral, value: string): void {
      if (value.length < 4 && value.trim().length === 0) return;
      // A sentence (`'is a secret read with no presence check'`) is a message about a secret, not one.
      if (/^[A-Za-z,'’-]+(?:\s+[A-Za-z,'’.:-]+){3,}$/.test(value.trim())) return;
      // Climb through key encodings (Buffer.from('…'), new TextEncoder().encode('…')) and an env fallback.
      let node: Node = literal;
      for (let p = node.parent; p && (p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || p.type === T.TSSatisfiesExpression); p = node.parent) node = p;
      const p = node.parent;
      if (p?.type === T.CallExpression && p.arguments[0] === node && isKeyEncoding(p)) node = p;
      let envVar: string | undefined;
      let logical: TSESTree.LogicalExpression | undefined;
      const q = node.parent;
      if (q?.type === T.LogicalExpression && (q.operator === '||' || q.operator === '??') && q.right === node) {
        envVar = configRead(q.left);
        if (envVar === undefined) return;
        logical = q;
        node = q;
      }
      if (inDocumentationExample(node)) return;
      const format = tokenFormat(value);
      if (!format && sharedWithPlainKey(node, value)) return;
      const holder = holderOf(node) ?? {};
      const names = [holder.name, envVar].filter((n): n is string => !!n);
      // `auth: { user, pass }` (nodemailer, got, mongodb): `pass` alone is too vague a name elsewhere.
      const authPass = holder.name === 'pass' && node.parent?.type === T.Property && node.parent.parent?.parent?.type === T.Property && staticKey(node.parent.parent.parent) === 'auth';
      const kinds = [...names.map((n) => secretKind(n)), ...(authPass ? ['password' as const] : [])].filter((k) => k === 'password' || k === 'token' || k === 'secret' || k === 'credential');
      const namedWords = names.flatMap((n) => words(n));
      const authHeader = names.some((n) => secretKind(n) === 'header' && /^authorization$/i.test(n)) && /^(Bearer|Basic|Token)\s+\S{16,}$/.test(value) && !isPlaceholder(value.split(/\s+/)[1]);
      const pinOnly = namedWords.some((w) => w === 'pin' || w === 'otp' || w === 'cookie' || w === 'cookies') && !namedWords.some((w) => /^(password|secret|token|key|apikey)$/.test(w));
      const named = kinds.length > 0 && !pinOnly;
      const signing =
        holder.signing === true ||
        (named && namedWords.some((w) => SIGNING.test(w)) && !namedWords.some((w) => /^(client|consumer|access|api)$/.test(w)) && !isClientRecord(node)) ||
        (named && namedWords.some((w) => SIGNING_QUALIFIER.test(w)) && namedWords.some((w) => w === 'key' || w === 'secret'));
      let what: string | undefined;
      if (format) what = `This ${format.what.replace(/^an? /, '')}`;
      else if (authHeader) what = 'This bearer token';
      else if (holder.signing || (signing && named)) {
        const v = value.trim();
        if (v === '' || isFieldReference(v) || /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(v) || /^\$\{?\w+\}?$/.test(v) || /^(\.{0,2}\/|~\/)/.test(v) || /\.(pem|key|crt|json)$/i.test(v)) return;
        if (holder.name && words(v).join('') === words(holder.name).join('')) return;
        what = holder.signing || namedWords.some((w) => /^(jwt|session|cookie|signing|hmac|webhook)$/.test(w)) ? 'This signing key' : namedWords.includes('encryption') || namedWords.includes('cipher') || namedWords.includes('aes') ? 'This encryption key' : 'This secret';
      } else if (holder.credentialEnv || named) {
        const v = value.trim();
        const passwordLike = authPass || names.some((n) => secretKind(n) === 'password');
        if (isPlaceholder(v) || isNotASecretValue(v, holder.name) || /\s/.test(v)) return;
        if (v.length < (passwordLike ? 6 : 12)) return;
        what = passwordLike ? 'This password' : holder.credentialEnv ? 'This API key' : 'This credential';
      } else {
        const pw = urlPassword(value);
        if (!pw || !/^(postgres(ql)?|mysql|mariadb|mongodb(\+srv)?|redis|rediss|amqps?|mssql|sqlserver|smtps?):/i.test(value.trim())) return;
        what = 'The password in this connection string';
      }
      const env =
        envVar ??
        holder.credentialEnv ??
        (named || holder.signing ? envNameFor(holder.prefix, holder.name) : undefined) ??
        format?.env ??
        (holder.name ? envNameFor(holder.prefix, holder.name) : what === 'The password in this connection string' ? 'DATABASE_URL' : 'SECRET');
      const fixes: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (logical) {
        const left = sourceCode.getText(logical.left);
        fixes.push({ messageId: 'dropFallback', data: { envVar: left }, fix: (fixer) => fixer.replaceText(logical, left) });
        context.report({
          node: literal,
          messageId: 'fallbackSecret',
          data: { envVar: sourceCode.getText(logical.left), consequence: signing || holder.signing ? 'anyone can forge tokens with this public key' : 'the app runs with a credential everyone can read' },
          suggest: fixes,
        });
        return;
      }
      const envText = FixText.for(context).text('process.env.').choice(env).toString();
      fixes.push({ messageId: 'useEnv', data: { env }, fix: (fixer) => fixer.replaceText(literal, envText) });
      context.report({ node: literal, messageId: 'hardcodedSecret', data: { what, env }, suggest: fixes });
    }

    return {
      Literal(node) {
        if (typeof node.value === 'string' && node.value.length >= 4 && node.parent?.type !== T.ImportDeclaration && node.parent?.type !== T.ExportNamedDeclaration) check(node, node.value);
      },
      TemplateLiteral(node) {
        if (node.expressions.length === 0 && node.parent?.type !== T.TaggedTemplateExpression) {
          const value = node.quasis[0].value.cooked ?? '';
          if (value.length >= 4) check(node, value);
        }
      },
    };
  },
});

/**
 * `{ db_hash: 'core', admin_session_secret: 'core' }`, `{ title: 'string', password: 'string' }`: the same literal
 * under a key that names no secret (nor a user) makes the object a table of labels (a group, a type), not of credentials.
 */
function sharedWithPlainKey(node: Node, value: string): boolean {
  const p = node.parent;
  if (p?.type !== T.Property || p.value !== node || p.parent.type !== T.ObjectExpression) return false;
  return p.parent.properties.some((q) => {
    if (q === p || q.type !== T.Property) return false;
    const v = unwrap(q.value as Node);
    const key = staticKey(q);
    // `{ user: 'shop', password: 'shop' }` is a default login, not a label
    return v.type === T.Literal && v.value === value && key !== undefined && secretKind(key) === undefined && !words(key).some((w) => /^(user|username|login|account|email|uid)$/.test(w));
  });
}

function staticKey(p: TSESTree.Property): string | undefined {
  if (p.computed) return undefined;
  return p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : undefined;
}
