import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledEntry } from './compiled-entry';

describe('compiledEntry', () => {
  it('bundles both entries into out/ with the layout profile-csv relies on', () => {
    const worker = compiledEntry('analysis-worker');
    const thread = compiledEntry('parallel/csv-range-thread');
    expect(worker).not.toBeNull();
    expect(thread).toBe(join(worker!, '..', 'parallel', 'csv-range-thread.js'));
    expect(existsSync(worker!) && existsSync(thread!)).toBe(true);
    // The engine's modules are inside the bundle, not imported from the .ts sources.
    expect(readFileSync(worker!, 'utf8')).not.toMatch(/from ["'][^"']*\.ts["']/);
  });

  it('rebuilds when an input is newer than the bundle', () => {
    const worker = compiledEntry('analysis-worker')!;
    const meta = join(worker, '..', 'analysis-worker.inputs.json');
    const past = new Date(Date.UTC(2000, 0, 1));
    utimesSync(meta, past, past);
    expect(compiledEntry('analysis-worker')).toBe(worker);
    expect(statSync(meta).mtimeMs).toBeGreaterThan(past.getTime());
  });
});
