import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../electron/backend/create-backend';
import { FILES_DROPPED } from '../../shared/domain/file-drop';
import { startApp, type RunningApp } from './support/app';
import type { ElectronStubState } from './support/electron-preload-stub';
import { preloadInitScript } from './support/preload-bundle';

/** Creates a project through the browser host, as a script would. */
async function createProject(app: RunningApp, name: string): Promise<string> {
  const res = await fetch(`${app.host.url}/rpc/projects.create`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  const body = (await res.json()) as { ok: boolean; value: { id: string } };
  expect(body.ok).toBe(true);
  return body.value.id;
}

type StubWindow = Window & { __electronStub: ElectronStubState; __messages: unknown[]; bridge?: object };

/**
 * A real drop as Chromium dispatches it: dragover then drop, bubbling from the page to the window
 * where both the preload and the Data page listen. The files are made in the page, so only the
 * stub's webUtils can give them a path (Electron gives '' to a File that is not on disk).
 */
async function dropFiles(app: RunningApp, files: { name: string; text: string }[]): Promise<void> {
  await app.page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/csv' }));
    const target = document.querySelector('main') ?? document.body;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

/** Every window message the page received so far, after all earlier posts were delivered. */
async function messagesSoFar(app: RunningApp): Promise<unknown[]> {
  return app.page.evaluate(async () => {
    const w = window as unknown as StubWindow;
    const marker = { type: 'test:marker', at: Math.random() };
    const arrived = new Promise<void>((resolve) => {
      const seen = (e: MessageEvent) => {
        if ((e.data as { at?: number } | null)?.at !== marker.at) return;
        window.removeEventListener('message', seen);
        resolve();
      };
      window.addEventListener('message', seen);
    });
    window.postMessage(marker, '*'); // messages are delivered in order: this one comes last
    await arrived;
    return w.__messages.filter((m) => (m as { type?: string } | null)?.type !== 'test:marker');
  });
}

describe('the real Electron preload in Chromium', () => {
  let app: RunningApp | null = null;
  let dropDir: string | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
    if (dropDir) rmSync(dropDir, { recursive: true, force: true });
    dropDir = null;
  });

  it('exposes only { rpc, subscribe }, posts the path of a dropped file, and the Data page registers it', async () => {
    dropDir = mkdtempSync(join(tmpdir(), 'tally-drop-'));
    const dropped = join(dropDir, 'drop.csv');
    const csv = 'id,age,churned\n1,34,no\n2,51,yes\n3,29,no\n';
    writeFileSync(dropped, csv);
    const files = { 'drop.csv': dropped };

    app = await startApp({
      beforeLoad: async (page, host) => {
        await page.addInitScript({ content: preloadInitScript({ token: host.token, files }) });
      },
    });
    const { page } = app;
    const projectId = await createProject(app, 'Churn model');
    await page.goto(`${app.host.url}/#/data/${projectId}`);
    await page.getByText('No data files in this project yet.', { exact: false }).waitFor();

    // The preload handed exactly { rpc, subscribe } to contextBridge, under `bridge`, and nothing else.
    const before = await page.evaluate(() => {
      const w = window as unknown as StubWindow;
      w.__messages = [];
      window.addEventListener('message', (e) => w.__messages.push(e.data));
      return { exposed: w.__electronStub.exposed, bridgeKeys: Object.keys(w.bridge ?? {}), invoked: [...w.__electronStub.invoked] };
    });
    expect(before.exposed).toEqual({ bridge: ['rpc', 'subscribe'] });
    expect(before.bridgeKeys).toEqual(['rpc', 'subscribe']);
    // The page took the preload's bridge as its transport (as in the desktop app): its calls went through it.
    expect(before.invoked).toContain('datasets.list');

    // A drop of a file from disk together with one that has no path: only the real path is posted.
    await dropFiles(app, [
      { name: 'drop.csv', text: csv },
      { name: 'from-another-app.csv', text: 'a,b\n1,2\n' },
    ]);
    const list = page.getByRole('list', { name: 'Datasets' });
    await list.getByRole('listitem').filter({ hasText: 'drop.csv' }).waitFor();
    expect(await messagesSoFar(app)).toEqual([{ type: FILES_DROPPED, paths: [dropped] }]);
    const afterDrop = await page.evaluate(() => (window as unknown as StubWindow).__electronStub);
    expect(afterDrop.askedPathFor).toEqual(['drop.csv', 'from-another-app.csv']);
    expect(afterDrop.invoked).toContain('datasets.register');
    await expect(list.getByRole('listitem').filter({ hasText: 'drop.csv' }).textContent()).resolves.toContain(dropped);
    await app.screenshot('preload-drop');

    // The real backend stored it in the real SQLite file, under this project.
    const db = new Database(join(app.dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT project_id, path, name, format, size_bytes FROM datasets').all();
      expect(rows).toEqual([{ project_id: projectId, path: dropped, name: 'drop.csv', format: 'csv', size_bytes: statSync(dropped).size }]);
    } finally {
      db.close();
    }

    // A drop the stub gives no path for ('' as Electron gives for a File not on disk) posts nothing,
    // and the page neither alerts nor changes.
    await dropFiles(app, [{ name: 'pasted.csv', text: 'x\n1\n' }]);
    expect(await messagesSoFar(app)).toEqual([{ type: FILES_DROPPED, paths: [dropped] }]);
    expect((await page.evaluate(() => (window as unknown as StubWindow).__electronStub)).askedPathFor).toContain('pasted.csv');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await list.getByRole('listitem').count()).toBe(1);
    await page.getByText('In the desktop app you can also drop data files anywhere on this page.').waitFor();
    expect(app.problems).toEqual([]);
  });
});
