import type { z } from 'zod';
import type { CheckRun, CheckRunSummary, CheckStartInput, CheckTask } from '../../../shared/contract/checks';
import { AppError } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';

const notYet = () => new AppError('UNSUPPORTED', 'Data checks are being built; this procedure is not available yet.');

export function startCheck(_ctx: BackendContext, _input: z.output<typeof CheckStartInput>): Promise<{ taskId: string }> {
  throw notYet();
}
export function cancelCheck(_ctx: BackendContext, _taskId: string): CheckTask {
  throw notYet();
}
export function checkStatus(_ctx: BackendContext, _taskId: string): CheckTask {
  throw notYet();
}
export function getRun(_ctx: BackendContext, _runId: string): CheckRun {
  throw notYet();
}
export function listRuns(_ctx: BackendContext, _projectId: string): CheckRunSummary[] {
  throw notYet();
}
export function latestRun(_ctx: BackendContext, _projectId: string): CheckRunSummary | null {
  throw notYet();
}
export function exportRunHtml(_ctx: BackendContext, _runId: string): { html: string; fileName: string } {
  throw notYet();
}
