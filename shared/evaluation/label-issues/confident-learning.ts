/**
 * Label issues by confident learning (Northcutt, Jiang and Chuang 2021, "Confident Learning:
 * Estimating Uncertainty in Dataset Labels"), from out-of-sample predicted probabilities:
 *  1. per-class thresholds t_j = mean predicted p_j over the rows labelled j;
 *  2. the confident joint C[i][j]: rows labelled i whose likely label is j, where j is the most
 *     probable class among those with p_j >= t_j (the paper's definition; rows above no threshold
 *     are not counted); every diagonal cell is at least 1, as in cleanlab;
 *  3. calibration: each row of C rescaled to the number of rows labelled i, then to n in total,
 *     rounded to whole rows keeping each row's total (paper eq. 3);
 *  4. selection, prune_by_noise_rate: for each pair i != j, the C[i][j] rows labelled i with the
 *     largest margin p_j - p_i; a class keeps at least one row; rows whose given label is also
 *     the model's top class are dropped from the issues (as cleanlab does);
 *  5. ranking by self-confidence: the lowest probability of the given label first.
 * Probabilities must be out-of-sample (cross-validated or held out); on training predictions the
 * model has memorised the labels and finds little. cleanlab itself is not packaged for Debian, so
 * the tests check planted label flips instead of comparing with it.
 */
import { sklearnLabelOrder } from '../metrics/label-order';
import { checkClassIndices, checkRows, invalid } from '../metrics/validate';
import { labelIssueMessage } from './label-issue-text';

export interface LabelIssueInput {
  /** Class names in the order of the probability columns. */
  classes: readonly string[];
  /** Given label of each row (index into classes). */
  labels: Int32Array;
  /** n x K out-of-sample probabilities, row-major. */
  probabilities: Float64Array;
}

export interface LabelIssue {
  row: number;
  givenLabel: string;
  /** The most probable class. */
  likelyLabel: string;
  /** Predicted probability of the given label (the ranking key: lowest first). */
  selfConfidence: number;
  likelyProbability: number;
}

export interface LabelIssueClass {
  label: string;
  rows: number;
  threshold: number | null;
  issues: number;
  share: number;
}

export interface LabelIssueReport {
  method: string;
  /** Calibrated confident joint: rows = given label, columns = likely label, classes in sorted order. */
  confidentJoint: { labels: string[]; matrix: number[][] };
  /** Share of rows the calibrated joint puts off the diagonal: the estimated label error rate. */
  estimatedErrorRate: number;
  issueCount: number;
  /** Ranked, at most maxIssues. */
  issues: LabelIssue[];
  perClass: LabelIssueClass[];
  message: string;
}

export const LABEL_ISSUE_METHOD = 'confident learning (Northcutt et al. 2021): prune_by_noise_rate selection, self_confidence ranking';

/** Rounds each row to whole numbers keeping the row's (rounded) total: largest remainders first. */
function roundPreservingRows(m: number[][]): number[][] {
  return m.map((row) => {
    const total = Math.round(row.reduce((a, b) => a + b, 0));
    const floors = row.map(Math.floor);
    let left = total - floors.reduce((a, b) => a + b, 0);
    const order = row.map((v, j) => ({ j, r: v - Math.floor(v) })).sort((a, b) => b.r - a.r || a.j - b.j);
    for (const { j } of order) {
      if (left <= 0) break;
      floors[j]++;
      left--;
    }
    return floors;
  });
}

