import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import specData from '../../../rules/create-without-201.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, type DbCall, type FileModel } from '../model';
import { T, calleeName, contains, isFunction, unwrap, type FunctionNode, type Node } from '../model/ast';
import { isAuthEndpoint, isScriptOrTestFile, isWebhookPath } from '../model/paths';
import { bodyReportsError, findResponses, type HttpResponse } from '../model/responses';
import type { Route } from '../model/route';
import { createRule, metaFromSpec } from './create-rule';
import { FixText } from './fix-text';
import { routeOf, setStatusFix } from './fixes/response-status';
import { teamFromContext } from './team';

type MessageIds = 'createWithout201' | 'useCreated';
type Options = [];

const spec = specData as RuleSpec;

export const createWithout201Spec = spec;

const CREATE_OPS = /^(create|createMany|createManyAndReturn|insert|insertOne|insertMany|bulkCreate|INSERT)$/;
/** Last path segments that name an action, not a collection: `POST /orders/:id/cancel`, `/search`, `/auth/login`. */
const ACTION =
  /^(login|logout|signin|signout|search|query|filter|lookup|find|check|validate|verify|calculate|compute|preview|estimate|quote|send|resend|retry|run|execute|trigger|sync|refresh|reset|cancel|approve|reject|publish|unpublish|archive|unarchive|restore|like|unlike|follow|unfollow|vote|upvote|downvote|track|batch|bulk|rpc|graphql|callback|notify|ping|test|subscribe|unsubscribe|confirm|complete|start|stop|pause|resume|join|leave|accept|decline|transfer|convert|merge|import|export|upload|checkout|pay|charge|refund|capture|clone|duplicate|copy|move|rename|toggle|enable|disable|activate|deactivate|mark-read|read|seen|ack|acknowledge|events|event|analytics|telemetry|log|logs|beacon|collect)$/i;
const CREATOR_NAME = /^(create|add|insert)([A-Z_]\w*)?$/;

function isActionPath(path: string): boolean {
  const segs = path.split('/').filter(Boolean);
  const last = segs[segs.length - 1] ?? '';
  return last.includes(':') && !last.startsWith(':') ? true : ACTION.test(last.replace(/\.\w+$/, '')) || isAuthEndpoint(path) || isWebhookPath(path);
}

/** The name a handler function goes by: `function createUser`, `const createUser = …`, `{ create: async (req, res) => … }`. */
function functionName(fn: FunctionNode): string | undefined {
  if (fn.type === T.FunctionDeclaration) return fn.id?.name;
  const p = fn.parent;
  if (p?.type === T.VariableDeclarator && p.id.type === T.Identifier) return p.id.name;
  if ((p?.type === T.Property || p?.type === T.MethodDefinition) && p.key.type === T.Identifier) return p.key.name;
  if (p?.type === T.AssignmentExpression && p.left.type === T.MemberExpression && p.left.property.type === T.Identifier) return p.left.property.name;
  if (p?.type === T.CallExpression) {
    // const createUser = asyncHandler(async (req, res) => …)
    const d = p.parent;
    if (d?.type === T.VariableDeclarator && d.id.type === T.Identifier) return d.id.name;
  }
  return undefined;
}

/** `repo.save({…})`, `repo.save(repo.create(…))`, `new Order(…).save()`: a save that stores a new record. */
function savesNewRecord(d: DbCall, model: FileModel): boolean {
  if (d.operation !== 'save') return false;
  const call = d.call;
  const callee = call.callee;
  const subject = call.arguments[0] ? unwrap(call.arguments[0]) : callee.type === T.MemberExpression ? unwrap(callee.object) : undefined;
  const isNew = (n: Node | undefined): boolean => !!n && (n.type === T.NewExpression || n.type === T.ObjectExpression || (n.type === T.CallExpression && calleeName(n) === 'create'));
  if (isNew(subject)) return true;
  if (subject?.type !== T.Identifier) return false;
  const def = findVariable(model.ctx.sourceCode.getScope(subject), subject.name)?.defs[0]?.node as Node | undefined;
  return def?.type === T.VariableDeclarator && !!def.init && isNew(unwrap(def.init));
}

function creates(d: DbCall, model: FileModel): boolean {
  if (d.kind !== 'write') return false;
  if (d.library === 'sql') return d.operation === 'INSERT' && !/\bON\s+(CONFLICT|DUPLICATE)\b/i.test(d.sql ?? '');
  if (d.library === 'drizzle' || d.library === 'knex') return d.operation === 'insert';
  return CREATE_OPS.test(d.operation) || savesNewRecord(d, model);
}

/** The block a create runs in: a response after it in the same block (or nested deeper) answers that create. */
function blockOf(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === T.BlockStatement || isFunction(p)) return p;
  return undefined;
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

    /** The creating handlers: POST routes (not NestJS: it answers POST with 201) and `createX` handlers kept in controller files. */
    function creatingHandlers(model: FileModel): FunctionNode[] {
      const out: FunctionNode[] = [];
      for (const fn of model.handlers().functions) {
        const route: Route | undefined = routeOf(model, fn);
        if (route) {
          if (route.framework === 'nest' || !route.methods.includes('POST') || (route.path !== undefined && isActionPath(route.path))) continue;
        } else if (!CREATOR_NAME.test(functionName(fn) ?? '')) {
          continue;
        }
        out.push(fn);
      }
      return out;
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const responses = findResponses(model.ctx);
        if (responses.length === 0) return;
        const writes = model.dbCalls().filter((d) => d.kind === 'write');
        if (!writes.some((d) => creates(d, model))) return;
        for (const fn of creatingHandlers(model)) {
          const mine = responses.filter((r) => contains(fn, r.node) && !r.redirect && r.style !== 'exception' && !bodyReportsError(r.body));
          // an explicit 2xx other than 200 anywhere in the handler: the author chose the codes
          if (mine.some((r) => r.explicit && (r.status === undefined || (r.status >= 201 && r.status < 300)))) continue;
          const create = writes.find((d) => contains(fn, d.call) && creates(d, model));
          if (!create) continue;
          const block = blockOf(create.call);
          const answer: HttpResponse | undefined = mine.find((r) => r.status === 200 && r.node.range[0] > create.call.range[1] && !!block && contains(block, r.node));
          if (!answer) continue;
          const fix = setStatusFix(sourceCode, answer, FixText.for(context).choice('201').toString());
          context.report({
            node: answer.node as TSESTree.Node,
            messageId: 'createWithout201',
            suggest: fix ? [{ messageId: 'useCreated', fix }] : [],
          });
        }
      },
    };
  },
});
