import type { BackendContext } from '../context';

/**
 * `runs.changed` events, coalesced: changes are collected per experiment and sent at most once
 * per window (the first right after the write that caused it commits, then at most every
 * WINDOW_MS), so a storm of log-batch calls costs the UI a few refreshes a second. Sending waits
 * for setImmediate, after the group transaction that made the change has committed.
 */
const WINDOW_MS = 250;
const MAX_IDS = 1000;

class RunChangeNotifier {
  private pending = new Map<string, { projectId: string; runIds: Set<string>; all: boolean }>();
  private state: 'idle' | 'scheduled' | 'cooling' = 'idle';
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly ctx: BackendContext) {}

  note(projectId: string, experimentId: string | number, runId?: string): void {
    const key = String(experimentId);
    let p = this.pending.get(key);
    if (!p) this.pending.set(key, (p = { projectId, runIds: new Set(), all: false }));
    if (runId === undefined) p.all = true;
    else if (!p.all) {
      p.runIds.add(runId);
      if (p.runIds.size > MAX_IDS) p.all = true;
    }
    if (this.state === 'idle') {
      this.state = 'scheduled';
      setImmediate(() => this.fire());
    }
  }

  private fire(): void {
    if (this.pending.size === 0) {
      this.state = 'idle';
      return;
    }
    const batch = this.pending;
    this.pending = new Map();
    for (const [experimentId, p] of batch) {
      this.ctx.emit({ type: 'runs.changed', payload: { projectId: p.projectId, experimentId, runIds: p.all ? [] : [...p.runIds], allRuns: p.all } });
    }
    this.state = 'cooling';
    this.timer = setTimeout(() => {
      this.timer = null;
      this.fire();
    }, WINDOW_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
    this.state = 'idle';
  }
}

const notifiers = new WeakMap<BackendContext, RunChangeNotifier>();

function notifierOf(ctx: BackendContext): RunChangeNotifier {
  let n = notifiers.get(ctx);
  if (!n) notifiers.set(ctx, (n = new RunChangeNotifier(ctx)));
  return n;
}

/** Records that a run (or, without runId, every run) of an experiment changed. */
export function noteRunsChanged(ctx: BackendContext, projectId: string, experimentId: string | number, runId?: string): void {
  notifierOf(ctx).note(projectId, experimentId, runId);
}

export function stopTrackEvents(ctx: BackendContext): void {
  notifiers.get(ctx)?.stop();
}
