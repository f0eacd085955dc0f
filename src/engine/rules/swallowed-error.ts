import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import specData from '../../../rules/swallowed-error.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, contains, enclosingFunction, isFunction, memberPath, staticText, unwrap, walk, type Call, type Node } from '../model/ast';
import type { ModelContext } from '../model/file-index';
import { isBestEffortCall, isParseOnly, isTelemetryCall, onlyBestEffort } from '../model/best-effort';
import { errorLogParts, logCall, loggerAt } from '../model/loggers';
import { isScriptOrTestFile } from '../model/paths';
import { RESPONSE_ROOT, createsWhatWasMissing, fallsBackAfter, isOptionalRequireProbe, keepsDefault, keepsField, sameWorkOtherWay } from '../model/try-fallbacks';
import { isBrowserCode } from '../model/runtime';
import { createRule, metaFromSpec } from './create-rule';
import { FixText, indentOf } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'swallowedError' | 'swallowedPromise' | 'logError';
type Options = [];

const spec = specData as RuleSpec;

export const swallowedErrorSpec = spec;

/** Calls that deal with a failure even without the error object: respond, reject, report, count, exit. */
const HANDLING_CALL = /^(next|reject|nack|done|cb|callback|fail|abort|exit|notFound|redirect|captureException|captureMessage|captureError|recordException|setStatus|inc|increment|observe|notify|sendStatus|status|code)$|^(throw|raise)|error|fail|report|retry|alert|handle|fallback|warn/i;
/** A list the failure is recorded in for the caller: `errors.push(typeError)`, `this.problems.push({ … })`. */
const FAILURE_LIST = /(errors?|problems?|failures?|failed|warnings?|issues?|invalid\w*|rejected|skipped)$/i;
const RESPONSE_SENDS = /^(json|send|end|sendStatus|status|code|redirect|render|text|html|body|newResponse|notFound|throw)$/;
/** A catch parameter named to say "ignored on purpose": `_`, `_err`, `ignored`. */
const IGNORED_PARAM = /^(_\w*|ignored?|unused)$/;
const DISCARDED_VALUE = /^(undefined|noop|_\.noop|lodash\.noop)$/;

function handles(block: TSESTree.BlockStatement, param: string | undefined): boolean {
  let handled = false;
  walk(block, (n) => {
    if (handled) return false;
    switch (n.type) {
      case T.ThrowStatement:
      case T.AssignmentExpression:
      case T.BreakStatement:
      case T.ContinueStatement:
      case T.YieldExpression:
        handled = true;
        return false;
      case T.ReturnStatement:
        if (n.argument) handled = true;
        return undefined;
      case T.Identifier:
        if (param && n.name === param) handled = true;
        return undefined;
      case T.NewExpression:
        if (/Response|Exception|Error$/.test(calleeName(n) ?? '')) handled = true;
        return undefined;
      case T.CallExpression: {
        if (logCall(n)) handled = true;
        // debug('[cache] write failed'): the debug package's (or a local) log function, the author's chosen level
        if (n.callee.type === T.Identifier && /^(debug|log|logDebug|logError|logWarn|trace)$/.test(n.callee.name)) handled = true;
        const name = calleeName(n) ?? '';
        const path = memberPath(n.callee);
        if (HANDLING_CALL.test(name) || (RESPONSE_ROOT.test(path[0] ?? '') && RESPONSE_SENDS.test(name))) handled = true;
        if (/^(push|add|set|unshift)$/.test(name) && FAILURE_LIST.test(path[path.length - 2] ?? '')) handled = true;
        if (isTelemetryCall(n)) handled = true;
        // invalidToken(res), sendError(reply, 401): a helper given the response answers the caller
        if (n.arguments.some((a) => a.type === T.Identifier && /^(res|response|reply)$/.test(a.name))) handled = true;
        if (name === 'emit' && staticText(n.arguments[0]) === 'error') handled = true;
        return undefined;
      }
      default:
        return undefined;
    }
  });
  return handled;
}

function functionName(node: Node): string {
  const fn = enclosingFunction(node);
  if (!fn) return 'this step';
  if (fn.type !== T.ArrowFunctionExpression && fn.id) return fn.id.name;
  const p = fn.parent;
  if (p?.type === T.VariableDeclarator && p.id.type === T.Identifier) return p.id.name;
  if ((p?.type === T.MethodDefinition || p?.type === T.Property) && p.key.type === T.Identifier) return p.key.name;
  return 'this step';
}

/** `promise.catch(() => {})` whose value nobody reads; `const x = await p.catch(() => null)` is a fallback, not a swallow. */
function swallowingCatchCall(call: Call, ctx: ModelContext): boolean {
  if (call.callee.type !== T.MemberExpression || calleeName(call) !== 'catch' || call.arguments.length !== 1) return false;
  const arg = unwrap(call.arguments[0] as Node);
  let empty: boolean;
  if (isFunction(arg)) {
    if (arg.params.length > 0 && arg.params[0].type === T.Identifier && !IGNORED_PARAM.test(arg.params[0].name) && arg.body.type === T.BlockStatement && arg.body.body.length > 0) return false;
    const body = arg.body;
    if (body.type === T.BlockStatement) empty = body.body.length === 0;
    else {
      const b = unwrap(body);
      empty = (b.type === T.Literal && (b.value === null || b.value === false)) || (b.type === T.Identifier && b.name === 'undefined') || (b.type === T.UnaryExpression && b.operator === 'void');
    }
  } else {
    empty = DISCARDED_VALUE.test(memberPath(arg).join('.'));
  }
  if (!empty) return false;
  let up: Node = call;
  while (up.parent && (up.parent.type === T.AwaitExpression || up.parent.type === T.ChainExpression || (up.parent.type === T.UnaryExpression && up.parent.operator === 'void'))) up = up.parent;
  if (up.parent?.type !== T.ExpressionStatement) return false;
  // `aborted.catch(() => undefined)` on a promise that is awaited or raced later: it only marks the rejection as
  // handled so Node does not crash before that; the later await still sees the error.
  const receiver = unwrap((call.callee as TSESTree.MemberExpression).object);
  // `reader.cancel(err).catch(() => {})`, `telemetry.send(…).catch(() => {})`: best effort by design
  if (receiver.type === T.CallExpression && isBestEffortCall(receiver, ctx)) return false;
  return !(receiver.type === T.Identifier && usedAfter(receiver, call, ctx));
}

