import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T, calleeName, isFunction, memberPath, staticText, unwrap, walk, type Call, type FunctionNode, type Node } from './ast';
import type { TeamSettings } from '../settings';
import type { ClassifyContext } from './middleware';

export interface ImportRef {
  source: string;
  /** `default`, a named export, or `*` for a namespace import. */
  imported: string;
}

/** Everything the framework model needs from one walk over the file. */
export interface FileIndex {
  fileName: string;
  calls: Call[];
  news: TSESTree.NewExpression[];
  tagged: TSESTree.TaggedTemplateExpression[];
  classes: TSESTree.ClassDeclaration[];
  functions: FunctionNode[];
  /** Local name → where it was imported or required from. */
  imports: Map<string, ImportRef>;
  /** Local name → the names it is exported under (`default` for `export default x` / `module.exports = x`). */
  exportsOf: Map<string, string[]>;
  /** Functions exported directly (`export default function (app) {}`, `module.exports = (app) => {}`), by export name. */
  exportedFunctions: Map<Node, string>;
  program: TSESTree.Program;
}

export interface ModelContext extends ClassifyContext {
  fileName: string;
  index: FileIndex;
  team: TeamSettings;
  sourceCode: Readonly<TSESLint.SourceCode>;
}

function addExport(index: FileIndex, local: string, name: string): void {
  const list = index.exportsOf.get(local) ?? [];
  list.push(name);
  index.exportsOf.set(local, list);
}

/** Module-interop helpers compilers wrap a `require` in (esbuild, tsc, Babel). */
const INTEROP = /^(__toESM|__importDefault|__importStar|_interopRequireDefault|_interopRequireWildcard|_interopDefault\w*|_interopNamespace\w*)$/;

function requireSource(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === T.CallExpression && n.callee.type === T.Identifier && n.callee.name === 'require') return staticText(n.arguments[0]);
  // require('./x').default, require('./x')(app)
  if (n.type === T.MemberExpression) return requireSource(n.object);
  // Compiled interop: `__toESM(require('fs'))`, `__importDefault(require('x'))`, `_interopRequireDefault(require('x'))`
  if (n.type === T.CallExpression && n.arguments.length >= 1 && INTEROP.test(calleeName(n) ?? '')) return requireSource(n.arguments[0] as Node);
  return undefined;
}

function recordExportedValue(index: FileIndex, value: Node, name: string): void {
  const v = unwrap(value);
  if (v.type === T.Identifier) addExport(index, v.name, name);
  else if (isFunction(v)) index.exportedFunctions.set(v, name);
  else if (v.type === T.CallExpression) {
    // export default fp(async (fastify) => {...}), module.exports = withAuth(handler)
    for (const a of v.arguments) recordExportedValue(index, a, name);
  } else if (v.type === T.ObjectExpression && name === 'default') {
    for (const p of v.properties) {
      if (p.type === T.Property && p.key.type === T.Identifier) recordExportedValue(index, p.value, p.key.name);
    }
  }
}

/** ESLint's own traversal, which it has already made and cached for this file (SourceCode#traverse). */
interface TraversalStep {
  kind: number;
  phase?: number;
  target: unknown;
}

/**
 * One pass over the AST: calls, classes, imports and exports, in source order. Reuses the traversal ESLint
 * already made for this file when there is one, so the model costs a loop over an array, not a second walk.
 */
