import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../shared/contract/events';
import { api } from '../api/client';

export type TaskProgress = EventPayload<'task.progress'>;

/** The latest `task.progress` event of one task while `taskId` is set (null before the first). */
export function useTaskProgress(taskId: string | null): TaskProgress | null {
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  useEffect(() => {
    if (taskId === null) return;
    return api().subscribe((event) => {
      if (event.type === 'task.progress' && event.payload.taskId === taskId) setProgress(event.payload);
    });
  }, [taskId]);
  // An older task's last event is never shown for a new one.
  return progress !== null && progress.taskId === taskId ? progress : null;
}
