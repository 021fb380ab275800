import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../shared/quality/finding';
import { customers, writeCsv } from '../fixtures/check/generate';
import { parseXml } from '../fixtures/check/parse-xml';
import { runCli } from '../support/cli';
import { tempDir } from '../support/temp';

// One folder of files for the whole suite; the CLI writes only the reports it is asked for.
let t: ReturnType<typeof tempDir>;
const cli = (args: string[]) => runCli(['check', ...args], { cwd: t.dir, env: { TALLY_DATA_DIR: join(t.dir, 'never-created') } });

beforeAll(() => {
  t = tempDir();
  const all = customers(600);
  writeCsv(t.dir, 'clean.csv', customers(300));
  writeCsv(t.dir, 'train.csv', all.slice(0, 400));
  writeCsv(t.dir, 'test.csv', [...all.slice(400), ...all.slice(0, 100)]);
  writeFileSync(join(t.dir, 'ragged.csv'), 'a,b,c\n1,2,3\n4,5,6,7\n');
  writeFileSync(join(t.dir, 'pii.csv'), `name,email,score\n${Array.from({ length: 200 }, (_, i) => `user${i},person${i}@example.com,${(i * 37) % 100}`).join('\n')}\n`);
  writeFileSync(join(t.dir, 'shares.json'), '{"region": {"north": 0.7, "south": 0.1, "east": 0.1, "west": 0.1}}');
  writeFileSync(join(t.dir, 'bad-shares.json'), '{"region": {"north": 0.7,\n  "south": }}');
});
afterAll(() => t.cleanup());

describe('tally check', () => {
  it('exits 0 when no finding reaches --fail-on, with a banner, the summary and grouped findings', async () => {
    const r = await cli(['clean.csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^(PASS|WARN) {2}clean\.csv: 300 rows, 6 columns$/);
    expect(r.stdout).toMatch(/^Warnings \(\d+\)$/m);
    expect(r.stdout).toContain('What to do:');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Gate (--fail-on error): passed: no finding reached error.');
    expect(existsSync(join(t.dir, 'never-created'))).toBe(false);
  });

  it('exits 1 when a finding reaches --fail-on, and --fail-on never always passes', async () => {
    const leaky = await cli(['test.csv', '--reference', 'train.csv', '--target', 'churned']);
    expect(leaky.code).toBe(1);
    expect(leaky.stdout.split('\n')[0]).toBe('FAIL  test.csv compared with train.csv: 300 rows, 6 columns');
    expect(leaky.stdout).toMatch(/x train_test_overlap\n {4}33% of checked rows \(100 of 300\)/);
    expect((await cli(['test.csv', '--reference', 'train.csv', '--fail-on', 'never'])).code).toBe(0);
    // The clean file has a warning (customer_id looks like an identifier): --fail-on warning fails it.
    expect((await cli(['clean.csv', '--fail-on', 'warning'])).code).toBe(1);
  });

  it('exits 2 on unusable input, naming file:line:column and what was expected', async () => {
    const ragged = await cli(['ragged.csv']);
    expect(ragged.code).toBe(2);
    expect(ragged.stdout).toBe('');
    expect(ragged.stderr).toMatch(new RegExp(`^tally check: ${join(t.dir, 'ragged.csv').replace(/[.]/g, '\\.')}:3:\\d+: .*expected 3`));
    const missing = await cli(['nope.csv']);
    expect(missing).toMatchObject({ code: 2, stderr: `tally check: ${join(t.dir, 'nope.csv')}: no such file.\n` });
    expect((await cli([])).code).toBe(2);
    expect((await cli(['clean.csv', '--fail-on', 'info'])).stderr).toBe('tally check: --fail-on must be error, warning or never (got "info")\n');
    const badShares = await cli(['clean.csv', '--population', 'bad-shares.json']);
    expect(badShares.code).toBe(2);
    expect(badShares.stderr).toMatch(/bad-shares\.json:2:12: not valid JSON: found .\}., expected a value/);
    expect((await cli(['clean.csv', '--target', 'label'])).stderr).toContain('has no column named "label"');
  });

  it('--json prints the file, rows, per-column profile, findings and verdict', async () => {
    const r = await cli(['test.csv', '--reference', 'train.csv', '--target', 'churned', '--population', 'shares.json', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ file: join(t.dir, 'test.csv'), rows: 300, verdict: 'fail', failOn: 'error', gateFailed: true });
    expect(out.columns.map((c: { name: string }) => c.name)).toEqual(['customer_id', 'age', 'income', 'region', 'signup', 'churned']);
    const ages = [...customers(600).slice(400), ...customers(600).slice(0, 100)].map((r) => r.age);
    const age = out.columns.find((c: { name: string }) => c.name === 'age');
    expect(age).toMatchObject({ type: 'integer', count: 300, missing: 0, distinct: new Set(ages).size });
    expect(age.numeric.min).toBe(Math.min(...ages));
    expect(age.numeric.histogram.edges.length).toBe(age.numeric.histogram.counts.length + 1);
    const ids = new Set(out.findings.map((f: { id: string }) => f.id));
    expect(ids.has('train_test_overlap')).toBe(true);
    expect(ids.has('representativeness')).toBe(true);
    for (const f of out.findings) {
      expect(CHECK_IDS).toContain(f.id);
      expect(['info', 'warning', 'error']).toContain(f.severity);
      expect(f.message.length).toBeGreaterThan(0);
      expect(f.advice.length).toBeGreaterThan(0);
    }
    expect(out.reference.rows).toBe(400);
  });

  it('--junit writes one testcase per check id, failures at or above --fail-on, skips what does not apply', async () => {
    const r = await cli(['test.csv', '--reference', 'train.csv', '--fail-on', 'warning', '--junit', 'report.xml']);
    expect(r.code).toBe(1);
    const root = parseXml(readFileSync(join(t.dir, 'report.xml'), 'utf8'));
    expect(root.name).toBe('testsuites');
    const suite = root.children[0]!;
    const cases = suite.children.filter((c) => c.name === 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual([...CHECK_IDS]);
    const failed = cases.filter((c) => c.children.some((k) => k.name === 'failure')).map((c) => c.attrs.name);
    const skipped = cases.filter((c) => c.children.some((k) => k.name === 'skipped')).map((c) => c.attrs.name);
    expect(failed).toContain('train_test_overlap');
    expect(failed).toContain('unique_identifier'); // a warning, and --fail-on warning
    expect(skipped).toEqual(['class_imbalance', 'conflicting_labels', 'target_leakage', 'representativeness']);
    expect(suite.attrs).toMatchObject({ tests: String(CHECK_IDS.length), failures: String(failed.length), skipped: '4' });
    const overlap = cases.find((c) => c.attrs.name === 'train_test_overlap')!.children.find((k) => k.name === 'failure')!;
    expect(overlap.attrs.message).toMatch(/^33% of checked rows \(100 of 300\)/);
  });

  it('--html writes one small self-contained report with the verdict and no personal data', async () => {
    const r = await cli(['pii.csv', '--html', 'report.html']);
    expect([0, 1]).toContain(r.code);
    const html = readFileSync(join(t.dir, 'report.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/src=/i);
    expect(html).toMatch(/<div class="banner (pass|warn|fail)"><strong>(PASS|WARN|FAIL): /);
    expect(html).toContain('<svg');
    expect(html).toContain('Values not shown: this column holds personal data.');
    expect(html).not.toMatch(/person\d+@example\.com/);
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
    // Only the report was written next to the data.
    expect(readdirSync(t.dir).filter((f) => f.startsWith('report'))).toEqual(expect.arrayContaining(['report.html']));
  });
});
