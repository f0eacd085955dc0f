import type { TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/unvalidated-env-config.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { envConfig, type EnvRisk } from '../model/env-config';
import { isScriptOrTestFile } from '../model/paths';
import { listenCalls } from '../model/server-entry';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'unvalidatedEnvConfig';
type Options = [];

const spec = specData as RuleSpec;

export const unvalidatedEnvConfigSpec = spec;

/** Where configuration lives: `config.ts`, `config/index.ts`, `config/database.ts`, `env.ts`, `settings.js` (not `next.config.js`). */
const CONFIG_MODULE = /(^|\/)(config|configs|configuration|env|environment|settings)(\/[\w.-]+)?\.[cm]?[jt]s$/i;
/** `./config`, `../config/index`, `./env`: the project's own config module. */
const LOCAL_CONFIG = /(^|\/)(config|configs|configuration|env|environment|settings)(\/index)?(\.[cm]?[jt]s)?$/i;
/** Reads that make a config module worth validating: fewer is a file using one or two flags. */
const MIN_READS = 3;

const HOW: Record<EnvRisk, string> = {
  'non-null': 'is asserted non-null but may be undefined',
  cast: 'is cast to string but may be undefined',
  number: 'becomes NaN when missing or malformed',
  secret: 'is a secret read with no presence check',
};

export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'suggestion',
    ...metaFromSpec<MessageIds>(spec),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const sourceCode = context.sourceCode;
        if (!sourceCode.text.includes('process.env')) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const isConfig = CONFIG_MODULE.test(context.filename.replace(/\\/g, '/'));
        if (!isConfig && listenCalls(model.ctx).length === 0) return;
        // An entry point that imports the project's config module has a place for validation: judge that module instead.
        if (!isConfig && [...model.ctx.index.imports.values()].some((i) => i.source.startsWith('.') && LOCAL_CONFIG.test(i.source))) return;
        const env = envConfig(model.ctx);
        if (env.validated) return;
        const names = new Set(env.reads.map((r) => r.name).filter((n) => n !== 'NODE_ENV'));
        if (names.size < MIN_READS) return;
        const risky = env.reads.find((r) => r.risk);
        if (!risky?.risk) return;
        context.report({
          node: risky.node as TSESTree.Node,
          messageId: 'unvalidatedEnvConfig',
          data: { count: String(names.size), name: risky.name, how: HOW[risky.risk] },
        });
      },
    };
  },
});
