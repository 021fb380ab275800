import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledEntry } from './compiled-entry';
import { bundlesFresh } from '../../../bin/bundles.js';
import { appRootFrom } from '../app-root';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';

describe('compiledEntry', () => {
  it('bundles the worker, its thread and the CLI into out/ with the layout run-analysis and profile-csv rely on', () => {
    const worker = compiledEntry('analysis-worker');
    const thread = compiledEntry('parallel/csv-range-thread');
    expect(worker).not.toBeNull();
    expect(thread).toBe(join(worker!, '..', 'parallel', 'csv-range-thread.js'));
    expect(existsSync(worker!) && existsSync(thread!)).toBe(true);
    // The CLI bundle sits next to the worker bundle, so its run-analysis finds the worker as a sibling.
    expect(compiledEntry('cli')).toBe(join(worker!, '..', 'cli.js'));
    // The engine's modules are inside the bundle, not imported from the .ts sources.
    expect(readFileSync(worker!, 'utf8')).not.toMatch(/from ["'][^"']*\.ts["']/);
  });

  it('carries a package listed in BUNDLED_PACKAGES inside that bundle only, every other one still imported', () => {
    const check = readFileSync(compiledEntry('cli-check')!, 'utf8');
    const whole = readFileSync(compiledEntry('cli')!, 'utf8');
    expect(check).not.toMatch(/^import .* from "zod/m);
    expect(whole).toMatch(/^import .* from "zod"/m);
    expect(whole).toMatch(/^import .* from "better-sqlite3"/m);
    expect(readFileSync(compiledEntry('analysis-worker')!, 'utf8')).toContain('import("hyparquet")');
  });

  it('rebuilds when an input is newer than the bundle', () => {
    const worker = compiledEntry('analysis-worker')!;
    const meta = join(worker, '..', 'bundles.inputs.json');
    const past = new Date(Date.UTC(2000, 0, 1));
    utimesSync(meta, past, past);
    expect(compiledEntry('analysis-worker')).toBe(worker);
    expect(statSync(meta).mtimeMs).toBeGreaterThan(past.getTime());
  });

  it('says the bundles are stale when the input list is older than a source, and missing ones are never fresh', () => {
    const root = appRootFrom(import.meta.url);
    const worker = compiledEntry('analysis-worker')!;
    expect(bundlesFresh(root)).toBe(true);
    const meta = join(worker, '..', 'bundles.inputs.json');
    const past = new Date(Date.UTC(2000, 0, 1));
    utimesSync(meta, past, past);
    expect(bundlesFresh(root)).toBe(false);
    compiledEntry('cli');
    expect(bundlesFresh(root)).toBe(true);
    expect(bundlesFresh(mkdtempSync(join(tmpdir(), 'tally-nobundle-')))).toBe(false);
  });

  it('bin/tally.js loads the fresh bundle directly, and rebuilds a stale one first', () => {
    const root = appRootFrom(import.meta.url);
    const worker = compiledEntry('cli')!;
    const run = () => spawnSync(process.execPath, ['bin/tally.js', '--version'], { cwd: root, encoding: 'utf8', env: { ...process.env, TALLY_TRACE_LOADER: '1' } });
    const fresh = run();
    expect(fresh.status).toBe(0);
    expect(fresh.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(fresh.stderr).toContain('tally: loaded the bundle');
    const past = new Date(Date.UTC(2000, 0, 1));
    utimesSync(join(worker, '..', 'bundles.inputs.json'), past, past);
    const stale = run();
    expect(stale.status).toBe(0);
    expect(stale.stderr).toContain('tally: loaded a rebuilt bundle');
    expect(bundlesFresh(root)).toBe(true);
  });
});
