/**
 * The walk over a ScoreRanking's distinct scores, from the highest down, with the cumulative
 * positive weight (tps) and negative weight (fps) of rows scoring at or above each: exactly the
 * arrays scikit-learn's _binary_clf_curve returns, handed over a block of typed arrays at a time.
 * Doubles passed to a call V8 does not inline are boxed: a visitor called once per threshold with
 * three of them allocated ~100 MB on 1M distinct scores; a block visitor loops over the arrays and
 * its own calls inline.
 *
 * A walk can leave marks (where it stood at the start of each block), so that one block can be
 * walked again later without walking what comes before it: the report's second pass over the
 * ranking only needs the blocks its sampled curve points fall in.
 */
import { DECIMAL_SCALE } from '../stats/decimal-counts';
import type { RankingMultiplicity, ScoreRanking } from './score-ranking';

/** Distinct thresholds handed over at a time by walkThresholdBlocks. */
export const THRESHOLD_BLOCK = 2048;

/** A run of distinct thresholds, highest first: entries [0, size) are valid. */
export interface ThresholdBlock {
  readonly threshold: Float64Array;
  readonly tps: Float64Array;
  readonly fps: Float64Array;
  size: number;
}

/**
 * Where a walk stood at the start of each of its blocks: STATE numbers per block (the next
 * positive and negative index, or the next counted value; tps; fps; the next index in the second
 * positive and negative run of a ranking sorted in runs), and how many blocks there are.
 */
export interface WalkMarks {
  state: Float64Array;
  blocks: number;
}

function newBlock(size: number): ThresholdBlock {
  return { threshold: new Float64Array(size), tps: new Float64Array(size), fps: new Float64Array(size), size: 0 };
}

/** Numbers in a walk's state (see WalkMarks). */
const STATE = 6;

/** The state of a walk that has not started. */
function startState(r: ScoreRanking): Float64Array {
  const s = new Float64Array(STATE);
  if (r.counts !== undefined) s[0] = r.counts.positive.length - 1;
  else if (r.runs !== undefined) {
    s[0] = r.runs.positive[0].length - 1;
    s[1] = r.runs.negative[0].length - 1;
    s[4] = r.runs.positive[1].length - 1;
    s[5] = r.runs.negative[1].length - 1;
  } else {
    s[0] = r.positiveScores.length - 1;
    s[1] = r.negativeScores.length - 1;
  }
  return s;
}

/** Up to `limit` more distinct thresholds into `block` from `state` (updated); returns how many. */
function fill(r: ScoreRanking, state: Float64Array, block: ThresholdBlock, limit: number, m: RankingMultiplicity | null): number {
  if (r.counts !== undefined && m === null) return fillCounted(r.counts.positive, r.counts.negative, state, block, limit);
  if (r.runs !== undefined && m === null) return fillRuns(r.runs.positive, r.runs.negative, state, block, limit);
  const P = r.positiveScores;
  const N = r.negativeScores;
  const pw = r.positiveWeights;
  const nw = r.negativeWeights;
  const pm = m === null ? null : m.positive;
  const nm = m === null ? null : m.negative;
  const bt = block.threshold;
  const bp = block.tps;
  const bf = block.fps;
  let i = state[0]! | 0;
  let j = state[1]! | 0;
  let tps = state[2]!;
  let fps = state[3]!;
  let k = 0;
  while (k < limit && (i >= 0 || j >= 0)) {
    const t = i < 0 ? (N[j] as number) : j < 0 ? (P[i] as number) : Math.max(P[i] as number, N[j] as number);
    while (i >= 0 && P[i] === t) {
      const w = pw === null ? 1 : (pw[i] as number);
      tps += pm === null ? w : w * (pm[i] as number);
      i--;
    }
    while (j >= 0 && N[j] === t) {
      const w = nw === null ? 1 : (nw[j] as number);
      fps += nm === null ? w : w * (nm[j] as number);
      j--;
    }
    bt[k] = t;
    bp[k] = tps;
    bf[k] = fps;
    k++;
  }
  state[0] = i;
  state[1] = j;
  state[2] = tps;
  state[3] = fps;
  block.size = k;
  return k;
}

/**
 * The same over unweighted scores sorted in two runs per class: each threshold is the highest
 * score left in any run (Math.max, as fill() takes it from the merged arrays: +0 over -0), and
 * every run's rows at that score are counted. The same blocks fill() gives on the merged arrays.
 */