/**
 * The identifier is read again later (awaited, raced, returned), in its function or, for a variable of an outer
 * scope (`contentPromise = serialize(dir); await contentPromise.catch(() => {})` in a callback), wherever it lives.
 */
function usedAfter(id: TSESTree.Identifier, after: Node, ctx: ModelContext): boolean {
  const variable = findVariable(ctx.sourceCode.getScope(id), id.name);
  if (variable && variable.defs.length > 0) return variable.references.some((r) => r.identifier !== id && r.identifier.range[0] > after.range[1] && r.isRead());
  const fn = enclosingFunction(after);
  let found = false;
  walk(fn ?? (after.parent as Node), (n) => {
    if (found) return false;
    if (n.type === T.Identifier && n.name === id.name && n !== id && n.range[0] > after.range[1]) found = true;
    return undefined;
  });
  return found;
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
    const catches: TSESTree.CatchClause[] = [];
    const typescript = /\.[cm]?tsx?$/i.test(context.filename);

    function logText(ctx: ModelContext, at: Node, err: string): string {
      const { head, tail } = errorLogParts(loggerAt(ctx, at), err, typescript);
      return FixText.for(context).text(head).choice(`${functionName(at)} failed`).text(tail).toString();
    }

    function catchFix(ctx: ModelContext, clause: TSESTree.CatchClause): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      if (clause.param && clause.param.type !== T.Identifier) return undefined;
      const err = clause.param?.name ?? 'err';
      const body = clause.body;
      const log = logText(ctx, clause, err);
      const outer = indentOf(sourceCode, clause);
      return {
        messageId: 'logError',
        fix: (fixer) => {
          const fixes: TSESLint.RuleFix[] = [];
          if (!clause.param) fixes.push(fixer.insertTextAfterRange([clause.range[0], clause.range[0] + 'catch'.length], ` (${err})`));
          if (body.body.length === 0) fixes.push(fixer.replaceText(body, `{\n${outer}  ${log};\n${outer}}`));
          else if (body.body[0].loc.start.line === body.loc.start.line) fixes.push(fixer.insertTextBefore(body.body[0], `${log}; `));
          else fixes.push(fixer.insertTextBefore(body.body[0], `${log};\n${indentOf(sourceCode, body.body[0])}`));
          return fixes;
        },
      };
    }

    return {
      CatchClause(node) {
        catches.push(node);
      },
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        // Front-end code and bundles (`'use client'`, components, built assets): no server log to lose the error from.
        if (isBrowserCode(model.ctx)) return;
        // A database read that fails is an outage, not a missing optional value: its default still needs a trace.
        const readsData = (tryStmt: TSESTree.TryStatement) => model.dbCalls().some((d) => contains(tryStmt.block, d.call));
        for (const clause of catches) {
          const param = clause.param?.type === T.Identifier ? clause.param.name : undefined;
          if (param && IGNORED_PARAM.test(param)) continue;
          if (clause.param && !param) continue; // catch ({ message }) reads the error
          // A comment in the block is the author saying why the error is ignored (ESLint's no-empty accepts the same).
          if (sourceCode.getCommentsInside(clause.body).length > 0) continue;
          const tryStmt = clause.parent as TSESTree.TryStatement;
          if (isOptionalRequireProbe(tryStmt.block)) continue;
          if (clause.body.body.length === 0 && (fallsBackAfter(tryStmt) || ((keepsDefault(tryStmt) || keepsField(tryStmt, sourceCode)) && !readsData(tryStmt)))) continue;
          if (sameWorkOtherWay(tryStmt, clause, sourceCode) || createsWhatWasMissing(tryStmt, clause)) continue;
          // Clean-up or telemetry that may fail (`try { await fs.rm(tmp) } catch {}`), or a parse of input whose
          // only failure is "malformed" (`try { msg = JSON.parse(raw) } catch { return; }`).
          if (onlyBestEffort(tryStmt.block, model.ctx)) continue;
          if (isParseOnly(tryStmt.block) && clause.body.body.every((st) => st.type === T.ReturnStatement && !st.argument)) continue;
          if (handles(clause.body, param)) continue;
          const fix = catchFix(model.ctx, clause);
          context.report({
            loc: { start: clause.loc.start, end: { line: clause.loc.start.line, column: clause.loc.start.column + 'catch'.length } },
            messageId: 'swallowedError',
            suggest: fix ? [fix] : [],
          });
        }
        for (const call of model.ctx.index.calls) {
          if (!swallowingCatchCall(call, model.ctx)) continue;
          const arg = call.arguments[0] as Node;
          if (isFunction(arg) && sourceCode.getCommentsInside(arg).length > 0) continue;
          const log = logText(model.ctx, call, 'err');
          const property = (call.callee as TSESTree.MemberExpression).property;
          context.report({
            loc: { start: property.loc.start, end: call.loc.end },
            messageId: 'swallowedPromise',
            suggest: [{ messageId: 'logError', fix: (fixer) => fixer.replaceText(arg, `(err) => ${log}`) }],
          });
        }
      },
    };
  },
});
