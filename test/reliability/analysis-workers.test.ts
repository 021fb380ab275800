import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testBackend, tempDir } from '../support/temp';

const ROOT = join(import.meta.dirname, '../..');
const TALLY = join(ROOT, 'bin/tally.js');

/** Direct children of a process, from /proc (Linux). */
function childrenOf(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\S+ \S+ Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/\(.*\)/, 'x'));
  } catch {
    return false;
  }
}

async function until(what: string, f: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await f())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((r) => setImmediate(r));
  }
}

describe('analysis worker processes', () => {
  let t: ReturnType<typeof tempDir>;
  beforeAll(() => {
    expect(spawnSync(process.execPath, [TALLY, '--version'], { cwd: ROOT }).status).toBe(0);
  });
  afterEach(() => t?.cleanup());

  it('a worker stops when the CLI that started it is killed with SIGKILL', async () => {
    t = tempDir();
    const file = join(t.dir, 'data.csv');
    writeFileSync(file, 'a,b\n1,2\n3,4\n');
    const cli = spawn(process.execPath, [TALLY, 'check', file], { cwd: ROOT, env: { ...process.env, TALLY_ANALYSIS_TEST_CRASH: 'stall' }, stdio: 'ignore' });
    let worker = 0;
    await until('the worker to start', () => ((worker = childrenOf(cli.pid!)[0] ?? 0), worker > 0));
    cli.kill('SIGKILL');
    await new Promise((r) => cli.on('close', r));
    await until('the orphaned worker to exit', () => !alive(worker));
    expect(alive(worker)).toBe(false);
  }, 60_000);

  it('twelve checks started at once run two workers at a time; the rest wait and can be cancelled', async () => {
    const prev = process.env.TALLY_ANALYSIS_TEST_CRASH;
    process.env.TALLY_ANALYSIS_TEST_CRASH = 'stall';
    const b = testBackend();
    try {
      const file = join(b.dir, 'data.csv');
      writeFileSync(file, 'a,b\n1,2\n3,4\n');
      const project = await b.backend.dispatch('projects.create', { name: 'Queue' });
      if (!project.ok) throw new Error('project');
      const ds = await b.backend.dispatch('datasets.register', { projectId: (project.value as { id: string }).id, path: file });
      if (!ds.ok) throw new Error(ds.error.message);
      const dataset = ds.value as { id: string; projectId: string };
      const started = await Promise.all(Array.from({ length: 12 }, () => b.backend.dispatch('checks.start', { projectId: dataset.projectId, datasetId: dataset.id })));
      const tasks = started.map((r) => (r.ok ? (r.value as { taskId: string }).taskId : ''));
      const phases = async () => Promise.all(tasks.map(async (taskId) => ((await b.backend.dispatch('checks.status', { taskId })) as { ok: true; value: { phase: string } }).value.phase));
      let seen: string[] = [];
      await until('two tasks reading and ten queued', async () => {
        seen = await phases();
        return seen.filter((p) => p === 'reading').length === 2 && seen.filter((p) => p === 'queued').length === 10;
      });
      expect(childrenOf(process.pid)).toHaveLength(2);
      for (const taskId of tasks) await b.backend.dispatch('checks.cancel', { taskId });
      await until('every task to stop', async () => (await phases()).every((p) => p === 'cancelled'));
      await until('every worker to exit', () => childrenOf(process.pid).length === 0);
    } finally {
      b.cleanup();
      if (prev === undefined) delete process.env.TALLY_ANALYSIS_TEST_CRASH;
      else process.env.TALLY_ANALYSIS_TEST_CRASH = prev;
    }
  }, 120_000);
});
