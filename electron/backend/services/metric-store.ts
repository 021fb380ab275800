import type { Db } from '../db/connection';
import * as repo from '../db/repositories/metrics.repository';
import { decodeColumn } from '../db/metric-codec';

/**
 * The metric history of one run and key, in segments of typed arrays (see metrics.repository):
 *
 * - A write that brings DIRECT_CHUNK_MIN or more new points for a key is sealed straight into
 *   chunks of at most CHUNK_MAX points. Smaller writes (one point at a time, or a batch spread
 *   over many keys) become one small segment in `metric_hot`; once a key's hot points reach
 *   FOLD_AT they are merged into one sealed chunk in the same transaction. So a 1M-point series is
 *   a few hundred rows whichever way it was logged, and each point is written at most twice.
 * - Duplicates: like MLflow's SQL store, a point equal to one already stored (same step,
 *   timestamp and value; all NaNs equal) is not stored again, so a retried batch adds nothing. A
 *   write entirely after the series' latest (step, timestamp) cannot repeat anything and skips
 *   the check; otherwise only the segments whose range meets the write's range are read.
 * - Order: by step, then timestamp, then arrival. NaN and +/-Infinity are stored bit for bit;
 *   steps and timestamps are packed (db/metric-codec.ts).
 */
export const DIRECT_CHUNK_MIN = 256;
export const FOLD_AT = 1024;
export const CHUNK_MAX = 16_384;

export interface Points {
  steps: Float64Array;
  timestamps: Float64Array;
  values: Float64Array;
}

export function pointCount(p: Points): number {
  return p.values.length;
}

/** (step, ts) order; ties keep their order. */
function before(s1: number, t1: number, s2: number, t2: number): boolean {
  return s1 < s2 || (s1 === s2 && t1 < t2);
}

/** Is point 1 later than point 2 by MLflow's "latest": step, then timestamp, then value (NaN lowest). */
function laterThan(s1: number, t1: number, v1: number, s2: number, t2: number, v2: number): boolean {
  if (s1 !== s2) return s1 > s2;
  if (t1 !== t2) return t1 > t2;
  if (Number.isNaN(v2)) return !Number.isNaN(v1);
  return !Number.isNaN(v1) && v1 > v2;
}

function isSorted(p: Points): boolean {
  for (let i = 1; i < p.steps.length; i++) if (before(p.steps[i]!, p.timestamps[i]!, p.steps[i - 1]!, p.timestamps[i - 1]!)) return false;
  return true;
}

function take(p: Points, idx: ArrayLike<number>, n = idx.length): Points {
  const out = { steps: new Float64Array(n), timestamps: new Float64Array(n), values: new Float64Array(n) };
  for (let k = 0; k < n; k++) {
    const i = idx[k]!;
    out.steps[k] = p.steps[i]!;
    out.timestamps[k] = p.timestamps[i]!;
    out.values[k] = p.values[i]!;
  }
  return out;
}

/** A stable sort by (step, timestamp). */
export function sortPoints(p: Points): Points {
  if (isSorted(p)) return p;
  const idx = Array.from({ length: p.steps.length }, (_, i) => i);
  idx.sort((a, b) => p.steps[a]! - p.steps[b]! || p.timestamps[a]! - p.timestamps[b]! || a - b);
  return take(p, idx);
}

const valueKey = (v: number) => (Number.isNaN(v) ? 'NaN' : String(v));
const pointKey = (s: number, t: number, v: number) => `${s}|${t}|${valueKey(v)}`;

/** Drops points equal to an earlier one in the same (sorted) write. */
function dedupeSorted(p: Points): Points {
  const n = p.steps.length;
  const keep: number[] = [];
  let groupStart = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && (p.steps[i] !== p.steps[i - 1] || p.timestamps[i] !== p.timestamps[i - 1])) groupStart = keep.length;
    let dup = false;
    for (let k = groupStart; k < keep.length && !dup; k++) dup = valueKey(p.values[keep[k]!]!) === valueKey(p.values[i]!);
    if (!dup) keep.push(i);
  }
  return keep.length === n ? p : take(p, keep);
}

function decode(seg: { steps: Buffer; timestamps: Buffer; vals: Buffer; n: number }): Points {
  const column = (b: Buffer) => {
    const out = new Float64Array(seg.n);
    decodeColumn(b, seg.n, out, 0);
    return out;
  };
  return { steps: column(seg.steps), timestamps: column(seg.timestamps), values: column(seg.vals) };
}

/** Drops points already stored in the segments that overlap the write's range. */
function dropStored(db: Db, runId: string, key: string, p: Points): Points {
  const n = p.steps.length;
  const segs = repo.overlappingSegments(db, runId, key, [p.steps[0]!, p.timestamps[0]!], [p.steps[n - 1]!, p.timestamps[n - 1]!]);
  if (segs.length === 0) return p;
  const stored = new Set<string>();
  for (const s of segs) {
    const d = decode(s);
    for (let i = 0; i < s.n; i++) stored.add(pointKey(d.steps[i]!, d.timestamps[i]!, d.values[i]!));
  }
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (!stored.has(pointKey(p.steps[i]!, p.timestamps[i]!, p.values[i]!))) keep.push(i);
  return keep.length === n ? p : take(p, keep);
}

function slice(p: Points, from: number, to: number): Points {
  return { steps: p.steps.subarray(from, to), timestamps: p.timestamps.subarray(from, to), values: p.values.subarray(from, to) };
}

