/**
 * `tally eval` through its own entry (eval-main.ts, the bundle bin/tally.js loads for it) answers
 * exactly as the whole CLI does: the same output and exit code for a report, its help, a bad flag
 * and a missing file; and bin/tally.js really loads that bundle for eval and the whole one otherwise.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main as wholeMain } from '../../electron/host/cli/main';
import { main as evalMain } from '../../electron/host/cli/eval-main';
import type { CliIo } from '../../electron/host/cli/io';
import { compiledEntry } from '../../electron/backend/analysis/compiled-entry';
import { binaryPredictions, writePredictions } from '../fixtures/predictions/generate';
import { tempDir } from '../support/temp';

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir('tally-cli-eval-entry-');
});
afterEach(() => t.cleanup());

async function run(entry: typeof wholeMain, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { out: (s) => (stdout += `${s}\n`), err: (s) => (stderr += `${s}\n`), env: {}, cwd: t.dir, untilStopped: () => Promise.resolve() };
  const code = await entry(args, io);
  return { code, stdout, stderr };
}

describe('tally eval on its own entry', () => {
  it('answers as the whole CLI does', async () => {
    const file = writePredictions(t.dir, 'p.csv', binaryPredictions(1500));
    const cases = [
      ['eval', file, '--label', 'label', '--score', 'score', '--json', '--bootstrap', '0'],
      ['eval', file, '--label', 'label', '--score', 'score', '--gate', 'auc>=0.99', '--bootstrap', '50', '--seed', '3'],
      ['eval', '--help'],
      ['eval', file, '--label', 'label', '--bootstrap', 'many'],
      ['eval', join(t.dir, 'missing.csv'), '--label', 'label', '--score', 'score'],
    ];
    const codes: number[] = [];
    for (const args of cases) {
      const whole = await run(wholeMain, args);
      expect(await run(evalMain, args), args.join(' ')).toEqual(whole);
      codes.push(whole.code);
    }
    expect(codes).toEqual([0, 1, 0, 2, 2]);
  });

  it('is the bundle bin/tally.js loads for eval, and only for eval', () => {
    const root = join(import.meta.dirname, '..', '..');
    expect(compiledEntry('cli-eval')).not.toBeNull();
    const file = writePredictions(t.dir, 'p.csv', binaryPredictions(300));
    const run = (args: string[]) => spawnSync(process.execPath, ['bin/tally.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, TALLY_TRACE_LOADER: '1' } });
    const evaluated = run(['eval', file, '--label', 'label', '--score', 'score', '--json', '--bootstrap', '0']);
    expect(evaluated.status).toBe(0);
    expect(evaluated.stderr).toContain('tally: loaded the bundle (cli-eval)');
    expect(JSON.parse(evaluated.stdout).n).toBe(300);
    const version = run(['--version']);
    expect(version.stderr).toContain('tally: loaded the bundle (cli)');
  });
});
