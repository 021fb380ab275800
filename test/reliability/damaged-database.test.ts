import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/create-backend';
import { runCli } from '../support/cli';
import { damageTablePage } from '../support/damage';
import { memoryLogger, tempDir } from '../support/temp';

const ROOT = join(import.meta.dirname, '../..');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function open(dir: string, host: 'test' | 'browser' = 'test'): Backend {
  return createBackend({ dataDir: dir, host, logger: memoryLogger(), validateOutput: true, clock: () => new Date('2026-12-05T10:00:00.000Z') });
}

async function ok<T>(b: Backend, name: string, input: unknown): Promise<T> {
  const r = await b.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('a damaged database is detected, never written, and a backup is offered', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  async function damagedWorkspace(): Promise<{ file: string; backupName: string }> {
    t = tempDir();
    const b = open(t.dir);
    for (const name of ['Vision', 'Speech', 'Search']) await ok(b, 'projects.create', { name });
    const { path } = await ok<{ path: string }>(b, 'system.backupNow', {});
    await ok(b, 'projects.create', { name: 'After the backup' });
    b.close();
    const file = join(t.dir, 'tally.db');
    damageTablePage(file, 'projects');
    return { file, backupName: path.split('/').pop()! };
  }

  it('refuses every data procedure with DB_DAMAGED and leaves the file byte-identical', async () => {
    const { file, backupName } = await damagedWorkspace();
    const before = sha(file);
    const b = open(t.dir);
    const health = await ok<{ status: string; check: { problems: string[] }; backups: Array<{ name: string; healthy: boolean; projects: number }> }>(b, 'system.health', {});
    expect(health.status).toBe('damaged');
    expect(health.check.problems.length).toBeGreaterThan(0);
    expect(health.backups).toEqual([expect.objectContaining({ name: backupName, healthy: true, projects: 3 })]);
    for (const [name, input] of [
      ['projects.list', {}],
      ['projects.create', { name: 'Written into damage' }],
    ] as const) {
      const r = await b.dispatch(name, input);
      expect(r).toMatchObject({ ok: false, error: { code: 'DB_DAMAGED' } });
      if (!r.ok) expect(r.error.message).toMatch(/found damage in .*tally\.db .*opened it read-only.*Restore a backup: 1 healthy copy is in .*backups/);
    }
    b.close();
    expect(sha(file)).toBe(before);
  });

  it('restores a backup: the damaged file is kept beside it, the workspace writable again', async () => {
    const { file, backupName } = await damagedWorkspace();
    const damagedHash = sha(file);
    const b = open(t.dir);
    const events: string[] = [];
    b.subscribe((e) => events.push(e.type));
    const r = await ok<{ keptAs: string; health: { status: string } }>(b, 'system.restoreBackup', { name: backupName });
    expect(r.health.status).toBe('ok');
    expect(sha(r.keptAs)).toBe(damagedHash);
    expect(events).toContain('database.changed');
    const names = (await ok<Array<{ name: string }>>(b, 'projects.list', {})).map((p) => p.name).sort();
    expect(names).toEqual(['Search', 'Speech', 'Vision']);
    await ok(b, 'projects.create', { name: 'Writable again' });
    b.close();
  });

  it('the CLI says what is wrong and offers the backup; nothing is written', async () => {
    const { file, backupName } = await damagedWorkspace();
    const before = sha(file);
    const list = await runCli(['projects', 'list'], { dataDir: t.dir });
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/tally projects: Tally found damage in .*read-only.*tally db restore/);
    const create = await runCli(['projects', 'create', '--name', 'X'], { dataDir: t.dir });
    expect(create.code).toBe(1);
    const check = await runCli(['db', 'check'], { dataDir: t.dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(backupName);
    expect(check.stdout).toContain('healthy');
    expect(sha(file)).toBe(before);
    const restored = await runCli(['db', 'restore', backupName, '--yes'], { dataDir: t.dir });
    expect(restored.code).toBe(0);
    expect((await runCli(['db', 'check', '--full'], { dataDir: t.dir })).code).toBe(0);
  });

  it('a check asked for later finds damage done while the app was open and stops writing', async () => {
    t = tempDir();
    const b = open(t.dir);
    await ok(b, 'projects.create', { name: 'Kept' });
    b.context.db.pragma('wal_checkpoint(TRUNCATE)');
    damageTablePage(join(t.dir, 'tally.db'), 'projects');
    const h = await ok<{ status: string }>(b, 'system.checkDatabase', { full: true });
    expect(h.status).toBe('damaged');
    expect(await b.dispatch('projects.create', { name: 'No' })).toMatchObject({ ok: false, error: { code: 'DB_DAMAGED' } });
    b.close();
  });

  it('after an unclean shutdown the next start runs the full integrity_check, then quick checks again', async () => {
    t = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `
      const { createBackend } = await import('./electron/backend/create-backend.ts');
      const b = createBackend({ dataDir: ${JSON.stringify(t.dir)}, host: 'test' });
      await b.dispatch('projects.create', { name: 'Before the kill' });
      process.stdout.write('ready\\n');
      setInterval(() => {}, 1000);
    `], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout!.on('data', (c: Buffer) => c.toString().includes('ready') && resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));
    expect(readdirSync(join(t.dir, 'sessions'))).toHaveLength(1);

    const afterKill = open(t.dir);
    const h = await ok<{ status: string; check: { mode: string; reason: string } }>(afterKill, 'system.health', {});
    expect(h).toMatchObject({ status: 'ok', check: { mode: 'full', reason: 'unclean-shutdown' } });
    expect((await ok<Array<{ name: string }>>(afterKill, 'projects.list', {})).map((p) => p.name)).toEqual(['Before the kill']);
    afterKill.close();
    expect(readdirSync(join(t.dir, 'sessions'))).toEqual([]);

    const next = open(t.dir);
    expect(await ok(next, 'system.health', {})).toMatchObject({ check: { mode: 'quick', reason: 'start-up' } });
    next.close();
  });

  it('the app keeps one daily copy in backups/ (the CLI does not)', async () => {
    t = tempDir();
    const cli = open(t.dir, 'test');
    cli.close();
    expect(existsSync(join(t.dir, 'backups'))).toBe(false);
    const empty = open(t.dir, 'browser');
    empty.close();
    // An empty workspace holds nothing worth a copy.
    expect(existsSync(join(t.dir, 'backups'))).toBe(false);
    const withData = open(t.dir, 'test');
    await ok(withData, 'projects.create', { name: 'Worth keeping' });
    withData.close();
    const app = open(t.dir, 'browser');
    app.close();
    const again = open(t.dir, 'browser');
    again.close();
    expect(readdirSync(join(t.dir, 'backups')).filter((n) => n.includes('.auto.'))).toHaveLength(1);
  });
});
