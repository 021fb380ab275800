import { describe, expect, it } from 'vitest';
import { checkPublishedRuns, type PublishedKind, type PublishedResult } from './published-row';
import { PUBLISHED_RUNS } from './published-runs';

/**
 * Every published row against the estimator's defaults. The test names carry where each row
 * lands (estimate / published), so the CI log is the table the README quotes; a row outside its
 * tolerance fails.
 */
const fmt = (x: number) => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : Number(x.toPrecision(3)).toString());
const results = checkPublishedRuns(PUBLISHED_RUNS);
const byKind = new Map<PublishedKind, PublishedResult[]>();
for (const r of results) byKind.set(r.row.kind, [...(byKind.get(r.row.kind) ?? []), r]);

function spread(rs: readonly PublishedResult[]): string {
  const ratios = rs.map((r) => r.ratio);
  const gm = Math.exp(ratios.reduce((s, x) => s + Math.log(x), 0) / ratios.length);
  const ranged = rs.filter((r) => r.inRange !== null);
  const inside = ranged.filter((r) => r.inRange).length;
  return `${rs.length} rows, estimate/published ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}, geometric mean ${gm.toFixed(2)}${ranged.length ? `, published inside P10-P90 for ${inside} of ${ranged.length}` : ''}`;
}

describe('published runs: sources and shape', () => {
  it('every row has a source, its assumptions and a tolerance; ids are unique', () => {
    for (const r of PUBLISHED_RUNS) {
      expect(r.source.length, r.id).toBeGreaterThan(20);
      expect(r.assumptions.length, r.id).toBeGreaterThan(10);
      expect(r.tolerance, r.id).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(r.published) && r.published > 0, r.id).toBe(true);
    }
    expect(new Set(PUBLISHED_RUNS.map((r) => r.id)).size).toBe(PUBLISHED_RUNS.length);
  });
});

for (const [kind, rs] of byKind) {
  describe(`published runs, ${kind}: ${spread(rs)}`, () => {
    const where = (r: PublishedResult) => (r.inRange === null ? '' : r.inRange ? ', inside P10-P90' : ', outside P10-P90');
    it.each(rs.map((r) => [`${r.row.id}: ${r.row.figure} published ${fmt(r.row.published)}, estimate ${fmt(r.estimate)}, x${r.ratio.toFixed(2)} (allowed ±${Math.round(r.row.tolerance * 100)}%)${where(r)}`, r] as const))('%s', (_name, r) => {
      expect(r.within, `${r.row.id} lands at x${r.ratio.toFixed(2)}`).toBe(true);
    });
  });
}
