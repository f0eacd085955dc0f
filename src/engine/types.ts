/** Severities as users configure them; `off` removes a rule. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

export const SEVERITY_ORDER: readonly Severity[] = ['hint', 'info', 'warning', 'error'];

/** 1-based lines, 1-based columns, end exclusive: the same convention ESLint reports. */
export interface Range {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A replacement of the text between two character offsets. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** The rule's suggestion id (`addLimit`, `addMiddleware`), when the fix came from one. */
  id?: string;
  title: string;
  edits: TextEdit[];
  /** True when `text` holds VS Code snippet syntax (`${1:100}`) rather than plain text. */
  snippet: boolean;
}

/**
 * Where a finding's route hangs, so a workspace scan can drop it when another file
 * mounts that router behind auth or a rate limiter.
 */
export interface Exposure {
  framework: string;
  /** The export that carries the route (`default` or a name), when the route's router is exported. */
  exportName?: string;
  /** The route path as seen in this file. */
  path?: string;
}

export interface Finding {
  ruleId: string;
  skillId?: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  exposure?: Exposure;
}

export interface SkippedNote {
  reason: 'parse-error' | 'too-large' | 'minified' | 'ignored' | 'unreadable' | 'template';
  message: string;
  line?: number;
  column?: number;
}

/** Facts a file states about other files: used by the workspace scan. */
export interface MountFact {
  /** The import specifier of the mounted router or plugin, as written. */
  source: string;
  /** `default` or the imported name. */
  imported: string;
  prefix?: string;
  auth: boolean;
  rateLimit: boolean;
  /** The export of the router doing the mounting, when it is itself mounted from another file. */
  parentExport?: string;
}

export interface FileFacts {
  mounts: MountFact[];
  /** A Nest global guard (APP_GUARD or useGlobalGuards) that authenticates or throttles. */
  globalGuard: { auth: boolean; rateLimit: boolean };
  /** Next.js `middleware.ts` that authenticates the paths it matches. */
  nextMiddleware?: { auth: boolean; rateLimit: boolean; matchers: string[] };
  /** The file registers a health or readiness route (or mounts a health router or library): the app has a probe. */
  healthRoute?: boolean;
  /** The file routes the process's `console.*` through its logger (`log4js.replaceConsole()`): console lines are logger lines. */
  consoleRouted?: boolean;
}

export interface ConditionalFinding {
  ruleId: string;
  messageId: string;
  method: string;
  path: string;
  exportName: string;
  framework: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface AnalyzeResult {
  fileName: string;
  findings: Finding[];
  facts: FileFacts;
  /** Set when the file was not analysed, with the reason. */
  skipped?: SkippedNote;
  /**
   * Findings that hold only in a workspace scan, when another file mounts the route under a prefix
   * that makes it sensitive (`/admin`, `/orders`) without auth. Hosts without project knowledge ignore them.
   */
  conditional?: ConditionalFinding[];
  /** Rules that threw: reported once, the other rules still ran. */
  ruleErrors: { ruleId: string; message: string }[];
}
