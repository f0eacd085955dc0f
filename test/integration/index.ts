/**
 * The in-editor test runner: VS Code's extension host loads this module and awaits `run()`, whether it was
 * started by @vscode/test-electron (desktop) or through code-server's `extensionTestsPath` payload (here).
 */
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { defineSuites, defineUntrustedSuite } from './suites';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false });
  // Install describe/it as globals the way `mocha.addFile` would, then define the suites from the bundle.
  mocha.suite.emit('pre-require', globalThis, 'backend-coach-integration', mocha);
  if (process.env.BACKEND_COACH_SUITE === 'untrusted') defineUntrustedSuite();
  else defineSuites();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env.BACKEND_COACH_TEST_RESULTS;
      if (file) writeFileSync(file, JSON.stringify({ passes: runner.stats?.passes ?? 0, failures, tests: runner.stats?.tests ?? 0 }));
      if (failures > 0) reject(new Error(`${failures} in-editor test(s) failed`));
      else resolve();
    });
  });
}
