import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { runCli } from '../support/cli';
import { makeReadOnly } from '../support/read-only';
import { memoryLogger, tempDir } from '../support/temp';

describe('read-only workspaces', () => {
  let t: ReturnType<typeof tempDir>;
  const undo: Array<() => void> = [];
  afterEach(() => {
    for (const u of undo.splice(0).reverse()) u();
    t?.cleanup();
  });

  it('a read-only database file is shown, never changed: reads work, changes say why', async () => {
    t = tempDir();
    expect((await runCli(['projects', 'create', '--name', 'Kept'], { dataDir: t.dir })).code).toBe(0);
    undo.push(makeReadOnly(join(t.dir, 'tally.db'), false));
    const list = await runCli(['projects', 'list', '--json'], { dataDir: t.dir });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((p: { name: string }) => p.name)).toEqual(['Kept']);
    const create = await runCli(['projects', 'create', '--name', 'New'], { dataDir: t.dir });
    expect(create.code).toBe(1);
    expect(create.stderr).toMatch(/This workspace is read-only: the file is read-only \((EPERM|EACCES)\)\. Tally can show it but not change it/);
    const b = createBackend({ dataDir: t.dir, host: 'test', logger: memoryLogger() });
    expect(await b.dispatch('projects.create', { name: 'New' })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    b.close();
  });

  it('a read-only folder without a database says it cannot create one, naming the folder', async () => {
    t = tempDir();
    const dir = join(t.dir, 'locked');
    mkdirSync(dir);
    undo.push(makeReadOnly(dir, true));
    const r = await runCli(['projects', 'list'], { dataDir: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Tally cannot create its database in .*locked: the folder is read-only \((EPERM|EACCES)\)\. Choose a folder you can write to with --data-dir\./);
  });

  it('--data-dir "" is refused instead of silently using the default folder', async () => {
    t = tempDir();
    const r = await runCli(['projects', 'list', '--data-dir', ''], { dataDir: t.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--data-dir is empty/);
  });
});
