import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { tempDir } from '../support/temp';
import { call, seedProjectRuns, type SeedRun } from '../support/seed-runs';
import { startApp, type RunningApp } from './support/app';
import { RunsScreen } from './support/runs.page';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 20, 8);
const acc = (last: number) => Array.from({ length: 20 }, (_, i) => (last * (i + 1)) / 20);

// Cost rises with hours on 8 x H100: the cheapest run is not the best, one run is beaten on both.
const RUNS: SeedRun[] = [
  { name: 'cheap', startTime: T0, endTime: T0 + 1 * H, metrics: { accuracy: acc(0.8) }, compute: { hardwareId: 'h100-sxm', devices: 8 } },
  { name: 'best', startTime: T0 + 2 * H, endTime: T0 + 5 * H, metrics: { accuracy: acc(0.92) }, compute: { hardwareId: 'h100-sxm', devices: 8 } },
  { name: 'wasteful', startTime: T0 + 6 * H, endTime: T0 + 12 * H, metrics: { accuracy: acc(0.85) }, compute: { hardwareId: 'h100-sxm', devices: 8 } },
];

describe('experiments on the Runs page, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  let dir: ReturnType<typeof tempDir> | null = null;
  afterEach(async () => {
    await app?.close();
    dir?.cleanup();
    app = null;
  });

  it('shows metric per dollar over a whole experiment, moves the experiment to another project, and links a run to a plan', async () => {
    dir = tempDir('tally-e2e-experiments-');
    const backend = createBackend({ dataDir: dir.dir, host: 'test' });
    let runIds: string[];
    try {
      ({ runIds } = await seedProjectRuns(backend.dispatch, { projectName: 'Vision', experimentName: 'lr-sweep', runs: RUNS }));
      const other = await call(backend.dispatch, 'projects.create', { name: 'Archive' });
      await call(backend.dispatch, 'scenarios.create', { projectId: other.id, name: 'Unused plan', kind: 'training', input: { params: 7e8, tokens: 1e10, hardware: 'h100-sxm', gpus: 8 } });
      const vision = (await call(backend.dispatch, 'projects.list', {})).find((p) => p.name === 'Vision')!;
      await call(backend.dispatch, 'scenarios.create', { projectId: vision.id, name: 'Sweep plan', kind: 'training', input: { params: 7e8, tokens: 1e10, hardware: 'h100-sxm', gpus: 8 } });
    } finally {
      backend.close();
    }
    app = await startApp({ dataDir: dir.dir });
    const { page } = app;
    const screen = new RunsScreen(page, app);
    await screen.openRunsOf('Vision');

    const pareto = page.getByRole('region', { name: 'Metric per dollar' });
    await pareto.getByTestId('experiment-pareto-answer').waitFor();
    expect(await pareto.getByTestId('experiment-pareto-answer').textContent()).toMatch(/cheap/);
    await app.screenshot('runs-experiment-pareto');

    // Link one run to the plan from its page; the link is kept.
    await page.getByRole('link', { name: 'cheap' }).click();
    const planSelect = page.getByLabel('Carries out plan');
    await Promise.all([page.waitForResponse((r) => r.url().includes('/rpc/runs.setCompute') && r.ok()), planSelect.selectOption({ label: 'Sweep plan' })]);
    await page.reload();
    expect(await page.getByLabel('Carries out plan').locator('option:checked').textContent()).toBe('Sweep plan');
    const linked = await screen.rpc('runs.get', { id: runIds[0]! });
    expect(linked.compute.scenarioId).not.toBeNull();

    // Move the experiment to the other project: its runs go with it.
    await page.goBack();
    await page.getByRole('heading', { name: 'Runs of Vision', level: 1 }).waitFor();
    await page.getByLabel('Move lr-sweep to another project').selectOption({ label: 'Archive' });
    await page.getByText('No runs yet.').waitFor();
    const moved = await screen.rpc('experiments.get', { name: 'lr-sweep' });
    expect(moved.projectName).toBe('Archive');
    expect(app.problems).toEqual([]);
  });
});
