/**
 * A tab left open while `tally serve` restarts holds the old token, which the new host refuses.
 * The page says so by itself, in plain words, with the one way back (the address the restarted
 * host printed); opening that address works again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';
import { AxeLog, describeViolations } from './support/axe';
import { ProjectsScreen } from './support/projects.page';

const MESSAGE = 'Tally was restarted since this tab was opened, so this tab can no longer load or save anything. Open Tally again with the address “tally serve” printed when it started (it ends in ?token=…).';

describe('a tab open across a restart of the browser host, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('tells the user to open the new address, on its own and on the next screen, and works again there', async () => {
    app = await startApp({ port: 'usual' });
    const { page } = app;
    const projects = new ProjectsScreen(page);
    await projects.openList();
    expect(await page.getByRole('alert', { name: 'Tally was restarted' }).count()).toBe(0);

    const after = await app.restartHost();
    // The event stream reconnects, is refused, and the page says why without any click.
    const banner = page.getByRole('alert', { name: 'Tally was restarted' });
    await banner.waitFor();
    expect(await banner.textContent()).toBe(MESSAGE);
    // Another screen's failed calls say nothing more: the one sentence stays, no "wrong token", no second banner.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Open the catalog →' }).waitFor();
    expect(await page.getByText('Missing or wrong token').count()).toBe(0);
    expect(await page.getByRole('alert').allTextContents()).toEqual([MESSAGE]);
    await app.screenshot('restart-access-lost');
    expect(describeViolations('restart-access-lost', 'light', await new AxeLog().check(page, 'restart-access-lost', 'light'))).toBe('');

    await page.goto(after.appUrl);
    await projects.openList();
    expect(await page.getByRole('alert', { name: 'Tally was restarted' }).count()).toBe(0);
    // The browser logs each refused request (401) to the console; nothing else went wrong.
    expect(app.problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });
});
