import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/path-traversal.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, enclosingFunction, unwrap, walk, type Node } from '../model/ast';
import { fileAccesses, type FileAccess } from '../model/file-access';
import type { ModelContext } from '../model/file-index';
import { isScriptOrTestFile } from '../model/paths';
import { requestData } from '../model/request-data';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'pathTraversal' | 'useBasename';
type Options = [];

const spec = specData as RuleSpec;

export const pathTraversalSpec = spec;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The request-data leaves of a path expression: `name` in `path.join(UPLOADS, name)`. */
function taintedLeaves(node: Node, ctx: ModelContext): Node[] {
  const leaves: Node[] = [];
  walk(node, (n) => {
    if (n.type === T.Identifier || n.type === T.MemberExpression || (n.type === T.CallExpression && !/^(join|resolve|normalize|format|concat|toString)$/.test(calleeName(n) ?? ''))) {
      if (requestData(n, ctx)) leaves.push(n);
      return false;
    }
    return undefined;
  });
  return leaves;
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
     * The function already confines the path: `resolved.startsWith(root)`, `path.relative(...).startsWith('..')`,
     * an allow-list (`FILES.includes(name)`, `ALLOWED.has(name)`), a pattern test (`/^[\w-]+\.pdf$/.test(name)`),
     * or a `..` check on the name.
     */
    function guarded(access: FileAccess, pathNode: Node, leaves: Node[]): boolean {
      const fn = enclosingFunction(access.call);
      if (!fn) return false;
      const text = sourceCode.getText(fn as TSESTree.Node);
      if (/\.relative\([^)]*\)[\s\S]{0,40}startsWith\(\s*['"]\.\.['"]/.test(text) || /\b(isPathInside|isInside|pathIsInside|isSubPath|isWithin|insideRoot|isSafePath|safeJoin)\(/.test(text)) return true;
      const names = new Set<string>([sourceCode.getText(pathNode as TSESTree.Node), ...leaves.map((l) => sourceCode.getText(l as TSESTree.Node))]);
      // const file = path.resolve(ROOT, name): the guard names the variable the path lives in
      const u = unwrap(pathNode);
      if (u.type === T.Identifier) names.add(u.name);
      for (const name of names) {
        const n = escape(name);
        if (new RegExp(`${n}\\s*\\.startsWith\\(|\\.(includes|has)\\(\\s*${n}\\s*\\)|\\.test\\(\\s*${n}\\s*\\)|${n}\\s*\\.(includes|indexOf)\\(\\s*['"]\\.\\.`).test(text)) return true;
      }
      return false;
    }

    /** `path.join(DIR, req.params.name)` → `path.join(DIR, path.basename(req.params.name))`, when `path` is imported. */
    function basenameFix(pathNode: Node, leaves: Node[], ctx: ModelContext): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      if (leaves.length !== 1) return undefined;
      const pathModule = [...ctx.index.imports].find(([, ref]) => /^(node:)?path$/.test(ref.source) && (ref.imported === 'default' || ref.imported === '*'))?.[0];
      if (!pathModule) return undefined;
      const leaf = leaves[0];
      const u = unwrap(pathNode);
      // only inside a join/resolve or a template: the folder part stays, the client's part loses its directories
      const inside = (u.type === T.CallExpression && /^(join|resolve)$/.test(calleeName(u) ?? '') && u.arguments.length >= 2 && u.arguments.indexOf(leaf as TSESTree.CallExpressionArgument) > 0) || (u.type === T.TemplateLiteral && u.expressions.includes(leaf as TSESTree.Expression) && u.quasis[0].value.raw.length > 0);
      if (!inside) return undefined;
      const text = sourceCode.getText(leaf as TSESTree.Node);
      return { messageId: 'useBasename', data: { name: pathModule }, fix: (fixer) => fixer.replaceText(leaf as TSESTree.Node, `${pathModule}.basename(${text})`) };
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        for (const access of fileAccesses(model.ctx)) {
          if (access.rooted) continue;
          for (const pathNode of access.paths) {
            const data = requestData(pathNode, model.ctx);
            if (!data) continue;
            const leaves = taintedLeaves(pathNode, model.ctx);
            if (guarded(access, pathNode, leaves)) continue;
            const fix = basenameFix(pathNode, leaves, model.ctx);
            context.report({ node: pathNode as TSESTree.Node, messageId: 'pathTraversal', data: { source: data.source, api: access.api }, suggest: fix ? [fix] : [] });
            break;
          }
        }
      },
    };
  },
});

