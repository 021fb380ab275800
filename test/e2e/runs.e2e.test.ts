import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { formatMoney } from '../../shared/domain/money';
import { tempDir } from '../support/temp';
import { seedProjectRuns, type SeedRun } from '../support/seed-runs';
import { SCREENSHOT_DIR, startApp, type RunningApp } from './support/app';
import { RunsScreen } from './support/runs.page';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 20, 8);

/** Accuracy rising to `last` over 300 steps; loss falling from 2.5. */
function curves(last: number, extra: Partial<Record<string, number[]>> = {}): Record<string, number[]> {
  const accuracy = Array.from({ length: 300 }, (_, i) => last * (1 - Math.exp(-i / 40)));
  accuracy[299] = last;
  const loss = Array.from({ length: 300 }, (_, i) => 2.5 * Math.exp(-i / 60) + 0.1);
  return { accuracy, loss, ...extra } as Record<string, number[]>;
}

const spikyLoss = Array.from({ length: 2000 }, (_, i) => (i === 700 ? 40 : 1 + Math.sin(i / 50) * 0.2));
spikyLoss[10] = Number.NaN;
spikyLoss[11] = Infinity;

// Started 4 hours apart, so the default order (newest first) is the reverse of this list.
const RUNS: SeedRun[] = [
  { name: 'lr-0.1', startTime: T0, endTime: T0 + 1 * H, params: { lr: '0.1', batch: '32', optimizer: 'adam' }, tags: { team: 'vision' }, metrics: curves(0.82), compute: { hardwareId: 'h100-sxm', devices: 8 } },
  { name: 'lr-0.01', startTime: T0 + 4 * H, endTime: T0 + 6 * H, params: { lr: '0.01', batch: '32', optimizer: 'adam' }, tags: { team: 'vision' }, metrics: curves(0.91), compute: { hardwareId: 'h100-sxm', devices: 8 } },
  { name: 'lr-0.001', startTime: T0 + 8 * H, endTime: T0 + 11 * H, params: { lr: '0.001', batch: '64', optimizer: 'adam' }, tags: { team: 'nlp' }, metrics: curves(0.88), compute: { hardwareId: 'h100-sxm', devices: 8 } },
  { name: 'no-hardware', status: 'FAILED', startTime: T0 + 12 * H, endTime: T0 + 13.5 * H, params: { lr: '0.05', batch: '32', optimizer: 'sgd' }, metrics: curves(0.7) },
  { name: 'spiky', status: 'KILLED', startTime: T0 + 16 * H, endTime: T0 + 16.5 * H, params: { lr: '0.2', batch: '16', optimizer: 'sgd' }, metrics: { ...curves(0.6), loss: spikyLoss }, compute: { hardwareId: 'a100-80gb', devices: 1 } },
];

/** A workspace seeded through the real backend before the app opens it. */
async function seededApp(colorScheme: 'light' | 'dark' = 'light'): Promise<{ app: RunningApp; cleanup(): void }> {
  const dir = tempDir('tally-e2e-runs-');
  const backend = createBackend({ dataDir: dir.dir, host: 'test' });
  try {
    await seedProjectRuns(backend.dispatch, { projectName: 'Vision sweep', experimentName: 'lr-sweep', runs: RUNS });
  } finally {
    backend.close();
  }
  const app = await startApp({ dataDir: dir.dir, colorScheme });
  return { app, cleanup: dir.cleanup };
}

