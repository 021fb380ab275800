/**
 * Everything the binary report takes from its ScoreRanking, in one walk over the sorted scores and
 * a second over a few of its blocks (a walk visits every row, so walks are what costs on 10M
 * rows; there were five). The first sums ROC AUC and average precision, counts the distinct
 * thresholds and the ROC points that survive thinning, scans the threshold tool's default and
 * cheapest thresholds and, for unweighted rows, counts the confusion, log loss, Brier and
 * calibration bins; it leaves a mark at each block (where the walk and the ROC thinner stood).
 * The curves need those counts to space their samples: the second pass walks again only the
 * blocks that hold a sampled point (about 3,000 points of 10M thresholds), each from its mark,
 * and writes the ROC, PR and threshold-tool curves, the same points a whole second walk writes.
 */
import { ThresholdCurveWriter, ThresholdScan, thresholdResult } from '../threshold/threshold-analysis';
import type { ThresholdAnalysis, ThresholdOptions } from '../threshold/threshold-types';
import { type BinaryCounted, RankedCounter } from './binary-counts';
import { RankingCurveWriter, type RankingCurves, type RankingSummary, RankingSummarizer, rocPointCounter, rocStreamLength } from './ranking-metrics';
import { type ScoreRanking, rankingRows } from './score-ranking';
import { type WalkMarks, blockAt, walkThresholdBlocks } from './threshold-walk';

export interface WalkedRanking {
  summary: RankingSummary;
  /** The counts from the ranking (asked for, unweighted rows only); null otherwise. */
  counted: BinaryCounted | null;
  curves: RankingCurves;
  threshold: ThresholdAnalysis | null;
}

/** Thresholds per block of the first walk: the second walks about this many per sampled point. */
const BLOCK = 256;
/** Per block: the ROC thinner's saved state (6 numbers) and the points it had emitted. */
const THINNER = 7;

export function walkRanking(r: ScoreRanking, threshold: number, bins: number, maxPoints: number, countRows: boolean, thresholdTool: ThresholdOptions | null): WalkedRanking {
  const summarizer = new RankingSummarizer(r.positiveTotal);
  const roc = rocPointCounter();
  const counter = countRows ? new RankedCounter(r, threshold, bins) : null;
  const scan = thresholdTool === null ? null : new ThresholdScan(r.positiveTotal, r.negativeTotal, thresholdTool);
  const thinner = roc.thinner;
  const marks: WalkMarks = { state: new Float64Array(0), blocks: 0 };
  let saved = new Float64Array(THINNER * 64);
  let blocks = 0;
  const save = () => {
    if (saved.length < THINNER * (blocks + 1)) {
      const bigger = new Float64Array(2 * saved.length);
      bigger.set(saved);
      saved = bigger;
    }
    thinner.save(saved, THINNER * blocks);
    saved[THINNER * blocks + 6] = roc.kept();
    blocks++;
  };
  const count = walkThresholdBlocks(
    r,
    (b) => {
      save();
      summarizer.block(b);
      thinner.block(b);
      if (counter !== null) counter.block(b);
      if (scan !== null) scan.block(b);
    },
    null,
    { blockSize: BLOCK, marks },
  );
  save(); // where the thinner stood after the last block
  thinner.finish();
  const rows = rankingRows(r);
  const curves = new RankingCurveWriter(r.positiveTotal, r.negativeTotal, rows, count, roc.kept(), maxPoints);
  const tool = scan === null ? null : new ThresholdCurveWriter(count, r.positiveTotal, r.negativeTotal, thresholdTool?.maxCurvePoints);
  if (count > 0) {
    let block = undefined;
    for (let k = 0; k < marks.blocks; k++) {
      const end = Math.min(count, (k + 1) * BLOCK);
      const rocEnd = rocStreamLength(saved[THINNER * (k + 1) + 6]!);
      if (!curves.wants(end, rocEnd) && !(tool !== null && tool.wants(end))) continue;
      block = blockAt(r, marks, k, BLOCK, block);
      curves.resume(k * BLOCK, saved, THINNER * k, saved[THINNER * k + 6]!);
      if (tool !== null) tool.resume(k * BLOCK);
      curves.block(block);
      if (tool !== null) tool.block(block);
    }
    const last = marks.blocks;
    curves.resume(count, saved, THINNER * last, saved[THINNER * last + 6]!);
  }
  return {
    summary: summarizer.result(),
    counted: counter === null ? null : counter.finish(),
    curves: curves.finish(),
    threshold: scan === null || tool === null ? null : thresholdResult(scan, tool.curves),
  };
}
