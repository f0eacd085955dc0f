import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FileModel, Route } from '../../model';
import { T, isFunction, unwrap, type FunctionNode, type Node } from '../../model/ast';
import { resolveFunction } from '../../model/handler';
import type { HttpResponse } from '../../model/responses';
import { indentOf } from '../fix-text';

const routesByFn = new WeakMap<FileModel, Map<Node, Route>>();

/** The route whose handler is `fn`, when the file registers it. */
export function routeOf(model: FileModel, fn: Node | undefined): Route | undefined {
  if (!fn) return undefined;
  let map = routesByFn.get(model);
  if (!map) {
    map = new Map();
    for (const r of model.routes) {
      const f = r.handler ? resolveFunction(r.handler, model.ctx) : undefined;
      if (f && !map.has(f)) map.set(f, r);
    }
    routesByFn.set(model, map);
  }
  return map.get(fn);
}

/** The outermost function a node runs in that answers requests (or the innermost function when none does). */
export function handlerOf(model: FileModel, node: Node): FunctionNode | undefined {
  const h = model.handlers().enclosing(node);
  if (h) return h;
  for (let p = node.parent; p; p = p.parent) if (isFunction(p)) return p;
  return undefined;
}

/**
 * An edit that makes a response answer with `status` (a text to insert, a tab stop in the editor): replaces a
 * written literal, or writes the status where the framework takes it (`.status(n)` before `.json`, `c.json(body, n)`,
 * `{ status: n }`, `ctx.status = n;`). Undefined when the response has no place for it that an edit can reach.
 */
export function setStatusFix(sourceCode: Readonly<TSESLint.SourceCode>, r: HttpResponse, status: string): TSESLint.ReportFixFunction | undefined {
  if (r.explicit) {
    const n = r.statusNode ? unwrap(r.statusNode) : undefined;
    if (n?.type === T.Literal && typeof n.value === 'number') return (fixer) => fixer.replaceText(n, status);
    return undefined;
  }
  const node = r.node as TSESTree.Node;
  switch (r.style) {
    case 'chain': {
      if (node.type !== T.CallExpression || node.callee.type !== T.MemberExpression) return undefined;
      const obj = node.callee.object;
      return (fixer) => fixer.insertTextAfter(obj, `.${r.fastify ? 'code' : 'status'}(${status})`);
    }
    case 'hono': {
      if (node.type !== T.CallExpression || node.arguments.length !== 1) return undefined;
      return (fixer) => fixer.insertTextAfter(node.arguments[0], `, ${status}`);
    }
    case 'fetch': {
      if ((node.type !== T.CallExpression && node.type !== T.NewExpression) || node.arguments.length === 0) return undefined;
      const init = node.arguments[1];
      if (!init) return (fixer) => fixer.insertTextAfter(node.arguments[0], `, { status: ${status} }`);
      if (init.type === T.ObjectExpression && init.properties.length > 0) return (fixer) => fixer.insertTextBefore(init.properties[0], `status: ${status}, `);
      return undefined;
    }
    case 'koa': {
      const stmt = node.parent;
      if (node.type !== T.AssignmentExpression || stmt?.type !== T.ExpressionStatement || !r.receiver) return undefined;
      return (fixer) => fixer.insertTextBefore(stmt, `${r.receiver}.status = ${status};\n${indentOf(sourceCode, stmt)}`);
    }
    default:
      return undefined;
  }
}
