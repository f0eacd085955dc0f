// The project's own lint. Type-aware rules (no-floating-promises) use the TypeScript project service.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**', 'test/e2e/workspace/**', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    // The engine runs in a worker, the CLI, ESLint and (later) a web extension: no editor API, no Node built-ins.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['vscode', 'node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'url', 'crypto'], message: 'The engine must stay free of vscode and Node built-ins.' }] }],
    },
  },
  { files: ['src/cli/**/*.ts', 'test/**/*.ts', 'esbuild.mjs'], rules: { 'no-console': 'off' } },
  { files: ['esbuild.mjs', 'test/e2e/**/*.mjs', 'test/integration/**/*.mjs'], languageOptions: { globals: { ...globals.node } } },
  { files: ['test/bench/**/*.mjs'], languageOptions: { globals: { ...globals.node } }, rules: { 'no-console': 'off' } },
  // Playwright evaluates some callbacks in the page.
  { files: ['test/e2e/**/*.mjs', 'test/integration/**/*.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } }, rules: { 'no-console': 'off' } },
);
