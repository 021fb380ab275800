import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import type { ProcedureName } from '../../../shared/contract';
import { monitoredRows, writePredictions } from '../../fixtures/predictions/generate';
import { call, seedRun, type SeedRun } from '../../support/seed-runs';

/** The ids of everything the accessibility suite opens a page for. */
export interface A11yWorkspace {
  projectId: string;
  trainDatasetId: string;
  testDatasetId: string;
  checkRunId: string;
  runIds: string[];
  scenarioId: string;
  evaluationIds: string[];
  monitorId: string;
  /** The folder holding the data and predictions files (the pickers are opened on it). */
  folder: string;
}

const H = 3_600_000;
const DAY = 24 * H;
/** Days around today (the backend's clock is the real one), so budgets and forecasts look alike on any day. */
const todayMs = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const dayOf = (offset: number) => new Date(todayMs + offset * DAY).toISOString().slice(0, 10);

const FINAL = new Set(['done', 'failed', 'cancelled']);

/** Starts a worker task and waits for its final task.progress event (no polling), then reads its state. */
async function runTask<T extends { state: string }>(backend: Backend, start: ProcedureName, input: unknown, status: ProcedureName): Promise<T> {
  let taskId: string | undefined;
  const early = new Set<string>();
  let resolveFinal: () => void = () => undefined;
  const final = new Promise<void>((resolve) => (resolveFinal = resolve));
  const unsubscribe = backend.subscribe((e) => {
    if (e.type !== 'task.progress' || !FINAL.has(e.payload.phase)) return;
    if (taskId === undefined) early.add(e.payload.taskId);
    else if (e.payload.taskId === taskId) resolveFinal();
  });
  try {
    const started = await backend.dispatch(start, input as never);
    if (!started.ok) throw new Error(`${start} failed: ${started.error.code} ${started.error.message}`);
    taskId = (started.value as { taskId: string }).taskId;
    if (early.has(taskId)) resolveFinal();
    await final;
    const state = await call(backend.dispatch, status, { taskId } as never);
    const task = state as unknown as T & { error?: unknown };
    if (task.state !== 'succeeded') throw new Error(`${start} ended ${task.state}: ${JSON.stringify(task.error)}`);
    return task;
  } finally {
    unsubscribe();
  }
}

/** Training runs with loss curves, parameters and priced compute, as an MLflow client logs them; one still running. */
function trainingRuns(): SeedRun[] {
  const t0 = todayMs - 6 * DAY + 8 * H;
  const curve = (start: number, rate: number) => Array.from({ length: 40 }, (_, i) => Math.round((start * Math.exp(-rate * i) + 0.05) * 1e4) / 1e4);
  return [
    { name: 'churn-large', startTime: t0, endTime: t0 + 3 * H, params: { lr: '0.001', layers: '12' }, tags: { team: 'growth' }, metrics: { loss: curve(1.2, 0.09), f1: curve(0.2, -0.01) }, compute: { hardwareId: 'h100-sxm', devices: 8 } },
    { name: 'churn-small', startTime: t0 + 4 * H, endTime: t0 + 5 * H, params: { lr: '0.003', layers: '4' }, tags: { team: 'growth' }, metrics: { loss: curve(1.1, 0.05), f1: curve(0.15, -0.008) }, compute: { hardwareId: 'a100-80gb', devices: 1 } },
    { name: 'churn-tiny', startTime: t0 + 6 * H, endTime: t0 + 6.5 * H, params: { lr: '0.01', layers: '2' }, metrics: { loss: curve(1.0, 0.03) }, compute: { hardwareId: 'a100-80gb', devices: 1 } },
    { name: 'churn-failed', status: 'FAILED', startTime: t0 + 7 * H, endTime: t0 + 7.2 * H, params: { lr: '0.1', layers: '12' }, metrics: { loss: [1.3, 2.5, Number.NaN] } },
    { name: 'churn-sweep', status: 'RUNNING', startTime: Date.now() - 2 * H, params: { lr: '0.002', layers: '8' }, metrics: { loss: curve(1.2, 0.07).slice(0, 12) }, compute: { hardwareId: 'a100-80gb', devices: 2 } },
  ];
}

/**
 * One realistic project through the real backend and its analysis worker: a budget with a monthly
 * cap and ledger spend, a saved training plan carried out by an experiment of five runs, train and
 * test files checked against each other (planted overlap and e-mail addresses, so the report has
 * failures, warnings and every chart), two evaluations linked to their runs, and a drift monitor
 * with a calm and a shifted batch. A second and an archived project fill the list.
 */
