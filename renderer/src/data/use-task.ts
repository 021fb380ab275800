import { useEffect } from 'react';
import type { Input, Output } from '../../../shared/contract';
import { onBackendEvent } from './event-stream';
import { queryClient } from './query-client';
import { rpcKey, useRpcMutation, useRpcQuery } from './rpc-query';
import { withTaskProgress } from './task-progress';

type StatusName = 'checks.status' | 'evaluations.status' | 'monitors.status';
const CANCEL = { 'checks.status': 'checks.cancel', 'evaluations.status': 'evaluations.cancel', 'monitors.status': 'monitors.cancel' } as const;

/** How often a running task's status is read; progress events fill the bar in between. */
const POLL_MS = 250;

/**
 * A worker task (a data check, an evaluation, a monitor batch) followed through the cache: its
 * status is read until it ends (polling while it runs), `task.progress` events move the bar
 * between reads, and `cancel` stops it.
 */
export function useTask<N extends StatusName>(statusName: N, taskId: string | null) {
  const status = useRpcQuery(statusName, { taskId: taskId ?? '' } as Input<N>, {
    enabled: taskId !== null,
    refetchInterval: (q) => ((q.state.data as { state?: string } | undefined)?.state === 'running' ? POLL_MS : false),
  });
  useEffect(() => {
    if (!taskId) return;
    const key = rpcKey(statusName, { taskId } as Input<N>);
    return onBackendEvent((event) => {
      if (event.type !== 'task.progress' || event.payload.taskId !== taskId) return;
      queryClient().setQueryData<Output<N>>(key, (t) => (t && t.state === 'running' ? (withTaskProgress(t, event.payload) as Output<N>) : t));
    });
  }, [statusName, taskId]);
  const cancel = useRpcMutation(CANCEL[statusName], {
    invalidates: [],
    onSuccess: (t) => queryClient().setQueryData(rpcKey(statusName, { taskId: t.taskId } as Input<N>), t),
  });
  return {
    task: taskId ? (status.data ?? null) : null,
    error: status.error ?? cancel.error ?? null,
    cancel: () => taskId && cancel.mutate({ taskId } as Input<(typeof CANCEL)[N]>),
  };
}