export function findLabelIssues(input: LabelIssueInput, options: { maxIssues?: number } = {}): LabelIssueReport {
  const { labels, probabilities } = input;
  const K = input.classes.length;
  const n = labels.length;
  checkRows(n);
  if (K < 2) invalid('Finding label issues needs at least two classes.');
  if (probabilities.length !== n * K) invalid(`Expected ${n * K} probabilities (${n} rows x ${K} classes), got ${probabilities.length}.`);
  checkClassIndices(labels, K, 'Given label');
  for (let i = 0; i < probabilities.length; i++) {
    const v = probabilities[i] as number;
    if (!(v >= 0 && v <= 1)) invalid(`Probability on row ${Math.floor(i / K) + 1} is ${v}; probabilities must lie in [0, 1].`);
  }
  const order = sklearnLabelOrder(input.classes);
  const rank = new Int32Array(K);
  order.forEach((col, s) => (rank[col] = s));
  const names = order.map((c) => input.classes[c] as string);
  const p = (i: number, s: number) => probabilities[i * K + (order[s] as number)] as number;
  const given = Int32Array.from(labels, (c) => rank[c] as number);

  // 1. Thresholds.
  const sums = new Float64Array(K);
  const counts = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    const g = given[i] as number;
    sums[g] += p(i, g);
    counts[g]++;
  }
  const t = Array.from(sums, (v, j) => ((counts[j] as number) > 0 ? v / (counts[j] as number) : Infinity));

  // 2. Confident joint, and each row's most probable class.
  const C = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  const top = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = -1, bestP = -Infinity, argmax = 0, argP = -Infinity;
    for (let j = 0; j < K; j++) {
      const v = p(i, j);
      if (v > argP) {
        argP = v;
        argmax = j;
      }
      if (v >= (t[j] as number) && v > bestP) {
        bestP = v;
        best = j;
      }
    }
    top[i] = argmax;
    if (best >= 0) (C[given[i] as number] as number[])[best]++;
  }
  for (let j = 0; j < K; j++) if ((counts[j] as number) > 0) (C[j] as number[])[j] = Math.max(1, (C[j] as number[])[j] as number);

  // 3. Calibration.
  const scaled = C.map((row, i) => {
    const rowTotal = row.reduce((a, b) => a + b, 0);
    return row.map((v) => (rowTotal > 0 ? (v / rowTotal) * (counts[i] as number) : 0));
  });
  const grand = scaled.flat().reduce((a, b) => a + b, 0);
  const joint = roundPreservingRows(scaled.map((row) => row.map((v) => (grand > 0 ? (v / grand) * n : 0))));

  // 4. prune_by_noise_rate.
  const byGiven: number[][] = Array.from({ length: K }, () => []);
  for (let i = 0; i < n; i++) (byGiven[given[i] as number] as number[]).push(i);
  const flagged = new Uint8Array(n);
  for (let i = 0; i < K; i++) {
    const rows = byGiven[i] as number[];
    if (rows.length <= 1) continue;
    const offDiagonal = (joint[i] as number[]).reduce((a, v, j) => a + (j === i ? 0 : v), 0);
    const budget = Math.max(0, Math.min(offDiagonal, rows.length - 1)) / Math.max(1, offDiagonal);
    for (let j = 0; j < K; j++) {
      if (j === i) continue;
      const take = Math.floor(((joint[i] as number[])[j] as number) * budget);
      if (take <= 0) continue;
      const ranked = rows.map((r) => ({ r, m: p(r, j) - p(r, i) })).sort((a, b) => b.m - a.m || a.r - b.r);
      for (let k = 0; k < take && k < ranked.length; k++) flagged[(ranked[k] as { r: number }).r] = 1;
    }
  }
  const issues: LabelIssue[] = [];
  for (let i = 0; i < n; i++) {
    if (!flagged[i] || top[i] === given[i]) continue;
    issues.push({ row: i, givenLabel: names[given[i] as number] as string, likelyLabel: names[top[i] as number] as string, selfConfidence: p(i, given[i] as number), likelyProbability: p(i, top[i] as number) });
  }
  // 5. Ranking.
  issues.sort((a, b) => a.selfConfidence - b.selfConfidence || a.row - b.row);

  const perClass = names.map((label, j) => {
    const found = issues.filter((x) => x.givenLabel === label).length;
    const rows = counts[j] as number;
    return { label, rows, threshold: Number.isFinite(t[j] as number) ? (t[j] as number) : null, issues: found, share: rows > 0 ? found / rows : 0 };
  });
  const off = joint.reduce((a, row, i) => a + row.reduce((b, v, j) => b + (i === j ? 0 : v), 0), 0);
  const estimatedErrorRate = off / n;
  return {
    method: LABEL_ISSUE_METHOD,
    confidentJoint: { labels: names, matrix: joint },
    estimatedErrorRate,
    issueCount: issues.length,
    issues: issues.slice(0, options.maxIssues ?? 1000),
    perClass,
    message: labelIssueMessage(issues.length, n, perClass),
  };
}
