/**
 * Bench for the evaluation core (issue: Evaluate): the full binary classification report on
 * 10,000,000 generated predictions, next to Debian's scikit-learn 1.2 computing the same metrics on
 * the same data in the same run. The predictions are written once as raw binary files
 * (float64 scores, uint8 labels) that Node reads into typed arrays and Python reads with
 * numpy.fromfile, so no parsing is measured on either side. Each side runs in its own process
 * (alternating, ROUNDS times; medians), timing only the metrics, and reports its peak RSS.
 *
 * Tally: evaluateBinary (accuracy, balanced accuracy, precision, recall, F1, confusion matrix,
 * ROC AUC and curve, average precision and PR curve, log loss, Brier, ECE and the reliability
 * diagram, the dummy baseline beside each) plus the threshold tool with costs.
 * scikit-learn: accuracy_score, balanced_accuracy_score, precision/recall/f1_score,
 * confusion_matrix, roc_auc_score, roc_curve, average_precision_score, precision_recall_curve,
 * log_loss, brier_score_loss, calibration_curve (+ the ECE sum), the cheapest threshold from
 * roc_curve(drop_intermediate=False), and DummyClassifier('most_frequent' and 'prior') with the
 * same metrics for the baseline.
 *
 * Usage: node bin/run-ts.js bench/eval-metrics.bench.ts [rows] [rounds]   (data in bench/.data/)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSeededRng } from '../shared/budget';
import { evaluateBinary } from '../shared/evaluation';

const here = dirname(fileURLToPath(import.meta.url));
const COSTS = { falsePositive: 500, falseNegative: 5000, unit: 'cents' as const, currency: 'USD' };
const SEED = 2026;

export interface SideResult {
  seconds: number;
  cpuSeconds: number;
  rssMb: number;
  metrics: Record<string, number | null>;
  baseline: Record<string, number | null>;
  cheapestCostPer1000: number;
  /** scikit-learn only: seconds without the DummyClassifier baselines. */
  mainSeconds?: number;
}

export interface EvalBenchResult {
  rows: number;
  rounds: number;
  tally: SideResult;
  sklearn: SideResult | null;
  /** Median over rounds of sklearn seconds / Tally seconds. */
  ratio: number | null;
  cpuRatio: number | null;
  /** Largest |Tally - scikit-learn| over every metric compared, and which metric. */
  maxDifference: number | null;
  worstMetric: string | null;
}

/** Writes `rows` seeded predictions as scores.f64 and labels.u8 (once per folder). */
export function writePredictions(dir: string, rows: number): void {
  const scoresPath = join(dir, 'scores.f64');
  if (existsSync(scoresPath) && statSync(scoresPath).size === rows * 8 && existsSync(join(dir, 'labels.u8'))) return;
  mkdirSync(dir, { recursive: true });
  const rng = createSeededRng(SEED);
  const scores = new Float64Array(rows);
  const labels = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    const positive = rng.next() < 0.3;
    labels[i] = positive ? 1 : 0;
    // Full float64 precision (as pandas writes floats): about 10M distinct scores, the hard case for
    // the curves; rounded scores (three decimals) make both sides faster.
    scores[i] = 1 / (1 + Math.exp(-(1.3 * rng.normal() + (positive ? 1 : -1))));
  }
  writeFileSync(scoresPath, scores);
  writeFileSync(join(dir, 'labels.u8'), labels);
}

/** The Tally side, run in a child process: read the arrays, time the report only. */
function tallyChild(dir: string): void {
  const raw = readFileSync(join(dir, 'scores.f64'));
  const scores = new Float64Array(raw.byteLength / 8);
  new Uint8Array(scores.buffer).set(raw);
  const labels = new Uint8Array(readFileSync(join(dir, 'labels.u8')));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const report = evaluateBinary({ isPositive: labels, scores }, { thresholdTool: { costs: COSTS } });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const out: SideResult = {
    seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rssMb: process.resourceUsage().maxRSS / 1024,
    metrics: report.metrics, baseline: report.baseline, cheapestCostPer1000: report.thresholdAnalysis?.cheapest?.costPer1000 ?? NaN,
  };
  process.stdout.write(JSON.stringify(out));
}

