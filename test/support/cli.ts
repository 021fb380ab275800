import { expect } from 'vitest';
import { main } from '../../electron/host/cli/main';
import type { CliIo } from '../../electron/host/cli/io';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in-process against a data folder, capturing what it prints. */
export async function runCli(args: string[], opts: { dataDir?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (t) => (stdout += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (stderr += t.endsWith('\n') ? t : `${t}\n`),
    env: { ...(opts.dataDir ? { TALLY_DATA_DIR: opts.dataDir } : {}), ...opts.env },
    cwd: opts.cwd ?? process.cwd(),
    untilStopped: () => Promise.resolve(),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/**
 * `tally estimate ...` in the data folder `dataDir()` gives at call time, run from `cwd`; `asJson`
 * adds --json and expects a clean exit before parsing.
 */
export function estimateCli(dataDir: () => string, cwd: string) {
  const cli = (args: string[]) => runCli(['estimate', ...args], { dataDir: dataDir(), cwd });
  const asJson = async (args: string[]) => {
    const r = await cli([...args, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout);
  };
  return { cli, asJson };
}
