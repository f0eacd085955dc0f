/**
 * Where a file runs: in a browser (React/Vue/Svelte components, `'use client'` modules, front-end folders) or on a
 * server. Rules about server resources (timeouts on outbound calls, blocking the event loop) stay quiet on browser
 * code, where the user's tab, not a shared process, pays for a slow call.
 */
import { T, memberPath, staticText, unwrap, type Node } from './ast';
import type { ModelContext } from './file-index';

const UI_PACKAGES = /^(react|react-dom|react-native|vue|svelte|solid-js|preact|@angular\/core|next\/(link|image|navigation|router)|@tanstack\/react-query|swr|expo(-.*)?)$/;
/** Front-end folders, and Next.js pages that are not API routes. */
const BROWSER_PATH = /(^|\/)(components|hooks|frontend|public|static|assets|composables)\//i;
const NEXT_PAGE = /(^|\/)pages\/(?!api\/)|(^|\/)app\/(.*\/)?(page|layout|loading|error|template|not-found)\.[jt]sx?$/;

/** True for code that runs in a browser: JSX files, `'use client'` modules, files importing a UI framework, front-end folders. */
export function isBrowserCode(ctx: ModelContext): boolean {
  const file = ctx.fileName.replace(/\\/g, '/');
  if (/\.(jsx|tsx|vue|svelte)$/i.test(file)) return true;
  const first = ctx.index.program.body[0];
  if (first?.type === T.ExpressionStatement && 'directive' in first && first.directive === 'use client') return true;
  if (BROWSER_PATH.test(file) || NEXT_PAGE.test(file)) return true;
  for (const ref of ctx.index.imports.values()) if (UI_PACKAGES.test(ref.source)) return true;
  // Vite's env, the DOM and browser storage exist only in a page
  return /\bimport\.meta\.env\b|\b(window|localStorage|sessionStorage)\.\w|\bdocument\.(getElementById|querySelector|querySelectorAll|cookie|body|createElement|addEventListener)\b/.test(ctx.sourceCode.text);
}

/** Build and dev-tool configuration (`vite.config.ts`, `webpack.config.js`, `next.config.mjs`): it runs at build time, not under traffic. */
export function isToolConfigFile(fileName: string): boolean {
  return /(^|[\\/])[\w-]+\.config\.[cm]?[jt]s$/.test(fileName) || /(^|[\\/])(gulpfile|gruntfile|webpack\.\w+)\.[cm]?[jt]s$/i.test(fileName);
}

/** Development servers, mocks and demos: an entry point nobody deploys. */
export function isDevOnlyFile(fileName: string): boolean {
  return /(^|[\\/._-])(mocks?|stubs?|fakes?|dev-?server|devserver|server-dev|demo|examples?|playground|sandbox)([\\/._-]|$)/i.test(fileName);
}

const DEV_FLAG = /^(isDev|isDevelopment|IS_DEV|IS_DEVELOPMENT|devMode|DEV_MODE|__DEV__)$/;
const PROD_FLAG = /^(isProd|isProduction|IS_PROD|IS_PRODUCTION)$/;

/** Which environment a test admits: `isDev`, `NODE_ENV === 'development'` → dev; `isProd`, `NODE_ENV === 'production'` → prod. */
function envOfTest(test: Node): 'dev' | 'prod' | undefined {
  const t = unwrap(test);
  if (t.type === T.UnaryExpression && t.operator === '!') {
    const inner = envOfTest(t.argument);
    return inner === 'dev' ? 'prod' : inner === 'prod' ? 'dev' : undefined;
  }
  const name = t.type === T.Identifier ? t.name : t.type === T.MemberExpression && !t.computed && t.property.type === T.Identifier ? t.property.name : undefined;
  if (name && DEV_FLAG.test(name)) return 'dev';
  if (name && PROD_FLAG.test(name)) return 'prod';
  if (t.type === T.BinaryExpression && /^[!=]==?$/.test(t.operator)) {
    const env = memberPath(t.left).join('.').endsWith('NODE_ENV') ? staticText(t.right as Node) : memberPath(t.right as Node).join('.').endsWith('NODE_ENV') ? staticText(t.left as Node) : undefined;
    const side = env === 'development' ? 'dev' : env === 'production' ? 'prod' : undefined;
    if (!side) return undefined;
    return t.operator.startsWith('=') ? side : side === 'dev' ? 'prod' : 'dev';
  }
  return undefined;
}

/**
 * The code runs only in development: inside `if (isDev) { app.post('/test-webhook', …) }` or the else branch of
 * `if (NODE_ENV === 'production')`. A route or log line there never meets production traffic.
 */
export function inDevOnlyBranch(node: Node): boolean {
  let child: Node = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if ((n.type === T.IfStatement || n.type === T.ConditionalExpression) && child !== n.test) {
      const env = envOfTest(n.test);
      if ((env === 'dev' && child === n.consequent) || (env === 'prod' && child === n.alternate)) return true;
    }
  }
  return false;
}

/** Packages a command-line tool is built on: its output is for a person at a terminal. */
export const CLI_PACKAGES = /^(commander|yargs|yargs\/yargs|meow|cac|@oclif\/core|inquirer|@inquirer\/prompts|@clack\/prompts|prompts|ora|listr2?)$/;
const TOOL_FOLDER = /(^|\/)(bin|cli|tools)\//i;

/**
 * A command-line tool rather than server code: a `#!` script, a file built on a CLI package, or a script under
 * `bin/`, `cli/` or `tools/` that reads its arguments or exports nothing (`bin/checkPad.js`,
 * `bin/plugins/stalePlugins.js`). A person runs it and watches it: a hang is seen and interrupted, an error is
 * read off the terminal. A file that listens is a server whatever else it is (Express's `bin/www`).
 */
export function isCommandLineTool(ctx: ModelContext): boolean {
  const text = ctx.sourceCode.text;
  // a CLI whose `start` command serves traffic from this file (Keystone's scripts/cli) is a server too
  if (/\.listen\(/.test(text)) return false;
  if (text.startsWith('#!')) return true;
  for (const ref of ctx.index.imports.values()) if (CLI_PACKAGES.test(ref.source)) return true;
  if (!TOOL_FOLDER.test(ctx.fileName.replace(/\\/g, '/'))) return false;
  if (/\bprocess\.argv\b/.test(text)) return true;
  return !/\b(module\.exports|exports\.\w+|export\s)/.test(text);
}
