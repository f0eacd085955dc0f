/**
 * A small reader for the shell scripts of `run:` steps: enough structure for rules that ask what a command
 * prints or runs. Quotes, `$( … )`, backticks, `\` line continuations, comments and heredocs are respected;
 * everything else (functions, loops) is read as plain commands, which is what those rules need.
 */

/** One simple command (`echo "$TOKEN"`), with where its standard output goes. */
export interface ScriptCommand {
  /** The command's text, continuations joined into spaces. */
  text: string;
  /** Index in the script of its first character. */
  start: number;
  /** Index in the script just after its last character. */
  end: number;
  /** Its words, quotes kept (`"$TOKEN"`), past a leading keyword (`then`, `do`, `else`). */
  words: string[];
  /** The body of a heredoc it reads (`cat <<EOF … EOF`). */
  heredoc?: string;
  /** The file its standard output is redirected to (`> key.pem`, `>> "$GITHUB_ENV"`), `/dev/null` included. */
  redirect?: string;
}

/** Commands joined by `|`: only the last one's output reaches the log. */
export type Pipeline = ScriptCommand[];

/** The pipelines of a script, in order. */
export function pipelines(script: string): Pipeline[] {
  const out: Pipeline[] = [];
  let current: Pipeline = [];
  let buf = '';
  let bufStart = -1;
  let lineCommands: ScriptCommand[] = [];
  const flush = (end: number) => {
    const trimmed = buf.trim();
    if (trimmed) {
      const lead = buf.length - buf.trimStart().length;
      const cmd = makeCommand(trimmed, bufStart + lead, end);
      current.push(cmd);
      lineCommands.push(cmd);
    }
    buf = '';
    bufStart = -1;
  };
  const endPipeline = () => {
    if (current.length) out.push(current);
    current = [];
  };
  let i = 0;
  while (i < script.length) {
    const c = script[i];
    const next = script[i + 1];
    if (bufStart < 0 && !/\s/.test(c)) bufStart = i;
    if (c === '\\' && next === '\n') {
      buf += ' ';
      i += 2;
      continue;
    }
    if (c === '\\' && next !== undefined) {
      buf += c + next;
      i += 2;
      continue;
    }
    if (c === '#' && (buf === '' || /\s$/.test(buf))) {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      const close = quoteEnd(script, i);
      buf += script.slice(i, close);
      i = close;
      continue;
    }
    if (c === '$' && next === '(') {
      const close = parenEnd(script, i + 1);
      buf += script.slice(i, close);
      i = close;
      continue;
    }
    if (c === '\n') {
      flush(trimEnd(script, i));
      endPipeline();
      // Heredoc bodies follow the line that opened them.
      for (const cmd of lineCommands) {
        const m = /<<-?\s*(['"]?)([\w-]+)\1/.exec(cmd.text);
        if (!m) continue;
        const bodyStart = i + 1;
        let j = bodyStart;
        let body = '';
        while (j < script.length) {
          const lineEnd = script.indexOf('\n', j) === -1 ? script.length : script.indexOf('\n', j);
          const line = script.slice(j, lineEnd);
          j = lineEnd + 1;
          if (line.trim() === m[2]) break;
          body += line + '\n';
        }
        cmd.heredoc = body;
        i = j - 1;
      }
      lineCommands = [];
      i++;
      continue;
    }
    if ((c === '&' && next === '&') || (c === '|' && next === '|')) {
      flush(trimEnd(script, i));
      endPipeline();
      i += 2;
      continue;
    }
    if (c === ';' || (c === '&' && next !== '>' && script[i - 1] !== '>' && script[i - 1] !== '<')) {
      flush(trimEnd(script, i));
      endPipeline();
      i++;
      continue;
    }
    if (c === '|') {
      flush(trimEnd(script, i));
      i++;
      continue;
    }
    buf += c;
    i++;
  }
  flush(trimEnd(script, script.length));
  endPipeline();
  return out;
}

function trimEnd(script: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(script[e - 1])) e--;
  return e;
}

function quoteEnd(script: string, open: number): number {
  const q = script[open];
  for (let i = open + 1; i < script.length; i++) {
    if (script[i] === '\\' && q !== "'") i++;
    else if (script[i] === q) return i + 1;
  }
  return script.length;
}

function parenEnd(script: string, open: number): number {
  let depth = 0;
  for (let i = open; i < script.length; i++) {
    const c = script[i];
    if (c === "'" || c === '"' || c === '`') i = quoteEnd(script, i) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return script.length;
}

/** Shell keywords that may start a command's text without being its name (`then echo …`). */
const KEYWORDS = new Set(['then', 'do', 'else', '{', '(', '!', 'time', 'exec']);

function makeCommand(text: string, start: number, end: number): ScriptCommand {
  const words = splitWords(text);
  while (words.length > 1 && KEYWORDS.has(words[0])) words.shift();
  let redirect: string | undefined;
  for (let w = 0; w < words.length; w++) {
    const m = /^(?:1|&)?>>?(.*)$/.exec(words[w]);
    if (!m || /^&[12]$/.test(m[1])) continue;
    const target = unquote(m[1] || words[w + 1] || '');
    if (target && !/^\/dev\/(?:stdout|stderr|tty)$/.test(target)) redirect = target;
  }
  return { text, start, end: Math.max(start + 1, end), words, redirect };
}

/** Words split on unquoted whitespace, quotes kept. */
export function splitWords(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (/\s/.test(c)) {
      if (word) out.push(word);
      word = '';
    } else if (c === "'" || c === '"' || c === '`') {
      const close = quoteEnd(text, i);
      word += text.slice(i, close);
      i = close - 1;
    } else if (c === '$' && text[i + 1] === '(') {
      const close = parenEnd(text, i + 1);
      word += text.slice(i, close);
      i = close - 1;
    } else word += c;
  }
  if (word) out.push(word);
  return out;
}

/** A word without its surrounding quotes. */
export function unquote(word: string): string {
  return word.replace(/^(["'])([\s\S]*)\1$/, '$2');
}

/** The command name of a simple command, past `sudo` and leading `NAME=value` assignments. */
export function commandName(cmd: ScriptCommand): string | undefined {
  let i = 0;
  while (i < cmd.words.length && /^[A-Za-z_]\w*=/.test(cmd.words[i])) i++;
  if (cmd.words[i] === 'sudo') i++;
  return cmd.words[i]?.replace(/^.*\//, '');
}

/**
 * The shell variables a text expands: `$NAME`, `${NAME}`, `${NAME:-x}`, PowerShell's `$env:NAME`. Text in single
 * quotes is not expanded by the shell and is skipped.
 */
export function shellVariables(text: string): string[] {
  let expanded = '';
  let double = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"') double = !double;
    if (c === "'" && !double) {
      const close = text.indexOf("'", i + 1);
      i = close === -1 ? text.length : close;
      continue;
    }
    expanded += c;
  }
  return [...expanded.matchAll(/\$(?:env:(\w+)|\{(\w+)[^}]*\}|([A-Za-z_]\w*))/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}
