/**
 * The analysis worker: runs the engine off the main thread for the CLI (a pool, one per core)
 * and for the editor (one, so typing never waits on analysis).
 */
import { readFileSync, statSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { analyze, emptyResult, MAX_FILE_BYTES, tooLarge, type AnalyzeResult, type EngineSettings } from '../engine';

export type WorkerRequest =
  | { kind: 'files'; id: number; root: string; files: string[]; settings: EngineSettings }
  | { kind: 'text'; id: number; fileName: string; text: string; settings: EngineSettings };

export interface WorkerResponse {
  id: number;
  results: AnalyzeResult[];
}

function analyzeFile(root: string, rel: string, settings: EngineSettings): AnalyzeResult {
  const abs = `${root}/${rel}`;
  try {
    const stat = statSync(abs);
    if (!stat.isFile()) return emptyResult(rel, { reason: 'unreadable', message: 'Skipped: not a regular file.' });
    // Checked before reading, so a 100 MB dump is never loaded into memory.
    if (stat.size > MAX_FILE_BYTES) return emptyResult(rel, tooLarge(stat.size));
    return analyze(readFileSync(abs, 'utf8'), rel, settings);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return emptyResult(rel, { reason: 'unreadable', message: `Skipped: the file could not be read (${code ?? String(error)}).` });
  }
}

parentPort?.on('message', (req: WorkerRequest) => {
  const results = req.kind === 'files' ? req.files.map((f) => analyzeFile(req.root, f, req.settings)) : [analyze(req.text, req.fileName, req.settings)];
  parentPort!.postMessage({ id: req.id, results } satisfies WorkerResponse);
});
