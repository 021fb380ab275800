/**
 * Bench for `tally eval`: 10,000,000 binary predictions from CSV (id, label, score: 189 MB), the
 * full classification report (every metric, baselines, Wilson intervals, confusion matrix, per
 * class, ROC / PR / reliability curves, the threshold tool; not slices, label issues or bootstrap
 * intervals, as the target says) through `tally eval --json` as a user runs it, next to
 * pandas.read_csv + scikit-learn computing the same metrics and curves in the same run (each
 * metric called separately, as a user would). Then slices with bootstrap intervals on 1M rows (two
 * slice columns, 1,000 resamples per slice), next to pandas + scikit-learn computing the same
 * metrics per slice without intervals (groupby, one call per metric) in the same run.
 * Runs alternate ROUNDS times and medians are reported: this machine is shared and noisy.
 * Targets: >= 15x faster than pandas + sklearn, peak RSS <= 512 MB; slices on 1M rows < 5 s.
 * Each tally run is one whole `tally eval` process (CLI start, worker process, threads).
 * Usage: npx tsx bench/eval.bench.ts [rows] [rounds] [both|six|full]   (files are generated once into bench/.data/)
 * Two file shapes: `six`, scores with six decimals, and `full`, every digit of the double (as
 * pandas' to_csv writes model output: 16-17 significant digits, almost every score distinct),
 * where neither tally's six-decimal lanes (counting instead of sorting) nor pandas' shorter parse
 * apply. `both` (the default) measures both shapes in the same rounds and prints a ratio for each;
 * `full` alone skips the slices part. CPU seconds and the load average are printed with every
 * figure: other tenants share the two cores, and wall time follows their load.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generatePredictions } from './generate-predictions';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dataDir = join(here, '.data');
const rows = Number(process.argv[2] ?? 10_000_000);
const ROUNDS = Math.max(1, Number(process.argv[3] ?? 3));
const MODE = process.argv[4] ?? 'both';
if (!['both', 'six', 'full'].includes(MODE)) throw new Error(`mode must be both, six or full; got ${MODE}`);
const SHAPES = (MODE === 'both' ? ['six', 'full'] : [MODE]) as Array<'six' | 'full'>;
const fileOf = (shape: 'six' | 'full') => join(dataDir, `${rows === 10_000_000 ? 'eval-10m' : `eval-${rows}`}${shape === 'full' ? '-full' : ''}.csv`);
const sliced = join(dataDir, 'eval-slices-1m.csv');

interface Measured {
  seconds: number;
  cpuSeconds: number | null;
  rssMb: number | null;
  stderr: string;
}

const hasGnuTime = existsSync('/usr/bin/time');

/** One whole process; wall time from here, CPU and peak RSS (the largest process of the tree) from GNU time. */
function measure(cmd: string, args: string[], env: Record<string, string> = {}): Measured {
  const started = performance.now();
  const r = hasGnuTime
    ? spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env }, cwd: root })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env }, cwd: root });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ').slice(0, 200)} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
  return { seconds, cpuSeconds: user && sys ? Number(user[1]) + Number(sys[1]) : null, rssMb: rss ? Number(rss[1]) / 1024 : null, stderr: r.stderr };
}

const SKLEARN = `
import sys, numpy as np, pandas as pd
from sklearn import metrics as M
from sklearn.calibration import calibration_curve
df = pd.read_csv(sys.argv[1])
y = df["label"].to_numpy(); s = df["score"].to_numpy(); p = (s >= 0.5).astype(int)
out = {}
out["accuracy"] = M.accuracy_score(y, p)
out["balanced_accuracy"] = M.balanced_accuracy_score(y, p)
out["precision"] = M.precision_score(y, p)
out["recall"] = M.recall_score(y, p)
out["f1"] = M.f1_score(y, p)
out["macro_f1"] = M.f1_score(y, p, average="macro")
out["micro_f1"] = M.f1_score(y, p, average="micro")
out["weighted_f1"] = M.f1_score(y, p, average="weighted")
out["confusion"] = M.confusion_matrix(y, p)
out["roc_auc"] = M.roc_auc_score(y, s)
out["roc_curve"] = M.roc_curve(y, s)
out["average_precision"] = M.average_precision_score(y, s)
out["pr_curve"] = M.precision_recall_curve(y, s)
out["log_loss"] = M.log_loss(y, s)
out["brier"] = M.brier_score_loss(y, s)
prob_true, prob_pred = calibration_curve(y, s, n_bins=10)
print(out["roc_auc"], out["f1"], out["log_loss"])
`;

