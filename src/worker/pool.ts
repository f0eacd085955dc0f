import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalyzeResult, EngineSettings } from '../engine/host';
import type { WorkerRequest, WorkerResponse } from './analysis-worker';

/** Files per message: big enough to amortise messaging, small enough to balance the cores. */
const BATCH = 16;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Analyses files on `jobs` worker threads. Batches go to whichever worker is free; results come back
 * in the order of `files`, whatever order the workers finish in.
 */
export async function analyzeInWorkers(
  root: string,
  files: string[],
  settings: EngineSettings,
  jobs: number,
  onProgress?: (done: number, total: number) => void,
  options: { workerFile?: string; signal?: AbortSignal } = {},
): Promise<AnalyzeResult[]> {
  const results: AnalyzeResult[] = new Array(files.length);
  if (files.length === 0) return results;
  const batches: { start: number; files: string[] }[] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push({ start: i, files: files.slice(i, i + BATCH) });
  const workerFile = options.workerFile ?? path.join(__dirname, 'worker.js');
  const count = Math.min(jobs, batches.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: count }, () => new Worker(workerFile, { resourceLimits: { maxYoungGenerationSizeMb: 192 } }));
  const aborted = new Promise<never>((_, reject) => {
    if (options.signal?.aborted) reject(new Error('cancelled'));
    options.signal?.addEventListener('abort', () => reject(new Error('cancelled')), { once: true });
  });
  aborted.catch(() => undefined);
  try {
    const all = Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let current: { start: number; files: string[] } | undefined;
            const send = (): void => {
              current = batches[next++];
              if (!current) return resolve();
              worker.postMessage({ kind: 'files', id: current.start, root, files: current.files, settings } satisfies WorkerRequest);
            };
            worker.on('message', (msg: WorkerResponse) => {
              msg.results.forEach((r, i) => (results[msg.id + i] = r));
              done += msg.results.length;
              onProgress?.(done, files.length);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (current && next <= batches.length && code !== 0 ? reject(new Error(`analysis worker exited with code ${code}`)) : undefined));
            send();
          }),
      ),
    );
    await Promise.race([all, aborted]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
