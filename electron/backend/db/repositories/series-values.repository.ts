import type { Db } from '../connection';
import type { SegmentMeta } from './metrics.repository';

/**
 * The steps and values blobs of one segment at a time (no timestamps), for reading a long series
 * in step order without sorting rows that carry blobs.
 */
export function segmentValuesReader(db: Db): (runId: string, key: string, meta: SegmentMeta) => [Uint8Array, Uint8Array] {
  const chunk = db.prepare('SELECT steps, vals FROM metric_chunks WHERE run_id = ? AND key = ? AND seq = ?').raw();
  const hot = db.prepare('SELECT steps, vals FROM metric_hot WHERE run_id = ? AND key = ? AND seq = ?').raw();
  return (runId, key, meta) => (meta.table === 'metric_chunks' ? chunk : hot).get(runId, key, meta.seq) as [Uint8Array, Uint8Array];
}
