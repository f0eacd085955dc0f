import type { RuleSpec } from '../catalog/types';
import type { TextEdit } from '../types';
import type { DockerfileDoc } from './dockerfile/parse';
import type { FileKind } from './kinds';
import type { YamlFile } from './yaml';

/** What each kind's rules receive: the file parsed once, with exact source offsets. */
export interface ParsedFiles {
  dockerfile: DockerfileDoc;
  compose: YamlFile;
  kubernetes: YamlFile;
  openapi: YamlFile;
  'github-actions': YamlFile;
}

export interface FileFixReport {
  /** A key of the rule's `messages` in its YAML: the fix's title. The fix summary when absent. */
  messageId?: string;
  data?: Record<string, string>;
  /** Edits over the file's text. Build their text with `FixText`, so snippet placeholders are escaped right. */
  edits: TextEdit[];
}

export interface FileReport {
  /** Offsets of the text the finding underlines. */
  start: number;
  end: number;
  /** A key of the rule's `messages` in its YAML; the main `message` when absent. */
  messageId?: string;
  /** Values for the message's `{{placeholders}}`. */
  data?: Record<string, string>;
  fixes?: FileFixReport[];
}

export interface FileRuleContext {
  /** The path as the host gave it (workspace-relative in the editor and the CLI). */
  fileName: string;
  /** Fixes may hold VS Code snippet placeholders (the editor) rather than plain text (the CLI). */
  snippetFixes: boolean;
  report(finding: FileReport): void;
}

/**
 * A rule over a non-JS file. Its words (title, message, why, fix) live in rules/<id>.yaml with
 * `fileKind: <kind>`; its logic is `check`, which walks the parsed file and calls `context.report`.
 */
export interface FileRule<K extends FileKind = FileKind> {
  spec: RuleSpec;
  kind: K;
  check(file: ParsedFiles[K], context: FileRuleContext): void;
}

/** Declares a file rule; the kind comes from the YAML, so the two cannot disagree. */
export function defineFileRule<K extends FileKind>(spec: RuleSpec, kind: K, check: FileRule<K>['check']): FileRule<K> {
  if (spec.fileKind !== kind) throw new Error(`rules/${spec.id}.yaml: fileKind is ${spec.fileKind ?? 'missing'}, the module checks ${kind} files`);
  return { spec, kind, check };
}

/** Fills `{{name}}` placeholders the way ESLint does for the JS rules. */
export function interpolate(message: string, data: Record<string, string> | undefined): string {
  if (!data) return message;
  return message.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => (key in data ? data[key] : whole));
}
