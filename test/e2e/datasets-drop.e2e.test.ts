import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FILES_DROPPED } from '../../shared/domain/file-drop';
import { startApp, type RunningApp } from './support/app';

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

describe('dropping data files on the Data page', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('adds the files whose paths the desktop preload reports, and explains why a browser drop cannot', async () => {
    app = await startApp();
    const { page } = app;
    const projectId = await createProject(app, 'Churn model');
    const file = join(app.dataDir, 'dropped-train.csv');
    writeFileSync(file, 'id,age,churned\n1,34,no\n2,51,yes\n3,29,no\n');
    await page.goto(`${app.host.url}/#/data/${projectId}`);
    await page.getByText('In the desktop app you can also drop data files anywhere on this page.').waitFor();

    // What the Electron preload posts after a drop (it alone can read a dropped file's path).
    await page.evaluate(({ type, path }) => window.postMessage({ type, paths: [path] }, '*'), { type: FILES_DROPPED, path: file });
    await page.getByRole('list', { name: 'Datasets' }).getByText('dropped-train.csv').first().waitFor();

    // A path the backend refuses is reported, and nothing is added.
    await page.evaluate(({ type, path }) => window.postMessage({ type, paths: [path] }, '*'), { type: FILES_DROPPED, path: join(app.dataDir, 'nope.csv') });
    await page.getByRole('alert').filter({ hasText: 'nope.csv' }).waitFor();
    expect(await page.getByRole('list', { name: 'Datasets' }).getByRole('listitem').count()).toBe(1);

    // A plain browser drop carries no path: the page says so instead of failing silently.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['a,b\n1,2\n'], 'from-desktop.csv', { type: 'text/csv' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
    });
    await page.getByText('A browser does not tell Tally where a dropped file is kept').waitFor();
    await app.screenshot('data-drop');
    expect(app.problems).toEqual([]);
  });
});
