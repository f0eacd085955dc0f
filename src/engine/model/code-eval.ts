/**
 * Places where a string becomes code: `eval`, `new Function`/`Function()`, Node's `vm` (`runInNewContext`,
 * `runInThisContext`, `runInContext`, `compileFunction`, `new vm.Script`), `setTimeout`/`setInterval` with a string,
 * vm2's `run`, and module loading by name (`require(x)`, `import(x)`). For each, the arguments that are code.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { T, calleeName, memberPath, unwrap, type Node } from './ast';
import type { ModelContext } from './file-index';

export interface CodeSink {
  node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.ImportExpression;
  /** `eval`, `new Function`, `vm.runInNewContext`, `require`… */
  api: string;
  code: Node[];
}

const VM_RUN = new Set(['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction']);
const cache = new WeakMap<object, CodeSink[]>();

/** True when `name` here is the global (not a local function or parameter of that name). */
function isGlobal(id: TSESTree.Identifier, ctx: ModelContext): boolean {
  const v = findVariable(ctx.sourceCode.getScope(id), id.name);
  return !v || v.defs.length === 0;
}

/** Every place in the file that turns a string into code (built once per file). */
export function codeSinks(ctx: ModelContext): readonly CodeSink[] {
  const cached = cache.get(ctx.index);
  if (cached) return cached;
  const vmNames = new Set<string>();
  const vmScript = new Set<string>();
  const vm2 = new Set<string>();
  for (const [local, ref] of ctx.index.imports) {
    if (/^(node:)?vm$/.test(ref.source)) (ref.imported === 'default' || ref.imported === '*' ? vmNames : ref.imported === 'Script' ? vmScript : vmNames).add(local);
    if (ref.source === 'vm2') vm2.add(local);
  }
  const out: CodeSink[] = [];
  for (const call of ctx.index.calls) {
    const name = calleeName(call);
    if (!name) continue;
    const callee = unwrap(call.callee);
    const args = call.arguments as Node[];
    if (callee.type === T.Identifier) {
      if ((name === 'eval' || name === 'Function') && isGlobal(callee, ctx)) out.push({ node: call, api: name === 'eval' ? 'eval' : 'Function()', code: name === 'eval' ? args.slice(0, 1) : args });
      else if ((name === 'setTimeout' || name === 'setInterval') && args[0] && isStringish(args[0]) && isGlobal(callee, ctx)) out.push({ node: call, api: name, code: [args[0]] });
      else if (name === 'require' && args[0] && isGlobal(callee, ctx)) out.push({ node: call, api: 'require', code: [args[0]] });
      else if (VM_RUN.has(name) && ctx.index.imports.get(name) && /^(node:)?vm$/.test(ctx.index.imports.get(name)!.source)) out.push({ node: call, api: `vm.${name}`, code: args.slice(0, 1) });
      continue;
    }
    const path = memberPath(callee);
    if (path.length === 2 && vmNames.has(path[0]) && VM_RUN.has(name)) out.push({ node: call, api: `vm.${name}`, code: args.slice(0, 1) });
    else if (path.length === 2 && /^(window|globalThis|global|self)$/.test(path[0]) && name === 'eval') out.push({ node: call, api: 'eval', code: args.slice(0, 1) });
    else if (name === 'run' && callee.type === T.MemberExpression && vm2.size > 0) {
      // new VM({ … }).run(code), vm.run(code) after const vm = new NodeVM()
      out.push({ node: call, api: 'vm2 run', code: args.slice(0, 1) });
    }
  }
  for (const n of ctx.index.news) {
    const callee = unwrap(n.callee);
    const args = n.arguments as Node[];
    if (callee.type === T.Identifier && callee.name === 'Function' && isGlobal(callee, ctx)) out.push({ node: n, api: 'new Function', code: args });
    else if (callee.type === T.Identifier && vmScript.has(callee.name)) out.push({ node: n, api: 'new vm.Script', code: args.slice(0, 1) });
    else if (callee.type === T.MemberExpression && vmNames.has(memberPath(callee)[0]) && memberPath(callee)[1] === 'Script') out.push({ node: n, api: 'new vm.Script', code: args.slice(0, 1) });
  }
  // import(x): ImportExpression is not a call; find it from the program only when the file has one
  if (/\bimport\s*\(/.test(ctx.sourceCode.text)) {
    for (const node of ctx.sourceCode.ast.tokens ?? []) {
      if (node.type !== 'Keyword' || node.value !== 'import') continue;
      const expr = ctx.sourceCode.getNodeByRangeIndex(node.range[0]) as Node | null;
      if (expr?.type === T.ImportExpression) out.push({ node: expr, api: 'import()', code: [expr.source] });
    }
  }
  cache.set(ctx.index, out);
  return out;
}

function isStringish(n: Node): boolean {
  const u = unwrap(n);
  return (u.type === T.Literal && typeof u.value === 'string') || u.type === T.TemplateLiteral || (u.type === T.BinaryExpression && u.operator === '+') || u.type === T.MemberExpression || u.type === T.CallExpression;
}
