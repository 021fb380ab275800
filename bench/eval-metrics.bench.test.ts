import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/temp';
import { runEvalBench } from './eval-metrics.bench';

// Runs the bench once on 20,000 rows to prove it works and that both sides agree; no wall-clock
// assertion (machines are shared and noisy).
describe('evaluation metrics bench', () => {
  const t = tempDir('tally-eval-bench-');
  afterAll(() => t.cleanup());

  it('times Tally and scikit-learn on the same data and finds the same values', () => {
    const r = runEvalBench(20_000, 1, t.dir);
    expect(r.tally.seconds).toBeGreaterThan(0);
    expect(r.tally.rssMb).toBeGreaterThan(0);
    expect(r.sklearn).not.toBeNull();
    expect(r.maxDifference).toBeLessThan(1e-9);
    expect(r.ratio).toBeGreaterThan(0);
  });
});
