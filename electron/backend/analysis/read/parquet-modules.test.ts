import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledEntry } from '../compiled-entry';
import { loadParquetModules, parquetModules } from './parquet-modules';

describe('Parquet modules loaded on first use', () => {
  it('are refused before they are loaded, then load once', async () => {
    expect(() => parquetModules()).toThrow(/before loadParquetModules\(\) resolved/);
    const first = loadParquetModules();
    expect(loadParquetModules()).toBe(first);
    const m = await first;
    expect(parquetModules()).toBe(m);
    expect(typeof m.hyparquet.parquetRead).toBe('function');
    expect(typeof m.compressors.decompressZstd).toBe('function');
    expect(typeof m.column.parquetHeader).toBe('function');
    expect(typeof m.schema.getTreePath).toBe('function');
    expect(typeof m.wkb.wkbToGeojson).toBe('function');
  });

  it('are not imported when the CLI, the analysis worker or its thread starts (a CSV check never loads them)', () => {
    for (const name of ['cli', 'analysis-worker', 'parallel/csv-range-thread'] as const) {
      const path = compiledEntry(name);
      expect(path).not.toBeNull();
      const code = readFileSync(path!, 'utf8');
      expect(code).not.toMatch(/^import [^;]*from\s*["']hyparquet/m);
      if (name !== 'parallel/csv-range-thread') expect(code).toMatch(/import\(["']hyparquet["']\)/);
    }
  });
});
