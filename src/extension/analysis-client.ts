import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { AnalyzeResult, EngineSettings } from '../engine/host';
import type { WorkerRequest, WorkerResponse } from '../worker/analysis-worker';

interface Pending {
  resolve: (r: AnalyzeResult) => void;
  reject: (e: Error) => void;
}

/**
 * The editor's analysis worker: the parser and rules run on their own thread, so typing never waits on them.
 * Started on the first request (activation parses nothing); restarted after a crash, which is logged once.
 */
export class AnalysisClient {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private crashes = 0;
  /** Main-thread milliseconds spent per analysis (posting and receiving), for the log. */
  lastMainThreadMs = 0;

  constructor(
    private readonly extensionPath: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path.join(this.extensionPath, 'out', 'worker.js'), { resourceLimits: { maxYoungGenerationSizeMb: 128 } });
    worker.on('message', (msg: WorkerResponse) => {
      const started = performance.now();
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      p?.resolve(msg.results[0]);
      this.lastMainThreadMs += performance.now() - started;
    });
    const fail = (error: Error): void => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (this.crashes++ === 0) this.log.error(`analysis worker stopped: ${error.message}; it restarts on the next edit`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  analyze(text: string, fileName: string, settings: EngineSettings): Promise<AnalyzeResult> {
    const started = performance.now();
    const worker = this.start();
    const id = this.nextId++;
    const promise = new Promise<AnalyzeResult>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    worker.postMessage({ kind: 'text', id, fileName, text, settings } satisfies WorkerRequest);
    this.lastMainThreadMs = performance.now() - started;
    return promise;
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}