const PYTHON = String.raw`
import json, resource, sys, time
import numpy as np
from sklearn.calibration import calibration_curve
from sklearn.dummy import DummyClassifier
from sklearn.metrics import (accuracy_score, average_precision_score, balanced_accuracy_score, brier_score_loss,
    confusion_matrix, f1_score, log_loss, precision_recall_curve, precision_score, recall_score, roc_auc_score, roc_curve)
d = sys.argv[1]; cfp = float(sys.argv[2]); cfn = float(sys.argv[3])
s = np.fromfile(d + '/scores.f64', dtype=np.float64)
y = np.fromfile(d + '/labels.u8', dtype=np.uint8).astype(np.int64)
def ece(y, p):
    ids = np.searchsorted(np.linspace(0, 1, 11)[1:-1], p)
    total = np.bincount(ids, minlength=10)
    pt, pp = calibration_curve(y, p, n_bins=10)
    nz = total[total != 0]
    return float(np.sum(nz / len(p) * np.abs(pt - pp)))
def labels(y, pred):
    return {'accuracy': accuracy_score(y, pred), 'balancedAccuracy': balanced_accuracy_score(y, pred),
            'precision': precision_score(y, pred, zero_division=0), 'recall': recall_score(y, pred, zero_division=0), 'f1': f1_score(y, pred, zero_division=0)}
def ranked(y, p):
    fpr, tpr, thr = roc_curve(y, p)
    prec, rec, pthr = precision_recall_curve(y, p)
    return {'rocAuc': roc_auc_score(y, p), 'averagePrecision': average_precision_score(y, p),
            'logLoss': log_loss(y, p, labels=[0, 1]), 'brier': brier_score_loss(y, p), 'ece': ece(y, p)}
c0 = time.process_time(); t0 = time.perf_counter()
pred = (s >= 0.5).astype(np.int64)
m = labels(y, pred); cm = confusion_matrix(y, pred); m.update(ranked(y, s))
fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
P = float(y.sum()); N = len(y) - P
fps = fpr * N; tps = tpr * P
cost = (fps * cfp + (P - tps) * cfn) / (P + N) * 1000
cheapest = float(cost.min())
t_main = time.perf_counter() - t0
X = np.zeros((len(y), 1))
mf = DummyClassifier(strategy='most_frequent').fit(X, y).predict(X)
prior = DummyClassifier(strategy='prior').fit(X, y).predict_proba(X)[:, 1]
b = labels(y, mf); b.update(ranked(y, prior))
seconds = time.perf_counter() - t0; cpu = time.process_time() - c0
print(json.dumps({'seconds': seconds, 'cpuSeconds': cpu, 'mainSeconds': t_main, 'rssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  'metrics': {k: float(v) for k, v in m.items()}, 'baseline': {k: float(v) for k, v in b.items()}, 'cheapestCostPer1000': cheapest}))
`;

function sklearnPython(): string | null {
  for (const py of ['/usr/bin/python3', 'python3']) if (spawnSync(py, ['-c', 'import sklearn'], { encoding: 'utf8' }).status === 0) return py;
  return null;
}

function runSide(cmd: string, args: string[]): SideResult {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 2).join(' ')} failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as SideResult;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;

function medianSide(runs: SideResult[]): SideResult {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)] as SideResult;
}

export function runEvalBench(rows: number, rounds: number, dir: string = join(here, '.data', `eval-${rows}`)): EvalBenchResult {
  writePredictions(dir, rows);
  const py = sklearnPython();
  const script = fileURLToPath(import.meta.url);
  const tallyRuns: SideResult[] = [];
  const skRuns: SideResult[] = [];
  for (let r = 0; r < rounds; r++) {
    tallyRuns.push(runSide(process.execPath, [join(here, '..', 'bin', 'run-ts.js'), script, '--tally-child', dir]));
    if (py) skRuns.push(runSide(py, ['-c', PYTHON, dir, String(COSTS.falsePositive), String(COSTS.falseNegative)]));
  }
  const tally = medianSide(tallyRuns);
  const sklearn = py ? medianSide(skRuns) : null;
  let maxDifference: number | null = null;
  let worstMetric: string | null = null;
  const note = (name: string, d: number) => {
    if (maxDifference === null || !(d <= maxDifference)) {
      maxDifference = d;
      worstMetric = name;
    }
  };
  if (sklearn) {
    for (const part of ['metrics', 'baseline'] as const) {
      for (const [k, v] of Object.entries(sklearn[part])) note(`${part}.${k}`, Math.abs(((tally[part][k] ?? NaN) as number) - (v as number)));
    }
    note('cheapest cost (relative)', Math.abs(tally.cheapestCostPer1000 - sklearn.cheapestCostPer1000) / Math.max(1, sklearn.cheapestCostPer1000));
  }
  return {
    rows, rounds, tally, sklearn,
    ratio: py ? median(skRuns.map((s, i) => s.seconds / (tallyRuns[i] as SideResult).seconds)) : null,
    cpuRatio: py ? median(skRuns.map((s, i) => s.cpuSeconds / (tallyRuns[i] as SideResult).cpuSeconds)) : null,
    maxDifference,
    worstMetric,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--tally-child') tallyChild(process.argv[3] as string);
  else {
    const rows = Number(process.argv[2] ?? 10_000_000);
    const rounds = Math.max(1, Number(process.argv[3] ?? 3));
    console.log(`${rows.toLocaleString('en-US')} binary predictions (seed ${SEED}), ${rounds} round(s); ${cpus().length} cores; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    const r = runEvalBench(rows, rounds);
    const side = (s: SideResult) => `${s.seconds.toFixed(2)} s wall, ${s.cpuSeconds.toFixed(2)} s CPU, peak RSS ${s.rssMb.toFixed(0)} MB`;
    console.log(`Tally (report + threshold tool) ...... ${side(r.tally)}`);
    if (r.sklearn) {
      console.log(`scikit-learn (same metrics) .......... ${side(r.sklearn)} (without the dummy baselines: ${(r.sklearn.mainSeconds ?? NaN).toFixed(2)} s)`);
      console.log(`ratio: ${(r.ratio as number).toFixed(1)}x wall, ${(r.cpuRatio as number).toFixed(1)}x CPU; largest |difference| over every metric and baseline: ${(r.maxDifference as number).toExponential(1)} (${r.worstMetric})`);
    } else console.log('scikit-learn is not available (/usr/bin/python3 -c "import sklearn" failed): no reference.');
  }
}
