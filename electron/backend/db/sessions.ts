import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One marker file per process that has the workspace open. A marker whose process no longer
 * exists means that process ended without closing the database (kill -9, power cut, crash): the
 * next start runs the full integrity check instead of the quick one. Markers live beside the
 * database, never inside it, so a damaged file cannot hide them.
 */
export interface Session {
  /** Markers left by processes that are gone: the previous run did not shut down cleanly. */
  readonly stale: string[];
  /** Forget the stale markers (after the full check they asked for has passed). */
  clearStale(): void;
  close(): void;
}

const DIR = 'sessions';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A read-only workspace keeps no markers (it cannot write them, and nothing there can be left half-written). */
export const NO_SESSION: Session = { stale: [], clearStale: () => undefined, close: () => undefined };

export function openSession(dataDir: string): Session {
  const dir = join(dataDir, DIR);
  mkdirSync(dir, { recursive: true });
  const stale = readdirSync(dir).filter((name) => {
    const pid = Number(/^(\d+)-[0-9a-f]+\.open$/.exec(name)?.[1]);
    return Number.isInteger(pid) && pid > 0 && !alive(pid);
  });
  const own = join(dir, `${process.pid}-${randomBytes(6).toString('hex')}.open`);
  writeFileSync(own, new Date().toISOString());
  return {
    stale,
    clearStale: () => {
      for (const name of stale) rmSync(join(dir, name), { force: true });
    },
    close: () => rmSync(own, { force: true }),
  };
}
