import type { BackendContext } from '../context';

/**
 * Group commit for tracking writes (ARCHITECTURE.md section 3). Concurrent requests each submit
 * their work; one flush, scheduled with setImmediate, runs every waiting job inside ONE
 * transaction, each job in its own savepoint. A job that throws rolls back to its savepoint and
 * rejects only its own caller; the others commit. Every promise settles after the COMMIT, so a
 * resolved write is committed (WAL with synchronous=NORMAL: durable across a killed process
 * without an fsync per request). If the COMMIT itself fails, every job of the group rejects.
 */
interface Job {
  work: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export interface GroupCommitStats {
  /** Transactions committed by the queue. */
  flushes: number;
  /** Jobs that ran in them (resolved or rejected). */
  jobs: number;
}

class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;
  readonly stats: GroupCommitStats = { flushes: 0, jobs: 0 };

  // The context, not its db: restoring a backup swaps ctx.db for a new connection.
  constructor(private readonly ctx: BackendContext) {}

  submit<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  flush(): void {
    this.scheduled = false;
    const jobs = this.queue;
    this.queue = [];
    const db = this.ctx.db;
    if (jobs.length === 0 || !db.open) {
      for (const j of jobs) j.reject(new Error('the workspace was closed before this write ran'));
      return;
    }
    const outcomes: Array<{ ok: boolean; value: unknown }> = [];
    try {
      // IMMEDIATE: take the write lock up front (waiting out another Tally process by the busy
      // timeout) rather than fail when a read inside has to become a write.
      db.transaction(() => {
        for (const j of jobs) {
          try {
            outcomes.push({ ok: true, value: db.transaction(j.work)() });
          } catch (error) {
            outcomes.push({ ok: false, value: error });
          }
        }
      }).immediate();
    } catch (error) {
      for (const j of jobs) j.reject(error);
      return;
    }
    this.stats.flushes += 1;
    this.stats.jobs += jobs.length;
    jobs.forEach((j, i) => {
      const o = outcomes[i]!;
      if (o.ok) j.resolve(o.value);
      else j.reject(o.value);
    });
  }
}

const queues = new WeakMap<BackendContext, GroupCommit>();

function queueOf(ctx: BackendContext): GroupCommit {
  let q = queues.get(ctx);
  if (!q) queues.set(ctx, (q = new GroupCommit(ctx)));
  return q;
}

/** Runs `work` in the next group transaction; resolves with its result once committed. */
export function groupWrite<T>(ctx: BackendContext, work: () => T): Promise<T> {
  return queueOf(ctx).submit(work);
}

/** Runs the waiting writes now (the backend closes: nothing acknowledged may be left behind). */
export function flushGroupWrites(ctx: BackendContext): void {
  queues.get(ctx)?.flush();
}

export function groupCommitStats(ctx: BackendContext): GroupCommitStats {
  return { ...queueOf(ctx).stats };
}
