import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/error-log-without-error.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, isFunction, walk, type Call, type Node } from '../model/ast';
import type { ModelContext } from '../model/file-index';
import { isParseOnly } from '../model/best-effort';
import { logCall, logConvention, type LogConvention } from '../model/loggers';
import { isScriptOrTestFile } from '../model/paths';
import { isBrowserCode, isCommandLineTool } from '../model/runtime';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'errorLogWithoutError' | 'messageOnly' | 'addError';
type Options = [];

const spec = specData as RuleSpec;

export const errorLogWithoutErrorSpec = spec;

const ERROR_LEVELS = /^(error|fatal|crit|critical|alert|emerg)$/;
/** Properties that carry only the text of an error, not its stack or cause. */
const TEXT_ONLY = /^(message|name|code|toString)$/;
/** Calls that carry the error on elsewhere, so a log line without it loses nothing. */
const CARRIES = /^(next|reject|done|cb|callback|captureException|recordException|notify|report\w*|handle\w*Error|exit|shutdown|die|crash|fatal)$/;

/** The catch clause a log call sits in directly (not in a callback defined inside it). */
function catchOf(call: Call): TSESTree.CatchClause | undefined {
  for (let n: Node | undefined = call.parent; n; n = n.parent) {
    if (n.type === T.CatchClause) return n;
    if (isFunction(n)) return undefined;
  }
  return undefined;
}

type Use = 'none' | 'text' | 'full';

/** How an expression uses the error: not at all, only its text (`err.message`, `${err}`), or whole (`err`, `{ err }`, `err.stack`). */
function useOf(root: Node, name: string): Use {
  let use: Use = 'none';
  walk(root, (n) => {
    if (use === 'full') return false;
    if (n.type !== T.Identifier || n.name !== name) return undefined;
    let self: Node = n;
    let p = n.parent;
    while (p && (p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || p.type === T.TSTypeAssertion)) {
      self = p;
      p = p.parent;
    }
    if (p?.type === T.Property && p.key === n && !p.shorthand) return undefined;
    // `err instanceof Error`, `typeof err`: a test of the error, not a use of it
    if ((p?.type === T.BinaryExpression && p.operator === 'instanceof' && p.left === self) || (p?.type === T.UnaryExpression && p.operator === 'typeof')) return undefined;
    const textOnly =
      (p?.type === T.MemberExpression && p.object === self && p.property.type === T.Identifier && TEXT_ONLY.test(p.property.name)) ||
      p?.type === T.TemplateLiteral ||
      (p?.type === T.BinaryExpression && p.operator === '+') ||
      (p?.type === T.CallExpression && p.callee.type === T.Identifier && p.callee.name === 'String');
    use = textOnly ? 'text' : 'full';
    return undefined;
  });
  return use;
}

/**
 * How an expression uses the error through the locals made from it before `before`: `const e = new AppError({ err })`
 * carries it whole, `const msg = err instanceof Error ? err.message : String(err)` only its text.
 */
function useThrough(root: Node, block: TSESTree.BlockStatement, name: string, before: Node): Use {
  const names = new Map<string, Use>([[name, 'full']]);
  const useOfAll = (expr: Node): Use => {
    let best: Use = 'none';
    for (const [n, how] of names) {
      const u = useOf(expr, n);
      const got: Use = u === 'none' ? 'none' : how === 'full' ? u : 'text';
      if (got === 'full') return 'full';
      if (got === 'text') best = 'text';
    }
    return best;
  };
  walk(block, (n) => {
    if (n.range[0] >= before.range[0]) return false;
    let id: string | undefined;
    let value: Node | undefined;
    if (n.type === T.VariableDeclarator && n.id.type === T.Identifier && n.init) [id, value] = [n.id.name, n.init];
    else if (n.type === T.AssignmentExpression && n.operator === '=' && n.left.type === T.Identifier) [id, value] = [n.left.name, n.right];
    if (id && value && id !== name) {
      const u = useOfAll(value);
      const had = names.get(id);
      if (u === 'full' || (u === 'text' && had !== 'full')) names.set(id, u);
    }
    return undefined;
  });
  return useOfAll(root);
}

/**
 * The error goes on whole elsewhere in the block: rethrown, `next(err)`, reported, logged by another call, or handed
 * to the exit path. Also through a local made from it: `const error = toError(err); …; throw error`.
 */
