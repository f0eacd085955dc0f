import type { CommentLike } from '../suppressions';
import type { LineIndex } from './source';

/**
 * The whole-line `#` comments of a Dockerfile or YAML file, shaped like ESLint's comments so the shared
 * suppression reader handles `# backend-coach-ignore-next-line <rule> -- reason` the same way as in JS.
 * Trailing comments are left out: a `#` inside a value or a shell command is not a comment there.
 */
export function hashComments(lines: LineIndex): CommentLike[] {
  const out: CommentLike[] = [];
  for (let line = 1; line <= lines.lineCount; line++) {
    const text = lines.lineText(line);
    const m = /^(\s*)#(.*)$/.exec(text);
    if (!m) continue;
    out.push({ value: m[2], loc: { start: { line, column: m[1].length }, end: { line, column: text.length } } });
  }
  return out;
}