// The slice reference: the same binary metrics on the whole file and per slice (region; age in
// quartile bins), point values only: scikit-learn has no interval for them.
const SKLEARN_SLICES = `
import sys, numpy as np, pandas as pd
from sklearn import metrics as M
df = pd.read_csv(sys.argv[1])
df["age_bin"] = pd.qcut(df["age"], 4)
def report(g):
    y = g["label"].to_numpy(); s = g["score"].to_numpy(); p = (s >= 0.5).astype(int)
    return [M.accuracy_score(y, p), M.balanced_accuracy_score(y, p), M.precision_score(y, p), M.recall_score(y, p),
            M.f1_score(y, p), M.roc_auc_score(y, s), M.average_precision_score(y, s), M.log_loss(y, s), M.brier_score_loss(y, s)]
out = [report(df)]
for col in ["region", "age_bin"]:
    for value, g in df.groupby(col):
        out.append(report(g))
print(len(out), out[0][5])
`;

function python(): string | null {
  const r = spawnSync('/usr/bin/python3', ['-c', 'import pandas, sklearn'], { encoding: 'utf8' });
  return r.status === 0 ? '/usr/bin/python3' : null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function workerStats(stderr: string): { rssMb: number; cpuSeconds: number; timings: Record<string, number> } | null {
  const m = /tally eval stats: (\{.*\})/.exec(stderr);
  if (!m) return null;
  const s = JSON.parse(m[1]!) as { timings: Record<string, number>; workerPeakRssBytes: number; workerCpuMs: number };
  return { rssMb: s.workerPeakRssBytes / 2 ** 20, cpuSeconds: s.workerCpuMs / 1000, timings: s.timings };
}

mkdirSync(dataDir, { recursive: true });
for (const shape of SHAPES) {
  const file = fileOf(shape);
  if (existsSync(file)) continue;
  console.log(`generating ${rows.toLocaleString('en-US')} predictions (${shape}) into ${file} ...`);
  generatePredictions(file, rows, { fullPrecision: shape === 'full' });
}
const withSlices = MODE !== 'full';
if (withSlices && !existsSync(sliced)) generatePredictions(sliced, 1_000_000, { slices: true });
console.log(`files: ${SHAPES.map((sh) => `${fileOf(sh)} (${(statSync(fileOf(sh)).size / 2 ** 20).toFixed(0)} MiB)`).join(', ')}; ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

const tallyArgs = (file: string) => ['bin/tally.js', 'eval', file, '--label', 'label', '--score', 'score', '--bootstrap', '0', '--no-label-issues', '--json'];
// Warm-up: builds the CLI and worker bundles when stale, and the page cache.
for (const shape of SHAPES) measure(process.execPath, tallyArgs(fileOf(shape)));
const py = python();
const tally: Record<string, Measured[]> = { six: [], full: [] };
const sk: Record<string, Measured[]> = { six: [], full: [] };
const loads: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const shape of SHAPES) {
    tally[shape]!.push(measure(process.execPath, tallyArgs(fileOf(shape)), { TALLY_EVAL_STATS: '1' }));
    if (py) sk[shape]!.push(measure(py, ['-c', SKLEARN, fileOf(shape)]));
    loads.push(loadavg()[0]!);
    const t = tally[shape]![round]!;
    console.log(`round ${round + 1} ${shape}: tally ${t.seconds.toFixed(2)} s (${t.cpuSeconds?.toFixed(2)} CPU-s)${py ? `, pandas + sklearn ${sk[shape]![round]!.seconds.toFixed(2)} s (${sk[shape]![round]!.cpuSeconds?.toFixed(2)} CPU-s)` : ''} (load ${loadavg()[0]!.toFixed(1)})`);
  }
}
const slices: Measured[] = [];
const skSlices: Measured[] = [];
const sliceLoads: number[] = [];
for (let round = 0; round < (withSlices ? ROUNDS : 0); round++) {
  slices.push(measure(process.execPath, ['bin/tally.js', 'eval', sliced, '--label', 'label', '--score', 'score', '--slice', 'region', '--slice', 'age', '--no-label-issues', '--json'], { TALLY_EVAL_STATS: '1' }));
  if (py) skSlices.push(measure(py, ['-c', SKLEARN_SLICES, sliced]));
  sliceLoads.push(loadavg()[0]!);
  console.log(`slices round ${round + 1}: tally ${slices[round]!.seconds.toFixed(2)} s (${slices[round]!.cpuSeconds?.toFixed(2)} CPU-s)${py ? `, pandas + sklearn without intervals ${skSlices[round]!.seconds.toFixed(2)} s` : ''} (load ${loadavg()[0]!.toFixed(1)})`);
}

const med = (ms: Measured[], f: (m: Measured) => number | null) => median(ms.map((m) => f(m) ?? NaN));
const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)}`;
const shapeName = { six: 'six-decimal scores', full: 'full-precision scores' };
const ratios: Record<string, number | null> = {};
const peaks: Record<string, number> = {};
console.log('');
console.log(`| run (${rows.toLocaleString('en-US')} rows, medians of ${ROUNDS}) | wall s | cpu s | peak RSS |`);
console.log('| --- | --- | --- | --- |');
for (const shape of SHAPES) {
  const t = tally[shape]!;
  const w = t.map((m) => workerStats(m.stderr)).filter((x) => x !== null);
  const workerRss = Math.max(...w.map((x) => x.rssMb));
  peaks[shape] = Math.max(med(t, (m) => m.rssMb), workerRss);
  ratios[shape] = py ? median(t.map((m, i) => sk[shape]![i]!.seconds / m.seconds)) : null;
  console.log(`| tally eval --json, ${shapeName[shape]} (full report, no slices / label issues / bootstrap) | ${med(t, (m) => m.seconds).toFixed(2)} | ${med(t, (m) => m.cpuSeconds).toFixed(2)} | ${med(t, (m) => m.rssMb).toFixed(0)} MB (worker ${workerRss.toFixed(0)} MB) |`);
  if (py) console.log(`| pandas.read_csv + scikit-learn, ${shapeName[shape]}, same metrics and curves | ${med(sk[shape]!, (m) => m.seconds).toFixed(2)} | ${med(sk[shape]!, (m) => m.cpuSeconds).toFixed(2)} | ${med(sk[shape]!, (m) => m.rssMb).toFixed(0)} MB |`);
}
const sl = withSlices ? med(slices, (m) => m.seconds) : NaN;
const slCpu = withSlices ? med(slices, (m) => m.cpuSeconds) : NaN;
if (withSlices) console.log(`| tally eval, 1M rows, 2 slice columns with bootstrap intervals | ${sl.toFixed(2)} | ${slCpu.toFixed(2)} | ${med(slices, (m) => m.rssMb).toFixed(0)} MB |`);
if (py && withSlices) console.log(`| pandas + scikit-learn, the same metrics per slice, no intervals | ${med(skSlices, (m) => m.seconds).toFixed(2)} | ${med(skSlices, (m) => m.cpuSeconds).toFixed(2)} | ${med(skSlices, (m) => m.rssMb).toFixed(0)} MB |`);
for (const shape of SHAPES) console.log(`worker phases, ${shape} (ms, per round): ${tally[shape]!.map((m) => JSON.stringify(workerStats(m.stderr)?.timings ?? {})).join(' ')}`);
if (withSlices) console.log(`slice worker phases (ms, per round): ${slices.map((m) => JSON.stringify(workerStats(m.stderr)?.timings ?? {})).join(' ')}`);
console.log('');
console.log(`targets (load during the report runs ${range(loads)}${withSlices ? `, during the slice runs ${range(sliceLoads)}` : ''})`);
for (const shape of SHAPES) {
  const ratio = ratios[shape];
  if (ratio === null || ratio === undefined) console.log(`  ${shape}: >= 15x faster than pandas + sklearn ... not measured: /usr/bin/python3 has no pandas/sklearn (apt-get install python3-pandas python3-sklearn)`);
  else console.log(`  ${shape}: >= 15x faster than pandas + sklearn ... ${ratio.toFixed(1)}x (median of per-round ratios; CPU ${median(tally[shape]!.map((m, i) => (sk[shape]![i]!.cpuSeconds ?? NaN) / (m.cpuSeconds ?? NaN))).toFixed(1)}x) ${ratio >= 15 ? 'MET' : 'NOT MET'}`);
  console.log(`  ${shape}: peak RSS <= 512 MB .................... ${peaks[shape]!.toFixed(0)} MB ${peaks[shape]! <= 512 ? 'MET' : 'NOT MET'}`);
}
if (withSlices) {
  const slRatio = py ? median(slices.map((m, i) => skSlices[i]!.seconds / m.seconds)) : null;
  console.log(`  slices with bootstrap on 1M rows < 5 s  ${sl.toFixed(2)} s wall, ${slCpu.toFixed(2)} CPU-s, load ${range(sliceLoads)} ${sl < 5 ? 'MET' : 'NOT MET'}${slRatio !== null ? ` (pandas + sklearn without intervals: ${slRatio.toFixed(1)}x tally's time)` : ''}`);
}
