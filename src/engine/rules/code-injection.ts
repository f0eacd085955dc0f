import type { TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/code-injection.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { codeSinks } from '../model/code-eval';
import { isScriptOrTestFile } from '../model/paths';
import { requestData } from '../model/request-data';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'codeInjection' | 'moduleByName';
type Options = [];

const spec = specData as RuleSpec;

export const codeInjectionSpec = spec;

/**
 * Only request data is reported: `eval` of a value the server wrote (a template compiler, a plugin system) is a
 * design choice, not an injection, and flagging every non-literal `new Function` would be noise.
 */
export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'problem',
    ...metaFromSpec<MessageIds>(spec),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(context.sourceCode, context.filename, teamFromContext(context));
        for (const sink of codeSinks(model.ctx)) {
          for (const code of sink.code) {
            const data = requestData(code, model.ctx);
            if (!data) continue;
            const moduleLoad = sink.api === 'require' || sink.api === 'import()';
            context.report({ node: code as TSESTree.Node, messageId: moduleLoad ? 'moduleByName' : 'codeInjection', data: { source: data.source, api: sink.api } });
            break;
          }
        }
      },
    };
  },
});
