/**
 * A child process for the durability test: opens a workspace, creates a run, then logs metric
 * points through the group commit with many writes in flight, printing "ack <runId> <step>" the
 * moment each write's promise resolves. The parent kills it with SIGKILL mid-storm and checks that
 * every acknowledged point is in the file.
 */
import { createBackend } from '../../electron/backend/create-backend';

const dataDir = process.argv[2]!;
const backend = createBackend({ dataDir, host: 'test', logger: { info: () => {}, warn: () => {}, error: (m) => process.stderr.write(`${m}\n`) } });
const call = async (name: string, input: unknown) => {
  const r = await backend.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as { id: string };
};

const p = await call('projects.create', { name: 'Durability' });
const e = await call('experiments.create', { projectId: p.id, name: 'storm' });
const run = await call('runs.create', { experimentId: e.id, startTime: 1_767_225_600_000 });
let step = 0;
const inFlight = 64;
async function writer(): Promise<void> {
  for (;;) {
    const s = step;
    step += 10;
    const metrics = Array.from({ length: 10 }, (_, i) => ({ key: 'loss', value: s + i, timestamp: 1_767_225_600_000 + s + i, step: s + i }));
    await call('runs.logBatch', { runId: run.id, metrics });
    process.stdout.write(`ack ${run.id} ${s}\n`);
  }
}
process.stdout.write('ready\n');
await Promise.all(Array.from({ length: inFlight }, writer));
