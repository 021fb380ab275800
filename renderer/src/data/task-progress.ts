import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../shared/contract/events';
import type { AppErrorData } from '../../../shared/domain/errors';
import { onBackendEvent } from './event-stream';

export type TaskProgress = EventPayload<'task.progress'>;

/** The latest `task.progress` event of one task while `taskId` is set (null before the first). */
export function useTaskProgress(taskId: string | null): TaskProgress | null {
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  useEffect(() => {
    if (taskId === null) return;
    return onBackendEvent((event) => {
      if (event.type === 'task.progress' && event.payload.taskId === taskId) setProgress(event.payload);
    });
  }, [taskId]);
  // An older task's last event is never shown for a new one.
  return progress !== null && progress.taskId === taskId ? progress : null;
}

interface Progressing {
  phase: string;
  rows: number;
  bytes: number;
  totalBytes: number | null;
}

/**
 * Folds a task.progress event into a task (a check, an evaluation, a monitor batch): done = bytes
 * read, total = file size, a message "N rows read" = rows. Any other message (an error's text)
 * leaves the row count as it was.
 */
export function withTaskProgress<T extends Progressing>(task: T, p: { phase: string; done: number; total: number | null; message?: string | undefined }): T {
  const m = p.message ? /^(\d[\d,]*) rows/.exec(p.message) : null;
  return { ...task, phase: p.phase, bytes: p.done, totalBytes: p.total, rows: m ? Number(m[1]!.replace(/,/g, '')) : task.rows };
}

/** A failed or cancelled task's error in the shape error banners take. */
export function taskProblem(error: { code: string; message: string; location?: AppErrorData['location'] } | null | undefined): AppErrorData | null {
  if (!error) return null;
  return { code: error.code as AppErrorData['code'], message: error.message, ...(error.location ? { location: error.location } : {}) };
}
