import type { Finding, SkippedNote } from '../engine/host';

/** One scanned file as the formats see it. */
export interface FileReport {
  path: string;
  findings: Finding[];
  skipped?: SkippedNote;
}

export interface ScanReport {
  root: string;
  files: FileReport[];
  /** Problems with the scan itself: a broken settings file, a rule that threw, a path that does not exist. */
  notes: string[];
  durationMs: number;
}
