import { describe, expect, it } from 'vitest';
import { sliceInputs } from './slice-input';

describe('sliceInputs', () => {
  const ratings = { column: 'rating', values: ['1', '2', '3'], codes: Int32Array.from([0, 1, 2, 2, 1]), numbers: Float64Array.from([1, 2, 3, 3, 2]), overflow: false };
  const region = { column: 'region', values: ['north', 'south'], codes: Int32Array.from([0, 1, 1, 0, 0]), numbers: null, overflow: false };

  it('slices a numeric column with few values by value, unless bins are given for it', () => {
    expect(sliceInputs([ratings]).columns).toEqual([{ name: 'rating', kind: 'categorical', codes: ratings.codes, categories: ['1', '2', '3'] }]);
    const bins = { edges: [2.5], labels: ['< 2.5', '2.5+'] };
    expect(sliceInputs([ratings, region], { rating: bins, region: bins }).columns).toEqual([
      { name: 'rating', kind: 'numeric', values: ratings.numbers, fixed: bins },
      // Text cannot be cut at bins: it is sliced by value as usual.
      { name: 'region', kind: 'categorical', codes: region.codes, categories: ['north', 'south'] },
    ]);
  });
});
