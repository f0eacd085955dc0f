import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint/universal';
import { getModel, type FileModel } from '../../../src/engine/model';
import { DEFAULT_SETTINGS } from '../../../src/engine/settings';

/**
 * Parses `code` as ESLint would for a rule (scopes included) and hands the file's model to `inspect`.
 * Model tests use it to ask the shared model questions about real-looking code without writing a rule.
 */
export function withModel<R>(code: string, inspect: (model: FileModel, sourceCode: TSESLint.SourceCode) => R, fileName = 'src/app.ts'): R {
  let result: R | undefined;
  let ran = false;
  const linter = new Linter({ configType: 'flat' });
  const probe = {
    create(context: { sourceCode: TSESLint.SourceCode; filename: string }) {
      return {
        'Program:exit'() {
          result = inspect(getModel(context.sourceCode, context.filename, DEFAULT_SETTINGS), context.sourceCode);
          ran = true;
        },
      };
    },
  };
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
        plugins: { probe: { rules: { probe } } } as unknown as Linter.Config['plugins'],
        languageOptions: { parser: tsParser as unknown as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
        rules: { 'probe/probe': 'error' },
      },
    ],
    { filename: fileName },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!ran) throw new Error(`probe did not run: ${messages.map((m) => m.message).join('; ')}`);
  return result as R;
}
