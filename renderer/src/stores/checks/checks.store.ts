import { create } from 'zustand';
import type { CheckRun, CheckRunSummary, CheckStartInput, CheckTask } from '../../../../shared/contract/checks';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { api } from '../../api/client';
import { asError } from '../datasets/datasets.store';
import { withProgress } from './checks.selectors';

/** How often a running task's status is read; events fill the bar in between. */
const POLL_MS = 250;

interface ChecksState {
  runs: CheckRunSummary[];
  runsError: AppErrorData | null;
  latest: CheckRunSummary | null;
  latestProjectId: string | null;
  run: CheckRun | null;
  runError: AppErrorData | null;
  /** The analysis in progress (or the last one, with its end state). */
  task: CheckTask | null;
  startError: AppErrorData | null;
  loadRuns(projectId: string): Promise<void>;
  loadLatest(projectId: string): Promise<void>;
  openRun(runId: string): Promise<void>;
  /** Resolves when the task ends (succeeded, failed or cancelled) with its final state. */
  start(input: CheckStartInput): Promise<CheckTask | null>;
  cancel(): Promise<void>;
  clearTask(): void;
  exportHtml(runId: string): Promise<{ html: string; fileName: string }>;
}

/** Check runs: the only code that calls checks.* and listens to task.progress. */
export const useChecks = create<ChecksState>((set, get) => ({
  runs: [],
  runsError: null,
  latest: null,
  latestProjectId: null,
  run: null,
  runError: null,
  task: null,
  startError: null,
  async loadRuns(projectId) {
    try {
      set({ runs: await api().call('checks.list', { projectId }), runsError: null });
    } catch (e) {
      set({ runsError: asError(e) });
    }
  },
  async loadLatest(projectId) {
    set({ latestProjectId: projectId, ...(get().latestProjectId !== projectId ? { latest: null } : {}) });
    try {
      const latest = await api().call('checks.latest', { projectId });
      if (get().latestProjectId === projectId) set({ latest });
    } catch {
      // The overview panel then says no check has run; the projects page must not fail for it.
      set({ latest: null });
    }
  },
  async openRun(runId) {
    set({ run: get().run?.id === runId ? get().run : null, runError: null });
    try {
      set({ run: await api().call('checks.get', { runId }) });
    } catch (e) {
      set({ runError: asError(e) });
    }
  },
  async start(input) {
    set({ startError: null, task: null });
    let taskId: string;
    try {
      taskId = (await api().call('checks.start', input)).taskId;
    } catch (e) {
      set({ startError: asError(e) });
      return null;
    }
    const unsubscribe = api().subscribe((event) => {
      const task = get().task;
      if (event.type === 'task.progress' && event.payload.taskId === taskId && task?.state === 'running') set({ task: withProgress(task, event.payload) });
    });
    try {
      for (;;) {
        const task = await api().call('checks.status', { taskId });
        // Keep the event's fresher byte count when the status read is older.
        const current = get().task;
        set({ task: current && current.taskId === taskId && task.state === 'running' && current.bytes > task.bytes ? { ...task, bytes: current.bytes } : task });
        if (task.state !== 'running') return task;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } catch (e) {
      set({ startError: asError(e) });
      return null;
    } finally {
      unsubscribe();
    }
  },
  async cancel() {
    const task = get().task;
    if (!task || task.state !== 'running') return;
    try {
      set({ task: await api().call('checks.cancel', { taskId: task.taskId }) });
    } catch (e) {
      set({ startError: asError(e) });
    }
  },
  clearTask() {
    set({ task: null, startError: null });
  },
  async exportHtml(runId) {
    return api().call('checks.exportHtml', { runId });
  },
}));
