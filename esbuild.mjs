// Builds one bundle per entry. Type checking is `tsc --noEmit` (npm run typecheck), not esbuild.
//   node esbuild.mjs               development build with source maps
//   node esbuild.mjs --production  minified, no source maps (what the .vsix ships)
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { glob } from 'tinyglobby';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const require = createRequire(import.meta.url);

// The YAML loader validates catalog files against their schemas with the same code the engine uses at run time,
// so a typo in rules/*.yaml fails the build with file:line:column. Bundle that code first.
await esbuild.build({
  entryPoints: ['src/engine/yaml-validate.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: 'out/build/yaml-validate.cjs',
  logLevel: 'warning',
});
const { parseYamlWithSchema, formatProblem } = require('./out/build/yaml-validate.cjs');

const schemaFor = (file) => {
  const rel = path.relative('rules', file);
  if (rel.startsWith('..')) return undefined;
  if (rel === 'skills.yaml') return 'rules/schema/skills.schema.json';
  if (!rel.includes(path.sep)) return 'rules/schema/rule.schema.json';
  return undefined;
};

/** @type {esbuild.Plugin} */
const yamlPlugin = {
  name: 'catalog-yaml',
  setup(build) {
    build.onLoad({ filter: /\.ya?ml$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const rel = path.relative(process.cwd(), args.path);
      const schemaFile = schemaFor(rel);
      const schema = schemaFile ? JSON.parse(readFileSync(schemaFile, 'utf8')) : {};
      const result = parseYamlWithSchema(text, rel, schema);
      if (!result.ok) {
        return {
          errors: result.problems.map((p) => ({
            text: formatProblem(p),
            location: { file: rel, line: p.line, column: Math.max(0, p.column - 1) },
          })),
        };
      }
      if (schemaFile?.endsWith('rule.schema.json') && result.value.id !== path.basename(rel, '.yaml')) {
        return { errors: [{ text: `${rel}:1:1: id "${result.value.id}" must match the file name` }] };
      }
      return { contents: JSON.stringify(result.value), loader: 'json', watchFiles: [schemaFile].filter(Boolean) };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [yamlPlugin],
  // ESM-only dependencies (fdir) read import.meta.url; give CommonJS bundles a real one.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  // typescript's own lib probes optional modules; they are not needed to parse.
  external: ['@microsoft/typescript-etw'],
};

// --tests <glob> --tests-out <file>: build only a subset of the unit tests (handy while writing one rule's tests).
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const testGlob = arg('--tests');
const testOut = arg('--tests-out') ?? 'out/test/unit.js';

async function testEntry() {
  const files = (await glob(testGlob ?? 'test/unit/**/*.test.ts')).sort();
  return {
    contents: files.map((f) => `import './${f}';`).join('\n'),
    resolveDir: process.cwd(),
    sourcefile: 'unit-tests.ts',
    loader: 'ts',
  };
}

// With `packages: 'external'`, a module reached by path inside node_modules (src/engine/flat-config.ts) would be
// bundled while its own requires stay external and resolve from out/: keep it external too, by absolute path.
const nodeModulesByPath = {
  name: 'node-modules-by-path',
  setup(build) {
    build.onResolve({ filter: /\/node_modules\// }, (args) => ({ path: path.resolve(args.resolveDir, args.path), external: true }));
  },
};

const configs = [
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'out/cli.js', banner: { js: '#!/usr/bin/env node\n' + common.banner.js } },
  { ...common, entryPoints: ['src/worker/analysis-worker.ts'], outfile: 'out/worker.js' },
  // ESLint loads plugins with require(): make the default export the module itself.
  { ...common, entryPoints: ['src/eslint-plugin/index.ts'], outfile: 'out/eslint-plugin.js', external: [...common.external, 'eslint'], footer: { js: 'module.exports = module.exports.default;' } },
  { ...common, entryPoints: ['test/bench/bench.ts'], outfile: 'out/bench.js' },
  { ...common, entryPoints: ['test/bench/profile.ts'], outfile: 'out/profile.js' },
  // In-editor tests: loaded by the extension host, which provides `vscode`.
  { ...common, entryPoints: ['test/integration/index.ts'], outfile: 'out/test/integration/index.js', packages: 'external', external: ['vscode'], plugins: [yamlPlugin, nodeModulesByPath] },
  // Tests load their libraries from node_modules, so mocha and RuleTester share one copy.
  { ...common, stdin: await testEntry(), outfile: testOut, packages: 'external', plugins: [yamlPlugin, nodeModulesByPath] },
];
if (testGlob) configs.splice(0, configs.length - 1);
if (existsSync('src/extension/extension.ts')) {
  configs.push({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'out/extension.js', external: [...common.external, 'vscode'] });
}

const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching');
} else {
  try {
    await Promise.all(contexts.map((c) => c.rebuild()));
  } catch {
    // esbuild has printed the errors with their locations.
    process.exitCode = 1;
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}
