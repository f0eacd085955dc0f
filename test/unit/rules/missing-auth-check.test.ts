import rule from '../../../src/engine/rules/missing-auth-check';
import { Linter } from 'eslint';
import * as parser from '@typescript-eslint/parser';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cases = require(process.env.PROBE as string) as { name: string; filename: string; code: string; settings?: object }[];
for (const c of cases) {
  const linter = new Linter({ configType: 'flat' });
  const msgs = linter.verify(
    c.code,
    [{ files: ['**/*'], plugins: { p: { rules: { r: rule as never } } }, languageOptions: { parser: parser as never, parserOptions: { ecmaFeatures: { jsx: true } } }, rules: { 'p/r': 'error' }, settings: c.settings ?? {} }],
    c.filename,
  );
  console.log(`=== ${c.name} (${c.filename}): ${msgs.length} msgs`);
  for (const m of msgs) {
    console.log(`  ${m.messageId} ${m.line}:${m.column} ${m.message}`);
    for (const s of m.suggestions ?? []) {
      const f = s.fix;
      console.log(`   sugg ${s.messageId} ${s.desc}\n----\n${c.code.slice(0, f.range[0]) + f.text + c.code.slice(f.range[1])}\n----`);
    }
  }
}
