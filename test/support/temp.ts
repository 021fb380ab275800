import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/create-backend';
import type { Logger } from '../../electron/backend/context';

/** A fresh folder per test; removed by the returned cleanup. */
export function tempDir(prefix = 'tally-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A logger that remembers what it was told, so tests can assert on it. */
export function memoryLogger(): Logger & { lines: Array<{ level: string; message: string; data?: unknown }> } {
  const lines: Array<{ level: string; message: string; data?: unknown }> = [];
  return {
    lines,
    info: (message, data) => lines.push({ level: 'info', message, data }),
    warn: (message, data) => lines.push({ level: 'warn', message, data }),
    error: (message, data) => lines.push({ level: 'error', message, data }),
  };
}

/** A real backend on a real SQLite file in its own temp folder, with a fixed clock and ids. */
export function testBackend(opts: { now?: string } = {}): { backend: Backend; dir: string; logger: ReturnType<typeof memoryLogger>; cleanup(): void } {
  const t = tempDir();
  const logger = memoryLogger();
  let n = 0;
  const backend = createBackend({
    dataDir: t.dir,
    host: 'test',
    clock: () => new Date(opts.now ?? '2026-11-30T09:00:00.000Z'),
    logger,
    validateOutput: true,
    newId: () => `id-${++n}`,
  });
  return {
    backend,
    dir: t.dir,
    logger,
    cleanup: () => {
      backend.close();
      t.cleanup();
    },
  };
}
