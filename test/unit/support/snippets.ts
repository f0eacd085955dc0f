import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { REPO } from './paths';

export interface Snippet {
  id: string;
  file: string;
  scope: string;
  body: string;
  description: string;
}

export function loadSnippets(): Snippet[] {
  const out: Snippet[] = [];
  for (const file of globSync('snippets/*.code-snippets', { cwd: REPO }).sort()) {
    const data = JSON.parse(readFileSync(path.join(REPO, file), 'utf8')) as Record<string, { scope?: string; body: string | string[]; description?: string }>;
    for (const [id, s] of Object.entries(data)) {
      out.push({ id, file, scope: s.scope ?? '', body: Array.isArray(s.body) ? s.body.join('\n') : s.body, description: s.description ?? '' });
    }
  }
  return out;
}

export { expandSnippetDefaults as expandDefaults } from '../../../src/engine/rules/fix-text';
