/**
 * Largest-Triangle-Three-Buckets downsampling: keeps the visual shape of a long series in at most
 * `threshold` points, so charts never receive more points than pixels.
 */
export function downsampleLttb<T extends { x: number; y: number }>(points: readonly T[], threshold: number): T[] {
  if (threshold >= points.length || threshold < 3) return points.slice();
  const out: T[] = [points[0]!];
  const bucket = (points.length - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    const start = Math.floor((i + 1) * bucket) + 1;
    const end = Math.min(Math.floor((i + 2) * bucket) + 1, points.length);
    let avgX = 0;
    let avgY = 0;
    for (let j = start; j < end; j++) {
      avgX += points[j]!.x;
      avgY += points[j]!.y;
    }
    const n = Math.max(1, end - start);
    avgX /= n;
    avgY /= n;
    const from = Math.floor(i * bucket) + 1;
    const to = Math.floor((i + 1) * bucket) + 1;
    let best = from;
    let bestArea = -1;
    const pa = points[a]!;
    for (let j = from; j < to; j++) {
      const p = points[j]!;
      const area = Math.abs((pa.x - avgX) * (p.y - pa.y) - (pa.x - p.x) * (avgY - pa.y));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out.push(points[best]!);
    a = best;
  }
  out.push(points[points.length - 1]!);
  return out;
}