export function buildIndex(program: TSESTree.Program, fileName: string, sourceCode?: { traverse?: () => Iterable<TraversalStep> }): FileIndex {
  const index: FileIndex = {
    fileName,
    calls: [],
    news: [],
    tagged: [],
    classes: [],
    functions: [],
    imports: new Map(),
    exportsOf: new Map(),
    exportedFunctions: new Map(),
    program,
  };
  const visit = (node: Node): boolean | undefined => {
    switch (node.type) {
      case T.CallExpression:
        index.calls.push(node);
        break;
      case T.NewExpression:
        index.news.push(node);
        break;
      case T.TaggedTemplateExpression:
        index.tagged.push(node);
        break;
      case T.ClassDeclaration:
        index.classes.push(node);
        break;
      case T.FunctionDeclaration:
      case T.FunctionExpression:
      case T.ArrowFunctionExpression:
        index.functions.push(node);
        break;
      case T.ImportDeclaration:
        for (const s of node.specifiers) {
          const imported =
            s.type === T.ImportDefaultSpecifier ? 'default' : s.type === T.ImportNamespaceSpecifier ? '*' : s.imported.type === T.Identifier ? s.imported.name : String(s.imported.value);
          index.imports.set(s.local.name, { source: node.source.value, imported });
        }
        break;
      case T.VariableDeclarator: {
        let source = requireSource(node.init);
        // Rollup's `var boxen__default = _interopDefault(boxen)` after `var boxen = require('boxen')`
        const init = node.init && unwrap(node.init);
        if (source === undefined && init?.type === T.CallExpression && init.arguments[0]?.type === T.Identifier && INTEROP.test(calleeName(init) ?? '')) {
          source = index.imports.get(init.arguments[0].name)?.source;
        }
        if (source !== undefined) {
          if (node.id.type === T.Identifier) index.imports.set(node.id.name, { source, imported: 'default' });
          else if (node.id.type === T.ObjectPattern) {
            for (const p of node.id.properties) {
              if (p.type === T.Property && p.key.type === T.Identifier && p.value.type === T.Identifier) index.imports.set(p.value.name, { source, imported: p.key.name });
            }
          }
        }
        break;
      }
      case T.ExportDefaultDeclaration:
        if (node.declaration.type === T.ClassDeclaration && node.declaration.id) addExport(index, node.declaration.id.name, 'default');
        else if (node.declaration.type === T.FunctionDeclaration) index.exportedFunctions.set(node.declaration, 'default');
        else recordExportedValue(index, node.declaration as Node, 'default');
        break;
      case T.ExportNamedDeclaration:
        if (node.declaration?.type === T.VariableDeclaration) {
          for (const d of node.declaration.declarations) {
            if (d.id.type !== T.Identifier) continue;
            addExport(index, d.id.name, d.id.name);
            if (d.init && isFunction(unwrap(d.init))) index.exportedFunctions.set(unwrap(d.init), d.id.name);
          }
        } else if (node.declaration?.type === T.FunctionDeclaration && node.declaration.id) {
          index.exportedFunctions.set(node.declaration, node.declaration.id.name);
          addExport(index, node.declaration.id.name, node.declaration.id.name);
        } else if (node.declaration?.type === T.ClassDeclaration && node.declaration.id) {
          addExport(index, node.declaration.id.name, node.declaration.id.name);
        }
        for (const s of node.specifiers) {
          if (s.local.type === T.Identifier) addExport(index, s.local.name, s.exported.type === T.Identifier ? s.exported.name : String(s.exported.value));
        }
        break;
      case T.AssignmentExpression: {
        // module.exports = x; module.exports.name = x; exports.name = x
        const target = memberPath(node.left).join('.');
        if (target === 'module.exports') recordExportedValue(index, node.right, 'default');
        else if (/^(module\.)?exports\.\w+$/.test(target)) recordExportedValue(index, node.right, target.split('.').pop()!);
        break;
      }
      default:
        break;
    }
    return undefined;
  };
  const steps = sourceCode?.traverse?.();
  if (steps) {
    for (const step of steps) if (step.kind === 1 && step.phase === 1) visit(step.target as Node);
  } else {
    walk(program, visit);
  }
  return index;
}

/** The export names under which a function (by node) or a local name leaves this file. */
export function exportNameOf(index: FileIndex, local: string | undefined, fn?: Node): string | undefined {
  if (fn) {
    const byFn = index.exportedFunctions.get(fn);
    if (byFn) return byFn;
    // function register(app) {...}; module.exports = register
    if (fn.type === T.FunctionDeclaration && fn.id) return index.exportsOf.get(fn.id.name)?.[0];
    const parent = fn.parent;
    if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return index.exportsOf.get(parent.id.name)?.[0];
  }
  if (local) return index.exportsOf.get(local)?.[0];
  return undefined;
}
