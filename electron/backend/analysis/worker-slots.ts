import { AppError } from '../../../shared/domain/errors';

/**
 * How many analysis worker processes run at once in this process. Each worker reads a whole file
 * with up to two threads and may hold a few hundred MB, so twelve checks started together must
 * not become twelve processes (1.5 GB measured): the rest wait in order. Process-wide on purpose:
 * it protects the machine, whichever backend asked.
 */
export class WorkerSlots {
  private running = 0;
  private readonly waiting: Array<{ grant: () => void; signal?: AbortSignal; onAbort: () => void }> = [];

  constructor(readonly limit: number) {}

  /** Queued requests ahead of a new one (0 when a slot is free). */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Resolves with a release function once a slot is free. `onQueued(position)` is called when the
   * request has to wait. An aborted signal while waiting rejects with CANCELLED and frees the place.
   */
  acquire(signal?: AbortSignal, onQueued?: (position: number) => void): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(new AppError('CANCELLED', 'The analysis was cancelled.'));
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.running--;
      this.waiting.shift()?.grant();
    };
    if (this.running < this.limit) {
      this.running++;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const entry = {
        signal,
        grant: () => {
          signal?.removeEventListener('abort', entry.onAbort);
          this.running++;
          resolve(release);
        },
        onAbort: () => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(new AppError('CANCELLED', 'The analysis was cancelled.'));
        },
      };
      signal?.addEventListener('abort', entry.onAbort, { once: true });
      this.waiting.push(entry);
      onQueued?.(this.waiting.length);
    });
  }
}

const DEFAULT_LIMIT = 2;

function limitFromEnv(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : DEFAULT_LIMIT;
}

/** The slots every analysis of this process shares (TALLY_ANALYSIS_CONCURRENCY overrides the 2). */
export const analysisSlots = new WorkerSlots(limitFromEnv(process.env.TALLY_ANALYSIS_CONCURRENCY));
