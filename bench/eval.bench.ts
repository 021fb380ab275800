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
 * Usage: npx tsx bench/eval.bench.ts [rows] [rounds] [six|full]   (files are generated once into bench/.data/)
 * `full` writes the scores with every digit of the double (as pandas' to_csv does) instead of six
 * decimals: neither tally's six-decimal lanes (parsing, counting instead of sorting) nor pandas'
 * shorter parse apply, and the slices part is skipped.
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
const FULL = process.argv[4] === 'full';
const big = join(dataDir, `${rows === 10_000_000 ? 'eval-10m' : `eval-${rows}`}${FULL ? '-full' : ''}.csv`);
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
if (!existsSync(big)) {
  console.log(`generating ${rows.toLocaleString('en-US')} predictions into ${big} ...`);
  generatePredictions(big, rows, { fullPrecision: FULL });
}
if (!existsSync(sliced)) generatePredictions(sliced, 1_000_000, { slices: true });
console.log(`file: ${big} (${(statSync(big).size / 2 ** 20).toFixed(0)} MiB), ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

const tallyArgs = ['bin/tally.js', 'eval', big, '--label', 'label', '--score', 'score', '--bootstrap', '0', '--no-label-issues', '--json'];
// Warm-up: builds the CLI and worker bundles when stale, and the page cache.
measure(process.execPath, tallyArgs);
const py = python();
const tally: Measured[] = [];
const sk: Measured[] = [];
for (let round = 0; round < ROUNDS; round++) {
  tally.push(measure(process.execPath, tallyArgs, { TALLY_EVAL_STATS: '1' }));
  if (py) sk.push(measure(py, ['-c', SKLEARN, big]));
  console.log(`round ${round + 1}: tally ${tally[round]!.seconds.toFixed(2)} s${py ? `, pandas + sklearn ${sk[round]!.seconds.toFixed(2)} s` : ''} (load ${loadavg()[0]!.toFixed(1)})`);
}
const slices: Measured[] = [];
const skSlices: Measured[] = [];
for (let round = 0; round < (FULL ? 0 : ROUNDS); round++) {
  slices.push(measure(process.execPath, ['bin/tally.js', 'eval', sliced, '--label', 'label', '--score', 'score', '--slice', 'region', '--slice', 'age', '--no-label-issues', '--json'], { TALLY_EVAL_STATS: '1' }));
  if (py) skSlices.push(measure(py, ['-c', SKLEARN_SLICES, sliced]));
  console.log(`slices round ${round + 1}: tally ${slices[round]!.seconds.toFixed(2)} s (${slices[round]!.cpuSeconds?.toFixed(2)} CPU-s)${py ? `, pandas + sklearn without intervals ${skSlices[round]!.seconds.toFixed(2)} s` : ''} (load ${loadavg()[0]!.toFixed(1)})`);
}

const t = { seconds: median(tally.map((m) => m.seconds)), cpu: median(tally.map((m) => m.cpuSeconds ?? NaN)), rss: median(tally.map((m) => m.rssMb ?? NaN)) };
const w = tally.map((m) => workerStats(m.stderr)).filter((x) => x !== null);
const workerRss = Math.max(...w.map((x) => x.rssMb));
const s = py ? { seconds: median(sk.map((m) => m.seconds)), cpu: median(sk.map((m) => m.cpuSeconds ?? NaN)), rss: median(sk.map((m) => m.rssMb ?? NaN)) } : null;
const ratio = s ? median(tally.map((m, i) => sk[i]!.seconds / m.seconds)) : null;
const sl = FULL ? NaN : median(slices.map((m) => m.seconds));
const skSl = py && !FULL ? median(skSlices.map((m) => m.seconds)) : null;
const slRatio = py && !FULL ? median(slices.map((m, i) => skSlices[i]!.seconds / m.seconds)) : null;
const sw = slices.map((m) => workerStats(m.stderr)).filter((x) => x !== null);

console.log('');
console.log(`| run (${rows.toLocaleString('en-US')} rows, medians of ${ROUNDS}) | wall s | cpu s | peak RSS |`);
console.log('| --- | --- | --- | --- |');
console.log(`| tally eval --json (full report, no slices / label issues / bootstrap) | ${t.seconds.toFixed(2)} | ${t.cpu.toFixed(2)} | ${t.rss.toFixed(0)} MB (worker ${workerRss.toFixed(0)} MB) |`);
if (s) console.log(`| pandas.read_csv + scikit-learn, same metrics and curves | ${s.seconds.toFixed(2)} | ${s.cpu.toFixed(2)} | ${s.rss.toFixed(0)} MB |`);
if (!FULL) console.log(`| tally eval, 1M rows, 2 slice columns with bootstrap intervals | ${sl.toFixed(2)} | ${median(slices.map((m) => m.cpuSeconds ?? NaN)).toFixed(2)} | ${median(slices.map((m) => m.rssMb ?? NaN)).toFixed(0)} MB |`);
if (skSl !== null) console.log(`| pandas + scikit-learn, the same metrics per slice, no intervals | ${skSl!.toFixed(2)} | ${median(skSlices.map((m) => m.cpuSeconds ?? NaN)).toFixed(2)} | ${median(skSlices.map((m) => m.rssMb ?? NaN)).toFixed(0)} MB |`);
console.log(`worker phases (ms, per round): ${w.map((x) => JSON.stringify(x.timings)).join(' ')}`);
if (!FULL) console.log(`slice worker phases (ms, per round): ${sw.map((x) => JSON.stringify(x.timings)).join(' ')}`);
console.log('');
console.log('targets');
if (ratio !== null) console.log(`  >= 15x faster than pandas + sklearn ... ${ratio.toFixed(1)}x (median of per-round ratios) ${ratio >= 15 ? 'MET' : 'NOT MET'}`);
else console.log('  >= 15x faster than pandas + sklearn ... not measured: /usr/bin/python3 has no pandas/sklearn (apt-get install python3-pandas python3-sklearn)');
console.log(`  peak RSS <= 512 MB .................... ${Math.max(t.rss, workerRss).toFixed(0)} MB ${Math.max(t.rss, workerRss) <= 512 ? 'MET' : 'NOT MET'}`);
if (!FULL) console.log(`  slices with bootstrap on 1M rows < 5 s  ${sl.toFixed(2)} s ${sl < 5 ? 'MET' : 'NOT MET'}${slRatio !== null ? ` (pandas + sklearn without intervals: ${slRatio.toFixed(1)}x tally's time)` : ''}`);
