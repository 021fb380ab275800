import { describe, expect, it } from 'vitest';
import { runTrackSearchBench } from './track-search.bench';

// Runs the search bench small to prove it works and agrees with its reference; no wall-clock assertion.
describe('track search bench', () => {
  it('answers the query as the read-everything reference does', async () => {
    const r = await runTrackSearchBench(300, 1);
    expect(r.runs).toBe(300);
    expect(r.sameAnswer).toBe(true);
    expect(r.matched).toBeGreaterThan(10);
    expect(r.firstPageMs).toBeGreaterThan(0);
  });
});
