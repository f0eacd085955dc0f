import assert from 'node:assert/strict';
import { formatProblem, parseSettings } from '../../src/engine';
import { routePattern } from '../../src/engine/settings';

describe('settings file (.backendcoach.yaml)', () => {
  it('reads auth names, limiters, public routes, rule severities and ignores', () => {
    const { settings, problems } = parseSettings(`
auth:
  middleware: [mustBeSignedIn]
  guards: [SessionGuard]
rateLimit:
  middleware: [authThrottle]
publicRoutes: ['/share/:token', '/public/**']
rules:
  unbounded-query: off
  missing-rate-limit: error
ignore: ['scripts/', '**/*.generated.ts']
`);
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.auth, { middleware: ['mustBeSignedIn'], guards: ['SessionGuard'] });
    assert.equal(settings.rules?.['unbounded-query'], 'off');
  });

  it('treats an empty or comment-only file as the defaults', () => {
    assert.deepEqual(parseSettings(''), { settings: {}, problems: [] });
    assert.deepEqual(parseSettings('# nothing yet\n'), { settings: {}, problems: [] });
  });

  it('names the file, line and column of a typo, and falls back to the defaults', () => {
    const { settings, problems } = parseSettings('auth:\n  middleware: [requireAuth]\nrules:\n  unbounded-query: of\npublicRoute: []\n', '.backendcoach.yaml');
    assert.deepEqual(settings, {});
    assert.deepEqual(problems.map(formatProblem), [
      '.backendcoach.yaml:4:20: rules.unbounded-query must be one of: off, hint, info, warning, error',
      '.backendcoach.yaml:5:1: unknown key "publicRoute" in the file',
    ]);
  });

  it('reports broken YAML with its position', () => {
    const { problems } = parseSettings('auth:\n  middleware: [requireAuth\n', 'team.yaml');
    assert.equal(problems.length > 0, true);
    assert.equal(problems[0].file, 'team.yaml');
    assert.ok(problems[0].line >= 2);
  });

  it('matches route patterns with parameters and wildcards', () => {
    assert.ok(routePattern('/share/:token').test('/share/abc'));
    assert.ok(!routePattern('/share/:token').test('/share/abc/edit'));
    assert.ok(routePattern('/public/**').test('/public/a/b'));
    assert.ok(routePattern('/public/**').test('/public'));
    assert.ok(!routePattern('/status').test('/status/deep'));
  });
});
