import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp';

const ROOT = join(import.meta.dirname, '../..');
const TALLY = join(ROOT, 'bin/tally.js');
const WRITERS = Number(process.env.TALLY_CONCURRENT_WRITERS ?? 50);

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tally(args: string[], dataDir: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TALLY, ...args, '--data-dir', dataDir], { cwd: ROOT, env: { ...process.env, TALLY_DATA_DIR: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** N separate `tally projects create` processes at once; returns the ids each one acknowledged. */
async function storm(dataDir: string, prefix: string): Promise<{ acknowledged: string[]; failures: Outcome[] }> {
  const outcomes = await Promise.all(Array.from({ length: WRITERS }, (_, i) => tally(['projects', 'create', '--name', `${prefix}${i}`, '--json'], dataDir)));
  const acknowledged: string[] = [];
  const failures: Outcome[] = [];
  for (const o of outcomes) {
    if (o.code === 0) acknowledged.push((JSON.parse(o.stdout) as { id: string }).id);
    else failures.push(o);
  }
  return { acknowledged, failures };
}

function storedIds(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'tally.db'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return db.prepare('SELECT id FROM projects').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe(`${WRITERS} concurrent CLI writers on one data folder, no server`, () => {
  let t: ReturnType<typeof tempDir>;
  beforeAll(() => {
    // Build the CLI bundle once, so the storm measures opening and writing, not N parallel builds.
    expect(spawnSync(process.execPath, [TALLY, '--version'], { cwd: ROOT }).status).toBe(0);
  });
  afterEach(() => t?.cleanup());

  it('on a fresh folder: every process succeeds and every acknowledged project is stored', async () => {
    t = tempDir();
    const { acknowledged, failures } = await storm(t.dir, 'fresh-');
    expect(failures.map((f) => f.stderr)).toEqual([]);
    expect(acknowledged).toHaveLength(WRITERS);
    expect(new Set(storedIds(t.dir))).toEqual(new Set(acknowledged));
  }, 180_000);

  it('on an existing database: every acknowledged project is stored beside the earlier one', async () => {
    t = tempDir();
    const first = await tally(['projects', 'create', '--name', 'Earlier', '--json'], t.dir);
    expect(first.code).toBe(0);
    const earlier = (JSON.parse(first.stdout) as { id: string }).id;
    const { acknowledged, failures } = await storm(t.dir, 'existing-');
    expect(failures.map((f) => f.stderr)).toEqual([]);
    expect(new Set(storedIds(t.dir))).toEqual(new Set([earlier, ...acknowledged]));
  }, 180_000);
});
