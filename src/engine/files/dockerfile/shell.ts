import type { DockerInstruction } from './parse';

/** One shell command of a RUN instruction (`npm ci --omit=dev`), with offsets back into the file. */
export interface ShellCommand {
  /** The command's text with line continuations removed. */
  text: string;
  /** Offset in the file of the command's first character. */
  start: number;
  /** Offset in the file just after its last character. */
  end: number;
  /** The file offset of a position in `text`. */
  offsetOf(index: number): number;
}

/**
 * The commands a RUN instruction's shell runs, split at `&&`, `||`, `;`, `|` and line ends (heredoc bodies are
 * script lines). Line continuations and the comment lines Docker drops inside them are removed, while every
 * character keeps its offset in the file, so a fix can edit exactly the words a rule looked at.
 */
export function shellCommands(run: DockerInstruction, escape: string): ShellCommand[] {
  if (run.raw.trimStart().startsWith('[')) return execForm(run);
  const chars: string[] = [];
  const offsets: number[] = [];
  const raw = run.raw;
  // RUN's own flags (--mount=…, --network=…) come before the shell text.
  const flags = /^(?:--[\w-]+(?:=\S*)?\s+)*/.exec(raw)![0].length;
  for (let i = flags; i < raw.length; i++) {
    if (raw[i] === escape) {
      const m = /^[ \t]*\r?\n/.exec(raw.slice(i + 1));
      if (m) {
        i += m[0].length;
        // Docker drops comment lines inside a continued instruction.
        while (true) {
          const next = /^[ \t]*#[^\n]*\n/.exec(raw.slice(i + 1));
          if (!next) break;
          i += next[0].length;
        }
        continue;
      }
    }
    chars.push(raw[i]);
    offsets.push(run.argsStart + i);
  }
  const text = chars.join('');
  const out: ShellCommand[] = [];
  const separator = /&&|\|\||[;|\n]/g;
  let last = 0;
  const push = (from: number, to: number) => {
    const slice = text.slice(from, to);
    const lead = slice.length - slice.trimStart().length;
    const body = slice.trim();
    if (!body) return;
    const base = from + lead;
    out.push({ text: body, start: offsets[base], end: offsets[base + body.length - 1] + 1, offsetOf: (i) => offsets[base + i] ?? offsets[offsets.length - 1] + 1 });
  };
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, text.length);
  return out;
}

/** `RUN ["npm", "ci"]`: one command, the JSON strings joined by spaces; offsets point at the instruction. */
function execForm(run: DockerInstruction): ShellCommand[] {
  try {
    const parts = JSON.parse(run.raw.replace(/\\\r?\n/g, '')) as unknown;
    if (!Array.isArray(parts)) return [];
    const text = parts.map(String).join(' ');
    return [{ text, start: run.argsStart, end: run.end, offsetOf: () => run.argsStart }];
  } catch {
    return [];
  }
}

/** The words of a command, split on whitespace, quotes removed (`npm ci --omit=dev` → npm, ci, --omit=dev). */
export function words(command: string): string[] {
  return command.split(/\s+/).filter(Boolean).map((w) => w.replace(/^["']|["']$/g, ''));
}
