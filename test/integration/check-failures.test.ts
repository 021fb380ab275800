import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckRunSummary, CheckTask } from '../../shared/contract/checks';
import type { Dataset } from '../../shared/contract/datasets';
import { customers, writeCsv } from '../fixtures/check/generate';
import { stopBackgroundTasks } from '../../electron/backend/services/background-tasks';
import { testBackend } from '../support/temp';
import { newProject, runCheck, value } from './check-support';

function storedRuns(t: ReturnType<typeof testBackend>): number {
  return (t.backend.context.db.prepare('SELECT COUNT(*) AS n FROM check_runs').get() as { n: number }).n;
}

describe('check runs that do not finish store nothing', () => {
  let t: ReturnType<typeof testBackend>;
  afterEach(() => t?.cleanup());

  it('cancel mid-run: the task is CANCELLED, no run row, the dataset is not marked analysed', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const file = writeCsv(t.dir, 'big.csv', customers(200_000));
    const ds = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: file }));
    let cancelled: ReturnType<typeof t.backend.dispatch> | undefined;
    const phases: string[] = [];
    const task = await runCheck(t.backend, { projectId, datasetId: ds.id }, (phase, taskId) => {
      phases.push(phase);
      if (phase === 'reading' && !cancelled) cancelled = t.backend.dispatch('checks.cancel', { taskId });
    });
    const cancelResult = value<CheckTask>(await cancelled!);
    expect(cancelResult.state).toBe('cancelled');
    expect(task).toMatchObject({ state: 'cancelled', runId: null, error: { code: 'CANCELLED' } });
    expect(phases).not.toContain('done');
    expect(storedRuns(t)).toBe(0);
    expect(value<CheckRunSummary | null>(await t.backend.dispatch('checks.latest', { projectId }))).toBeNull();
    expect(value<Dataset>(await t.backend.dispatch('datasets.get', { id: ds.id }))).toMatchObject({ analysedAt: null, latestRunId: null });
    // Cancelling a finished task changes nothing.
    expect(value<CheckTask>(await t.backend.dispatch('checks.cancel', { taskId: task.taskId })).state).toBe('cancelled');
  });

  it('stopBackgroundTasks (for the backend closing) cancels running analyses and stores nothing', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const ds = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: writeCsv(t.dir, 'big.csv', customers(200_000)) }));
    let stopped = false;
    const task = await runCheck(t.backend, { projectId, datasetId: ds.id }, (phase) => {
      if (phase === 'reading' && !stopped) {
        stopped = true;
        stopBackgroundTasks(t.backend.context);
      }
    });
    expect(task).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED', message: 'The check was stopped because Tally is closing. Nothing was saved.' } });
    expect(storedRuns(t)).toBe(0);
  });

  it('a worker crash is WORKER_CRASHED with no run row, and the backend keeps working', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const ds = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: writeCsv(t.dir, 'c.csv', customers(2000)) }));
    process.env.TALLY_ANALYSIS_TEST_CRASH = 'exit';
    let task: CheckTask;
    try {
      task = await runCheck(t.backend, { projectId, datasetId: ds.id });
    } finally {
      delete process.env.TALLY_ANALYSIS_TEST_CRASH;
    }
    expect(task).toMatchObject({ state: 'failed', runId: null, error: { code: 'WORKER_CRASHED' } });
    expect(task.error!.message).toMatch(/stopped unexpectedly.*exited with code 137.*ran out of memory/);
    expect(storedRuns(t)).toBe(0);
    // The app is unaffected: the next run succeeds.
    expect((await runCheck(t.backend, { projectId, datasetId: ds.id })).state).toBe('succeeded');
    expect(storedRuns(t)).toBe(1);
  });

  it("the worker's own stderr reaches the log when it fails (the user sees a plain message)", async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const ds = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: writeCsv(t.dir, 'c.csv', customers(200)) }));
    process.env.TALLY_ANALYSIS_TEST_CRASH = 'throw';
    let task: CheckTask;
    try {
      task = await runCheck(t.backend, { projectId, datasetId: ds.id });
    } finally {
      delete process.env.TALLY_ANALYSIS_TEST_CRASH;
    }
    expect(task.error?.code).toBe('WORKER_CRASHED');
    expect(task.error?.message).not.toMatch(/test crash requested/);
    const logged = t.logger.lines.find((l) => l.level === 'error' && l.message.startsWith('the analysis worker failed'));
    expect(String(logged?.data)).toMatch(/Error: test crash requested/);
  });

  it('a malformed file is PARSE_ERROR with file, line and column, and stores nothing', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const file = join(t.dir, 'ragged.csv');
    writeFileSync(file, 'a,b,c\n1,2,3\n4,5,6\n7,8,9,10\n11,12,13\n');
    const ds = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: file }));
    const task = await runCheck(t.backend, { projectId, datasetId: ds.id });
    expect(task.state).toBe('failed');
    expect(task.error).toMatchObject({ code: 'PARSE_ERROR', location: { file, line: 4 } });
    expect(task.error!.location!.column).toBeGreaterThan(0);
    expect(task.error!.message).toMatch(/^ragged\.csv, line 4, column \d+: .*expected 3/);
    expect(storedRuns(t)).toBe(0);
  });

  it('an unknown target column is refused before reading, naming the columns', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const ds = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: writeCsv(t.dir, 'n.csv', customers(20)) }));
    const task = await runCheck(t.backend, { projectId, datasetId: ds.id, target: 'label' });
    expect(task.error).toMatchObject({ code: 'PARSE_ERROR' });
    expect(task.error!.message).toContain('has no column named "label"');
    expect(storedRuns(t)).toBe(0);
  });

  it('refuses unusable files at registration with a precise error and records nothing', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const empty = join(t.dir, 'empty.csv');
    writeFileSync(empty, '');
    expect(await t.backend.dispatch('datasets.register', { projectId, path: empty })).toMatchObject({
      ok: false,
      error: { code: 'PARSE_ERROR', message: 'empty.csv: the file is empty; expected a header line and at least one data row.', location: { file: empty } },
    });
    expect(await t.backend.dispatch('datasets.register', { projectId, path: join(t.dir, 'nope.csv') })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    expect(await t.backend.dispatch('datasets.register', { projectId, path: 'relative.csv' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.backend.dispatch('datasets.register', { projectId: 'nope', path: empty })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(value<Dataset[]>(await t.backend.dispatch('datasets.list', { projectId }))).toEqual([]);
    expect(await t.backend.dispatch('checks.status', { taskId: 'unknown' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
