/**
 * Cross-file knowledge for a workspace scan: a router mounted behind auth in another file, a Nest global guard,
 * a Next.js middleware. Works on results already computed, so no file is analysed twice.
 */
import { catalog } from './catalog';
import { isPublicByNature, isSensitivePath, joinPath } from './model/paths';
import { effectiveSeverity, type EngineSettings } from './analyze-settings';
import { sortFindings } from './results';
import { routePattern } from './settings';
import type { AnalyzeResult, Finding, MountFact, Severity } from './types';

export interface ProjectFile {
  /** Path relative to the workspace root, with forward slashes. */
  path: string;
  result: AnalyzeResult;
}

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '/index.ts', '/index.js', '/index.tsx', '/index.mjs'];

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Joins and normalises posix paths without Node's `path` (the engine runs anywhere). */
export function joinPosix(dir: string, rel: string): string {
  const out: string[] = [];
  for (const part of `${dir}/${rel}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

function resolveModule(from: string, source: string, known: ReadonlySet<string>): string | undefined {
  if (!source.startsWith('.')) return undefined;
  const base = joinPosix(dirname(from), source);
  const stem = base.replace(/\.(m|c)?js$/, '');
  for (const candidate of [base, stem]) {
    for (const ext of EXTENSIONS) if (known.has(candidate + ext)) return candidate + ext;
  }
  return undefined;
}

/** The app a file belongs to: the folder above its `src/`, or its own folder. Global guards and middleware apply within it. */
function appScope(path: string): string {
  const i = path.lastIndexOf('/src/');
  if (i >= 0) return path.slice(0, i);
  if (path.startsWith('src/')) return '';
  return dirname(path);
}

function within(scope: string, path: string): boolean {
  return scope === '' || path.startsWith(scope + '/');
}

interface ResolvedMount extends MountFact {
  from: string;
}

function nextMatcherCovers(matcher: string, path: string | undefined): boolean {
  if (path === undefined) return false;
  if (/[()]/.test(matcher)) return true; // a regex matcher such as '/((?!_next/static|favicon.ico).*)' covers the app
  return routePattern(matcher.replace(/:\w+\*$/, '**').replace(/:\w+\+$/, '**')).test(path);
}

/**
 * Drops findings that other files resolve: a route whose router every mount puts behind auth (or a limiter),
 * Nest routes under a global guard, Next.js routes a middleware authenticates. Returns findings by path
 * (for `only` that one path).
 */
export function resolveProject(files: readonly ProjectFile[], settings: EngineSettings = {}, only?: string): Map<string, Finding[]> {
  const known = new Set(files.map((f) => f.path));
  const mounts = new Map<string, ResolvedMount[]>();
  const guards: { scope: string; auth: boolean; rateLimit: boolean }[] = [];
  const middlewares: { scope: string; auth: boolean; rateLimit: boolean; matchers: string[] }[] = [];
  /** Apps (by scope) where some file registers a health route: a server entry elsewhere in the app has its probe. */
  const healthScopes = new Set<string>();
  /** Apps where some file (the entry, usually) routes console through the logger: `console.x` is a logger line there. */
  const consoleScopes = new Set<string>();
  for (const f of files) {
    const facts = f.result.facts;
    if (facts.healthRoute) healthScopes.add(appScope(f.path));
    if (facts.consoleRouted) consoleScopes.add(appScope(f.path));
    if (facts.globalGuard.auth || facts.globalGuard.rateLimit) guards.push({ scope: appScope(f.path), ...facts.globalGuard });
    if (facts.nextMiddleware) middlewares.push({ scope: appScope(f.path), ...facts.nextMiddleware });
    for (const m of facts.mounts) {
      const target = resolveModule(f.path, m.source, known);
      if (!target) continue;
      const key = `${target}#${m.imported}`;
      const list = mounts.get(key) ?? [];
      list.push({ ...m, from: f.path });
      mounts.set(key, list);
    }
  }

  const memo = new Map<string, boolean>();
  /** Every mount of `file#exportName` gives `kind`, directly or through the router it is mounted on. */
  const covered = (file: string, exportName: string, kind: 'auth' | 'rateLimit', depth = 0): boolean => {
    const key = `${file}#${exportName}#${kind}`;
    if (memo.has(key)) return memo.get(key)!;
    memo.set(key, false); // cycles give no protection
    const list = mounts.get(`${file}#${exportName}`) ?? [];
    const result = list.length > 0 && depth < 10 && list.every((m) => m[kind] || (!!m.parentExport && covered(m.from, m.parentExport, kind, depth + 1)));
    memo.set(key, result);
    return result;
  };

  /** The prefix every mount puts a router under, when the mounts agree on one. */
  const prefixOf = (file: string, exportName: string, depth = 0): string | undefined => {
    const list = mounts.get(`${file}#${exportName}`) ?? [];
    const prefixes = new Set(list.map((m) => joinPath(m.parentExport && depth < 10 ? prefixOf(m.from, m.parentExport, depth + 1) : undefined, m.prefix) ?? ''));
    return prefixes.size === 1 ? [...prefixes][0] || undefined : undefined;
  };

  const out = new Map<string, Finding[]>();
  for (const f of files) {
    // The editor asks about one file per keystroke: the facts come from all files, the findings from that one.
    if (only !== undefined && f.path !== only) continue;
    const kept = f.result.findings.filter((finding) => {
      if (finding.ruleId === 'missing-health-route') return ![...healthScopes].some((scope) => within(scope, f.path));
      if (finding.ruleId === 'console-in-server-code') return ![...consoleScopes].some((scope) => within(scope, f.path));
      const e = finding.exposure;
      const kind = finding.ruleId === 'missing-auth-check' ? 'auth' : finding.ruleId === 'missing-rate-limit' ? 'rateLimit' : undefined;
      if (!e || !kind) return true;
      if (e.framework === 'nest') return !guards.some((g) => g[kind] && within(g.scope, f.path));
      if (e.framework === 'next') return !middlewares.some((m) => m[kind] && within(m.scope, f.path) && (m.matchers.length === 0 || m.matchers.some((x) => nextMatcherCovers(x, e.path))));
      if (e.exportName) return !covered(f.path, e.exportName, kind);
      return true;
    });
    for (const c of f.result.conditional ?? []) {
      const prefix = prefixOf(f.path, c.exportName);
      const full = joinPath(prefix, c.path);
      if (!prefix || !full || !isSensitivePath(full) || isPublicByNature(full) || covered(f.path, c.exportName, 'auth')) continue;
      const spec = catalog.rules.get(c.ruleId);
      const template = c.messageId === 'missingAuthCheck' ? spec?.message : spec?.messages?.[c.messageId];
      if (!spec || !template) continue;
      kept.push({
        ruleId: c.ruleId,
        skillId: spec.skill,
        severity: effectiveSeverity(c.ruleId, settings) as Severity,
        message: template.replace(/\{\{\s*method\s*\}\}/g, c.method).replace(/\{\{\s*path\s*\}\}/g, full),
        range: { startLine: c.line, startColumn: c.column, endLine: c.endLine, endColumn: c.endColumn },
        fixes: [],
        exposure: { framework: c.framework, exportName: c.exportName, path: full },
      });
    }
    out.set(f.path, sortFindings(kept));
  }
  return out;
}
