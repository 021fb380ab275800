import { describe, expect, it } from 'vitest';
import { withTaskProgress } from './task-progress';

const task = { phase: 'hashing', rows: 10, bytes: 0, totalBytes: null as number | null, taskId: 't1' };

describe('a task.progress event folded into a task', () => {
  it('takes bytes, file size and phase, and rows from an "N rows read" message', () => {
    const t = withTaskProgress(task, { phase: 'reading', done: 2048, total: 4096, message: '1,234 rows read' });
    expect([t.phase, t.bytes, t.totalBytes, t.rows, t.taskId]).toEqual(['reading', 2048, 4096, 1234, 't1']);
  });
  it('keeps the row count without a message, or when the message is not a row count', () => {
    expect(withTaskProgress(task, { phase: 'checking', done: 0, total: null }).rows).toBe(10);
    expect(withTaskProgress(task, { phase: 'failed', done: 0, total: null, message: 'train.csv, line 7: 3 fields where 4 were expected' }).rows).toBe(10);
  });
});
