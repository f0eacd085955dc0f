// Starts a fresh code-server (a real VS Code workbench and extension host) and headless Debian Chromium,
// as ../shared/e2e/RECIPE.md describes. Used by the UI walkthrough and the in-editor test runner.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const E2E = path.join(ROOT, '.vscode-test');
const CS = path.join(E2E, 'code-server');
const require = createRequire(path.join(CS, 'package.json'));

export function xdgEnv() {
  return { XDG_CONFIG_HOME: path.join(E2E, 'xdg/config'), XDG_DATA_HOME: path.join(E2E, 'xdg/data'), XDG_CACHE_HOME: path.join(E2E, 'xdg/cache') };
}

/** Starts code-server on `port` with its own user data; returns a handle that stops it by PID. */
export async function startCodeServer({ port, settings = {}, extensionsDir, trust = true } = {}) {
  const run = path.join(E2E, `run-${port}`);
  rmSync(run, { recursive: true, force: true });
  mkdirSync(path.join(run, 'ud/User'), { recursive: true });
  const exts = extensionsDir ?? path.join(run, 'exts');
  mkdirSync(exts, { recursive: true });
  writeFileSync(path.join(run, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  writeFileSync(
    path.join(run, 'ud/User/settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'update.mode': 'none',
      'git.enabled': false,
      'typescript.disableAutomaticTypeAcquisition': true,
      'editor.hover.delay': 200,
      'files.hotExit': 'off',
      'workbench.tips.enabled': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      ...settings,
    }),
  );
  const bin = path.join(CS, 'node_modules/code-server/out/node/entry.js');
  const args = [bin, '--config', path.join(run, 'config.yaml'), '--user-data-dir', path.join(run, 'ud'), '--extensions-dir', exts, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', ...(trust ? ['--disable-workspace-trust'] : []), '--disable-getting-started-override', '--ignore-last-opened'];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...xdgEnv(), EXTENSIONS_GALLERY: '{"serviceUrl":""}', TMPDIR: path.join(E2E, 'tmp') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`code-server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    remote: (p) => `vscode-remote://127.0.0.1:${port}${p}`,
    log: () => log,
    stop: () => {
      try {
        child.kill('SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

/** Installs a .vsix into an extensions folder with code-server's own CLI (offline). */
export async function installVsix(vsix, extensionsDir) {
  const bin = path.join(CS, 'node_modules/code-server/out/node/entry.js');
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--extensions-dir', extensionsDir, '--install-extension', vsix], { env: { ...process.env, ...xdgEnv() }, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`install-extension exited ${code}`))));
  });
}

/** Headless Debian Chromium through playwright-core. */
export async function launchBrowser(profile, colorScheme = 'light') {
  const { chromium } = require('playwright-core');
  rmSync(profile, { recursive: true, force: true });
  return chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    colorScheme,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, ...xdgEnv() },
  });
}
