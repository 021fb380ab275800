import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_GRID_INTENSITIES } from '../../shared/catalog/grid-intensities.data';
import { DEFAULT_HARDWARE } from '../../shared/catalog/hardware.data';
import { runCli } from '../support/cli';
import { tempDir } from '../support/temp';

/** `tally catalog ...` in-process against its own data folder; files go to a temp folder. */
describe('tally catalog', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());
  const cli = (args: string[]) => runCli(['catalog', ...args], { dataDir: join(t.dir, 'data'), cwd: t.dir });
  const write = (name: string, text: string) => writeFileSync(join(t.dir, name), text);

  it('list: a table with as-of dates and ages, or one JSON object', async () => {
    t = tempDir();
    const human = await cli(['list', '--kind', 'hardware', '--search', 'h100']);
    expect(human.code).toBe(0);
    const lines = human.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^KIND +ID +WHAT +AS OF +AGE +ORIGIN$/);
    expect(lines.slice(2).map((l) => l.split(/\s+/)[1])).toEqual(['h100-sxm', 'h100-pcie']);
    expect(lines[2]).toMatch(/NVIDIA H100 SXM5 80GB: 80 GB, 3350 GB\/s, 989\.5 TFLOPS bf16, 700 W +\d{4}-\d{2} +[\d.]+ (years|days) +default/);
    const json = JSON.parse((await cli(['list', '--kind', 'hardware', '--json'])).stdout);
    expect(json.rows).toHaveLength(DEFAULT_HARDWARE.length);
    expect(json.rows[0]).toMatchObject({ kind: 'hardware', origin: 'default', row: { id: DEFAULT_HARDWARE[0]!.id } });
    expect((await cli(['list', '--search', 'no-such-thing'])).stdout).toBe('No catalog rows match.\n');
  });

  it('show: every field of one row, its age and origin; --json gives the detail object', async () => {
    t = tempDir();
    const human = await cli(['show', 't4']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^NVIDIA T4: 16 GB, 320 GB\/s, 65 TFLOPS bf16, 70 W\n/);
    expect(human.stdout).toMatch(/\n {2}bandwidthGbs +320\n/);
    expect(human.stdout).toMatch(/\n {2}origin +default\n/);
    const json = JSON.parse((await cli(['show', 'world', '--json'])).stdout);
    expect(json).toMatchObject({ entry: { kind: 'grid-intensity', row: { id: 'world', kgCo2PerKwh: 0.475 } }, defaultRow: null });
    const missing = await cli(['show', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('tally catalog: no catalog row with id "nope"; see tally catalog list\n');
  });

  it('import: a good CSV adds and edits rows; export writes CSV and JSON', async () => {
    t = tempDir();
    write('grid.csv', 'id,region,kgCo2PerKwh,source,asOf,confidence,notes\noffice,Our office,0.2,utility bill,2026-10,verified,\nworld,World (IEA 2024),0.48,IEA,2024-12,secondary,\n');
    const imported = await cli(['import', 'grid.csv']);
    expect(imported.stdout).toBe('Imported grid.csv: 1 added, 1 updated, 0 unchanged (2 grid-intensity).\n');
    const edited = JSON.parse((await cli(['list', '--origin', 'edited', '--json'])).stdout);
    expect(edited.rows.map((e: { row: { id: string } }) => e.row.id)).toEqual(['world']);

    const csv = await cli(['export', 'out.csv', '--kind', 'grid-intensity']);
    expect(csv.stdout).toBe(`Wrote ${DEFAULT_GRID_INTENSITIES.length + 1} rows to out.csv (csv).\n`);
    const text = readFileSync(join(t.dir, 'out.csv'), 'utf8');
    expect(text.split('\r\n')[0]).toBe('id,region,kgCo2PerKwh,source,asOf,confidence,notes');
    expect(text).toContain('\r\noffice,Our office,0.2,utility bill,2026-10,verified,\r\n');
    const json = JSON.parse((await cli(['export', 'mine.json', '--only', 'user', '--json'])).stdout);
    expect(json).toEqual({ file: 'mine.json', format: 'json', rows: 2 });
    expect(JSON.parse(readFileSync(join(t.dir, 'mine.json'), 'utf8'))['grid-intensity'].map((r: { id: string }) => r.id)).toEqual(['world', 'office']);
    const again = JSON.parse((await cli(['import', 'mine.json', '--json'])).stdout);
    expect(again).toEqual({ file: 'mine.json', added: 0, updated: 0, unchanged: 2, byKind: { 'grid-intensity': 2 } });
  });

  it('import refuses a file with a bad row, naming line and field, and changes nothing', async () => {
    t = tempDir();
    write('bad.csv', 'id,region,kgCo2PerKwh,source,asOf,confidence,notes\noffice,Our office,0.2,bill,2026-10,verified,\nbad,Bad,-1,bill,2026-10,verified,\n');
    const r = await cli(['import', 'bad.csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('tally catalog: bad.csv: Import rejected, nothing was changed: Line 3, CO2 per kWh of electricity (kgCo2PerKwh column): must not be negative\n');
    expect((await cli(['list', '--origin', 'added'])).stdout).toBe('No catalog rows match.\n');
  });

  it('refuses other bad input with one line and exit code 2', async () => {
    t = tempDir();
    write('notes.txt', 'hello');
    const cases: Array<[string[], string]> = [
      [['export', 'x.csv'], 'tally catalog: a CSV file holds one kind of rows: add --kind (hardware, cloud-gpu-price, llm-api-price, grid-intensity), or export to .json'],
      [['import', 'notes.txt'], 'tally catalog: cannot tell the format of notes.txt from its extension: add --format csv or --format json'],
      [['import', 'missing.csv'], 'tally catalog: cannot read missing.csv: no such file'],
      [['import'], 'tally catalog: missing FILE to import'],
      [['list', '--kind', 'gpu'], 'tally catalog: --kind must be one of hardware, cloud-gpu-price, llm-api-price, grid-intensity (got "gpu")'],
      [['frobnicate'], 'tally catalog: unknown catalog command "frobnicate"'],
    ];
    for (const [args, first] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0], args.join(' ')).toBe(first);
      expect(r.stdout).toBe('');
    }
  });
});
