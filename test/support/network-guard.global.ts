import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { RefusedAttempt } from './network-guard.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    networkGuardLog: string;
  }
}

interface LogLine {
  pid: number;
  allowed?: number;
  refused?: RefusedAttempt;
}

/**
 * One log for the whole unit run, written by the network guard in every test worker and child
 * (network-guard.mjs); at the end, the run fails if anything but loopback was attempted, other
 * than the attempts the guard's own test provokes on purpose.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'tally-network-guard-'));
  const log = join(dir, 'attempts.jsonl');
  project.provide('networkGuardLog', log);
  return () => {
    // No file at all means no process attempted anything (the guard writes only when it has to).
    const text = existsSync(log) ? readFileSync(log, 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    const lines = text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as LogLine);
    const allowed = lines.reduce((n, l) => n + (l.allowed ?? 0), 0);
    const refused = lines.flatMap((l) => (l.refused ? [l.refused] : []));
    const provoked = refused.filter((r) => r.provoked);
    const unexpected = refused.filter((r) => !r.provoked);
    const processes = new Set(lines.map((l) => l.pid)).size;
    console.log(
      `Network guard: ${allowed} loopback connections in ${processes} processes; ${unexpected.length} attempt(s) to reach any other host` +
        ` (and ${provoked.length} provoked on purpose by the guard's own test, all refused).`,
    );
    if (unexpected.length > 0) {
      // Vitest reports an error thrown here but keeps its exit code: set it, so the run fails.
      process.exitCode = 1;
      throw new Error(`Tests tried to reach the network:\n${unexpected.map((r) => `${r.kind} ${r.target}\n    ${r.stack.join('\n    ')}`).join('\n')}`);
    }
  };
}