function fillRuns(pos: readonly [Float64Array, Float64Array], neg: readonly [Float64Array, Float64Array], state: Float64Array, block: ThresholdBlock, limit: number): number {
  const [P1, P2] = pos;
  const [N1, N2] = neg;
  const bt = block.threshold;
  const bp = block.tps;
  const bf = block.fps;
  let i1 = state[0]! | 0;
  let j1 = state[1]! | 0;
  let i2 = state[4]! | 0;
  let j2 = state[5]! | 0;
  let tps = state[2]!;
  let fps = state[3]!;
  let k = 0;
  while (k < limit && (i1 >= 0 || i2 >= 0 || j1 >= 0 || j2 >= 0)) {
    const t = Math.max(Math.max(i1 >= 0 ? P1[i1]! : -Infinity, i2 >= 0 ? P2[i2]! : -Infinity), Math.max(j1 >= 0 ? N1[j1]! : -Infinity, j2 >= 0 ? N2[j2]! : -Infinity));
    const a1 = i1;
    const a2 = i2;
    const b1 = j1;
    const b2 = j2;
    while (i1 >= 0 && P1[i1] === t) i1--;
    while (i2 >= 0 && P2[i2] === t) i2--;
    while (j1 >= 0 && N1[j1] === t) j1--;
    while (j2 >= 0 && N2[j2] === t) j2--;
    tps += a1 - i1 + (a2 - i2);
    fps += b1 - j1 + (b2 - j2);
    bt[k] = t;
    bp[k] = tps;
    bf[k] = fps;
    k++;
  }
  state[0] = i1;
  state[1] = j1;
  state[4] = i2;
  state[5] = j2;
  state[2] = tps;
  state[3] = fps;
  block.size = k;
  return k;
}

/** The same over counted scores: each value v / 1e6 held by a row, from v = 1e6 down. */
function fillCounted(pos: Int32Array, neg: Int32Array, state: Float64Array, block: ThresholdBlock, limit: number): number {
  const bt = block.threshold;
  const bp = block.tps;
  const bf = block.fps;
  let v = state[0]! | 0;
  let tps = state[2]!;
  let fps = state[3]!;
  let k = 0;
  for (; v >= 0 && k < limit; v--) {
    const p = pos[v] as number;
    const q = neg[v] as number;
    if (p === 0 && q === 0) continue;
    tps += p;
    fps += q;
    bt[k] = v / DECIMAL_SCALE;
    bp[k] = tps;
    bf[k] = fps;
    k++;
  }
  state[0] = v;
  state[2] = tps;
  state[3] = fps;
  block.size = k;
  return k;
}

/**
 * Visits each distinct score from the highest down, `blockSize` at a time; returns the number of
 * distinct scores. With `marks`, records where each block started (see blockAt).
 */
export function walkThresholdBlocks(r: ScoreRanking, visit: (block: ThresholdBlock) => void, m: RankingMultiplicity | null = null, options: { blockSize?: number; marks?: WalkMarks } = {}): number {
  const size = options.blockSize ?? THRESHOLD_BLOCK;
  const marks = options.marks ?? null;
  const block = newBlock(size);
  const state = startState(r);
  let count = 0;
  let blocks = 0;
  for (;;) {
    if (marks !== null) {
      if (marks.state.length < STATE * (blocks + 1)) {
        const bigger = new Float64Array(Math.max(96, 2 * STATE * (blocks + 1)));
        bigger.set(marks.state);
        marks.state = bigger;
      }
      marks.state.set(state, STATE * blocks);
    }
    const k = fill(r, state, block, size, m);
    if (k === 0) break;
    blocks++;
    count += k;
    visit(block);
  }
  if (marks !== null) marks.blocks = blocks;
  return count;
}

/** Block `index` of a walk that left `marks` with blocks of `blockSize`, walked again into `block` (unweighted multiplicities only: m = null). */
export function blockAt(r: ScoreRanking, marks: WalkMarks, index: number, blockSize: number, block: ThresholdBlock = newBlock(blockSize)): ThresholdBlock {
  fill(r, marks.state.slice(STATE * index, STATE * index + STATE), block, blockSize, null);
  return block;
}

/** walkThresholdBlocks one threshold at a time (for walks where a few boxed doubles do not matter). */
export function walkThresholds(r: ScoreRanking, visit: (threshold: number, tps: number, fps: number) => void, m: RankingMultiplicity | null = null): number {
  return walkThresholdBlocks(
    r,
    (b) => {
      for (let k = 0; k < b.size; k++) visit(b.threshold[k] as number, b.tps[k] as number, b.fps[k] as number);
    },
    m,
  );
}
