import { describe, expect, it } from 'vitest';
import { THRESHOLD_ANCHORS } from './threshold-anchors';
import { DEFAULT_THRESHOLDS, resolveThresholds } from './thresholds';

describe('thresholds', () => {
  it('every default has an anchor, and every anchor a default', () => {
    expect(Object.keys(THRESHOLD_ANCHORS).sort()).toEqual(Object.keys(DEFAULT_THRESHOLDS).sort());
  });

  it('project overrides win, the rest stay at their defaults', () => {
    const t = resolveThresholds({ trainTestOverlapErrorShare: 0.01 });
    expect(t.trainTestOverlapErrorShare).toBe(0.01);
    expect(t.driftPValue).toBe(0.05);
    expect(DEFAULT_THRESHOLDS.trainTestOverlapErrorShare).toBe(0.05);
  });
});
