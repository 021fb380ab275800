import { describe, expect, it } from 'vitest';
import { normalSurvival } from './normal';

describe('normalSurvival', () => {
  // scipy 1.10: scipy.stats.norm.sf(z)
  it.each([
    [-3, 0.9986501019683699],
    [-1.5, 0.9331927987311419],
    [0, 0.5],
    [0.5, 0.3085375387259869],
    [1.959963984540054, 0.025],
    [3, 0.0013498980316300933],
    [6, 9.865876450376946e-10],
  ])('norm.sf(%f)', (z, expected) => {
    expect(Math.abs(normalSurvival(z) - expected)).toBeLessThanOrEqual(1e-13 * Math.max(expected, 1e-3));
  });
});
