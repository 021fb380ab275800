/**
 * Numeric expectations were computed once with Debian's python3 (numpy 1.24):
 *   lo, hi = min(a + b), max(a + b)
 *   np.histogram(a, bins=20, range=(lo, hi)) / len(a), the same for b
 * with a = [(i*37) % 101 for i in range(60)], b = [(i*53) % 89 + 40 for i in range(45)].
 */
import { describe, expect, it } from 'vitest';
import { buildColumnSummary } from '../testing/column-profile';
import { categoricalPair, distributionPairs, numericPair, PAIRS_KEPT } from './distribution-pairs';

const a = Array.from({ length: 60 }, (_, i) => (i * 37) % 101);
const b = Array.from({ length: 45 }, (_, i) => ((i * 53) % 89) + 40);

const NUMPY_A = [
  0.08333333333333333, 0.05, 0.06666666666666667, 0.06666666666666667, 0.05, 0.06666666666666667, 0.06666666666666667, 0.06666666666666667, 0.06666666666666667,
  0.06666666666666667, 0.05, 0.06666666666666667, 0.05, 0.06666666666666667, 0.06666666666666667, 0.05, 0, 0, 0, 0,
];
const NUMPY_B = [
  0, 0, 0, 0, 0, 0, 0.06666666666666667, 0.06666666666666667, 0.08888888888888889, 0.06666666666666667, 0.06666666666666667, 0.06666666666666667,
  0.06666666666666667, 0.06666666666666667, 0.08888888888888889, 0.06666666666666667, 0.06666666666666667, 0.06666666666666667, 0.06666666666666667,
  0.08888888888888889,
];

describe('distribution pairs', () => {
  it('bins both files on one set of edges, as numpy.histogram over their joint range', () => {
    const p = numericPair(buildColumnSummary('x', a), buildColumnSummary('x', b))!;
    expect(p.kind).toBe('numeric');
    expect(p.edges).toHaveLength(21);
    expect(p.edges[0]).toBe(0);
    expect(p.edges[20]).toBe(127);
    expect(p.edges[1]).toBeCloseTo(6.35, 12);
    p.reference.forEach((s, i) => expect(s).toBeCloseTo(NUMPY_A[i]!, 12));
    p.checked.forEach((s, i) => expect(s).toBeCloseTo(NUMPY_B[i]!, 12));
    expect(p.fromSample).toBe(false);
  });

  it('puts a constant column in one bin', () => {
    const p = numericPair(buildColumnSummary('x', [5, 5, 5]), buildColumnSummary('x', [5, 5]))!;
    expect(p.edges).toEqual([5, 6]);
    expect(p.reference).toEqual([1]);
    expect(p.checked).toEqual([1]);
  });

  it('aligns categories, keeps the most common and pools the rest into (other)', () => {
    const ref = buildColumnSummary('region', [...Array(40).fill('north'), ...Array(30).fill('south'), ...Array(20).fill('east'), ...Array(10).fill('west')]);
    const cur = buildColumnSummary('region', [...Array(10).fill('north'), ...Array(10).fill('south'), ...Array(30).fill('east'), ...Array(50).fill('west')]);
    const p = categoricalPair(ref, cur, 2)!;
    // Both files together: west 60, east 50, north 50, south 40; a tie goes by name, so north and south are pooled.
    expect(p.values).toEqual(['west', 'east', '(other)']);
    expect(p.reference).toEqual([0.1, 0.2, 0.7]);
    expect(p.checked).toEqual([0.5, 0.3, 0.2]);
    expect(p.edges).toEqual([]);
  });

  it('orders drifted columns first, skips hidden ones and keeps at most the limit', () => {
    const cols = ['p', 'q', 'r', 's'].map((n) => buildColumnSummary(n, a));
    const drift = [
      { column: 'p', kind: 'numeric' as const, drifted: false, negligible: false, psi: 0.9 },
      { column: 'q', kind: 'numeric' as const, drifted: true, negligible: false, psi: 0.2 },
      { column: 'r', kind: 'numeric' as const, drifted: true, negligible: true, psi: 0.5 },
      { column: 's', kind: 'numeric' as const, drifted: true, negligible: false, psi: 0.3 },
    ];
    const pairs = distributionPairs(cols, cols, drift, new Set(['s']), 3);
    expect(pairs.map((p) => [p.column, p.drifted])).toEqual([
      ['q', true],
      ['p', false],
      ['r', false],
    ]);
    expect(PAIRS_KEPT).toBeGreaterThan(0);
  });
});
