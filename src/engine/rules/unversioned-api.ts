import type { TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/unversioned-api.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, type FileModel } from '../model';
import { T, calleeName, property, staticText, unwrap, type Node } from '../model/ast';
import { isScriptOrTestFile } from '../model/paths';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'unversionedApi' | 'addVersion';
type Options = [];

const spec = specData as RuleSpec;

export const unversionedApiSpec = spec;

const VERSION = /^(v\d+(\.\d+)*|\d{4}-\d{2}(-\d{2})?|version\d*)$/i;
const API_ROOT = /^(api|rest)$/i;
/** What follows `/api` on routes that are not the public, versioned contract. */
const NOT_PUBLIC = /^(internal|admin|health|healthz|readyz|livez|metrics|graphql|gql|trpc|webhooks?|hooks|docs|swagger|openapi|_next|static|assets|status|ping|private|debug|dev|ops|auth\/callback)$/i;
const HEADER_VERSIONING = /accept-version|api-version|x-api-version|VersioningType|enableVersioning/i;

interface Mount {
  literal: Node;
  prefix: string;
}

/** The literal of every mount prefix in the file: `use('/api', r)`, `route('/api', app)`, `register(p, { prefix })`, `new Router({ prefix })`, `setGlobalPrefix('api')`. */
function mountPrefixes(model: FileModel): Mount[] {
  const out: Mount[] = [];
  const { imports } = model.ctx.index;
  const hono = [...imports.values()].some((i) => /^hono(\/|$)/.test(i.source));
  const add = (lit: Node | undefined): void => {
    const text = staticText(lit);
    if (lit && text !== undefined) out.push({ literal: unwrap(lit), prefix: text });
  };
  const isRouter = (n: Node): boolean => {
    const a = unwrap(n);
    if (a.type === T.CallExpression) {
      const name = calleeName(a);
      return name === 'routes' || (a.callee.type === T.Identifier && a.callee.name === 'require' && (staticText(a.arguments[0]) ?? '').startsWith('.'));
    }
    if (a.type !== T.Identifier) return false;
    const ref = imports.get(a.name);
    return (!!ref && ref.source.startsWith('.')) || /(router|routes|api|app|controller)$/i.test(a.name);
  };
  for (const call of model.ctx.index.calls) {
    const name = calleeName(call);
    const args = call.arguments as Node[];
    if (name === 'use' && args.length >= 2 && isRouter(args[args.length - 1])) add(args[0]);
    else if (name === 'route' && hono && args.length === 2) add(args[0]);
    else if (name === 'basePath' && args.length === 1) add(args[0]);
    else if (name === 'register' && args.length >= 2) add(property(unwrap(args[1]), 'prefix')?.value as Node | undefined);
    else if ((name === 'setGlobalPrefix' || name === 'prefix') && args.length >= 1 && call.callee.type === T.MemberExpression) add(args[0]);
  }
  for (const n of model.ctx.index.news) {
    if (calleeName(n) === 'Router' || calleeName(n) === 'KoaRouter') add(property(n.arguments[0] ? unwrap(n.arguments[0]) : undefined, 'prefix')?.value as Node | undefined);
  }
  return out;
}

function segments(prefix: string): string[] {
  return prefix.split('/').filter(Boolean);
}

export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'suggestion',
    ...metaFromSpec<MessageIds>(spec),
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const mounts = mountPrefixes(model);
        if (mounts.length === 0) return;
        // The team versions already: a versioned mount beside this one, or versioning by header / NestJS
        if (mounts.some((m) => segments(m.prefix).some((s) => VERSION.test(s)))) return;
        const candidate = mounts.find((m) => {
          const segs = segments(m.prefix);
          return segs.length > 0 && API_ROOT.test(segs[0]) && !(segs[1] && NOT_PUBLIC.test(segs[1]));
        });
        if (!candidate || HEADER_VERSIONING.test(sourceCode.text)) return;
        const raw = sourceCode.getText(candidate.literal as TSESTree.Node);
        const fixed = raw.replace(/^(['"`]\/?)(api|rest)(?=\/|['"`])/i, '$1$2/v1');
        const suggested = fixed.slice(1, -1);
        context.report({
          node: candidate.literal as TSESTree.Node,
          messageId: 'unversionedApi',
          data: { prefix: candidate.prefix, suggested },
          suggest: fixed !== raw ? [{ messageId: 'addVersion', data: { suggested }, fix: (fixer) => fixer.replaceText(candidate.literal as TSESTree.Node, fixed) }] : [],
        });
      },
    };
  },
});
