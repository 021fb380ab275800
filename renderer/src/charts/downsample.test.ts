import { describe, expect, it } from 'vitest';
import { downsampleLttb } from './downsample';

describe('downsampleLttb', () => {
  it('keeps short series as they are', () => {
    const pts = [{ x: 0, y: 1 }, { x: 1, y: 2 }];
    expect(downsampleLttb(pts, 10)).toEqual(pts);
  });
  it('reduces a long series to the threshold, keeping ends and the spike', () => {
    const pts = Array.from({ length: 10_000 }, (_, i) => ({ x: i, y: i === 5_000 ? 100 : Math.sin(i / 100) }));
    const out = downsampleLttb(pts, 200);
    expect(out).toHaveLength(200);
    expect(out[0]).toEqual(pts[0]);
    expect(out[199]).toEqual(pts[9_999]);
    expect(out.some((p) => p.y === 100)).toBe(true);
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
  });
});
