/**
 * The runs screens in Chromium (playwright-core driving Debian's Chromium, as the e2e suite does)
 * over a workspace of 10,000 runs x 20 metrics:
 *
 * 1. Navigation to a project's runs page until its table's first rows are painted (target
 *    < 500 ms), next to the same load's first contentful paint (the app shell) and the Projects
 *    page's first painted row (a two-item list through the same app and host).
 * 2. Opening a run whose metric has 1,000,000 points until its chart is painted (target < 300 ms),
 *    next to the same for a run whose metric has 1,000 points.
 * 3. Scrolling the table from top to bottom: frame times while rows page in.
 *
 * Each figure is the median of several cold page loads (fresh query cache). The workspace is
 * seeded through the real dispatcher once and kept in bench/.data/ (git-ignored).
 *
 * Run: `npm run bench -- runs-ui` (or `node bin/run-ts.js bench/runs-ui.bench.ts [rounds]`).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { createBackend } from '../electron/backend/create-backend';
import { serve } from '../electron/host/serve';
import { CHROMIUM_ARGS, CHROMIUM_MISSING, chromiumPath } from '../test/e2e/support/chromium';
import { call, seedRun, type SeedRun } from '../test/support/seed-runs';

const RUNS = 10_000;
const METRICS = 20;
const ROUNDS = Number(process.argv[2] ?? 5);
const DATA = join(fileURLToPath(new URL('.', import.meta.url)), '.data', `runs-ui-${RUNS}x${METRICS}`);
const T0 = Date.UTC(2026, 9, 1);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** Seeds the workspace once: 10,000 runs x 20 metrics (5 points each), 6 params, hardware tags; two long-series runs. */
async function seed(): Promise<{ projectId: string; longRun: string; shortRun: string }> {
  const marker = join(DATA, 'seeded.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as { projectId: string; longRun: string; shortRun: string };
  rmSync(DATA, { recursive: true, force: true });
  mkdirSync(DATA, { recursive: true });
  const started = performance.now();
  const backend = createBackend({ dataDir: DATA, host: 'test', logger: { info() {}, warn() {}, error: console.error } });
  try {
    const { dispatch } = backend;
    const project = await call(dispatch, 'projects.create', { name: 'Sweep 10k' });
    const experiment = await call(dispatch, 'experiments.create', { projectId: project.id, name: 'sweep-10k' });
    const hw = ['h100-sxm', 'a100-80gb', 'l4', 'rtx-4090'];
    const runOf = (i: number): SeedRun => {
      const metrics: Record<string, number[]> = {};
      for (let m = 0; m < METRICS; m++) metrics[`metric_${String(m).padStart(2, '0')}`] = Array.from({ length: 5 }, (_, s) => Math.sin(i * 0.37 + m) * 0.5 + 0.5 + s * 0.01);
      return {
        name: `run-${String(i).padStart(5, '0')}`,
        startTime: T0 + i * 60_000,
        endTime: T0 + i * 60_000 + (1 + (i % 7)) * 1_800_000,
        status: i % 13 === 0 ? 'FAILED' : 'FINISHED',
        params: { lr: String(10 ** -(1 + (i % 4))), batch: String(16 << (i % 4)), optimizer: i % 2 ? 'adam' : 'sgd', seed: String(i), layers: String(4 + (i % 8)), dropout: String((i % 5) / 10) },
        tags: { 'tally.hardware': hw[i % 4]!, 'tally.devices': String(1 << (i % 4)), team: i % 3 ? 'vision' : 'nlp' },
        metrics,
      };
    };
    const width = 64;
    for (let i = 0; i < RUNS; i += width) {
      await Promise.all(Array.from({ length: Math.min(width, RUNS - i) }, (_, j) => seedRun(dispatch, experiment.id, runOf(i + j))));
      if ((i / width) % 20 === 0) process.stdout.write(`\rseeding runs: ${i + width}/${RUNS}`);
    }
    const longProject = await call(dispatch, 'projects.create', { name: 'Long series' });
    const longExp = await call(dispatch, 'experiments.create', { projectId: longProject.id, name: 'long-series' });
    const series = (n: number) => Array.from({ length: n }, (_, s) => 2 * Math.exp(-s / (n / 5)) + 0.05 * Math.sin(s / 37) + (s % 99_991 === 0 ? 1 : 0));
    process.stdout.write('\rseeding the 1,000,000-point series...        ');
    const longRun = await seedRun(dispatch, longExp.id, { name: 'one-million', startTime: T0, endTime: T0 + 3_600_000, metrics: { loss: series(1_000_000) } });
    const shortRun = await seedRun(dispatch, longExp.id, { name: 'one-thousand', startTime: T0, endTime: T0 + 3_600_000, metrics: { loss: series(1_000) } });
    const ids = { projectId: project.id, longRun, shortRun, longProjectId: longProject.id };
    writeFileSync(marker, JSON.stringify(ids));
    console.log(`\rseeded ${RUNS.toLocaleString('en-US')} runs x ${METRICS} metrics and two long series in ${((performance.now() - started) / 1000).toFixed(1)} s (${(statSync(join(DATA, 'tally.db')).size / 1e6).toFixed(0)} MB)`);
    return ids;
  } finally {
    backend.close();
  }
}

/** Resolves with performance.now() (ms since navigation start) once `selector` exists and two frames have passed (painted). */
const PAINTED = `
window.__painted = (selector) => new Promise((resolve) => {
  const done = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
  if (document.querySelector(selector)) return done();
  const mo = new MutationObserver(() => { if (document.querySelector(selector)) { mo.disconnect(); done(); } });
  mo.observe(document, { childList: true, subtree: true });
});`;

async function loadUntil(page: Page, url: string, selector: string): Promise<{ painted: number; fcp: number }> {
  // A full navigation each time (a goto that only changes the hash would stay in the same document).
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  const painted = await page.evaluate(`window.__painted(${JSON.stringify(selector)})`) as number;
  const fcp = (await page.evaluate(`performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN`)) as number;
  return { painted, fcp };
}

/** From a hash change inside the loaded app to the selector painted (fresh cache: the page was just loaded elsewhere). */
async function openUntil(page: Page, baseUrl: string, hash: string, selector: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}#/settings`, { waitUntil: 'commit' });
  await page.evaluate(`window.__painted('#settings-title')`);
  return (await page.evaluate(`(async () => { const t0 = performance.now(); location.hash = ${JSON.stringify(hash)}; const t1 = await window.__painted(${JSON.stringify(selector)}); return t1 - t0; })()`)) as number;
}