function carriedElsewhere(block: TSESTree.BlockStatement, name: string, except: Call): boolean {
  let carried = false;
  walk(block, (n) => {
    if (carried || n === except) return false;
    if (n.type === T.ThrowStatement && n.argument && useThrough(n.argument, block, name, n) === 'full') carried = true;
    if (n.type === T.CallExpression && (CARRIES.test(calleeName(n) ?? '') || logCall(n)) && n.arguments.some((a) => useThrough(a as Node, block, name, n) === 'full')) carried = true;
    return undefined;
  });
  return carried;
}

/** Another log call of the block logs the error's text (`log.error('Caught error'); log.error(e.message)`): that call gets the one finding. */
function textLoggedElsewhere(block: TSESTree.BlockStatement, name: string, except: Call): boolean {
  let logged = false;
  walk(block, (n) => {
    if (logged || n === except || isFunction(n)) return false;
    if (n.type === T.CallExpression && logCall(n) && n.arguments.some((a) => useThrough(a as Node, block, name, n) === 'text')) logged = true;
    return undefined;
  });
  return logged;
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
    const typescript = /\.[cm]?tsx?$/i.test(context.filename);

    function suggestion(ctx: ModelContext, call: Call, clause: TSESTree.CatchClause, convention: LogConvention | undefined, err: string): TSESLint.SuggestionReportDescriptor<MessageIds> {
      return {
        messageId: 'addError',
        fix: (fixer) => {
          const fixes: TSESLint.RuleFix[] = [];
          if (!clause.param) fixes.push(fixer.insertTextAfterRange([clause.range[0], clause.range[0] + 'catch'.length], ` (${err})`));
          const first = call.arguments[0] as Node | undefined;
          const last = call.arguments[call.arguments.length - 1] as Node | undefined;
          const closeParen = call.range[1] - 1;
          if (convention === 'pino') {
            const prop = err === 'err' ? 'err' : `err: ${err}`;
            if (first?.type === T.ObjectExpression && first.properties.length > 0) fixes.push(fixer.insertTextAfter(first.properties[first.properties.length - 1], `, ${prop}`));
            else if (first?.type === T.ObjectExpression) fixes.push(fixer.replaceText(first, `{ ${prop} }`));
            else if (first) fixes.push(fixer.insertTextBefore(first, `{ ${prop} }, `));
            else fixes.push(fixer.insertTextBeforeRange([closeParen, closeParen], `{ ${prop} }`));
          } else {
            const value = convention === 'nest' ? (typescript ? `(${err} as Error).stack` : `${err}.stack`) : err;
            if (last) fixes.push(fixer.insertTextAfter(last, `, ${value}`));
            else fixes.push(fixer.insertTextBeforeRange([closeParen, closeParen], value));
          }
          return fixes;
        },
      };
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        // A page's console and a CLI's terminal: a person reads the line there, no log pipeline keeps the stack.
        if (isBrowserCode(model.ctx) || isCommandLineTool(model.ctx)) return;
        for (const call of model.ctx.index.calls) {
          const l = logCall(call);
          if (!l || !ERROR_LEVELS.test(l.level)) continue;
          const clause = catchOf(call);
          if (!clause) continue;
          if (clause.param && clause.param.type !== T.Identifier) continue;
          const name = clause.param?.type === T.Identifier ? clause.param.name : undefined;
          // `catch (_)`, `catch (_err)`: the author says the error itself is not worth keeping.
          if (name?.startsWith('_')) continue;
          const uses = name ? call.arguments.map((a) => useThrough(a as Node, clause.body, name, call)) : [];
          const use: Use = uses.includes('full') ? 'full' : uses.includes('text') ? 'text' : 'none';
          if (use === 'full') continue;
          if (name && carriedElsewhere(clause.body, name, call)) continue;
          if (name && use === 'none' && textLoggedElsewhere(clause.body, name, call)) continue;
          // `try { data = JSON.parse(body) } catch { log.error('bad body') }`: "malformed" is all the error could say.
          if (isParseOnly((clause.parent as TSESTree.TryStatement).block)) continue;
          const convention = l.console ? undefined : logConvention(model.ctx, call);
          context.report({
            node: call,
            messageId: use === 'text' ? 'messageOnly' : 'errorLogWithoutError',
            data: { err: name ?? 'err' },
            suggest: [suggestion(model.ctx, call, clause, convention, name ?? 'err')],
          });
        }
      },
    };
  },
});
