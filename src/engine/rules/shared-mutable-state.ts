import type { TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/shared-mutable-state.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, unwrap, type FunctionNode, type Node } from '../model/ast';
import { isConnectionValue, isRequestScoped, moduleState, type ModuleState } from '../model/module-state';
import { isScriptOrTestFile } from '../model/paths';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'sharedMutableState' | 'requestDataInSharedState';
type Options = [];

const spec = specData as RuleSpec;

export const sharedMutableStateSpec = spec;

const ADDS = /^(push|unshift|set|add)$/;

interface Write {
  node: Node;
  /** The value stored belongs to the request. */
  requestData: boolean;
}

/** A literal key: `'welcome'`, `42`, `` `v1` ``. */
function isStatic(node: Node | undefined): boolean {
  const n = node ? unwrap(node) : undefined;
  return !!n && (n.type === T.Literal || (n.type === T.TemplateLiteral && n.expressions.length === 0));
}

/** `cache[userId]`: a key that changes with the request, not `stats.hits` or `cache['all']`. */
function dynamicKey(member: TSESTree.MemberExpression): boolean {
  return member.computed && !isStatic(member.property);
}

export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'problem',
    ...metaFromSpec<MessageIds>(spec),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;

    /** `if (!client) client = …`, `client ??= …`: a lazy singleton, set once. */
    function lazyInit(assign: TSESTree.AssignmentExpression, name: string): boolean {
      if (assign.operator === '??=' || assign.operator === '||=') return true;
      for (let n: Node | undefined = assign.parent; n && n.type !== T.Program; n = n.parent) {
        if (n.type === T.IfStatement) {
          const test = unwrap(n.test);
          const guard =
            (test.type === T.UnaryExpression && test.operator === '!' && unwrap(test.argument).type === T.Identifier && (unwrap(test.argument) as TSESTree.Identifier).name === name) ||
            (test.type === T.BinaryExpression && /^(===|==)$/.test(test.operator) && sourceCode.getText(test.left) === name);
          if (guard) return true;
        }
        if (n.type === T.FunctionExpression || n.type === T.ArrowFunctionExpression || n.type === T.FunctionDeclaration) return false;
      }
      return false;
    }

    /** How one reference inside a handler writes the state, if it does. */
    function classify(state: ModuleState, id: TSESTree.Identifier, handler: FunctionNode): Write | undefined {
      const ctx = getModel(sourceCode, context.filename, teamFromContext(context)).ctx;
      const scoped = (n: Node | undefined) => isRequestScoped(n, handler, ctx);
      const p = id.parent;
      if (state.kind === 'let') {
        if (p?.type === T.UpdateExpression) return { node: p, requestData: false };
        if (p?.type === T.AssignmentExpression && p.left === id) {
          if (p.operator !== '=' && p.operator !== '??=' && p.operator !== '||=') return { node: p, requestData: false };
          if (lazyInit(p, state.name)) return undefined;
          return scoped(p.right) ? { node: p, requestData: true } : undefined;
        }
      }
      if (p?.type !== T.MemberExpression || p.object !== id) return undefined;
      const gp = p.parent;
      // cache[userId] = profile, stats.hits += 1
      if (gp?.type === T.AssignmentExpression && gp.left === p) {
        if (gp.operator !== '=') return { node: gp, requestData: false };
        if (isConnectionValue(gp.right)) return undefined;
        return dynamicKey(p) || scoped(gp.right) ? { node: gp, requestData: scoped(gp.right) } : undefined;
      }
      if (gp?.type === T.UpdateExpression) return { node: gp, requestData: false };
      // requests.push(req), sessions.set(token, user), seen.add(ip)
      if (gp?.type === T.CallExpression && gp.callee === p && ADDS.test(calleeName(gp) ?? '')) {
        const args = gp.arguments as Node[];
        if (args.some((a) => isConnectionValue(a))) return undefined;
        const method = calleeName(gp);
        // a Map value, a Set member, an array element
        const value = method === 'set' ? args[1] : args[0];
        const data = scoped(value);
        // a memo under a fixed key (`compiled.set('welcome', …)`) does not grow with requests
        const grows = state.kind === 'array' || data || (method === 'set' ? !isStatic(args[0]) : method === 'add' && !isStatic(args[0]));
        if (grows) return { node: gp, requestData: data };
      }
      return undefined;
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const states = moduleState(sourceCode.ast);
        if (states.length === 0) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const handlers = model.handlers();
        if (handlers.functions.size === 0) return;
        for (const state of states) {
          const variable = sourceCode.getDeclaredVariables(state.declarator)[0];
          if (!variable) continue;
          for (const ref of variable.references) {
            if (ref.init) continue;
            const handler = handlers.enclosing(ref.identifier as Node);
            if (!handler) continue;
            const write = classify(state, ref.identifier as TSESTree.Identifier, handler);
            if (!write) continue;
            context.report({ node: write.node, messageId: write.requestData ? 'requestDataInSharedState' : 'sharedMutableState', data: { name: state.name } });
            break;
          }
        }
      },
    };
  },
});
