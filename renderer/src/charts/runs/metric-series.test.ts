import { describe, expect, it } from 'vitest';
import { bandPath, pointsNote, toChartLine, yDomain } from './metric-series';

const buckets = { runId: 'r', totalPoints: 1_000_000, nonFinite: 3, steps: [0, 10, 20], values: [1, 2, 3], mins: [0.5, 2, 1], maxs: [1.5, 2, 9] };

describe('metric chart shaping', () => {
  it('turns buckets into a mean line and a min/max band', () => {
    const line = toChartLine(buckets, 'loss', '#123');
    expect(line.data).toEqual([{ x: 0, y: 1 }, { x: 10, y: 2 }, { x: 20, y: 3 }]);
    expect(line.band[2]).toEqual({ x: 20, lo: 1, hi: 9 });
    expect(line.hasEnvelope).toBe(true);
    expect(toChartLine({ ...buckets, mins: [1, 2, 3], maxs: [1, 2, 3] }, 'x', '#000').hasEnvelope).toBe(false);
  });
  it('the y range covers the envelope with 5% padding', () => {
    const d = yDomain([toChartLine(buckets, 'loss', '#123')])!;
    expect(d.min).toBeCloseTo(0.075, 12);
    expect(d.max).toBeCloseTo(9.425, 12);
    expect(yDomain([])).toBeNull();
    const flat = yDomain([toChartLine({ ...buckets, steps: [1], values: [4], mins: [4], maxs: [4] }, 'c', '#000')])!;
    expect([flat.min, flat.max]).toEqual([3.8, 4.2]);
  });
  it('draws the band along the maxima and back along the minima', () => {
    const path = bandPath(toChartLine(buckets, 'loss', '#123').band, (x) => x, (y) => 100 - y);
    expect(path).toBe('M0.0,98.5L10.0,98.0L20.0,91.0L20.0,99.0L10.0,98.0L0.0,99.5Z');
    expect(bandPath([], (x) => x, (y) => y)).toBe('');
  });
  it('says how many points were drawn and how many were NaN or infinite', () => {
    expect(pointsNote([toChartLine(buckets, 'loss', '#123')])).toBe(
      "1,000,000 points, drawn as 3 averages; the shaded band shows each stretch's lowest and highest value, so no spike is hidden. 3 values were NaN or infinite and cannot be drawn.",
    );
    expect(pointsNote([toChartLine({ ...buckets, totalPoints: 3, nonFinite: 0 }, 'loss', '#123')])).toBe('3 points, all drawn.');
    expect(pointsNote([])).toBe('No points logged for this metric.');
  });
});
