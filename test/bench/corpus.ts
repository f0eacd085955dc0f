/**
 * Builds the benchmark corpus: the annotated fixture backends (Express, Fastify, Koa, NestJS, Hono, Next.js,
 * every ORM), copied into many services with their identifiers and routes renamed, so the corpus is real
 * backend code at the size of a large monorepo rather than one file repeated.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';

const NOUNS = ['order', 'invoice', 'customer', 'product', 'shipment', 'payment', 'ticket', 'account', 'booking', 'coupon', 'review', 'subscription'];

function rename(text: string, service: number): string {
  const noun = NOUNS[service % NOUNS.length];
  const Noun = noun[0].toUpperCase() + noun.slice(1);
  return text
    .replace(/\border(s?)\b/g, `${noun}$1`)
    .replace(/\bOrder(s?)\b/g, `${Noun}$1`)
    .replace(/\b(handler|service|repo|router)(\w*)/g, `$1$2${service}`)
    .replace(/'\/api\//g, `'/api/s${service}/`);
}

export interface Corpus {
  dir: string;
  files: string[];
  lines: number;
}

/** Writes the corpus under `dir` until it holds at least `minLines` lines; returns its files (relative). */
export function buildCorpus(repo: string, dir: string, minLines: number): Corpus {
  rmSync(dir, { recursive: true, force: true });
  const sources = globSync('test/fixtures/**/*.{ts,js}', { cwd: repo }).sort();
  const texts = sources.map((f) => ({ rel: f.replace(/^test\/fixtures\//, ''), text: readFileSync(path.join(repo, f), 'utf8') }));
  const files: string[] = [];
  let lines = 0;
  for (let service = 0; lines < minLines; service++) {
    for (const { rel, text } of texts) {
      const out = `service-${String(service).padStart(3, '0')}/${rel}`;
      const body = rename(text, service);
      mkdirSync(path.dirname(path.join(dir, out)), { recursive: true });
      writeFileSync(path.join(dir, out), body);
      files.push(out);
      lines += body.split('\n').length;
    }
  }
  return { dir, files, lines };
}
