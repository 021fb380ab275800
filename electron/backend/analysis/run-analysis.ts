/**
 * Run an analysis in a separate worker process, so that a crash or out-of-memory while reading a
 * hostile or huge file is an error for the caller, never a dead app. Progress arrives through
 * `onProgress`; aborting `signal` kills the process (CANCELLED). Nothing is written anywhere: the
 * worker only reads the files and returns summaries.
 */
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/domain/errors';
import { compiledEntry } from './compiled-entry';
import type { AnalysisProgress, AnalysisRequest, AnalysisResult, WorkerMessage } from './analysis-types';
import type { WorkerRequest } from './worker-request';
import { forkLauncher, type WorkerChannel, type WorkerLauncher } from './worker-launcher';
import { analysisSlots } from './worker-slots';

export interface RunAnalysisOptions {
  onProgress?: (progress: AnalysisProgress) => void;
  signal?: AbortSignal;
  /** Extra environment for the worker (tests use it for the crash hooks). */
  env?: Record<string, string>;
  /** How to start the worker process (default child_process.fork; Electron passes utilityProcess). */
  launcher?: WorkerLauncher;
  /** Called when the analysis has to wait for a free worker slot (position 1 = next). */
  onQueued?: (position: number) => void;
  /**
   * Where the worker's own stderr goes when it failed (an unexpected error or a crash): the user
   * sees a plain message, the log keeps what the worker said (its stack, an out-of-memory note).
   */
  onWorkerLog?: (stderr: string) => void;
}

/**
 * The worker's entry file. A packaged build (which compiles to .js) finds the .js sibling. From
 * TypeScript sources (development, tests, the bench) it is the esbuild bundle of the worker in
 * out/, built on first use (compiled-entry.ts: saves the tsx start-up of the process and of its
 * threads), else the .ts source under tsx. One place to change.
 */
export function analysisWorkerEntry(): string {
  if (!import.meta.url.endsWith('.ts')) return fileURLToPath(new URL('./analysis-worker.js', import.meta.url));
  return compiledEntry('analysis-worker') ?? fileURLToPath(new URL('./analysis-worker.ts', import.meta.url));
}

/** Node flags for the worker: a .ts entry needs the tsx loader. */
function workerExecArgv(entry: string): string[] {
  return entry.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
}

function crashMessage(code: number | null, signal: NodeJS.Signals | null, stderrTail: string): string {
  const oom = code === 134 || code === 137 || signal === 'SIGKILL' || /heap out of memory/i.test(stderrTail);
  const how = signal ? `it was stopped by the system (${signal})` : `it exited with code ${code}`;
  return `The analysis stopped unexpectedly: ${how}${oom ? ', most likely because it ran out of memory' : ''}. Your file was not changed and the app is unaffected; try again, or try a smaller file.`;
}

export function runAnalysis(request: AnalysisRequest, options: RunAnalysisOptions = {}): Promise<AnalysisResult> {
  return runInWorker<AnalysisResult>(request, options);
}

/**
 * Runs one request of any kind (a check's analysis, an evaluation) in a fresh worker process once
 * a worker slot is free (at most two workers at a time by default: worker-slots.ts); while it
 * waits, `onQueued` says so and cancelling removes it from the queue.
 */
export async function runInWorker<R>(request: WorkerRequest, options: RunAnalysisOptions = {}): Promise<R> {
  const release = await analysisSlots.acquire(options.signal, options.onQueued);
  try {
    return await spawnWorker<R>(request, options);
  } finally {
    release();
  }
}

function spawnWorker<R>(request: WorkerRequest, options: RunAnalysisOptions): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    if (options.signal?.aborted) return reject(new AppError('CANCELLED', 'The analysis was cancelled.'));
    const entry = analysisWorkerEntry();
    let child: WorkerChannel;
    try {
      child = (options.launcher ?? forkLauncher)(entry, { execArgv: workerExecArgv(entry), env: { ...process.env, ...options.env } });
    } catch (e) {
      return reject(new AppError('WORKER_CRASHED', `The analysis could not start: ${e instanceof Error ? e.message : String(e)}.`));
    }
    let settled = false;
    let cancelled = false;
    let stderrTail = '';
    child.onStderr((chunk) => {
      stderrTail = (stderrTail + chunk).slice(-4000);
    });
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = (): void => {
      cancelled = true;
      child.kill();
      finish(() => reject(new AppError('CANCELLED', 'The analysis was cancelled.')));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.onMessage((message) => {
      const m = message as WorkerMessage<R>;
      if (m.type === 'progress') {
        if (!settled) options.onProgress?.(m.progress);
      } else if (m.type === 'result') {
        finish(() => resolve(m.result));
        child.release();
      } else if (m.type === 'error') {
        const extra = m.error.location ? { location: m.error.location } : {};
        if (m.error.code === 'INTERNAL' && stderrTail.trim()) options.onWorkerLog?.(stderrTail);
        finish(() => reject(new AppError(m.error.code, m.error.message, extra)));
        child.release();
      }
    });
    child.onError((e) => finish(() => reject(new AppError('WORKER_CRASHED', `The analysis could not run: ${e.message}.`))));
    child.onExit((code, signal) => {
      if (cancelled || settled) return;
      if (stderrTail.trim()) options.onWorkerLog?.(stderrTail);
      finish(() => reject(new AppError('WORKER_CRASHED', crashMessage(code, signal, stderrTail))));
    });
    child.send({ type: 'run', request });
  });
}
