/**
 * The rules as an ESLint plugin, for teams that already run ESLint in CI:
 *   import backendCoach from 'backend-coach/eslint-plugin';
 *   export default [backendCoach.configs.recommended];
 */
import type { TSESLint } from '@typescript-eslint/utils';
import pkg from '../../package.json';
import { catalog } from '../engine/catalog';
import { rules } from '../engine/rules';

const ESLINT_LEVEL = { error: 'error', warning: 'warn', info: 'warn', hint: 'warn' } as const;

const plugin = {
  meta: { name: 'backend-coach', version: pkg.version },
  rules,
  configs: {} as Record<string, TSESLint.FlatConfig.Config>,
};

plugin.configs.recommended = {
  name: 'backend-coach/recommended',
  plugins: { 'backend-coach': plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: Object.fromEntries([...catalog.rules.values()].filter((spec) => !spec.fileKind).map((spec) => [`backend-coach/${spec.id}`, ESLINT_LEVEL[spec.severity]])),
};

export default plugin;
