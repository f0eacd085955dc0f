import assert from 'node:assert/strict';
import { checkFixtures, type FixtureCheck } from './support/fixtures';

describe('annotated fixture projects', () => {
  let check: FixtureCheck;
  before(async function () {
    this.timeout(60_000);
    check = await checkFixtures();
  });

  it('reports every line annotated `ruleid:`', () => {
    assert.ok(check.expectations.filter((e) => e.kind === 'ruleid').length >= 60, 'the fixtures should hold at least 60 ruleid annotations');
    assert.deepEqual(check.missed, []);
  });

  it('stays quiet everywhere else, including every `ok:` line', () => {
    assert.ok(check.expectations.filter((e) => e.kind === 'ok').length >= 90, 'the fixtures should hold at least 90 ok annotations');
    assert.deepEqual(check.unexpected, []);
  });

  for (const rule of ['missing-auth-check', 'unbounded-query', 'missing-rate-limit']) {
    it(`finds ${rule} in the fixtures`, () => {
      assert.ok(check.findings.some((f) => f.ruleId === rule));
    });
  }
});
