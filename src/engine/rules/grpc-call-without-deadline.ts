import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/grpc-call-without-deadline.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, isFunction, memberPath, unwrap, type Call, type Node } from '../model/ast';
import { grpcCalls, optionsWith, type GrpcCall } from '../model/grpc';
import { isScriptOrTestFile } from '../model/paths';
import { createRule, metaFromSpec } from './create-rule';
import { FixText, importInsertion } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'grpcCallWithoutDeadline' | 'addDeadline';
type Options = [];

const spec = specData as RuleSpec;

export const grpcCallWithoutDeadlineSpec = spec;

/** grpc-js: a unary call is `method(request, [metadata], [options], callback)`. Streams take no callback. */
function unaryWithoutDeadline(call: Call): boolean {
  const args = call.arguments.map((a) => unwrap(a as Node));
  const last = args[args.length - 1];
  const callback = last && (isFunction(last) || (last.type === T.Identifier && /^(cb|callback|done|\w*Callback)$/.test(last.name)));
  if (args.length < 2 || isFunction(args[0]) || !callback) return false;
  for (const a of args.slice(1, -1)) {
    if (a.type === T.ObjectExpression) {
      if (optionsWith(call, 'deadline')) return false;
      continue;
    }
    if (a.type === T.NewExpression && /Metadata$/.test(calleeName(a) ?? '')) continue;
    if (a.type === T.Identifier && /meta/i.test(a.name)) continue;
    return false; // options built elsewhere: unknown, assume they carry a deadline
  }
  return true;
}

/** Nest: the Observable is consumed here (firstValueFrom, toPromise, subscribe, returned) without `.pipe(timeout())`. */
function nestWithoutTimeout(call: Call): boolean {
  const p = call.parent;
  if (p?.type === T.MemberExpression && p.object === call) {
    const name = p.property.type === T.Identifier ? p.property.name : '';
    if (name === 'pipe') {
      const pipe = p.parent as Call;
      return !pipe.arguments.some((a) => a.type === T.CallExpression && /^(timeout|timeoutWith)$/.test(calleeName(a) ?? ''));
    }
    return name === 'toPromise' || name === 'subscribe';
  }
  if (p?.type === T.CallExpression && p.arguments.includes(call) && /^(firstValueFrom|lastValueFrom)$/.test(calleeName(p) ?? '')) return true;
  return p?.type === T.ReturnStatement || (p?.type === T.ArrowFunctionExpression && p.body === call);
}

function connectWithoutTimeout(call: Call): boolean {
  return !optionsWith(call, 'timeoutMs') && !optionsWith(call, 'signal') && call.arguments.length <= 2 && !(call.arguments[1] && unwrap(call.arguments[1] as Node).type === T.Identifier);
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

    function ms(): string {
      return FixText.for(context).choice('5000').toString();
    }

    function fixFor(g: GrpcCall): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const call = g.call;
      if (g.kind === 'grpc-js') {
        const cb = call.arguments[call.arguments.length - 1];
        const text = FixText.for(context).text('{ deadline: Date.now() + ').choice('5000').text(' }').toString();
        const opts = call.arguments.slice(1, -1).map((a) => unwrap(a as Node)).find((a): a is TSESTree.ObjectExpression => a.type === T.ObjectExpression);
        if (opts && opts.properties.length > 0) {
          const last = opts.properties[opts.properties.length - 1];
          return { messageId: 'addDeadline', fix: (fixer) => fixer.insertTextAfter(last, `, deadline: Date.now() + ${ms()}`) };
        }
        return { messageId: 'addDeadline', fix: (fixer) => fixer.insertTextBefore(cb, `${text}, `) };
      }
      if (g.kind === 'connect') {
        const second = call.arguments[1] ? unwrap(call.arguments[1] as Node) : undefined;
        if (second?.type === T.ObjectExpression && second.properties.length > 0) {
          const last = second.properties[second.properties.length - 1];
          return { messageId: 'addDeadline', fix: (fixer) => fixer.insertTextAfter(last, `, timeoutMs: ${ms()}`) };
        }
        if (call.arguments.length !== 1) return undefined;
        return { messageId: 'addDeadline', fix: (fixer) => fixer.insertTextAfter(call.arguments[0], `, { timeoutMs: ${ms()} }`) };
      }
      // Nest: .pipe(timeout(ms)) and the rxjs import
      const program = sourceCode.ast;
      const rxjs = program.body.find((s): s is TSESTree.ImportDeclaration => s.type === T.ImportDeclaration && s.source.value === 'rxjs');
      const hasTimeout = rxjs?.specifiers.some((s) => s.local.name === 'timeout');
      const p = call.parent;
      return {
        messageId: 'addDeadline',
        fix: (fixer) => {
          const fixes: TSESLint.RuleFix[] = [];
          if (!hasTimeout) {
            const named = rxjs?.specifiers.filter((s) => s.type === T.ImportSpecifier) ?? [];
            if (rxjs && named.length > 0) fixes.push(fixer.insertTextAfter(named[named.length - 1], ', timeout'));
            else {
              const at = importInsertion(program);
              fixes.push(fixer.insertTextAfterRange([at, at], `${at === 0 ? '' : '\n'}import { timeout } from 'rxjs';${at === 0 ? '\n' : ''}`));
            }
          }
          if (p?.type === T.MemberExpression && p.property.type === T.Identifier && p.property.name === 'pipe') {
            const pipe = p.parent as Call;
            if (pipe.arguments.length > 0) fixes.push(fixer.insertTextBefore(pipe.arguments[0], `timeout(${ms()}), `));
            else fixes.push(fixer.insertTextAfterRange([pipe.range[1] - 1, pipe.range[1] - 1], `timeout(${ms()})`));
          } else {
            fixes.push(fixer.insertTextAfter(call, `.pipe(timeout(${ms()}))`));
          }
          return fixes;
        },
      };
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        for (const g of grpcCalls(model.ctx)) {
          const missing = g.kind === 'grpc-js' ? unaryWithoutDeadline(g.call) : g.kind === 'nest' ? nestWithoutTimeout(g.call) : connectWithoutTimeout(g.call);
          if (!missing) continue;
          const s = fixFor(g);
          const callee = g.call.callee as TSESTree.MemberExpression;
          context.report({
            loc: { start: callee.property.loc.start, end: g.call.loc.end },
            messageId: 'grpcCallWithoutDeadline',
            data: { method: g.method, client: memberPath(callee.object).join('.') },
            suggest: s ? [s] : [],
          });
        }
      },
    };
  },
});
