/** Reads semgrep-style fixture annotations: `// ruleid: <rule>` or `// ok: <rule>` above the line they are about. */
export interface Expectation {
  kind: 'ruleid' | 'ok';
  rule: string;
  /** 1-based line the annotation is about. */
  line: number;
}

const ANNOTATION = /^\s*(?:\/\/|\/\*|\*|#)\s*(ruleid|ok):\s*([\w-]+(?:\s*,\s*[\w-]+)*)/;

export function readAnnotations(text: string): Expectation[] {
  const lines = text.split('\n');
  const out: Expectation[] = [];
  let pending: { kind: 'ruleid' | 'ok'; rules: string[] }[] = [];
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (m) {
      pending.push({ kind: m[1] as 'ruleid' | 'ok', rules: m[2].split(/\s*,\s*/) });
      return;
    }
    if (pending.length === 0) return;
    for (const p of pending) for (const rule of p.rules) out.push({ kind: p.kind, rule, line: i + 1 });
    pending = [];
  });
  return out;
}
