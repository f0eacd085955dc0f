import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/error-details-exposed.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, logCall } from '../model';
import { T, calleeName, contains, isFunction, unwrap, type Node } from '../model/ast';
import { errorExposures, exposureLabel, isErrorBinding, isGuarded } from '../model/error-values';
import type { ModelContext } from '../model/file-index';
import { loggerAt } from '../model/loggers';
import { isScriptOrTestFile } from '../model/paths';
import { RESPONSE_ASSIGNMENT_SELECTOR, RESPONSE_METHODS, koaBodyWrite, responseConstruction, responseWrite, type ResponseWrite } from '../model/response-writes';
import { createRule, metaFromSpec } from './create-rule';
import { FixText, indentOf } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'errorDetailsExposed' | 'genericMessage';
type Options = [];

const spec = specData as RuleSpec;

export const errorDetailsExposedSpec = spec;

const GENERIC = "'Internal server error'";
/** Nest exceptions that answer 5xx: their message reaches the client as is. */
const SERVER_EXCEPTIONS = /^(InternalServerErrorException|ServiceUnavailableException|BadGatewayException|GatewayTimeoutException|NotImplementedException)$/;

/** The caught error at `node`: the nearest catch clause's parameter, or an error handler's first parameter. */
function caughtError(node: Node, ctx: ModelContext): { name: string; scope: Node } | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === T.CatchClause) return n.param?.type === T.Identifier ? { name: n.param.name, scope: n } : undefined;
    if (isFunction(n)) {
      const p = n.params[0];
      if (p?.type === T.Identifier && isErrorBinding(p, ctx)) return { name: p.name, scope: n };
    }
  }
  return undefined;
}

