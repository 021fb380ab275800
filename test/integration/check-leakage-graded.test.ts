/**
 * Target leakage graded on scikit-learn's bundled data: genuine strong measurements
 * (breast_cancer "worst perimeter", AUC 0.975; iris petal width) are not called leaks, while a
 * copy of the label with a few percent noise, which can score the same AUC, is. scikit-learn's
 * roc_auc_score on the same rows is the oracle for the figures.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseAndCheck } from '../../electron/backend/services/check-analysis';
import { python } from '../support/public-data';
import { tempDir } from '../support/temp';

/** Writes the two files and prints scikit-learn's AUCs (one-vs-rest, weighted by class share, each folded to >= 0.5). */
const MAKE = `
import json, sys
import numpy as np
from sklearn.datasets import load_breast_cancer, load_iris
from sklearn.metrics import roc_auc_score
out = sys.argv[1]
rng = np.random.default_rng(20261205)
def folded(y, x):
    classes = np.unique(y)
    if len(classes) == 2:
        rare = min(classes, key=lambda c: ((y == c).sum(), c))
        a = roc_auc_score(y == rare, x); return max(a, 1 - a)
    return sum(max(a, 1 - a) * (y == c).sum() for c in classes for a in [roc_auc_score(y == c, x)]) / len(y)
bc = load_breast_cancer(as_frame=True).frame
copy = bc.target.copy(); flip = rng.choice(len(copy), int(round(0.025 * len(copy))), replace=False); copy.iloc[flip] = 1 - copy.iloc[flip]
bc["review_outcome"] = copy
bc.to_csv(f"{out}/breast_cancer.csv", index=False, float_format="%.17g")
iris = load_iris(as_frame=True).frame
noisy = iris.target.copy(); redo = rng.choice(len(noisy), 3, replace=False); noisy.iloc[redo] = rng.integers(0, 3, 3)
iris["species_code"] = noisy
iris.to_csv(f"{out}/iris.csv", index=False, float_format="%.17g")
print(json.dumps({
  "worst_perimeter": folded(bc.target.values, bc["worst perimeter"].values),
  "review_outcome": folded(bc.target.values, copy.values),
  "petal_width": folded(iris.target.values, iris["petal width (cm)"].values),
  "species_code": folded(iris.target.values, noisy.values),
}))
`;

describe('target leakage, graded', () => {
  const t = tempDir();
  let auc: Record<'worst_perimeter' | 'review_outcome' | 'petal_width' | 'species_code', number>;
  beforeAll(() => {
    auc = python(MAKE, [t.dir]);
  });
  afterAll(() => t.cleanup());

  it('breast_cancer: a 2.5%-noise copy of the label is leakage (first, an error); "worst perimeter" at the same AUC is an info-level strong predictor', async () => {
    expect(auc.review_outcome).toBeCloseTo(auc.worst_perimeter, 2);
    const { report } = await analyseAndCheck({ file: join(t.dir, 'breast_cancer.csv'), target: 'target' });
    const leaks = report.findings.filter((f) => f.id === 'target_leakage');
    expect(leaks[0]).toMatchObject({ column: 'review_outcome', severity: 'error', details: { grade: 'mapping', mappingValues: 2 } });
    expect(leaks[0]!.details.value as number).toBeCloseTo(auc.review_outcome, 12);
    expect(leaks[0]!.message).toMatch(/^Column "review_outcome" is almost a copy of the target "target": each of its 2 values goes with one class in 97\.5% of 569 sampled rows/);
    expect(leaks.filter((f) => f.severity !== 'info').map((f) => f.column)).toEqual(['review_outcome']);
    const perimeter = leaks.find((f) => f.column === 'worst perimeter')!;
    expect(perimeter).toMatchObject({ severity: 'info', details: { grade: 'strong_predictor' } });
    expect(perimeter.details.value as number).toBeCloseTo(auc.worst_perimeter, 12);
    expect(perimeter.message).toContain('is a very strong single predictor of the target "target"');
    expect(perimeter.message).toContain('make sure it is known before the outcome');
    // Most suspicious first: the strong predictors follow in falling AUC.
    const values = leaks.slice(1).map((f) => f.details.value as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  }, 60_000);

  it('iris: petal width (one-vs-rest AUC 0.83) is no leak; a label copy with 3 rows redrawn is', async () => {
    const { report } = await analyseAndCheck({ file: join(t.dir, 'iris.csv'), target: 'target' });
    const leaks = report.findings.filter((f) => f.id === 'target_leakage');
    expect(leaks.map((f) => [f.column, f.severity])).toEqual([['species_code', 'error']]);
    expect(leaks[0]!.details.grade).toBe('mapping');
    expect(leaks[0]!.details.value as number).toBeCloseTo(auc.species_code, 12);
    expect(auc.petal_width).toBeLessThan(0.95);
  }, 60_000);
});
