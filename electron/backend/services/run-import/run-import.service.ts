import { isAbsolute } from 'node:path';
import type { z } from 'zod';
import type { RunImportInput, RunImportResult } from '../../../../shared/contract/runs-io';
import { invalidInput } from '../../../../shared/domain/errors';
import type { BackendContext } from '../../context';
import { importMlruns } from '../import-mlruns/mlruns-import';
import { importRunsCsv } from './csv-import';
import { ImportReport } from './import-report';
import { checkProjectChoice, type ProjectChoice } from './import-experiments';
import { importRunsJson } from './json-import';

/**
 * runs.import: an mlruns folder, or a CSV / JSON file of runs (the layout runs.export writes).
 * Progress goes out as `task.progress` events under the caller's task id while it runs.
 */
type Input = z.output<typeof RunImportInput>;

export async function importRuns(ctx: BackendContext, input: Input): Promise<RunImportResult> {
  if (!isAbsolute(input.path)) throw invalidInput('path', `"${input.path}" is not an absolute path; give the full path.`);
  const choice: ProjectChoice = input.projectId !== undefined ? { projectId: input.projectId } : input.projectName !== undefined ? { projectName: input.projectName } : null;
  checkProjectChoice(ctx, choice);
  const taskId = input.taskId ?? ctx.newId();
  const progress = (done: number, total: number | null, message: string) => ctx.emit({ type: 'task.progress', payload: { taskId, phase: 'import', done, total, message } });
  const report = new ImportReport();
  progress(0, null, `reading ${input.path}`);
  if (input.kind === 'mlruns') await importMlruns(ctx, input.path, choice, report, progress);
  else if (input.kind === 'csv') await importRunsCsv(ctx, input.path, choice, report, progress);
  else await importRunsJson(ctx, input.path, choice, report, progress);
  const result = report.result(input.kind, input.path);
  ctx.emit({ type: 'task.progress', payload: { taskId, phase: 'done', done: result.runsCreated + result.runsUpdated, total: result.runsCreated + result.runsUpdated, message: `${result.runsCreated} runs imported, ${result.runsUpdated} updated, ${result.skipped.length + result.moreSkipped} entries skipped` } });
  return result;
}
