// Runs the in-editor mocha suite inside code-server's real extension host (no VS Code download needed):
// the workbench is told, through the URL payload, to load the extension from source and run
// out/test/integration/index.js; the exit code comes back through window.codeAutomationExit.
// Usage: node test/integration/run-code-server.mjs   (after `npm run build`)
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { E2E, ROOT, launchBrowser, startCodeServer } from '../e2e/code-server.mjs';

// --untrusted: a second run in a workspace VS Code does not trust (restricted mode).
const untrusted = process.argv.includes('--untrusted');
const port = untrusted ? 8194 : 8193;
const ws = path.join(E2E, 'ws-integration');
rmSync(ws, { recursive: true, force: true });
cpSync(path.join(ROOT, 'test/fixtures'), ws, { recursive: true });
mkdirSync(path.join(ws, '.vscode'), { recursive: true });
writeFileSync(path.join(ws, '.vscode/settings.json'), JSON.stringify({ 'typescript.validate.enable': false, 'javascript.validate.enable': false }));
if (untrusted) writeFileSync(path.join(ws, '.backendcoach.yaml'), 'rules:\n  missing-auth-check: off\n');
const results = path.join(E2E, 'integration-results.json');
rmSync(results, { force: true });

process.env.BACKEND_COACH_TEST_RESULTS = results; // the extension host inherits code-server's environment
process.env.BACKEND_COACH_SUITE = untrusted ? 'untrusted' : 'main';
const started = Date.now();
const server = await startCodeServer({
  port,
  trust: !untrusted,
  settings: untrusted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' } : {},
});
let browser;
let timer;
let code;
try {
  browser = await launchBrowser(path.join(E2E, 'chrome-integration'));
  const page = browser.pages()[0] ?? (await browser.newPage());
  const exit = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('in-editor tests timed out after 300 s')), 300_000);
    page.exposeFunction('codeAutomationLog', (_level, args) => console.log(util.format(...args)));
    page.exposeFunction('codeAutomationExit', (c) => resolve(c));
    page.on('console', (msg) => {
      if (/No extension host found that can launch the test runner/.test(msg.text())) reject(new Error(msg.text()));
    });
  });
  const payload = [
    ['extensionDevelopmentPath', server.remote(ROOT)],
    ['extensionTestsPath', server.remote(path.join(ROOT, 'out/test/integration/index'))],
  ];
  await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  code = await exit;
  const summary = JSON.parse(readFileSync(results, 'utf8'));
  console.log(`in-editor tests${untrusted ? ' (untrusted workspace)' : ''}: ${summary.passes} passed, ${summary.failures} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
} catch (error) {
  console.error(error);
  console.error(server.log().slice(-2000));
  code = 1;
} finally {
  clearTimeout(timer);
  await browser?.close().catch(() => undefined);
  server.stop();
}
process.exit(code);
