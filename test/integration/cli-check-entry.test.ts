/**
 * `tally check` through its own entry (check-main.ts, the bundle bin/tally.js loads for it)
 * answers exactly as the whole CLI does: the same output, files and exit code for a text report,
 * --json, a comparison with every role, --population, --junit and --html (whose renderers and
 * schemas it loads only then), its help, bad flags and unusable input; and bin/tally.js really
 * loads that bundle for check, and the whole one otherwise.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main as wholeMain } from '../../electron/host/cli/main';
import { main as checkMain } from '../../electron/host/cli/check-main';
import type { CliIo } from '../../electron/host/cli/io';
import { compiledEntry } from '../../electron/backend/analysis/compiled-entry';
import { customers, writeCsv } from '../fixtures/check/generate';
import { tempDir } from '../support/temp';

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir('tally-cli-check-entry-');
  const all = customers(500, { seed: 7 });
  writeCsv(t.dir, 'train.csv', all.slice(0, 350));
  writeCsv(t.dir, 'test.csv', [...all.slice(350), ...all.slice(0, 60)]);
  writeFileSync(join(t.dir, 'ragged.csv'), 'a,b,c\n1,2,3\n4,5,6,7\n');
  writeFileSync(join(t.dir, 'shares.json'), '{"region": {"north": 0.7, "south": 0.1, "east": 0.1, "west": 0.1}}');
  writeFileSync(join(t.dir, 'bad-shares.json'), '{"region": {"north": "most"}}');
});
afterEach(() => t.cleanup());

async function run(entry: typeof wholeMain, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { out: (s) => (stdout += `${s}\n`), err: (s) => (stderr += `${s}\n`), env: {}, cwd: t.dir, untilStopped: () => Promise.resolve() };
  const code = await entry(args, io);
  return { code, stdout, stderr };
}

/** A report file with what differs between two runs of the same check (its time and duration) blanked. */
function report(name: string): string {
  return readFileSync(join(t.dir, name), 'utf8')
    .replace(/time="[\d.]+"/g, 'time=""')
    .replace(/Checked \d{4}-\d\d-\d\d \d\d:\d\d UTC/g, 'Checked');
}

describe('tally check on its own entry', () => {
  it('answers as the whole CLI does', async () => {
    const cases = [
      ['check', 'test.csv', '--json'],
      ['check', 'test.csv', '--reference', 'train.csv', '--target', 'churned', '--id', 'customer_id'],
      ['check', 'test.csv', '--reference', 'train.csv', '--target', 'churned', '--id', 'customer_id', '--json', '--fail-on', 'warning'],
      ['check', 'train.csv', '--population', 'shares.json', '--json'],
      ['check', 'train.csv', '--population', 'bad-shares.json'],
      ['check', 'train.csv', '--fail-on', 'info'],
      ['check', '--help'],
      ['check', 'ragged.csv'],
      ['check', 'missing.csv'],
      ['check'],
    ];
    const codes: number[] = [];
    for (const args of cases) {
      const whole = await run(wholeMain, args);
      expect(await run(checkMain, args), args.join(' ')).toEqual(whole);
      codes.push(whole.code);
    }
    expect(codes).toEqual([0, 1, 1, 0, 2, 2, 0, 2, 2, 2]);
    expect(JSON.parse((await run(checkMain, cases[3]!)).stdout).findings.some((f: { id: string }) => f.id === 'representativeness')).toBe(true);
  });

  it('writes the same JUnit and HTML reports as the whole CLI', async () => {
    const args = (tag: string) => ['check', 'test.csv', '--reference', 'train.csv', '--target', 'churned', '--junit', `${tag}.xml`, '--html', `${tag}.html`, '--fail-on', 'never'];
    const whole = await run(wholeMain, args('whole'));
    expect(await run(checkMain, args('own'))).toEqual(whole);
    expect(report('own.xml')).toEqual(report('whole.xml'));
    expect(report('own.xml')).toContain('<testsuites name="tally check"');
    expect(report('own.html')).toEqual(report('whole.html'));
    expect(report('own.html')).toContain('<html');
  });

  it('is the bundle bin/tally.js loads for check, and only for check', () => {
    const root = join(import.meta.dirname, '..', '..');
    const bundle = compiledEntry('cli-check');
    expect(bundle).not.toBeNull();
    // zod is inside the bundle, started only with --population: not imported when it loads.
    expect(readFileSync(bundle!, 'utf8')).not.toMatch(/^import .* from "zod/m);
    const cli = (args: string[]) => spawnSync(process.execPath, ['bin/tally.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, TALLY_TRACE_LOADER: '1' } });
    const checked = cli(['check', join(t.dir, 'train.csv'), '--json', '--fail-on', 'never']);
    expect(checked.status).toBe(0);
    expect(checked.stderr).toContain('tally: loaded the bundle (cli-check)');
    expect(JSON.parse(checked.stdout).rows).toBe(350);
    const population = cli(['check', join(t.dir, 'train.csv'), '--population', join(t.dir, 'shares.json'), '--json', '--fail-on', 'never']);
    expect(population.stderr).toContain('tally: loaded the bundle (cli-check)');
    expect(JSON.parse(population.stdout).findings.map((f: { id: string }) => f.id)).toContain('representativeness');
    const badShares = cli(['check', join(t.dir, 'train.csv'), '--population', join(t.dir, 'bad-shares.json')]);
    expect(badShares.status).toBe(2);
    expect(badShares.stderr).toContain('bad-shares.json: region.north:');
    expect(cli(['--version']).stderr).toContain('tally: loaded the bundle (cli)');
    expect(cli(['constructor']).stderr).toContain('tally: loaded the bundle (cli)');
  });
});