export async function seedA11yWorkspace(dataDir: string, fixturesDir: string): Promise<A11yWorkspace> {
  const folder = join(dataDir, 'incoming');
  mkdirSync(folder, { recursive: true });
  for (const f of ['train.csv', 'test.csv']) copyFileSync(join(fixturesDir, f), join(folder, f));
  writePredictions(folder, 'churn-large.csv', monitoredRows(1500, { seed: 7, day: dayOf(-5), noise: 0.3 }));
  writePredictions(folder, 'churn-small.csv', monitoredRows(1500, { seed: 8, day: dayOf(-5), noise: 0.45 }));
  const march = writePredictions(folder, 'batch-calm.csv', monitoredRows(1500, { seed: 9, day: dayOf(-3) }));
  const april = writePredictions(folder, 'batch-shifted.csv', monitoredRows(1500, { seed: 10, day: dayOf(-1), older: 25, noise: 0.55 }));

  const backend = createBackend({ dataDir, host: 'test' });
  const d = backend.dispatch;
  try {
    const p = await call(d, 'projects.create', { name: 'Churn model', budgetCents: 500_000, monthlyCapCents: 300_000, startDate: dayOf(-20), endDate: dayOf(40), notes: 'Predict which customers leave next month.' });
    await call(d, 'projects.create', { name: 'Forecasting', budgetCents: 120_000 });
    const old = await call(d, 'projects.create', { name: 'Old prototype' });
    await call(d, 'projects.archive', { id: old.id });

    await call(d, 'ledger.add', { projectId: p.id, date: dayOf(-15), amountCents: 30_000, category: 'api', description: 'Labelling service' });
    await call(d, 'ledger.add', { projectId: p.id, date: dayOf(-5), amountCents: 12_000, category: 'storage', description: 'Object storage' });
    await call(d, 'rates.set', { projectId: p.id, hardwareId: 'a100-80gb', pricePerDeviceHour: 1.6, note: 'Reserved for a year', asOf: dayOf(-10) });

    const scenario = await call(d, 'scenarios.create', { projectId: p.id, name: '40 H100 hours', kind: 'training', input: { hardware: 'h100-sxm', gpuHours: 40, gpus: 1, pricePerGpuHourUsd: { p10: 8, p50: 10, p90: 14 } } });
    const experiment = await call(d, 'experiments.create', { projectId: p.id, name: 'churn' });
    await call(d, 'experiments.update', { id: experiment.id, patch: { scenarioId: scenario.id } });
    const runIds: string[] = [];
    for (const run of trainingRuns()) runIds.push(await seedRun(d, experiment.id, run));

    const train = await call(d, 'datasets.register', { projectId: p.id, path: join(folder, 'train.csv'), role: 'training' });
    const test = await call(d, 'datasets.register', { projectId: p.id, path: join(folder, 'test.csv'), role: 'test' });
    await runTask(backend, 'checks.start', { projectId: p.id, datasetId: train.id, target: 'churned', id: 'customer_id', time: 'signup' }, 'checks.status');
    const check = await runTask<{ state: string; runId: string }>(
      backend,
      'checks.start',
      {
        projectId: p.id,
        datasetId: test.id,
        referenceDatasetId: train.id,
        target: 'churned',
        id: 'customer_id',
        time: 'signup',
        population: { region: { north: 0.4, south: 0.3, east: 0.2, west: 0.1 } },
      },
      'checks.status',
    );

    const roles = { label: 'label', score: 'score', time: 'ts', slices: ['region'] };
    const costs = { falsePositiveMicros: 5_000_000, falseNegativeMicros: 50_000_000 };
    const evaluationIds: string[] = [];
    for (const [name, runId] of [
      ['churn-large', runIds[0]!],
      ['churn-small', runIds[1]!],
    ] as const) {
      const task = await runTask<{ state: string; evaluationId: string }>(
        backend,
        'evaluations.start',
        { projectId: p.id, path: join(folder, `${name}.csv`), name, roles, runId, datasetId: test.id, options: { costs, gates: ['f1>=0.6', 'slice_min(recall)>=0.5'], bootstrapSamples: 200, seed: 1 } },
        'evaluations.status',
      );
      evaluationIds.push(task.evaluationId);
    }
    const monitor = await call(d, 'monitors.create', { projectId: p.id, name: 'Churn in production', reference: { kind: 'evaluation', evaluationId: evaluationIds[0]! } });
    for (const path of [march, april]) await runTask(backend, 'monitors.addBatch', { monitorId: monitor.id, path }, 'monitors.status');

    return { projectId: p.id, trainDatasetId: train.id, testDatasetId: test.id, checkRunId: check.runId, runIds, scenarioId: scenario.id, evaluationIds, monitorId: monitor.id, folder };
  } finally {
    backend.close();
  }
}
