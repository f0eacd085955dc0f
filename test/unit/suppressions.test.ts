import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import { analyze } from '../../src/engine';

const code = (comment: string) => `import { Router } from 'express';
const router = Router();
${comment}
router.delete('/orders/:id', async (req, res) => res.status(204).end());
export default router;
`;

describe('suppressions', () => {
  it('silence one rule on the next line when they carry a reason', () => {
    const result = analyze(code('// backend-coach-ignore-next-line missing-auth-check -- internal network only, behind the VPN'), 'src/orders.ts');
    assert.deepEqual(result.findings, []);
  });

  it('silence nothing else: another rule, or a line further down', () => {
    const other = analyze(code('// backend-coach-ignore-next-line unbounded-query -- not this one'), 'src/orders.ts');
    assert.deepEqual(other.findings.map((f) => f.ruleId), ['missing-auth-check']);
    const far = analyze(code('// backend-coach-ignore-next-line missing-auth-check -- too far\n'), 'src/orders.ts');
    assert.deepEqual(far.findings.map((f) => f.ruleId), ['missing-auth-check']);
  });

  it('need a reason: without one the finding stays and the comment is reported', () => {
    const result = analyze(code('// backend-coach-ignore-next-line missing-auth-check'), 'src/orders.ts');
    assert.deepEqual(result.findings.map((f) => f.ruleId).sort(), ['invalid-suppression', 'missing-auth-check']);
    assert.match(result.findings.find((f) => f.ruleId === 'invalid-suppression')!.message, /needs a reason/);
  });

  it('report a rule name that does not exist', () => {
    const result = analyze(code('// backend-coach-ignore-next-line missing-auth -- typo'), 'src/orders.ts');
    const problem = result.findings.find((f) => f.ruleId === 'invalid-suppression');
    assert.ok(problem);
    assert.match(problem.message, /Unknown rule "missing-auth"/);
    assert.equal(problem.range.startLine, 3);
  });

  it("do not upset the team's own ESLint run", () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      code('// backend-coach-ignore-next-line missing-auth-check -- internal only'),
      [{ files: ['**/*.js'], linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' }, rules: { 'no-unused-vars': 'error' } }],
      'src/orders.js',
    );
    assert.deepEqual(messages, []);
  });
});
