import { fork } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { AnalysisResult, WorkerMessage } from '../backend/analysis/analysis-types';
import { runAnalysis } from '../backend/analysis/run-analysis';
import { utilityLauncher, type UtilityFork } from './analysis-launcher';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const childShim = join(repo, 'test/support/utility-process-child.mjs');

/**
 * Electron's utilityProcess.fork, emulated: a Node child with the utility-process child API
 * (test/support/utility-process-child.mjs) behind the parent-side surface the adapter uses.
 */
const emulatedUtilityFork: UtilityFork = (modulePath, args, options) => {
  const child = fork(modulePath, args, {
    execArgv: ['--import', childShim, ...(options.execArgv ?? [])],
    env: options.env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  const utility = {
    postMessage: (m: unknown) => void child.send(m as never),
    on: (event: string, listener: (...a: never[]) => void) => {
      if (event === 'exit') child.on('exit', (code) => (listener as (c: number) => void)(code ?? 1));
      else if (event === 'message') child.on('message', listener as (m: unknown) => void);
      return utility;
    },
    stderr: child.stderr,
    kill: () => child.kill(),
  };
  return utility;
};

let dir: string;
let csv: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tally-utility-'));
  csv = join(dir, 'rows.csv');
  const lines = ['id,amount,label'];
  for (let i = 0; i < 6000; i++) lines.push(`${i},${(i * 37) % 1000}.25,${i % 3 === 0 ? 'yes' : 'no'}`);
  writeFileSync(csv, `${lines.join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the analysis worker as an Electron utility process', () => {
  it('runs a whole analysis through runAnalysis with the utility launcher (parentPort on the worker side)', async () => {
    const progress: string[] = [];
    const result = await runAnalysis({ file: csv, target: 'label' }, { launcher: utilityLauncher(emulatedUtilityFork), onProgress: (p) => progress.push(p.phase) });
    expect(result.checkInput.rows).toBe(6000);
    expect(result.checkInput.columns.map((c) => c.name)).toEqual(['id', 'amount', 'label']);
    expect(progress).toContain('checking');
  });

  it('reports a crash of the utility process and a cancel, as with fork', async () => {
    const launcher = utilityLauncher(emulatedUtilityFork);
    await expect(runAnalysis({ file: csv }, { launcher, env: { TALLY_ANALYSIS_TEST_CRASH: 'exit' } })).rejects.toMatchObject({ code: 'WORKER_CRASHED', message: expect.stringContaining('exited with code 137') });
    const abort = new AbortController();
    const run = runAnalysis({ file: csv }, { launcher, signal: abort.signal, onProgress: () => abort.abort() });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('the desktop build (electron-vite) ships the worker and its range thread where the built main finds them', { timeout: 120_000 }, async () => {
    // Inside the repository, as in the app: the externals (hyparquet ...) resolve from node_modules.
    const out = join(repo, 'out', `.test-desktop-build-${process.pid}`);
    onTestFinished(() => rmSync(out, { recursive: true, force: true }));
    const bin = join(repo, 'node_modules/electron-vite/bin/electron-vite.js');
    const built = spawnSync(process.execPath, [bin, 'build', '--outDir', out, '--logLevel', 'error'], { cwd: repo, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    // Talk to the built worker as the packaged app does: utility process, then a split read on
    // two threads (parallelMinBytes 1), which only works if the thread file sits beside it.
    const channel = utilityLauncher(emulatedUtilityFork)(join(out, 'main/analysis-worker.js'), { execArgv: [], env: { ...process.env } });
    const result = await new Promise<AnalysisResult>((resolve, reject) => {
      channel.onMessage((message) => {
        const m = message as WorkerMessage;
        if (m.type === 'result') resolve(m.result);
        else if (m.type === 'error') reject(new Error(m.error.message));
      });
      channel.onExit((code) => reject(new Error(`the built worker exited with ${code}`)));
      channel.send({ type: 'run', request: { file: csv, threads: 2, parallelMinBytes: 1 } });
    });
    channel.release();
    expect(result.checkInput.rows).toBe(6000);
    expect(result.current.threadsUsed).toBe(2);
    expect(result.current.parallelFallback).toBeUndefined();
  });
});
