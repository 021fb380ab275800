/**
 * Everything the binary report takes from its ScoreRanking, in two walks over the sorted scores
 * (each walk visits every row once, so the number of walks is what costs on 10M rows; there were
 * five): the first sums ROC AUC and average precision, counts the distinct thresholds and the ROC
 * points that survive thinning, scans the threshold tool's default and cheapest thresholds and,
 * for unweighted rows, counts the confusion, log loss, Brier and calibration bins; the second,
 * which needs those counts to space its samples, writes the ROC, PR and threshold-tool curves.
 */
import { ThresholdCurveWriter, ThresholdScan, thresholdResult } from '../threshold/threshold-analysis';
import type { ThresholdAnalysis, ThresholdOptions } from '../threshold/threshold-types';
import { type BinaryCounted, RankedCounter } from './binary-counts';
import { RankingCurveWriter, type RankingCurves, type RankingSummary, RankingSummarizer, rocPointCounter } from './ranking-metrics';
import { type ScoreRanking, rankingRows, walkThresholdBlocks } from './score-ranking';

export interface WalkedRanking {
  summary: RankingSummary;
  /** The counts from the ranking (asked for, unweighted rows only); null otherwise. */
  counted: BinaryCounted | null;
  curves: RankingCurves;
  threshold: ThresholdAnalysis | null;
}

export function walkRanking(r: ScoreRanking, threshold: number, bins: number, maxPoints: number, countRows: boolean, thresholdTool: ThresholdOptions | null): WalkedRanking {
  const summarizer = new RankingSummarizer(r.positiveTotal);
  const roc = rocPointCounter();
  const counter = countRows ? new RankedCounter(r, threshold, bins) : null;
  const scan = thresholdTool === null ? null : new ThresholdScan(r.positiveTotal, r.negativeTotal, thresholdTool);
  const thinner = roc.thinner;
  const count = walkThresholdBlocks(r, (b) => {
    for (let k = 0; k < b.size; k++) {
      const t = b.threshold[k] as number;
      const tps = b.tps[k] as number;
      const fps = b.fps[k] as number;
      summarizer.visit(t, tps, fps);
      thinner.push(t, tps, fps);
      if (counter !== null) counter.visit(t, tps, fps);
      if (scan !== null) scan.visit(t, tps, fps);
    }
  });
  thinner.finish();
  const rows = rankingRows(r);
  const curves = new RankingCurveWriter(r.positiveTotal, r.negativeTotal, rows, count, roc.kept(), maxPoints);
  const tool = scan === null ? null : new ThresholdCurveWriter(count, r.positiveTotal, r.negativeTotal, thresholdTool?.maxCurvePoints);
  if (count > 0) {
    walkThresholdBlocks(r, (b) => {
      for (let k = 0; k < b.size; k++) {
        const t = b.threshold[k] as number;
        const tps = b.tps[k] as number;
        const fps = b.fps[k] as number;
        curves.visit(t, tps, fps);
        if (tool !== null) tool.visit(t, tps, fps);
      }
    });
  }
  return {
    summary: summarizer.result(),
    counted: counter === null ? null : counter.finish(),
    curves: curves.finish(),
    threshold: scan === null || tool === null ? null : thresholdResult(scan, tool.curves),
  };
}
