// Runs the same in-editor suite in desktop VS Code via @vscode/test-electron (needs internet to download VS Code).
// Here, offline, use `npm run test:integration` (code-server) instead.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { runTests } = await import('@vscode/test-electron');
await runTests({
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(root, 'out/test/integration/index'),
  launchArgs: [path.join(root, 'test/fixtures'), '--disable-extensions', '--disable-workspace-trust'],
});