/** The statement a node is part of, when it sits in a statement list (so a log line can go before it). */
function statementOf(node: Node): Node | undefined {
  for (let n: Node | undefined = node; n?.parent; n = n.parent) {
    const p = n.parent;
    if (p.type === T.BlockStatement || p.type === T.Program || p.type === T.SwitchCase) return n;
    if (isFunction(p)) return undefined;
  }
  return undefined;
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
    const assignments: TSESTree.AssignmentExpression[] = [];

    /** The edits: each exposure becomes the generic message (a whole error body becomes `{ error: … }`), plus a log line. */
    function fix(body: Node, exposures: Node[], at: Node, ctx: ModelContext, objectBody: boolean): TSESLint.ReportFixFunction {
      const t = (s: string) => FixText.for(context).text(s).toString();
      return (fixer) => {
        const edits: TSESLint.RuleFix[] = [];
        const replaced = new Set<Node>();
        for (const e of exposures) {
          let target: Node = e;
          // a template or concatenation around the error becomes the message as a whole
          while (target.parent && (target.parent.type === T.TemplateLiteral || (target.parent.type === T.BinaryExpression && target.parent.operator === '+')) && target !== body) target = target.parent;
          if ([...replaced].some((r) => contains(r, target))) continue;
          replaced.add(target);
          const prop = target.parent?.type === T.Property && target.parent.value === target ? target.parent : undefined;
          if (target === unwrap(body) || target === body) edits.push(fixer.replaceText(body, t(objectBody ? `{ error: ${GENERIC} }` : GENERIC)));
          else if (prop && /^(stack|trace|stackTrace)$/i.test(sourceCode.getText(prop.key))) {
            // drop the property with the comma before it (or after it, when it comes first)
            const before = sourceCode.getTokenBefore(prop);
            const after = sourceCode.getTokenAfter(prop);
            if (before?.value === ',') edits.push(fixer.removeRange([before.range[0], prop.range[1]]));
            else edits.push(fixer.removeRange([prop.range[0], after?.value === ',' ? sourceCode.getTokenAfter(after)!.range[0] : prop.range[1]]));
          } else if (prop?.shorthand) edits.push(fixer.replaceText(prop, t(`${sourceCode.getText(prop.key)}: ${GENERIC}`)));
          else edits.push(fixer.replaceText(target, t(GENERIC)));
        }
        const caught = caughtError(at, ctx);
        const stmt = statementOf(at);
        if (caught && stmt && !alreadyLogged(caught.scope, caught.name, ctx)) {
          const logger = loggerAt(ctx, at);
          const line = !logger
            ? `console.error(${caught.name});`
            : logger.convention === 'pino'
              ? `${logger.text}.error({ err: ${caught.name} }, 'Request failed');`
              : `${logger.text}.error(${caught.name});`;
          edits.push(fixer.insertTextBefore(stmt, t(`${line}\n${indentOf(sourceCode, stmt)}`)));
        }
        // one suggestion, so its edits must not overlap
        edits.sort((a, b) => a.range[0] - b.range[0]);
        return edits.filter((e, i) => i === 0 || e.range[0] >= edits[i - 1].range[1]);
      };
    }

    function alreadyLogged(scope: Node, name: string, ctx: ModelContext): boolean {
      return ctx.index.calls.some((c) => contains(scope, c) && !!logCall(c) && c.arguments.some((a) => new RegExp(`\\b${name}\\b`).test(sourceCode.getText(a))));
    }

    function check(body: Node | undefined, at: Node, ctx: ModelContext, objectBody: boolean, status?: number): void {
      if (!body || (status !== undefined && status >= 400 && status < 500)) return;
      const exposures = errorExposures(body, ctx).filter((e) => !isGuarded(e, caughtError(e, ctx)?.scope, sourceCode));
      if (exposures.length === 0) return;
      context.report({
        node: at,
        messageId: 'errorDetailsExposed',
        data: { what: exposureLabel(exposures[0], sourceCode) },
        suggest: [{ messageId: 'genericMessage', fix: fix(body, exposures, at, ctx, objectBody) }],
      });
    }

    const atOf = (w: ResponseWrite): Node => (w.node.type === T.CallExpression && w.node.callee.type === T.MemberExpression ? w.node.callee.property : w.node.type === T.AssignmentExpression ? w.node.left : w.node);

    return {
      [RESPONSE_ASSIGNMENT_SELECTOR](node: TSESTree.AssignmentExpression) {
        assignments.push(node);
      },
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const ctx = getModel(sourceCode, context.filename, teamFromContext(context)).ctx;
        const write = (w: ResponseWrite | undefined) => {
          if (!w) return;
          // Fastify's reply.send(err) hands the error to the error handler, as next(err) does in Express
          if (w.api === 'fastify' && w.body && unwrap(w.body).type === T.Identifier && errorExposures(w.body, ctx).length > 0) return;
          const objectBody = w.api === 'fetch' ? w.method === 'json' : !/^(text|write|end)$/.test(w.method) && w.declared !== 'text' && w.declared !== 'html';
          check(w.body, atOf(w), ctx, objectBody, w.status);
        };
        for (const call of ctx.index.calls) {
          const name = calleeName(call);
          if (name && RESPONSE_METHODS.has(name)) write(responseWrite(call, ctx, assignments));
        }
        for (const a of assignments) write(koaBodyWrite(a, ctx, assignments));
        for (const n of ctx.index.news) {
          write(responseConstruction(n));
          // Nest: throw new InternalServerErrorException(err.message)
          const name = n.callee.type === T.Identifier ? n.callee.name : undefined;
          if (!name || n.parent?.type !== T.ThrowStatement) continue;
          const status = name === 'HttpException' ? n.arguments[1] : undefined;
          const serverError = SERVER_EXCEPTIONS.test(name) || (!!status && /\b(500|50[2-4]|INTERNAL_SERVER_ERROR|BAD_GATEWAY|SERVICE_UNAVAILABLE|GATEWAY_TIMEOUT)\b/.test(sourceCode.getText(status)));
          if (serverError && n.arguments[0]) check(n.arguments[0], n.callee, ctx, false);
        }
      },
    };
  },
});
