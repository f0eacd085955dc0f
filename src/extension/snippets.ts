import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { catalog } from '../engine/host';

export interface SnippetInfo {
  key: string;
  skillId: string;
  title: string;
  prefix: string;
  body: string;
  languages: string[];
}

/** The snippets shipped in snippets/*.code-snippets, with the skill each one's description names. */
export function loadSnippets(extensionPath: string): SnippetInfo[] {
  const dir = path.join(extensionPath, 'snippets');
  const out: SnippetInfo[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.code-snippets')).sort()) {
    const data = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, { scope?: string; prefix: string | string[]; body: string | string[]; description?: string }>;
    for (const [key, s] of Object.entries(data)) {
      const [skillId, ...rest] = (s.description ?? '').split(':');
      if (!catalog.skills.has(skillId)) continue;
      out.push({
        key,
        skillId,
        title: rest.join(':').trim() || key,
        prefix: Array.isArray(s.prefix) ? s.prefix[0] : s.prefix,
        body: Array.isArray(s.body) ? s.body.join('\n') : s.body,
        languages: (s.scope ?? 'javascript,typescript,javascriptreact,typescriptreact').split(',').map((x) => x.trim()),
      });
    }
  }
  return out;
}
