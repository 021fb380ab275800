/**
 * A child process for the import crash test: opens a workspace and imports an mlruns folder,
 * printing "done <n>" each time a run has been committed (the import's progress event comes
 * after the run's write resolved). The parent kills it with SIGKILL part-way through.
 */
import { createBackend } from '../../electron/backend/create-backend';

const [dataDir, root] = [process.argv[2]!, process.argv[3]!];
const backend = createBackend({ dataDir, host: 'test', logger: { info: () => {}, warn: () => {}, error: (m) => process.stderr.write(`${m}\n`) } });
backend.subscribe((e) => {
  if (e.type === 'task.progress' && e.payload.phase === 'import' && e.payload.done > 0) process.stdout.write(`done ${e.payload.done}\n`);
});
const r = await backend.dispatch('runs.import', { kind: 'mlruns', path: root });
process.stdout.write(r.ok ? 'finished\n' : `failed ${r.error.message}\n`);
