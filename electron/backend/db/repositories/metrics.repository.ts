import type { Db } from '../connection';
import { encodeColumn } from '../metric-codec';

/**
 * Metric storage: `latest_metrics` (one row per run and key: MLflow's latest point plus the
 * segment bookkeeping) and the history in segments of float64 blobs, sealed (`metric_chunks`) or
 * small and recent (`metric_hot`). Each blob holds one column in one of the layouts of
 * db/metric-codec.ts.
 */
export type SegmentTable = 'metric_chunks' | 'metric_hot';

export interface SeriesState {
  value: number | null;
  step: number;
  timestamp: number;
  isNan: number;
  pointCount: number;
  hotCount: number;
  nextSeq: number;
}

export interface SegmentMeta {
  table: SegmentTable;
  seq: number;
  firstStep: number;
  firstTs: number;
  lastStep: number;
  lastTs: number;
  n: number;
}

export interface Segment extends SegmentMeta {
  steps: Buffer;
  timestamps: Buffer;
  vals: Buffer;
}

export interface NewSegment {
  seq: number;
  firstStep: number;
  firstTs: number;
  lastStep: number;
  lastTs: number;
  n: number;
  steps: Float64Array;
  timestamps: Float64Array;
  values: Float64Array;
}

/** Prepared statements of the write path, made once per connection (the hot path runs them per batch). */
export interface MetricStatements {
  getState: (runId: string, key: string) => SeriesState | undefined;
  putState: (runId: string, key: string, s: SeriesState) => void;
  insertSegment: (table: SegmentTable, runId: string, key: string, s: NewSegment) => void;
}

const cache = new WeakMap<Db, MetricStatements>();

