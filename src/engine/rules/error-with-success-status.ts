import specData from '../../../rules/error-with-success-status.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, type FileModel } from '../model';
import { isScriptOrTestFile, isWebhookPath } from '../model/paths';
import { bodyReportsError, findResponses, type HttpResponse } from '../model/responses';
import { guardsOf } from '../model/validation';
import { createRule, metaFromSpec } from './create-rule';
import { FixText } from './fix-text';
import { handlerOf, routeOf, setStatusFix } from './fixes/response-status';
import { teamFromContext } from './team';

type MessageIds = 'errorWithSuccessStatus' | 'setStatus';
type Options = [];

const spec = specData as RuleSpec;

export const errorWithSuccessStatusSpec = spec;

/** GraphQL and JSON-RPC servers answer errors in a 200 body by specification. */
const ERRORS_IN_BODY_PACKAGES = /^(graphql|graphql-yoga|graphql-http|express-graphql|mercurius|type-graphql|@nestjs\/graphql|@apollo\/server(\/.*)?|apollo-server(-[\w-]+)?|@graphql-yoga\/[\w-]+|jayson|json-rpc-2\.0|@trpc\/server(\/.*)?)$/;
const ERRORS_IN_BODY_PATH = /(^|\/)(graphql|gql|rpc|jsonrpc|json-rpc|trpc)(\/|$)/i;

/** Where an error in a 200 body is the protocol (GraphQL, JSON-RPC) or what the caller needs (a webhook acknowledged to stop retries). */
function bodyIsTheProtocol(model: FileModel, r: HttpResponse): boolean {
  const route = routeOf(model, handlerOf(model, r.node));
  const path = route?.path;
  return path !== undefined && (ERRORS_IN_BODY_PATH.test(path) || isWebhookPath(path));
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
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const responses = findResponses(model.ctx);
        if (responses.length === 0) return;
        if ([...model.ctx.index.imports.values()].some((i) => ERRORS_IN_BODY_PACKAGES.test(i.source))) return;
        for (const r of responses) {
          if (r.status !== 200 || r.redirect || r.style === 'exception' || !bodyReportsError(r.body)) continue;
          if (!handlerOf(model, r.node) || bodyIsTheProtocol(model, r)) continue;
          const status = guardsOf(r.node).catchClause ? '500' : '400';
          const fix = setStatusFix(sourceCode, r, FixText.for(context).choice(status).toString());
          context.report({
            node: r.node,
            messageId: 'errorWithSuccessStatus',
            suggest: fix ? [{ messageId: 'setStatus', data: { status }, fix }] : [],
          });
        }
      },
    };
  },
});
