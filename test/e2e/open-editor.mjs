// Opens the bundled sample backend with Backend Coach loaded in a real VS Code: the desktop `code` when it is
// on the PATH, otherwise code-server in the browser at a printed localhost address (Ctrl+C stops it).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, startCodeServer } from './code-server.mjs';

const sample = path.join(ROOT, 'test/fixtures/express');
if (spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0) {
  spawnSync('code', ['--extensionDevelopmentPath', ROOT, sample], { stdio: 'inherit' });
} else {
  const server = await startCodeServer({ port: Number(process.env.PORT ?? 8180) });
  const payload = [['extensionDevelopmentPath', server.remote(ROOT)], ['openFile', server.remote(path.join(sample, 'src/routes/admin.routes.ts'))]];
  console.log(`\nBackend Coach is running in VS Code (code-server). Open:\n\n  ${server.url}/?folder=${encodeURIComponent(sample)}&payload=${encodeURIComponent(JSON.stringify(payload))}\n\nCtrl+C stops it.`);
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => undefined, 1 << 30);
}