describe('Track: runs, run page and compare, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  let cleanup: (() => void) | null = null;
  afterEach(async () => {
    await app?.close();
    cleanup?.();
    app = null;
    cleanup = null;
  });

  it('the runs table sorts, filters and chooses columns', async () => {
    ({ app, cleanup } = await seededApp());
    const screen = new RunsScreen(app.page, app);
    await screen.openRunsOf('Vision sweep');
    expect(await screen.total()).toBe('5 runs');
    await screen.expectNames(['spiky', 'no-hardware', 'lr-0.001', 'lr-0.01', 'lr-0.1']);
    expect(await screen.headers()).toEqual(['Run', 'Status', 'Started', 'Duration', 'Cost', 'Energy', 'Hardware', 'batch', 'lr', 'optimizer', 'accuracy', 'loss']);
    await app.screenshot('runs-table');
    // Scrolled sideways, the run names stay in view.
    await screen.table().evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await app.screenshot('runs-table-scrolled');
    await screen.table().evaluate((el) => el.scrollTo({ left: 0 }));

    // Cost, cheapest first; the run whose cost is unknown goes last either way.
    await screen.sortBy('Cost');
    await screen.expectNames(['spiky', 'lr-0.1', 'lr-0.01', 'lr-0.001', 'no-hardware']);
    await screen.sortBy('accuracy');
    await screen.expectNames(['spiky', 'no-hardware', 'lr-0.1', 'lr-0.001', 'lr-0.01']);
    await screen.sortBy('accuracy');
    await screen.expectNames(['lr-0.01', 'lr-0.001', 'lr-0.1', 'no-hardware', 'spiky']);
    await screen.sortBy('lr');
    await screen.expectNames(['lr-0.001', 'lr-0.01', 'no-hardware', 'lr-0.1', 'spiky']);

    await screen.addFilter({ field: 'Metric', key: 'accuracy', op: '>=', value: '0.85' });
    await screen.expectNames(['lr-0.001', 'lr-0.01']);
    expect(await app.page.locator('.run-filters__mlflow code').textContent()).toBe('metrics.accuracy >= 0.85');
    await screen.addFilter({ field: 'Parameter', key: 'batch', op: '=', value: '64' });
    await screen.expectNames(['lr-0.001']);
    await screen.removeFilter('metric accuracy at least 0.85');
    await screen.removeFilter('param batch is "64"');
    await screen.addFilter({ field: 'Status', statuses: ['failed', 'killed'] });
    await screen.expectNames(['no-hardware', 'spiky']);
    await screen.removeFilter('status is FAILED or KILLED');
    await screen.addFilter({ field: 'Cost', to: '100' });
    await screen.expectNames(['lr-0.1', 'spiky']);
    await screen.removeFilter('cost at most $100.00');
    await screen.addFilter({ field: 'Tag', key: 'team', op: '=', value: 'nlp' });
    await screen.expectNames(['lr-0.001']);
    await screen.removeFilter('tag team is "nlp"');
    // spiky started at midnight on the 21st (UTC); the others on the 20th.
    await screen.addFilter({ field: 'Start date', from: '2026-11-21' });
    await screen.expectNames(['spiky']);
    await screen.removeFilter('started on or after 2026-11-21');
    await screen.addFilter({ field: 'Start date', from: '2026-11-20', to: '2026-11-20' });
    await screen.expectNames(['lr-0.001', 'lr-0.01', 'no-hardware', 'lr-0.1']);
    await screen.removeFilter('started on or after 2026-11-20');
    await screen.removeFilter('started on or before 2026-11-20');
    await screen.expectNames(['lr-0.001', 'lr-0.01', 'no-hardware', 'lr-0.1', 'spiky']);

    // Columns: add the tag, drop a param; the choice survives a reload.
    await screen.toggleColumn('team');
    await screen.toggleColumn('batch');
    await app.page.waitForFunction(() => Array.from(document.querySelectorAll('.runs-table__th .runs-table__label')).some((e) => e.textContent === 'team'));
    expect(await screen.headers()).toEqual(['Run', 'Status', 'Started', 'Duration', 'Cost', 'Energy', 'Hardware', 'lr', 'optimizer', 'accuracy', 'loss', 'team']);
    const teamOf = await app.page.locator('.runs-table__row[data-run-id]').first().locator('.runs-table__td').last().textContent();
    expect(teamOf).toBe('nlp');
    await app.page.reload();
    await screen.table().locator('.runs-table__row[data-run-id]').first().waitFor();
    expect(await screen.headers()).toEqual(['Run', 'Status', 'Started', 'Duration', 'Cost', 'Energy', 'Hardware', 'lr', 'optimizer', 'accuracy', 'loss', 'team']);
    expect(app.problems).toEqual([]);
  });

  it('a run page shows params, a metric chart with NaN counted, and the cost with its basis; setting the hardware of an unknown run prices it', async () => {
    ({ app, cleanup } = await seededApp());
    const screen = new RunsScreen(app.page, app);
    await screen.openRunsOf('Vision sweep');
    const runs = await screen.rpc('runs.list', { projectId: (await screen.rpc('projects.list', {}))[0]!.id });
    const byName = new Map(runs.runs.map((r) => [r.name, r]));

    await screen.openRun('lr-0.01');
    const params = app.page.getByRole('region', { name: /Parameters/ });
    expect(await params.locator('tr').allTextContents()).toEqual(['batch32', 'lr0.01', 'optimizeradam']);
    const detail = await screen.rpc('runs.get', { id: byName.get('lr-0.01')!.id });
    expect(await screen.statValue('run-cost')).toBe(formatMoney(detail.cost.costCents!, 'USD'));
    expect(await screen.statValue('run-gpu-hours')).toBe('16');
    const basis = await screen.costBasis();
    expect(basis).toContain('estimated from 8 x NVIDIA H100 SXM5 80GB at $');
    expect(basis).toContain(`/GPU-hour for 2 h 00 min, catalog price of ${detail.cost.priceAsOf!.slice(0, 7)}`);
    await screen.chart('accuracy').locator('svg path').first().waitFor();
    expect(await screen.chart('accuracy').locator('figcaption').textContent()).toBe('300 points, all drawn.');
    await app.screenshot('run-page');

    // A spiky run: 2,000 points drawn as averages with the envelope; NaN and Infinity said.
    await screen.backToRuns();
    await screen.openRun('spiky');
    await screen.chart('loss').locator('svg path').first().waitFor();
    expect(await screen.chart('loss').locator('figcaption').textContent()).toBe(
      "2,000 points, drawn as 500 averages; the shaded band shows each stretch's lowest and highest value, so no spike is hidden. 2 values were NaN or infinite and cannot be drawn.",
    );
    await screen.chart('loss').screenshot({ path: `${SCREENSHOT_DIR}/run-chart-envelope.png` });

    // Hardware unknown: the form is there; saving prices the run.
    await screen.backToRuns();
    await screen.openRun('no-hardware');
    expect(await screen.statValue('run-cost')).toBe('unknown');
    expect(await screen.costBasis()).toContain('hardware unknown');
    await app.screenshot('run-page-hardware-unknown');
    await screen.setHardware({ hardware: 'a100-80gb', devices: '4' });
    await app.page.getByTestId('run-cost').locator('.stat__value', { hasText: '$' }).waitFor();
    const priced = await screen.rpc('runs.get', { id: byName.get('no-hardware')!.id });
    expect(priced.cost.basis).toBe('catalog');
    expect(await screen.statValue('run-cost')).toBe(formatMoney(priced.cost.costCents!, 'USD'));
    expect(await screen.costBasis()).toContain('estimated from 4 x NVIDIA A100 SXM 80GB');
    expect(await screen.statValue('run-gpu-hours')).toBe('6.00');
    expect(app.problems).toEqual([]);
  });

  it('compares 3 runs: params diff, overlaid curves and the Pareto marks (dark theme)', async () => {
    ({ app, cleanup } = await seededApp('dark'));
    const screen = new RunsScreen(app.page, app);
    await screen.openRunsOf('Vision sweep');
    await screen.pick('lr-0.1');
    await screen.pick('lr-0.01');
    await screen.pick('lr-0.001');
    await screen.compare();
    const diff = app.page.getByRole('region', { name: 'Parameters' });
    expect(await diff.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent, r.getAttribute('data-differs')]))).toEqual([
      ['batch', 'true'],
      ['lr', 'true'],
      ['optimizer', 'false'],
    ]);
    expect(await diff.getByText('2 of 3 parameters differ').count()).toBe(1);
    await screen.chart('accuracy').locator('svg path').first().waitFor();
    // One line per run in each overlaid chart.
    expect(await screen.chart('loss').locator('.metric-chart__box svg').locator('path[fill="none"]').count()).toBeGreaterThanOrEqual(3);
    const front = await app.page.locator('[data-pareto="front"] text').allTextContents();
    const beaten = await app.page.locator('[data-pareto="beaten"] text').allTextContents();
    expect(front.sort()).toEqual(['lr-0.01 ★', 'lr-0.1 ★']);
    expect(beaten).toEqual(['lr-0.001']);
    expect(await app.page.getByTestId('pareto-answer').textContent()).toContain('lr-0.01');
    await app.screenshot('compare-dark');
    expect(app.problems).toEqual([]);
  });

  it('deletes a run and restores it; creates, renames, deletes and restores an experiment', async () => {
    ({ app, cleanup } = await seededApp());
    const { page } = app;
    const screen = new RunsScreen(page, app);
    await screen.openRunsOf('Vision sweep');
    await screen.openRun('spiky');
    await page.getByRole('button', { name: 'Delete run' }).click();
    await page.getByRole('button', { name: 'Restore run' }).waitFor();
    expect(await page.getByText('This run is deleted').count()).toBe(1);
    await screen.backToRuns();
    await screen.expectNames(['no-hardware', 'lr-0.001', 'lr-0.01', 'lr-0.1']);
    await page.getByRole('button', { name: 'Deleted', exact: true }).click();
    await screen.expectNames(['spiky']);
    await app.screenshot('runs-deleted-view');
    await page.getByRole('button', { name: 'Restore spiky' }).click();
    await page.getByText('No deleted runs.').waitFor();
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await screen.expectNames(['spiky', 'no-hardware', 'lr-0.001', 'lr-0.01', 'lr-0.1']);

    // Experiments: create (the contract's message for an empty name), rename, delete, restore.
    const panel = page.getByRole('region', { name: 'Experiments' });
    await panel.getByRole('button', { name: 'Create' }).click();
    expect(await panel.getByRole('alert').textContent()).toBe('Give the experiment a name');
    await panel.getByLabel('New experiment').fill('ablation');
    await panel.getByRole('button', { name: 'Create' }).click();
    const row = panel.locator('tr', { hasText: 'ablation' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Rename' }).click();
    await panel.getByLabel('New name for ablation').fill('ablation-2');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.locator('tr', { hasText: 'ablation-2' }).getByRole('button', { name: 'Delete' }).click();
    await panel.locator('tr', { hasText: 'ablation-2' }).waitFor({ state: 'detached' });
    await panel.getByLabel('Show deleted').check();
    const deleted = panel.locator('tr', { hasText: 'ablation-2' });
    expect(await deleted.locator('.badge').textContent()).toBe('deleted');
    await deleted.getByRole('button', { name: 'Restore' }).click();
    await deleted.getByRole('button', { name: 'Rename' }).waitFor();
    expect(app.problems).toEqual([]);
  });
});
