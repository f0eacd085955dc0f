import type { TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/unvalidated-request-body.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, type DbCall, type FileModel } from '../model';
import { T, calleeName, memberPath, property, unwrap, type Call, type Node } from '../model/ast';
import { chainAfter } from '../model/query-chain';
import { isScriptOrTestFile } from '../model/paths';
import { requestData } from '../model/request-data';
import { handlerValidations, routeValidates } from '../model/validation';
import { createRule, metaFromSpec } from './create-rule';
import { routeOf } from './fixes/response-status';
import { teamFromContext } from './team';

type MessageIds = 'unvalidatedRequestBody';
type Options = [];

const spec = specData as RuleSpec;

export const unvalidatedRequestBodySpec = spec;

/** Writes whose data is their second argument: `Model.updateOne(filter, data)`, `repo.update(id, data)`. */
const DATA_SECOND = /^(updateOne|updateMany|findOneAndUpdate|findByIdAndUpdate|findOneAndReplace|replaceOne)$/;
const DATA_FIRST = /^(create|insertMany|insertOne|save|insert|bulkCreate)$/;
/** Calls that copy a body onto a record that is saved afterwards: `Object.assign(user, req.body)`, `repo.merge(user, body)`, `doc.set(body)`. */
const COPIERS = /^(assign|merge|set)$/;

/** The arguments of a write that hold the data written. */
function dataArguments(d: DbCall): Node[] {
  const call = d.call;
  const args = call.arguments as Node[];
  switch (d.library) {
    case 'prisma': {
      const opts = args[0] ? unwrap(args[0]) : undefined;
      return ['data', 'create', 'update'].map((k) => property(opts, k)?.value as Node | undefined).filter((v): v is Node => !!v);
    }
    case 'knex':
    case 'drizzle': {
      const chain = chainAfter(call);
      const calls = d.library === 'knex' ? [call, ...chain.afterCalls] : [call, ...chain.afterCalls];
      return calls.filter((c) => /^(insert|update|values|set|merge)$/.test(calleeName(c) ?? '') && c !== call).map((c) => c.arguments[0] as Node).filter(Boolean);
    }
    case 'sql':
      return [];
    default: {
      const op = d.operation;
      if (DATA_SECOND.test(op)) return args[1] ? [args[1]] : [];
      // Sequelize `Model.update(values, { where })`, TypeORM `repo.update(criteria, values)`, Mongoose `update(filter, doc)`,
      // a record's `instance.update(values)`: the library is not always known, so both places are read
      if (op === 'update') return args.slice(0, 2);
      if (DATA_FIRST.test(op)) return args[0] ? [args[0]] : [];
      return [];
    }
  }
}

export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'problem',
    ...metaFromSpec<MessageIds>(spec),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;

    /** `req.body`, `{ ...req.body }`, `{ $set: req.body }`: the client's whole object, unvalidated; its source text. */
    function wholeBody(node: Node, model: FileModel, depth = 0): string | undefined {
      const n = unwrap(node);
      if (n.type === T.ObjectExpression && depth < 3) {
        for (const p of n.properties) {
          if (p.type === T.SpreadElement) {
            const s = wholeBody(p.argument, model, depth + 1);
            if (s) return s;
          } else if (p.type === T.Property && p.key.type === T.Identifier && /^\$(set|setOnInsert)$/.test(p.key.name)) {
            const s = wholeBody(p.value as Node, model, depth + 1);
            if (s) return s;
          }
        }
        return undefined;
      }
      if (n.type === T.ArrayExpression || n.type === T.Literal || n.type === T.TemplateLiteral) return undefined;
      const data = requestData(n, model.ctx);
      return data && data.whole && !data.validated ? data.source : undefined;
    }

    function validatedAround(node: Node, model: FileModel): boolean {
      const fn = model.handlers().enclosing(node);
      if (!fn) return true; // not in a handler: a service or helper, whose caller may validate
      const route = routeOf(model, fn);
      if (!route) return true; // a controller registered elsewhere: its route chain is not in this file
      return routeValidates(route, model.ctx) || handlerValidations(fn, model.ctx).length > 0;
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const writes = model.dbCalls().filter((d) => d.kind === 'write');
        if (writes.length === 0) return;
        const reported = new Set<Node>();
        const report = (node: Node, source: string, operation: string): void => {
          if (reported.has(node) || validatedAround(node, model)) return;
          reported.add(node);
          context.report({ node: node as TSESTree.Node, messageId: 'unvalidatedRequestBody', data: { source: `\`${source}\``, operation: `\`${operation}\`` } });
        };
        for (const d of writes) {
          for (const arg of dataArguments(d)) {
            const source = wholeBody(arg, model);
            if (source) report(arg, source, d.operation);
          }
        }
        // Object.assign(user, req.body); await user.save()
        const handlers = model.handlers();
        for (const call of model.ctx.index.calls as Call[]) {
          const name = calleeName(call);
          if (!name || !COPIERS.test(name) || call.arguments.length === 0) continue;
          const path = memberPath(call.callee);
          const copied = name === 'assign' ? (path[0] === 'Object' ? call.arguments.slice(1) : []) : name === 'merge' ? call.arguments.slice(1) : call.arguments.length === 1 && path.length === 2 && !/^(res|reply|c|ctx|map|cache|redis|headers|searchParams|params|url|store|this)$/i.test(path[0]) ? call.arguments.slice(0, 1) : [];
          const fn = handlers.enclosing(call);
          if (!fn || !writes.some((d) => d.call.range[0] > call.range[1] && d.call.range[1] <= fn.range[1])) continue;
          for (const a of copied) {
            const source = wholeBody(a as Node, model);
            if (source) report(a as Node, source, name === 'assign' ? 'Object.assign' : name);
          }
        }
      },
    };
  },
});
