/**
 * `tally eval` as CI runs it: exit codes from gates, --json in the documented shape, --junit with one
 * testcase per gate, --html self-contained, outputs refused over inputs, --reference for `ref`
 * gates, guessed roles said on stderr, and the extras wired to the right rows (slices, threshold,
 * planted label flips, membership inference).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { binaryPredictions, lcg, writePredictions } from '../fixtures/predictions/generate';
import { parseXml } from '../fixtures/check/parse-xml';
import { runCli } from '../support/cli';
import { tempDir } from '../support/temp';

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir('tally-cli-eval-');
});
afterEach(() => t.cleanup());

interface EvalJson {
  task: string;
  n: number;
  metrics: Record<string, number | null>;
  slices: Array<{ column: string; value: string; n: number; worse: boolean; verdict: string; note: string | null }>;
  threshold?: { atDefault: { costPer1000Micros: number | null }; best: { threshold: number | null; costPer1000Micros: number | null } | null; message: string | null };
  labelIssues?: { rows: Array<{ row: number; given: string }>; total: number; searchedRows: number };
  membershipInference?: { advantage: number; verdict: string; trainRows: number; heldOutRows: number };
  gates?: Array<{ expression: string; passed: boolean; actual: number | null; message: string }>;
}

const ROLES = ['--label', 'label', '--score', 'score'];

describe('tally eval', () => {
  it('prints the documented JSON shape, keys in order, and exits 0 when every gate passes', async () => {
    const file = writePredictions(t.dir, 'p.csv', binaryPredictions(2000));
    const r = await runCli(['eval', file, ...ROLES, '--gate', 'auc>=0.6', '--gate', 'accuracy>0.5', '--json', '--bootstrap', '0']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as EvalJson & Record<string, unknown>;
    expect(Object.keys(out).slice(0, 9)).toEqual(['task', 'n', 'metrics', 'baseline', 'confusionMatrix', 'perClass', 'slices', 'threshold', 'labelIssues']);
    expect(Object.keys(out)).toContain('gates');
    expect(out.gates!.map((g) => g.passed)).toEqual([true, true]);
    expect(out.task).toBe('binary');
    expect(out.n).toBe(2000);
  });

  it('exits 1 when a gate fails, and --junit has one testcase per gate with the failure', async () => {
    const file = writePredictions(t.dir, 'p.csv', binaryPredictions(2000));
    const junit = join(t.dir, 'eval.xml');
    const r = await runCli(['eval', file, ...ROLES, '--gate', 'f1>=0.99', '--gate', 'rocAuc>=0.6', '--junit', junit]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL f1>=0\.99: F1 is [\d.]+, missing >= 0\.99: fail\./);
    const root = parseXml(readFileSync(junit, 'utf8'));
    expect(root).toMatchObject({ name: 'testsuites', attrs: { tests: '2', failures: '1' } });
    const cases = root.children[0]!.children.filter((c) => c.name === 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(['f1>=0.99', 'rocAuc>=0.6']);
    expect(cases.map((c) => c.children.some((k) => k.name === 'failure'))).toEqual([true, false]);
  });

  it('a gate that does not parse is exit 2 naming the gate and position, before the file is read', async () => {
    const r = await runCli(['eval', join(t.dir, 'absent.csv'), ...ROLES, '--gate', 'f1>>0.8']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tally eval: Gate "f1>>0\.8": .* at position \d+\.\n$/);
  });

  it('--reference compares with a previous --json output (ref gates)', async () => {
    const before = writePredictions(t.dir, 'v1.csv', binaryPredictions(2000, 3));
    const ref = join(t.dir, 'v1.json');
    writeFileSync(ref, (await runCli(['eval', before, ...ROLES, '--json', '--bootstrap', '0'])).stdout);
    const worse = writePredictions(t.dir, 'v2.csv', binaryPredictions(2000, 3).map((row, i) => (i % 4 === 0 ? { ...row, score: Math.round((1 - row.score) * 1e6) / 1e6 } : row)));
    const r = await runCli(['eval', worse, ...ROLES, '--reference', ref, '--gate', 'auc>=ref-0.02', '--json', '--bootstrap', '0']);
    expect(r.code).toBe(1);
    const gate = (JSON.parse(r.stdout) as EvalJson).gates![0]!;
    expect(gate.passed).toBe(false);
    expect(gate.message).toMatch(/^ROC AUC is [\d.]+, missing >= [\d.]+: fail\.$/);
  });

  it('writes a self-contained HTML report (no script, nothing loaded from outside) and refuses an output over the input', async () => {
    const file = writePredictions(t.dir, 'p.csv', binaryPredictions(1000));
    const html = join(t.dir, 'report.html');
    const r = await runCli(['eval', file, ...ROLES, '--slice', 'region', '--cost-fp', '1', '--cost-fn', '10', '--html', html]);
    expect(r.code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<h2>Slices</h2>');
    expect(page).toContain('<h2>Threshold</h2>');
    expect(page).toContain('<svg');
    expect(page).not.toMatch(/<script|src=|href=|url\(/i);
    const before = readFileSync(file);
    const refused = await runCli(['eval', file, ...ROLES, '--html', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is the same file as the FILE being read');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('guesses roles it was not given and says so on stderr', async () => {
    const file = join(t.dir, 'preds.csv');
    writeFileSync(file, 'y_true,y_prob,segment\n1,0.9,a\n0,0.2,b\n1,0.7,a\n0,0.4,b\n');
    const r = await runCli(['eval', file, '--json', '--bootstrap', '0']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('tally eval: using --label y_true (named "y_true", a usual name for the true label)\ntally eval: using --score y_prob (guessed from the column names and values)\n');
    expect((JSON.parse(r.stdout) as EvalJson).metrics.rocAuc).toBe(1);
  });

  it('slices put the noisier region first as significantly worse; the threshold tool finds a cheaper threshold', async () => {
    const file = writePredictions(t.dir, 'p.csv', binaryPredictions(8000));
    const r = await runCli(['eval', file, ...ROLES, '--slice', 'region', '--cost-fp', '1', '--cost-fn', '20', '--json', '--bootstrap', '300']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as EvalJson;
    expect(out.slices[0]).toMatchObject({ column: 'region', value: 'west', worse: true, verdict: 'significantly-worse' });
    expect(out.slices.slice(1).every((s) => !s.worse)).toBe(true);
    expect(out.slices.reduce((a, s) => a + s.n, 0)).toBe(8000);
    const th = out.threshold!;
    expect(th.best!.threshold!).toBeLessThan(0.5);
    expect(th.best!.costPer1000Micros!).toBeLessThan(th.atDefault.costPer1000Micros!);
    expect(th.message).toMatch(/is the cheapest choice at 1\.00 per false alarm and 20\.00 per missed case/);
  });

  it('label issues point at the rows whose labels were flipped', async () => {
    // A confident, mostly right model; then 40 labels flipped at known rows.
    const rnd = lcg(5);
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const label = rnd() < 0.4 ? 1 : 0;
      const score = Math.round((label ? 0.75 + rnd() * 0.24 : 0.01 + rnd() * 0.24) * 1e6) / 1e6;
      return { id: i + 1, label, score };
    });
    const flipped = new Set<number>();
    for (let k = 0; k < 40; k++) flipped.add(37 + k * 71);
    for (const i of flipped) rows[i]!.label = 1 - rows[i]!.label;
    const file = writePredictions(t.dir, 'flips.csv', rows);
    const out = JSON.parse((await runCli(['eval', file, ...ROLES, '--json', '--bootstrap', '0'])).stdout) as EvalJson;
    const found = out.labelIssues!.rows.slice(0, 40).map((x) => x.row - 1);
    const hits = found.filter((i) => flipped.has(i)).length;
    expect(hits).toBeGreaterThanOrEqual(36);
    expect(out.labelIssues!.searchedRows).toBe(3000);
    for (const x of out.labelIssues!.rows.slice(0, 10)) expect(x.given).toBe(String(rows[x.row - 1]!.label));
  });

  it('membership inference: near 0 when training rows look like the rest, clearly above 0 when the model memorised them', async () => {
    const rnd = lcg(9);
    const make = (memorised: boolean) =>
      Array.from({ length: 4000 }, () => {
        const label = rnd() < 0.5 ? 1 : 0;
        const inTrain = rnd() < 0.5 ? 1 : 0;
        const sharp = memorised && inTrain === 1;
        const right = sharp ? 0.97 + rnd() * 0.02 : 0.55 + rnd() * 0.35;
        return { label, score: Math.round((label ? right : 1 - right) * 1e6) / 1e6, in_train: inTrain };
      });
    const fair = JSON.parse((await runCli(['eval', writePredictions(t.dir, 'fair.csv', make(false)), ...ROLES, '--train-flag', 'in_train', '--json', '--bootstrap', '200'])).stdout) as EvalJson;
    const leaky = JSON.parse((await runCli(['eval', writePredictions(t.dir, 'leaky.csv', make(true)), ...ROLES, '--train-flag', 'in_train', '--json', '--bootstrap', '200'])).stdout) as EvalJson;
    expect(fair.membershipInference!.advantage).toBeLessThan(0.05);
    expect(fair.membershipInference!.verdict).toBe('coin-flip');
    expect(leaky.membershipInference!.advantage).toBeGreaterThan(0.5);
    expect(leaky.membershipInference!.verdict).toBe('much-better');
    expect(leaky.membershipInference!.trainRows + leaky.membershipInference!.heldOutRows).toBe(4000);
  });
});