async function main(): Promise<void> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  await build({ configFile: fileURLToPath(new URL('../renderer/vite.config.ts', import.meta.url)), logLevel: 'warn' });
  const ids = await seed();
  const host = await serve({ dataDir: DATA, port: 0 });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(PAINTED);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.appUrl);
    await page.evaluate(`window.__painted('#main')`);
    const base = `${host.url}/`;

    // Backend share, measured from Node over the same HTTP host.
    const rpc = async (name: string, input: unknown) => {
      const t = performance.now();
      const r = await fetch(`${host.url}/rpc/${name}`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      await r.json();
      return performance.now() - t;
    };
    const keysMs: number[] = [];
    const firstPageMs: number[] = [];
    const allMs: number[] = [];
    const series1m: number[] = [];
    const series1k: number[] = [];
    const cols = { params: ['batch', 'dropout', 'layers'], metrics: ['metric_00', 'metric_01', 'metric_02', 'metric_03'], tags: [] };
    for (let r = 0; r < ROUNDS; r++) {
      keysMs.push(await rpc('runs.keys', { projectId: ids.projectId }));
      firstPageMs.push(await rpc('runs.list', { projectId: ids.projectId, orderBy: [{ kind: 'attribute', key: 'start_time', ascending: false }], maxResults: 100, columns: cols }));
      allMs.push(await rpc('runs.list', { projectId: ids.projectId, orderBy: [{ kind: 'metric', key: 'metric_03', ascending: true }], maxResults: 10_000, columns: cols }));
      series1m.push(await rpc('runs.series', { runId: ids.longRun, keys: ['loss'], maxPoints: 500 }));
      series1k.push(await rpc('runs.series', { runId: ids.shortRun, keys: ['loss'], maxPoints: 500 }));
    }

    const runsUrl = `${base}#/projects/${ids.projectId}/runs`;
    const table: number[] = [];
    const fcps: number[] = [];
    const projects: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t = await loadUntil(page, runsUrl, '.runs-table__row[data-run-id]');
      table.push(t.painted);
      fcps.push(t.fcp);
      projects.push((await loadUntil(page, `${base}#/projects`, '.project-row')).painted);
    }

    const chartSel = 'figure[aria-label="loss chart"] .metric-chart__box svg path[fill="none"]';
    const big: number[] = [];
    const small: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      big.push(await openUntil(page, base, `#/projects/x/runs/${ids.longRun}`, chartSel));
      small.push(await openUntil(page, base, `#/projects/x/runs/${ids.shortRun}`, chartSel));
    }
    const drawnNote = await page.locator('figure[aria-label="loss chart"] figcaption').textContent();
    await openUntil(page, base, `#/projects/x/runs/${ids.longRun}`, chartSel);
    const bigNote = await page.locator('figure[aria-label="loss chart"] figcaption').textContent();

    const compareUi: number[] = [];
    const compareApi: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      compareApi.push(await rpc('runs.compare', { runIds: [ids.longRun, ids.shortRun], maxPoints: 600 }));
      compareUi.push(await openUntil(page, base, `#/projects/x/compare/${ids.longRun},${ids.shortRun}`, chartSel));
    }
    // Scrolling: frame times (rAF to rAF) while the scroll position moves every frame.
    const scrollRun = (step: number, frames: number | null) =>
      page.evaluate(`(async () => {
        const el = document.querySelector('.runs-table');
        const times = [];
        let last = performance.now();
        const t0 = last;
        let n = 0;
        while (${frames === null ? 'el.scrollTop + el.clientHeight < el.scrollHeight - 2' : `n < ${frames}`}) {
          el.scrollTop += ${step};
          n++;
          await new Promise((r) => requestAnimationFrame(r));
          const now = performance.now();
          times.push(now - last);
          last = now;
        }
        ${frames === null ? `while (!document.querySelector('.runs-table__row[aria-rowindex="${RUNS + 1}"][data-run-id]')) await new Promise((r) => requestAnimationFrame(r));` : ''}
        times.sort((a, b) => a - b);
        return { frames: times.length, p50: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], max: times[times.length - 1], total: performance.now() - t0, domRows: document.querySelectorAll('.runs-table__row').length };
      })()`) as Promise<{ frames: number; p50: number; p95: number; max: number; total: number; domRows: number }>;
    await loadUntil(page, runsUrl, '.runs-table__row[data-run-id]');
    // Wheel-like: 120 px a frame for 240 frames (about 800 rows), pages loading as they come near.
    const wheel = await scrollRun(120, 240);
    // Flinging: 2,000 px a frame from the top to the 10,000th row.
    await loadUntil(page, runsUrl, '.runs-table__row[data-run-id]');
    const scroll = await scrollRun(2000, null);

    console.log(`\nRuns page, ${RUNS.toLocaleString('en-US')} runs x ${METRICS} metrics, median of ${ROUNDS} cold loads (Chromium ${browser.version()}, 1440x900):`);
    console.log(`  navigation -> first table rows painted: ${ms(median(table))}   (target < 500 ms: ${median(table) < 500 ? 'met' : 'NOT met'})`);
    console.log(`  reference, same loads: app shell first contentful paint ${ms(median(fcps))}; Projects page first row painted ${ms(median(projects))}`);
    console.log(`  rows over the shell's first paint: +${ms(median(table) - median(fcps))}; ratio to the Projects page: ${(median(table) / median(projects)).toFixed(2)}x`);
    console.log(`  backend share (Node -> HTTP host): runs.keys ${ms(median(keysMs))}, runs.list first 100 rows ${ms(median(firstPageMs))}, all 10,000 rows sorted by a metric ${ms(median(allMs))}`);
    console.log(`\nRun page chart, median of ${ROUNDS} opens with a fresh cache:`);
    console.log(`  1,000,000-point series: open -> chart painted ${ms(median(big))}   (target < 300 ms: ${median(big) < 300 ? 'met' : 'NOT met'})`);
    console.log(`  reference, 1,000-point series: ${ms(median(small))}; ratio ${(median(big) / median(small)).toFixed(2)}x`);
    console.log(`  backend share: runs.series 1M points -> 500 buckets ${ms(median(series1m))}; 1,000 points ${ms(median(series1k))}`);
    console.log(`  compare page, the 1M-point run beside the 1,000-point one, open -> overlaid chart painted: ${ms(median(compareUi))} (runs.compare alone ${ms(median(compareApi))}; it reads each series whole before bucketing)`);
    console.log(`  chart notes: "${bigNote}" / "${drawnNote}"`);
    console.log(`\nScrolling (frame = one rAF to the next; 16.7 ms is 60 frames a second):`);
    console.log(`  wheel-like, 120 px a frame for ${wheel.frames} frames: p50 ${ms(wheel.p50)}, p95 ${ms(wheel.p95)}, max ${ms(wheel.max)}; ${wheel.domRows} row elements in the DOM`);
    console.log(`  flinging, 2,000 px a frame to the last of ${RUNS.toLocaleString('en-US')} rows: ${scroll.frames} frames, p50 ${ms(scroll.p50)}, p95 ${ms(scroll.p95)}, max ${ms(scroll.max)}; top to last row painted ${ms(scroll.total)} (rows page in 2,000 at a time)`);
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    await host.close();
  }
}

await main();
