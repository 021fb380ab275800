/**
 * The child process of the I/O-error suite (bundled with esbuild, started with plain node, under
 * `prlimit --fsize` or with its database made read-only by the parent). It writes projects and
 * metric batches (the group commit) through the dispatcher until a write is refused, then shows
 * that it still serves: a read answers and a second write is refused the same way. Each stdout
 * line is one JSON event: ack (acknowledged write), refused (the error the user would see), read,
 * paused (waiting for the parent, which then sends a line on stdin), done.
 * Arguments: the data folder; "until-error" or "pause-after=N".
 */
import { createInterface } from 'node:readline';
import { createBackend } from '../../../electron/backend/create-backend';

const [dataDir, mode] = process.argv.slice(2) as [string, string];
const pauseAfter = mode.startsWith('pause-after=') ? Number(mode.slice('pause-after='.length)) : Infinity;
const MAX_WRITES = 400;
const T0 = 1_767_225_600_000;

const emit = (event: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};
const logged: string[] = [];
const backend = createBackend({ dataDir, host: 'test', logger: { info: () => undefined, warn: () => undefined, error: (m) => logged.push(m) } });

function waitForParent(): Promise<void> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin });
    rl.once('line', () => {
      rl.close();
      resolve();
    });
  });
}

const project = await backend.dispatch('projects.create', { name: 'I/O errors' });
if (!project.ok) throw new Error(project.error.message);
const projectId = (project.value as { id: string }).id;
const experiment = await backend.dispatch('experiments.create', { projectId, name: `io-${process.pid}` });
if (!experiment.ok) throw new Error(experiment.error.message);
const run = await backend.dispatch('runs.create', { experimentId: (experiment.value as { id: string }).id, startTime: T0 });
if (!run.ok) throw new Error(run.error.message);
const runId = (run.value as { id: string }).id;

/** One write: a project (its own transaction) or a metric batch (a group commit), alternately. */
async function write(i: number): Promise<{ ok: true; event: Record<string, unknown> } | { ok: false; procedure: string; code: string; message: string }> {
  if (i % 2 === 0) {
    const name = `Project ${i} ${'n'.repeat(100)}`;
    const r = await backend.dispatch('projects.create', { name, notes: 'x'.repeat(2000) });
    return r.ok ? { ok: true, event: { kind: 'project', id: (r.value as { id: string }).id, name } } : { ok: false, procedure: 'projects.create', ...r.error };
  }
  const metrics = Array.from({ length: 200 }, (_, k) => ({ key: 'loss', value: i * 1000 + k, timestamp: T0 + i * 1000 + k, step: i * 1000 + k }));
  const r = await backend.dispatch('runs.logBatch', { runId, metrics });
  return r.ok ? { ok: true, event: { kind: 'batch', runId, batch: i } } : { ok: false, procedure: 'runs.logBatch', ...r.error };
}

let refused = 0;
for (let i = 0; i < MAX_WRITES && refused < 2; i++) {
  if (i === pauseAfter) {
    emit({ t: 'paused' });
    await waitForParent();
  }
  const r = await write(i);
  if (r.ok) {
    emit({ t: 'ack', ...r.event });
    continue;
  }
  refused++;
  emit({ t: 'refused', procedure: r.procedure, code: r.code, message: r.message });
  const read = await backend.dispatch('projects.list', {});
  emit({ t: 'read', ok: read.ok, projects: read.ok ? (read.value as unknown[]).length : null });
}
backend.close();
emit({ t: 'done', logged });
