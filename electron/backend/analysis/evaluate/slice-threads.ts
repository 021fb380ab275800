/**
 * Slices evaluated on two threads. Each slice's subset (its metrics and bootstrap intervals) is
 * independent of the others and has its own seed (planSlices), so about half the work runs on a
 * worker thread while this thread runs the rest, and the report is exactly evaluateSlices's. Small
 * plans stay on this thread: starting a thread costs about 0.1 s. So does a busy machine: a second
 * thread costs about 15% more CPU in all (its start, and code compiled again in its isolate), which
 * pays only when a core is free; measured on 1M rows in 9 slices, 1.8 s against 2.4 s on an idle
 * 2-core machine, 8.2 s against 7.2 s with both cores taken by other work. A thread that fails
 * hands its subsets back to this thread, which then reports any real problem itself.
 */
import { BOOTSTRAP_RESAMPLES, evaluateSubset, type BootstrapOptions, type SliceEvaluation, type SlicePlan, type SubsetResult } from '../../../../shared/evaluation';
import { availableParallelism, loadavg } from 'node:os';
import { startThread } from '../parallel/start-thread';
import { threadEntry } from '../profile-csv';
import type { SliceSubsetTask } from './slice-subsets';

/**
 * A subset's work in rough units: its rows (picked, sorted and walked), plus about 300 rows' worth
 * per bootstrap resample (a few thousand binomial draws over at most 2,000 score groups).
 */
function work(rows: number, boot: BootstrapOptions): number {
  return rows + 300 * (boot.resamples ?? BOOTSTRAP_RESAMPLES);
}

/** Below this much work the slices run on this thread. 1M rows in 10 slices with 1,000 resamples is about 4M. */
export const SLICE_THREAD_MIN_WORK = 2_000_000;

/** A core is free for a second thread: the last minute's load leaves one (loadavg is 0 where the system has none, e.g. Windows). */
export function spareCore(): boolean {
  return loadavg()[0]! <= availableParallelism() - 1;
}

function onThread(task: SliceSubsetTask): Promise<SubsetResult[] | null> {
  return new Promise((resolve) => {
    const worker = startThread(threadEntry(), task);
    worker.on('message', (m: { type: string; results?: SubsetResult[] }) => {
      resolve(m.type === 'done' ? m.results! : null);
      void worker.terminate();
    });
    worker.on('error', () => resolve(null));
  });
}

/**
 * results[c][s] for plan.columns[c].slices[s], the same as evaluating each subset here in turn;
 * onThread counts the subsets the second thread evaluated.
 */
export async function evaluatePlannedSlices(evaluation: SliceEvaluation, plan: SlicePlan, options: { threads: number; minWork?: number; spareCore?: boolean }): Promise<{ results: SubsetResult[][]; onThread: number }> {
  const all = plan.columns.flatMap((c, ci) => c.slices.map((s, si) => ({ ci, si, rows: s.rows, boot: s.boot, work: work(s.rows.length, s.boot) })));
  const results = plan.columns.map((c) => new Array<SubsetResult>(c.slices.length));
  const total = all.reduce((s, x) => s + x.work, 0);
  // Largest first into the lighter of two lists: the thread's list and this thread's.
  const there: typeof all = [];
  const here: typeof all = [];
  if (options.threads >= 2 && all.length >= 2 && total >= (options.minWork ?? SLICE_THREAD_MIN_WORK) && (options.spareCore ?? spareCore())) {
    let a = 0;
    let b = 0;
    for (const x of [...all].sort((p, q) => q.work - p.work)) {
      if (a <= b) {
        there.push(x);
        a += x.work;
      } else {
        here.push(x);
        b += x.work;
      }
    }
  } else here.push(...all);
  const running = there.length > 0 ? onThread({ kind: 'slice-subsets', evaluation, subsets: there.map((x) => ({ rows: x.rows, boot: x.boot })) }) : Promise.resolve([]);
  for (const x of here) results[x.ci]![x.si] = evaluateSubset(evaluation, x.rows, x.boot);
  const fromThread = await running;
  there.forEach((x, k) => {
    results[x.ci]![x.si] = fromThread?.[k] ?? evaluateSubset(evaluation, x.rows, x.boot);
  });
  return { results, onThread: fromThread === null ? 0 : there.length };
}