export function metricStatements(db: Db): MetricStatements {
  const hit = cache.get(db);
  if (hit) return hit;
  const get = db.prepare(
    'SELECT value, step, timestamp, is_nan AS isNan, point_count AS pointCount, hot_count AS hotCount, next_seq AS nextSeq FROM latest_metrics WHERE run_id = ? AND key = ?',
  );
  const put = db.prepare(
    `INSERT INTO latest_metrics (run_id, key, value, step, timestamp, is_nan, point_count, hot_count, next_seq)
     VALUES (@runId, @key, @value, @step, @timestamp, @isNan, @pointCount, @hotCount, @nextSeq)
     ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value, step = excluded.step, timestamp = excluded.timestamp,
       is_nan = excluded.is_nan, point_count = excluded.point_count, hot_count = excluded.hot_count, next_seq = excluded.next_seq`,
  );
  const insert = {
    metric_chunks: db.prepare(
      'INSERT INTO metric_chunks (run_id, key, seq, first_step, first_ts, last_step, last_ts, n, steps, timestamps, vals) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    metric_hot: db.prepare(
      'INSERT INTO metric_hot (run_id, key, seq, first_step, first_ts, last_step, last_ts, n, steps, timestamps, vals) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
  };
  const st: MetricStatements = {
    getState: (runId, key) => get.get(runId, key) as SeriesState | undefined,
    putState: (runId, key, s) => put.run({ runId, key, ...s }),
    insertSegment: (table, runId, key, s) =>
      insert[table].run(runId, key, s.seq, s.firstStep, s.firstTs, s.lastStep, s.lastTs, s.n, encodeColumn(s.steps), encodeColumn(s.timestamps), encodeColumn(s.values)),
  };
  cache.set(db, st);
  return st;
}

const SEGMENT_COLUMNS = 'seq, first_step AS firstStep, first_ts AS firstTs, last_step AS lastStep, last_ts AS lastTs, n';

/**
 * Segments of both tables whose (step, timestamp) range meets [min, max]: the only ones that can
 * hold a point equal to one in that range.
 */
export function overlappingSegments(db: Db, runId: string, key: string, min: [number, number], max: [number, number]): Segment[] {
  const where = 'run_id = ? AND key = ? AND (last_step, last_ts) >= (?, ?) AND (first_step, first_ts) <= (?, ?)';
  const args = [runId, key, min[0], min[1], max[0], max[1]];
  return [
    ...(db.prepare(`SELECT 'metric_chunks' AS "table", ${SEGMENT_COLUMNS}, steps, timestamps, vals FROM metric_chunks WHERE ${where}`).all(...args) as Segment[]),
    ...(db.prepare(`SELECT 'metric_hot' AS "table", ${SEGMENT_COLUMNS}, steps, timestamps, vals FROM metric_hot WHERE ${where}`).all(...args) as Segment[]),
  ];
}

export function hotSegments(db: Db, runId: string, key: string): Segment[] {
  return db.prepare(`SELECT 'metric_hot' AS "table", ${SEGMENT_COLUMNS}, steps, timestamps, vals FROM metric_hot WHERE run_id = ? AND key = ? ORDER BY seq`).all(runId, key) as Segment[];
}

export function deleteHotSegments(db: Db, runId: string, key: string): void {
  db.prepare('DELETE FROM metric_hot WHERE run_id = ? AND key = ?').run(runId, key);
}

/** Every segment of a series without its blobs, in (first step, first timestamp, seq) order. */
export function segmentMetas(db: Db, runId: string, key: string): SegmentMeta[] {
  return db
    .prepare(
      `SELECT 'metric_chunks' AS "table", ${SEGMENT_COLUMNS} FROM metric_chunks WHERE run_id = @runId AND key = @key
       UNION ALL SELECT 'metric_hot' AS "table", ${SEGMENT_COLUMNS} FROM metric_hot WHERE run_id = @runId AND key = @key
       ORDER BY firstStep, firstTs, seq`,
    )
    .all({ runId, key }) as SegmentMeta[];
}

/** The blobs of the given segments of one series, in the order given. */
export function segmentBlobs(db: Db, runId: string, key: string, metas: readonly SegmentMeta[]): Segment[] {
  const chunk = db.prepare('SELECT steps, timestamps, vals FROM metric_chunks WHERE run_id = ? AND key = ? AND seq = ?').raw();
  const hot = db.prepare('SELECT steps, timestamps, vals FROM metric_hot WHERE run_id = ? AND key = ? AND seq = ?').raw();
  return metas.map((m) => {
    const [steps, timestamps, vals] = (m.table === 'metric_chunks' ? chunk : hot).get(runId, key, m.seq) as [Buffer, Buffer, Buffer];
    return { ...m, steps, timestamps, vals };
  });
}

/** All segments of a series with blobs, in (first step, first timestamp, seq) order. */
export function allSegments(db: Db, runId: string, key: string): Segment[] {
  return db
    .prepare(
      `SELECT 'metric_chunks' AS "table", ${SEGMENT_COLUMNS}, steps, timestamps, vals FROM metric_chunks WHERE run_id = @runId AND key = @key
       UNION ALL SELECT 'metric_hot' AS "table", ${SEGMENT_COLUMNS}, steps, timestamps, vals FROM metric_hot WHERE run_id = @runId AND key = @key
       ORDER BY firstStep, firstTs, seq`,
    )
    .all({ runId, key }) as Segment[];
}

export interface LatestRow {
  runId: string;
  key: string;
  value: number | null;
  step: number;
  timestamp: number;
  isNan: number;
  pointCount: number;
}

export function latestOfRun(db: Db, runId: string): LatestRow[] {
  return db
    .prepare('SELECT run_id AS runId, key, value, step, timestamp, is_nan AS isNan, point_count AS pointCount FROM latest_metrics WHERE run_id = ? ORDER BY key')
    .all(runId) as LatestRow[];
}

/** Latest value per key for a page of runs: runId -> key -> value (NaN restored). */
export function latestOfRuns(db: Db, runIds: readonly string[], which: 'all' | readonly string[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  if (runIds.length === 0 || (which !== 'all' && which.length === 0)) return out;
  const keyFilter = which === 'all' ? '' : ' AND key IN (SELECT value FROM json_each(?))';
  const args: unknown[] = [JSON.stringify(runIds)];
  if (which !== 'all') args.push(JSON.stringify(which));
  const rows = db
    .prepare(`SELECT run_id, key, value, is_nan FROM latest_metrics WHERE run_id IN (SELECT value FROM json_each(?))${keyFilter} ORDER BY run_id, key`)
    .raw()
    .all(...args) as Array<[string, string, number | null, number]>;
  for (const [runId, key, value, isNan] of rows) {
    let m = out.get(runId);
    if (!m) out.set(runId, (m = {}));
    m[key] = isNan ? Number.NaN : (value as number);
  }
  return out;
}

/** Keys of the given runs' metrics, sorted. */
export function metricKeysOfRuns(db: Db, runIds: readonly string[]): string[] {
  return db.prepare('SELECT DISTINCT key FROM latest_metrics WHERE run_id IN (SELECT value FROM json_each(?)) ORDER BY key').pluck().all(JSON.stringify(runIds)) as string[];
}

/** Keys of one run's metrics that match a GLOB pattern (e.g. the GPU power series). */
export function metricKeysLike(db: Db, runId: string, glob: string): string[] {
  return db.prepare('SELECT key FROM latest_metrics WHERE run_id = ? AND key GLOB ? ORDER BY key').pluck().all(runId, glob) as string[];
}
