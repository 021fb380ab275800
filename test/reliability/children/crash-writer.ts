/**
 * The child process of the crash-consistency suite (bundled with esbuild, started with plain
 * node). It opens a real workspace through createBackend and writes through the dispatcher until
 * it is killed: a project, a scenario with its estimate, a dataset and a check run stored by the
 * worker, an experiment and a run whose metric batches are logged several at a time through the
 * group commit, and ledger entries. Every line on stdout is one JSON event:
 *   {"t":"ack", ...}    the write was acknowledged (its promise resolved ok): it must survive;
 *   {"t":"begin", ...}  a write was sent (a batch, a check): it may or may not survive, but whole;
 *   {"t":"phase", ...}  a check moved to a phase (the parent kills on some of them).
 * Argument: the data folder, the CSV to check, and a tag that makes this process's names unique.
 */
import { createBackend } from '../../../electron/backend/create-backend';
import { METRIC_KEY, POINTS_PER_BATCH, pointValue, type WriterEvent } from './crash-protocol';

const [dataDir, csvPath, tag] = process.argv.slice(2) as [string, string, string];
const BATCHES_IN_FLIGHT = 4;
const MIN_BATCHES = 8;
const MAX_BATCHES = 32;
const T0 = 1_767_225_600_000;

const emit = (event: WriterEvent): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};

// Never outlive the parent (it kills this process, but a crashed parent must not leave it running).
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) process.exit(1);
}, 200).unref();

const backend = createBackend({ dataDir, host: 'test', logger: { info: () => undefined, warn: () => undefined, error: (m, d) => process.stderr.write(`${m} ${String(d ?? '')}\n`) } });

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(name, input);
  if (!r.ok) {
    process.stderr.write(`${name} failed: ${r.error.code} ${r.error.message}\n`);
    process.exit(3);
  }
  return r.value as T;
}

/** Resolves with the run id once the check task is stored, announcing each phase as it goes. */
function checkDone(taskId: () => string | undefined): Promise<string> {
  return new Promise((resolve) => {
    const seen = new Set<string>();
    const off = backend.subscribe((e) => {
      if (e.type !== 'task.progress' || e.payload.taskId !== taskId()) return;
      const phase = e.payload.phase;
      if (!seen.has(phase)) {
        seen.add(phase);
        emit({ t: 'phase', kind: 'check', phase });
      }
      if (phase === 'done' || phase === 'failed' || phase === 'cancelled') {
        off();
        void call<{ state: string; runId: string | null; error: { message: string } | null }>('checks.status', { taskId: taskId() }).then((s) => {
          if (s.state !== 'succeeded' || !s.runId) {
            process.stderr.write(`the check did not succeed: ${s.error?.message ?? s.state}\n`);
            process.exit(3);
          }
          resolve(s.runId);
        });
      }
    });
  });
}

async function cycle(n: number): Promise<void> {
  const name = `P ${tag}.${n}`;
  const budgetCents = 100_000 + n;
  const project = await call<{ id: string }>('projects.create', { name, budgetCents });
  emit({ t: 'ack', kind: 'project', id: project.id, name, budgetCents });

  const scenarioName = `S ${tag}.${n}`;
  const scenario = await call<{ id: string; p50CostCents: number }>('scenarios.create', {
    projectId: project.id,
    name: scenarioName,
    kind: 'training',
    input: { hardware: 'a100-80gb', gpuHours: 100 + n, pricePerGpuHourUsd: { p10: 1.5, p50: 2, p90: 4 } },
  });
  emit({ t: 'ack', kind: 'scenario', id: scenario.id, projectId: project.id, name: scenarioName, p50CostCents: scenario.p50CostCents });

  const dataset = await call<{ id: string; hash: string }>('datasets.register', { projectId: project.id, path: csvPath });
  emit({ t: 'ack', kind: 'dataset', id: dataset.id, projectId: project.id, hash: dataset.hash });

  // Subscribed before the start, so no event of the task can be missed.
  const task: { id?: string } = {};
  const stored = checkDone(() => task.id);
  const taskId = (await call<{ taskId: string }>('checks.start', { projectId: project.id, datasetId: dataset.id })).taskId;
  task.id = taskId;
  emit({ t: 'begin', kind: 'check', taskId, projectId: project.id });
  let checkFinished = false;
  const check = stored.then((runId) => {
    checkFinished = true;
    emit({ t: 'ack', kind: 'check', id: runId, projectId: project.id, datasetId: dataset.id, hash: dataset.hash });
  });

  const experimentName = `E ${tag}.${n}`;
  const experiment = await call<{ id: string }>('experiments.create', { projectId: project.id, name: experimentName });
  emit({ t: 'ack', kind: 'experiment', id: experiment.id, projectId: project.id, name: experimentName });
  const run = await call<{ id: string }>('runs.create', { experimentId: experiment.id, name: `R ${tag}.${n}`, startTime: T0 });
  emit({ t: 'ack', kind: 'run', id: run.id, experimentId: experiment.id });

  // Metric batches several at a time (they share group commits) while the check runs, ledger
  // entries in between: at least MIN_BATCHES and at most MAX_BATCHES a cycle, so the workspace
  // grows by a bounded amount per kill.
  let next = 0;
  const writer = async (): Promise<void> => {
    while (next < MIN_BATCHES || (!checkFinished && next < MAX_BATCHES)) {
      const batch = next++;
      const metrics = Array.from({ length: POINTS_PER_BATCH }, (_, i) => {
        const step = batch * POINTS_PER_BATCH + i;
        return { key: METRIC_KEY, value: pointValue(step), timestamp: T0 + step, step };
      });
      emit({ t: 'begin', kind: 'batch', runId: run.id, batch });
      await call('runs.logBatch', { runId: run.id, metrics });
      emit({ t: 'ack', kind: 'batch', runId: run.id, batch });
      if (batch % 3 === 0) {
        const amountCents = 1000 * n + batch;
        const description = `bill ${tag}.${n}.${batch}`;
        const entry = await call<{ id: string }>('ledger.add', { projectId: project.id, date: '2026-12-01', amountCents, category: 'compute', description });
        emit({ t: 'ack', kind: 'ledger', id: entry.id, projectId: project.id, amountCents, description });
      }
    }
  };
  await Promise.all([check, ...Array.from({ length: BATCHES_IN_FLIGHT }, writer)]);
}

emit({ t: 'ready' });
for (let n = 0; ; n++) await cycle(n);
