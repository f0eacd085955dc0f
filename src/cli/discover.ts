import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob } from 'tinyglobby';
import { kindFromContent, kindFromName, needsSniff, SNIFF_BYTES } from '../engine/files/kinds';

import { FILE_GLOBS, SOURCE_GLOB, WORKFLOW_GLOB } from '../engine/files/globs';

export { FILE_GLOBS, SOURCE_GLOB, WORKFLOW_GLOB };
/** Never worth scanning, .gitignore or not. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/build/**', '**/out/**', '**/coverage/**', '**/.next/**', '**/.nuxt/**', '**/.vscode-test/**', '**/*.d.ts', '**/*.min.js'];

interface GitIgnore {
  dir: string;
  ig: Ignore;
}

async function gitignores(root: string): Promise<GitIgnore[]> {
  const files = await glob('**/.gitignore', { cwd: root, ignore: ['**/node_modules/**', '**/.git/**'], dot: true, followSymbolicLinks: false });
  return files.map((f) => ({ dir: path.posix.dirname(f) === '.' ? '' : path.posix.dirname(f), ig: ignore().add(readFileSync(path.join(root, f), 'utf8')) }));
}

function ignoredByGit(rel: string, rules: GitIgnore[]): boolean {
  return rules.some(({ dir, ig }) => {
    if (dir && !rel.startsWith(dir + '/')) return false;
    return ig.ignores(dir ? rel.slice(dir.length + 1) : rel);
  });
}

/** Whether a non-JS file is one the file rules read: by its name, or by the first bytes of a YAML or JSON file. */
function isFileKind(abs: string, rel: string): boolean {
  if (kindFromName(rel)) return true;
  if (!needsSniff(rel)) return false;
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const read = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return kindFromContent(rel, buffer.toString('utf8', 0, read)) !== undefined;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export interface Discovery {
  /** Paths relative to `root`, posix separators, sorted. */
  files: string[];
  notes: string[];
}

/**
 * Finds the source files under the given paths: honours .gitignore files (nested ones too) and the
 * settings' `ignore`, never follows symlinked folders (no loops), and reports paths that do not exist.
 */
export async function discover(root: string, inputs: string[], extraIgnore: Ignore): Promise<Discovery> {
  const notes: string[] = [];
  const rules = await gitignores(root);
  const found = new Set<string>();
  for (const input of inputs.length ? inputs : ['.']) {
    const abs = path.resolve(root, input);
    if (!existsSync(abs)) {
      notes.push(`${input}: no such file or folder`);
      continue;
    }
    const rel = path.relative(root, abs).split(path.sep).join('/');
    const stat = statSync(abs);
    if (stat.isFile()) {
      found.add(rel);
      continue;
    }
    if (!stat.isDirectory()) {
      notes.push(`${input}: not a regular file or folder; skipped`);
      continue;
    }
    const files = await glob(SOURCE_GLOB, { cwd: abs, ignore: ALWAYS_IGNORED, followSymbolicLinks: false, dot: false });
    const others = [
      ...(await glob(FILE_GLOBS, { cwd: abs, ignore: ALWAYS_IGNORED, followSymbolicLinks: false, dot: false })),
      ...(await glob(WORKFLOW_GLOB, { cwd: abs, ignore: ALWAYS_IGNORED, followSymbolicLinks: false, dot: true })),
    ];
    for (const f of files) found.add(rel ? `${rel}/${f}` : f);
    for (const f of others) if (isFileKind(path.join(abs, f), rel ? `${rel}/${f}` : f)) found.add(rel ? `${rel}/${f}` : f);
  }
  const files = [...found].filter((f) => !ignoredByGit(f, rules) && !extraIgnore.ignores(f)).sort();
  return { files, notes };
}
