import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoFront, type ParetoCandidate } from './pareto';

const run = (id: string, metric: number | null, costCents: number | null): ParetoCandidate => ({ id, name: id, metric, costCents });

describe('paretoFront', () => {
  it('marks the runs no other beats and answers in one sentence', () => {
    const r = paretoFront({
      metricName: 'F1',
      direction: 'higher',
      currency: 'USD',
      candidates: [run('A', 0.85, 4_000), run('B', 0.91, 4_200), run('C', 0.88, 6_000), run('D', 0.9137, 13_020), run('E', null, 1_000), run('F', 0.99, null)],
    });
    expect(r.front).toEqual(['A', 'B', 'D']);
    expect(r.points.find((p) => p.id === 'C')).toMatchObject({ onFront: false, dominatedBy: 'B' });
    expect(r.excluded).toEqual([{ id: 'E', reason: 'no metric' }, { id: 'F', reason: 'no cost' }]);
    // F1 per cent: A 0.85/4000 = 2.13e-4, B 0.91/4200 = 2.17e-4, D 0.9137/13020 = 7.0e-5. D is
    // (0.9137 - 0.91) / 0.91 = 0.41% better for 13020/4200 = 3.1x the cost.
    expect(r.bestValue).toBe('B');
    expect(r.best).toBe('D');
    expect(r.answer).toBe('Run B gives the best F1 per dollar: 0.91 for $42; run D is 0.4% better for 3.1x the cost.');
    expect(r.assumptions.join(' ')).toMatch(/2 runs left out/);
  });

  it('lower-is-better metrics: value is 1 / (metric × cost)', () => {
    const r = paretoFront({ metricName: 'loss', direction: 'lower', currency: 'EUR', candidates: [run('P', 0.5, 1_000), run('Q', 0.3, 2_000), run('R', 0.28, 6_000), run('S', 0.35, 2_500)] });
    expect(r.front).toEqual(['P', 'Q', 'R']);
    expect(r.points.find((p) => p.id === 'S')?.dominatedBy).toBe('Q');
    // metric × cost: P 5, Q 6, R 16.8 -> P. R is (0.5 - 0.28) / 0.5 = 44% better for 6x the cost.
    expect(r.answer).toBe('Run P gives the best loss per euro: 0.5 for €10; run R is 44% better for 6x the cost.');
  });

  it('ties: equal cost and metric both stay on the front; equal cost, worse metric does not', () => {
    const r = paretoFront({ metricName: 'accuracy', direction: 'higher', currency: 'USD', candidates: [run('X', 0.9, 5_000), run('Y', 0.9, 5_000), run('Z', 0.8, 5_000), run('W', 0.9, 7_000)] });
    expect(r.front).toEqual(['X', 'Y']);
    expect(r.points.find((p) => p.id === 'Z')?.dominatedBy).toBe('X');
    expect(r.points.find((p) => p.id === 'W')?.dominatedBy).toBe('X');
    expect(r.answer).toBe('Run X gives both the best accuracy and the best accuracy per dollar: 0.9 for $50; run Y ties with it.');
  });

  it('the best run that is also the best value names the cheaper alternative', () => {
    const r = paretoFront({ metricName: 'F1', direction: 'higher', currency: 'USD', candidates: [run('A', 0.1, 100), run('D', 0.9, 200)], noun: 'model' });
    expect(r.answer).toBe('Model D gives both the best F1 and the best F1 per dollar: 0.9 for $2; model A is cheaper ($1) and scores 0.1.');
  });

  it('one run that beats all, one run alone, no run at all', () => {
    const all = (candidates: ParetoCandidate[]) => paretoFront({ metricName: 'F1', direction: 'higher', currency: 'USD', candidates }).answer;
    expect(all([run('A', 0.95, 1_000), run('B', 0.9, 2_000)])).toBe('Run A beats every other run on both F1 and cost: 0.95 for $10.');
    expect(all([run('A', 0.95, 1_000), run('B', null, null)])).toBe('Run A is the only run with both F1 and a cost: 0.95 for $10.');
    expect(all([run('B', null, null)])).toBe('No run has both F1 and a cost yet.');
  });

  it('a free run is the best value; metrics of both signs fall back to cheapest and best', () => {
    const free = paretoFront({ metricName: 'F1', direction: 'higher', currency: 'USD', candidates: [run('local', 0.8, 0), run('cloud', 0.88, 5_000)] });
    expect(free.answer).toBe('Run local gives the best F1 per dollar: 0.8 for $0; run cloud is 10% better for $50 more.');
    const signs = paretoFront({ metricName: 'R²', direction: 'higher', currency: 'USD', candidates: [run('a', -0.2, 100), run('b', 0.5, 300)] });
    expect(signs.bestValue).toBeNull();
    expect(signs.answer).toBe('Run a is the cheapest run no other beats: -0.2 for $1; run b reaches 0.5 for 3x the cost.');
  });

  it('refuses repeated ids', () => {
    expect(() => paretoFront({ metricName: 'F1', direction: 'higher', currency: 'USD', candidates: [run('A', 1, 1), run('A', 1, 1)] })).toThrow(/candidates\[1\]\.id repeats A/);
  });

  it('front members are not dominated; every other placed run is dominated by a front member it names', () => {
    const arbRun = fc.record({
      metric: fc.option(fc.integer({ min: -5, max: 20 }).map((x) => x / 4), { nil: null, freq: 8 }),
      costCents: fc.option(fc.integer({ min: 0, max: 12 }).map((x) => x * 100), { nil: null, freq: 8 }),
    });
    fc.assert(
      fc.property(fc.array(arbRun, { maxLength: 30 }), fc.constantFrom('higher' as const, 'lower' as const), (rows, direction) => {
        const candidates = rows.map((r, i) => ({ id: `r${i}`, ...r }));
        const res = paretoFront({ metricName: 'm', direction, currency: 'USD', candidates });
        const ok = (m: number) => direction === 'higher' ? m : -m;
        const dominates = (a: ParetoCandidate, b: ParetoCandidate) =>
          (a.costCents as number) <= (b.costCents as number) && ok(a.metric as number) >= ok(b.metric as number) && ((a.costCents as number) < (b.costCents as number) || ok(a.metric as number) > ok(b.metric as number));
        const valid = candidates.filter((c) => c.metric !== null && c.costCents !== null);
        expect(res.points.length + res.excluded.length).toBe(candidates.length);
        expect(res.excluded.length).toBe(candidates.length - valid.length);
        const byId = new Map(valid.map((c) => [c.id, c]));
        for (const p of res.points) {
          const me = byId.get(p.id) as ParetoCandidate;
          const beaten = valid.some((q) => dominates(q, me));
          expect(p.onFront).toBe(!beaten);
          if (!p.onFront) {
            expect(res.front).toContain(p.dominatedBy);
            expect(dominates(byId.get(p.dominatedBy as string) as ParetoCandidate, me)).toBe(true);
          }
        }
        if (res.bestValue !== null) expect(res.front).toContain(res.bestValue);
      }),
      { seed: 31, numRuns: 300 },
    );
  });
});
