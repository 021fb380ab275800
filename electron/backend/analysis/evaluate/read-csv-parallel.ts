/**
 * A large UTF-8 predictions CSV read on two threads: the file is cut into line-aligned byte
 * ranges, each read into typed columns on its own thread (the last on this one), and the columns
 * joined in file order. Returns null when the split cannot be trusted (a quoted newline, a bad
 * cell, a thread that failed): the caller then reads on one thread, which also gives exact lines.
 */
import { closeSync, openSync } from 'node:fs';
import type { CsvDialect } from '../read/csv-scanner';
import type { DetectedFormat } from '../read/format-detector';
import { bytesPerRow, nextLineStart, threadEntry } from '../profile-csv';
import { startThread } from '../parallel/start-thread';
import { mergeColumns } from './merge-columns';
import { runPredictionRange, type PredictionRangeTask } from './prediction-range';
import type { PredictionColumns } from './prediction-readers';
import type { ResolvedRoles } from './resolve-roles';

export async function readCsvInParallel(
  file: string,
  detected: DetectedFormat,
  names: string[],
  dialect: CsvDialect,
  hasHeader: boolean,
  roles: ResolvedRoles,
  threads: number,
  onProgress: (bytes: number, rows: number) => void,
): Promise<PredictionColumns | null> {
  const fd = openSync(file, 'r');
  const bounds: number[] = [];
  try {
    const start = hasHeader ? nextLineStart(fd, detected.encoding.bomLength, detected.size) : detected.encoding.bomLength;
    bounds.push(start);
    const step = (detected.size - start) / threads;
    for (let t = 1; t < threads; t++) bounds.push(Math.max(bounds[t - 1]!, nextLineStart(fd, Math.floor(start + t * step), detected.size)));
    bounds.push(detected.size);
  } finally {
    closeSync(fd);
  }
  const perRow = bytesPerRow(detected);
  const tasks: PredictionRangeTask[] = [];
  for (let t = 0; t < threads; t++) {
    tasks.push({ kind: 'predictions', file, start: bounds[t]!, end: bounds[t + 1]!, names, dialect, roles, firstLine: t === 0 ? (hasHeader ? 2 : 1) : 1, bytesPerRow: perRow });
  }
  const progress = tasks.map(() => ({ bytes: 0, rows: 0 }));
  const report = () => onProgress(progress.reduce((s, p) => s + p.bytes, 0), progress.reduce((s, p) => s + p.rows, 0));
  const entry = threadEntry();
  // The first ranges run on threads; the last on this one (one thread fewer to start).
  const running = tasks.slice(0, -1).map(
    (task, t) =>
      new Promise<PredictionColumns | null>((resolve) => {
        const worker = startThread(entry, task);
        worker.on('message', (m: { type: string; bytes?: number; rows?: number; columns?: PredictionColumns }) => {
          if (m.type === 'progress') {
            progress[t] = { bytes: m.bytes!, rows: m.rows! };
            report();
            return;
          }
          resolve(m.type === 'done' ? m.columns! : null);
          void worker.terminate();
        });
        worker.on('error', () => resolve(null));
      }),
  );
  const last = tasks.length - 1;
  let local: PredictionColumns | null;
  try {
    local = runPredictionRange(tasks[last]!, (bytes, rows) => {
      progress[last] = { bytes, rows };
      report();
    });
  } catch {
    local = null;
  }
  const parts = [...(await Promise.all(running)), local];
  if (parts.some((p) => p === null)) return null;
  return mergeColumns(parts as PredictionColumns[]);
}
