import { describe, expect, it } from 'vitest';
import { runTrackIngestBench } from './track-ingest.bench';

// Runs the bench small to prove it works and reads back what it wrote; no wall-clock assertion.
describe('track ingest bench', () => {
  it('reports every ingest path, the history read and the row-per-point reference', async () => {
    const r = await runTrackIngestBench(20_000);
    expect(r.points).toBe(20_000);
    expect(r.identical).toBe(true);
    expect(r.historyPoints).toBe(20_000);
    for (const x of [r.columns, r.batches, r.spread]) expect(x.pointsPerSecond).toBeGreaterThan(0);
    expect(r.reference.pointsPerSecond).toBeGreaterThan(0);
    expect(r.reference.readMs).toBeGreaterThan(0);
  });
});
