/**
 * Configuration read from the environment: every `process.env.X` read in a file (member reads and destructuring),
 * how each is used (asserted non-null, parsed as a number, a secret read with no fallback), and whether the file
 * validates its environment (a schema library, `schema.parse(process.env)`, or its own presence checks).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { T, calleeName, walk, type Node } from './ast';
import type { ModelContext } from './file-index';

export type EnvRisk = 'non-null' | 'cast' | 'number' | 'secret';

export interface EnvRead {
  node: Node;
  name: string;
  /** Why this read may go wrong at runtime, when it may. */
  risk?: EnvRisk;
}

export interface EnvConfig {
  reads: EnvRead[];
  /** The file validates or checks its environment (or hands `process.env` to something that does). */
  validated: boolean;
}

/** Libraries that validate configuration (schemas, env parsers), and Nest's config module, which validates in the module. */
export const ENV_VALIDATORS = /^(zod|zod\/.*|envalid|joi|@hapi\/joi|yup|env-var|@t3-oss\/env-[\w-]+|convict|ajv|env-schema|@fastify\/env|znv|valibot|arktype|@sinclair\/typebox|superstruct|class-validator|dotenv-safe|getenv|@nestjs\/config|@varlock\/.*|@julr\/vite-plugin-validate-env|@sveltejs\/kit.*)$/;
const SECRET_NAME = /SECRET|PASSWORD|PASSWD|_PASS$|TOKEN|API_?KEY|PRIVATE_KEY|DATABASE_URL|DB_URL|_DSN$|^DSN$|CONNECTION_STRING|MONGO(DB)?_URI|REDIS_URL/;
const NUMBER_PARSE = new Set(['parseInt', 'parseFloat', 'Number']);

function isProcessEnv(node: Node): boolean {
  return (
    node.type === T.MemberExpression &&
    !node.computed &&
    node.object.type === T.Identifier &&
    node.object.name === 'process' &&
    node.property.type === T.Identifier &&
    node.property.name === 'env'
  );
}

/** A fallback or a check guards the read: `x || '3000'`, `x ?? d`, `x ? a : b`, `if (!x)`, `x === 'true'`. */
function guarded(node: Node): boolean {
  const p = node.parent;
  if (!p) return false;
  if (p.type === T.LogicalExpression || p.type === T.ConditionalExpression || p.type === T.IfStatement || p.type === T.UnaryExpression) return p.type !== T.UnaryExpression || p.operator === '!';
  if (p.type === T.BinaryExpression) return true;
  // a read in a call (`String(x)`, `x?.split(',')`, `toBool(x)`) is the callee's business
  if (p.type === T.CallExpression || p.type === T.ChainExpression || p.type === T.MemberExpression) return true;
  return false;
}

function riskOf(read: Node, name: string): EnvRisk | undefined {
  const p = read.parent;
  if (!p) return undefined;
  if (p.type === T.TSNonNullExpression) return 'non-null';
  if (p.type === T.TSAsExpression && p.typeAnnotation.type === T.TSStringKeyword) return 'cast';
  if (p.type === T.UnaryExpression && p.operator === '+') return guarded(p) ? undefined : 'number';
  if (p.type === T.CallExpression && p.arguments[0] === read && NUMBER_PARSE.has(calleeName(p) ?? '')) {
    // parseInt(process.env.PORT) || 3000 has a fallback for NaN
    return guarded(p) && p.parent?.type !== T.CallExpression ? undefined : 'number';
  }
  if (SECRET_NAME.test(name) && !guarded(read)) return 'secret';
  return undefined;
}

const cache = new WeakMap<object, EnvConfig>();

/** The environment reads of the file and whether it validates them (built once per file, only walks files that mention process.env). */
export function envConfig(ctx: ModelContext): EnvConfig {
  const cached = cache.get(ctx.index);
  if (cached) return cached;
  const result: EnvConfig = { reads: [], validated: false };
  cache.set(ctx.index, result);
  if (!ctx.sourceCode.text.includes('process.env')) return result;
  for (const ref of ctx.index.imports.values()) if (ENV_VALIDATORS.test(ref.source)) result.validated = true;
  walk(ctx.index.program, (n) => {
    if (n.type === T.ThrowStatement) result.validated = true;
    if (n.type === T.CallExpression) {
      const name = calleeName(n);
      if (name === 'exit' || name === 'assert' || name === 'ok' || name === 'invariant') result.validated = true;
      // schema.parse(process.env), cleanEnv(process.env, {...}), validateEnv(process.env)
      if (n.arguments.some((a) => isProcessEnv(a as Node))) result.validated = true;
    }
    if (n.type === T.MemberExpression && isProcessEnv(n.object)) {
      const key = n.property;
      const name = !n.computed && key.type === T.Identifier ? key.name : key.type === T.Literal && typeof key.value === 'string' ? key.value : undefined;
      if (name) result.reads.push({ node: n, name, risk: riskOf(n, name) });
      return false;
    }
    if (n.type === T.VariableDeclarator && n.init && isProcessEnv(n.init) && n.id.type === T.ObjectPattern) {
      for (const p of (n.id as TSESTree.ObjectPattern).properties) {
        if (p.type !== T.Property || p.key.type !== T.Identifier) continue;
        const withDefault = p.value.type === T.AssignmentPattern;
        result.reads.push({ node: p, name: p.key.name, risk: !withDefault && SECRET_NAME.test(p.key.name) ? 'secret' : undefined });
      }
    }
    return undefined;
  });
  return result;
}
