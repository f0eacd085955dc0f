import { RuleTester } from '@typescript-eslint/rule-tester';
import * as mocha from 'mocha';

// RuleTester needs the test framework's hooks; wire mocha once for every rule test.
RuleTester.afterAll = mocha.after;
RuleTester.describe = mocha.describe;
RuleTester.it = mocha.it;
RuleTester.itOnly = mocha.it.only;

/** A RuleTester for our rules: typescript-eslint's parser, JSX on, modules. */
export function ruleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}
