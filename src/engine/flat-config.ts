import type { Linter } from 'eslint/universal';
// ESLint does not export this class; its Linter takes an already-normalized instance as is (linter.js, verify()).
// @ts-expect-error -- ESLint's internal module has no type declarations
import { FlatConfigArray } from '../../node_modules/eslint/lib/config/flat-config-array.js';

/**
 * The config, normalized once. Given a plain array, `Linter#verify` builds and normalizes a new config array on
 * every call (merging, rule-option validation, glob matching): with dozens of rules that is a cost per keystroke.
 * `basePath` must be the Linter's own `cwd`.
 */
export function normalizedConfig(config: Linter.Config[], basePath: string): Linter.Config[] {
  const array = new (FlatConfigArray as new (c: Linter.Config[], o: { basePath: string }) => Linter.Config[] & { normalizeSync(): void })(config, { basePath });
  array.normalizeSync();
  return array;
}
