import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/missing-transaction.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, inTransaction, type DbCall } from '../model';
import { T, calleeName, enclosingFunction, isFunction, walk, type FunctionNode, type Node } from '../model/ast';
import { mayBothRun, runsOnlyIfNoEffect } from '../model/control-flow';
import { isSideRecord } from '../model/db-shape';
import { isScriptOrTestFile } from '../model/paths';
import { createRule, metaFromSpec } from './create-rule';
import { indentOf } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'missingTransaction' | 'wrapInTransaction';
type Options = [];

const spec = specData as RuleSpec;

export const missingTransactionSpec = spec;

/** The function a write belongs to: per-item callbacks (`items.map(async (i) => …)`) count as their caller's body. */
function owner(node: Node): FunctionNode | undefined {
  let fn = enclosingFunction(node);
  while (fn && fn.parent?.type === T.CallExpression && (fn.parent.arguments as Node[]).includes(fn) && /^(map|forEach|flatMap)$/.test(calleeName(fn.parent) ?? '')) fn = enclosingFunction(fn);
  return fn;
}

/** A write in a `catch` block undoes or records a failure (a compensation); it is not part of the happy-path group. */
function inCatch(node: Node): boolean {
  for (let n: Node | undefined = node.parent; n && !isFunction(n); n = n.parent) if (n.type === T.CatchClause) return true;
  return false;
}

/** The statement holding `node` directly inside a block. */
function statementIn(node: Node): { stmt: Node; block: TSESTree.BlockStatement } | undefined {
  for (let n: Node | undefined = node; n?.parent; n = n.parent) {
    if (n.parent.type === T.BlockStatement) return { stmt: n, block: n.parent };
    if (n.parent.type !== T.AwaitExpression && n.parent.type !== T.ExpressionStatement && n.parent.type !== T.VariableDeclarator && n.parent.type !== T.VariableDeclaration) return undefined;
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

    /**
     * `await prisma.$transaction(async (tx) => { … })` around consecutive Prisma statements, when that is all it
     * takes: the writes sit in one block, nothing in between returns, no variable declared there is used after,
     * and every use of the client in between is one of the calls being moved onto `tx`.
     */
    function wrapFix(writes: DbCall[], all: readonly DbCall[]): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      if (writes.some((w) => w.library !== 'prisma')) return undefined;
      const first = statementIn(writes[0].call);
      const last = statementIn(writes[writes.length - 1].call);
      if (!first || !last || first.block !== last.block) return undefined;
      const block = first.block;
      const from = block.body.indexOf(first.stmt as TSESTree.Statement);
      const to = block.body.indexOf(last.stmt as TSESTree.Statement);
      const stmts = block.body.slice(from, to + 1);
      let returns = false;
      for (const s of stmts) {
        walk(s, (n) => {
          if (n.type === T.ReturnStatement) returns = true;
          return n.type !== T.FunctionExpression && n.type !== T.ArrowFunctionExpression && n.type !== T.FunctionDeclaration;
        });
      }
      if (returns) return undefined;
      const end = stmts[stmts.length - 1].range[1];
      for (const s of stmts) {
        if (s.type !== T.VariableDeclaration) continue;
        for (const v of sourceCode.getDeclaredVariables(s)) if (v.references.some((r) => r.identifier.range[0] > end)) return undefined;
      }
      const start = stmts[0].range[0];
      const inRange = all.filter((d) => d.library === 'prisma' && d.call.range[0] >= start && d.call.range[1] <= end);
      const clients = inRange.map((d) => ((d.call.callee as TSESTree.MemberExpression).object as TSESTree.MemberExpression).object);
      const clientText = sourceCode.getText(clients[0]);
      if (clients.some((c) => sourceCode.getText(c) !== clientText)) return undefined;
      let text = sourceCode.text.slice(start, end);
      if (text.split(`${clientText}.`).length - 1 !== clients.length) return undefined;
      for (const c of [...clients].sort((x, y) => y.range[0] - x.range[0])) text = text.slice(0, c.range[0] - start) + 'tx' + text.slice(c.range[1] - start);
      const indent = indentOf(sourceCode, stmts[0]);
      const body = text
        .split('\n')
        .map((line, i) => (i === 0 ? `${indent}  ${line}` : line.length > 0 ? `  ${line}` : line))
        .join('\n');
      const replacement = `await ${clientText}.$transaction(async (tx) => {\n${body}\n${indent}});`;
      return { messageId: 'wrapInTransaction', data: { client: clientText }, fix: (fixer) => fixer.replaceTextRange([start, end], replacement) };
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const all = model.dbCalls();
        const byFunction = new Map<FunctionNode, DbCall[]>();
        for (const d of all) {
          if (d.kind !== 'write' || isSideRecord(d.target) || inTransaction(d.call) || inCatch(d.call)) continue;
          const fn = owner(d.call);
          if (!fn) continue;
          const list = byFunction.get(fn) ?? [];
          list.push(d);
          byFunction.set(fn, list);
        }
        for (const writes of byFunction.values()) {
          if (writes.length < 2) continue;
          let pair: [DbCall, DbCall] | undefined;
          for (let j = 1; j < writes.length && !pair; j++) {
            for (let i = 0; i < j && !pair; i++) {
              if (writes[i].library === writes[j].library && mayBothRun(writes[i].call, writes[j].call) && !runsOnlyIfNoEffect(writes[i].call, writes[j].call)) pair = [writes[i], writes[j]];
            }
          }
          if (!pair) continue;
          const [a, b] = pair;
          const group = writes.filter((w) => w.library === a.library && w.call.range[0] <= b.call.range[0]);
          const fix = wrapFix(group, all);
          const label = (d: DbCall) => (d.library === 'sql' ? d.operation : `\`${d.operation}\``);
          const node = b.call.callee.type === T.MemberExpression ? (b.call.callee.property as Node) : b.call;
          context.report({
            node,
            messageId: 'missingTransaction',
            data: { count: String(group.length), first: label(a), line: String(a.call.loc.start.line), operation: label(b) },
            suggest: fix ? [fix] : [],
          });
        }
      },
    };
  },
});