function segmentOf(p: Points, seq: number): repo.NewSegment {
  const n = p.steps.length;
  return { seq, firstStep: p.steps[0]!, firstTs: p.timestamps[0]!, lastStep: p.steps[n - 1]!, lastTs: p.timestamps[n - 1]!, n, steps: p.steps, timestamps: p.timestamps, values: p.values };
}

function concat(parts: readonly Points[]): Points {
  const n = parts.reduce((s, p) => s + p.steps.length, 0);
  const out = { steps: new Float64Array(n), timestamps: new Float64Array(n), values: new Float64Array(n) };
  let at = 0;
  for (const p of parts) {
    out.steps.set(p.steps, at);
    out.timestamps.set(p.timestamps, at);
    out.values.set(p.values, at);
    at += p.steps.length;
  }
  return out;
}

export interface AppendResult {
  stored: number;
  duplicates: number;
}

/**
 * Appends points to one series (inside the caller's transaction): dedupes, stores, folds hot
 * segments when due and moves MLflow's latest point forward.
 */
export function appendPoints(db: Db, runId: string, key: string, input: Points): AppendResult {
  const received = input.steps.length;
  if (received === 0) return { stored: 0, duplicates: 0 };
  const st = repo.metricStatements(db);
  let p = dedupeSorted(sortPoints(input));
  const state = st.getState(runId, key);
  if (state && !before(state.step, state.timestamp, p.steps[0]!, p.timestamps[0]!)) p = dropStored(db, runId, key, p);
  const n = p.steps.length;
  if (n === 0) return { stored: 0, duplicates: received };

  const next: repo.SeriesState = state ? { ...state } : { value: null, step: 0, timestamp: 0, isNan: 0, pointCount: 0, hotCount: 0, nextSeq: 0 };
  if (n >= DIRECT_CHUNK_MIN) {
    for (let from = 0; from < n; from += CHUNK_MAX) st.insertSegment('metric_chunks', runId, key, segmentOf(slice(p, from, Math.min(n, from + CHUNK_MAX)), next.nextSeq++));
  } else {
    st.insertSegment('metric_hot', runId, key, segmentOf(p, next.nextSeq++));
    next.hotCount += n;
    if (next.hotCount >= FOLD_AT) {
      const merged = sortPoints(concat(repo.hotSegments(db, runId, key).map(decode)));
      repo.deleteHotSegments(db, runId, key);
      for (let from = 0; from < merged.steps.length; from += CHUNK_MAX) {
        st.insertSegment('metric_chunks', runId, key, segmentOf(slice(merged, from, Math.min(merged.steps.length, from + CHUNK_MAX)), next.nextSeq++));
      }
      next.hotCount = 0;
    }
  }

  let best = -1;
  for (let i = 0; i < n; i++) {
    if (best < 0 || laterThan(p.steps[i]!, p.timestamps[i]!, p.values[i]!, p.steps[best]!, p.timestamps[best]!, p.values[best]!)) best = i;
  }
  const cur = state ? (state.isNan ? Number.NaN : (state.value as number)) : 0;
  if (!state || laterThan(p.steps[best]!, p.timestamps[best]!, p.values[best]!, state.step, state.timestamp, cur)) {
    const v = p.values[best]!;
    Object.assign(next, { value: Number.isNaN(v) ? null : v, isNan: Number.isNaN(v) ? 1 : 0, step: p.steps[best]!, timestamp: p.timestamps[best]! });
  }
  next.pointCount += n;
  st.putState(runId, key, next);
  return { stored: n, duplicates: received - n };
}

/** Segments in order and whether they can simply be laid end to end (none overlaps the next). */
function inOrder(metas: readonly repo.SegmentMeta[]): boolean {
  for (let i = 1; i < metas.length; i++) {
    const a = metas[i - 1]!;
    const b = metas[i]!;
    if (before(b.firstStep, b.firstTs, a.lastStep, a.lastTs)) return false;
  }
  return true;
}

/** The whole series, ordered by step then timestamp. */
export function readSeries(db: Db, runId: string, key: string): Points {
  const segs = repo.allSegments(db, runId, key);
  const all = concatDecoded(segs);
  return inOrder(segs) ? all : sortPoints(all);
}

function concatDecoded(segs: readonly repo.Segment[]): Points {
  const n = segs.reduce((s, g) => s + g.n, 0);
  const out = { steps: new Float64Array(n), timestamps: new Float64Array(n), values: new Float64Array(n) };
  let at = 0;
  for (const g of segs) {
    decodeColumn(g.steps, g.n, out.steps, at);
    decodeColumn(g.timestamps, g.n, out.timestamps, at);
    decodeColumn(g.vals, g.n, out.values, at);
    at += g.n;
  }
  return out;
}

/** Points [offset, offset + limit) of the ordered series and the series' length. */
export function readSeriesPage(db: Db, runId: string, key: string, offset: number, limit: number): { points: Points; total: number } {
  const metas = repo.segmentMetas(db, runId, key);
  const total = metas.reduce((s, m) => s + m.n, 0);
  if (!inOrder(metas)) {
    const all = readSeries(db, runId, key);
    return { points: slice(all, Math.min(offset, total), Math.min(total, offset + limit)), total };
  }
  // Only the segments that hold the page are read.
  const wanted: repo.SegmentMeta[] = [];
  let start = 0;
  let skip = 0;
  for (const m of metas) {
    const end = start + m.n;
    if (end > offset && start < offset + limit) {
      if (wanted.length === 0) skip = offset - start;
      wanted.push(m);
    }
    start = end;
  }
  const got = concatDecoded(repo.segmentBlobs(db, runId, key, wanted));
  return { points: slice(got, skip, Math.min(got.steps.length, skip + limit)), total };
}
