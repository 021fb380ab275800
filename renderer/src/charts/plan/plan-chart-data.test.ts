import { describe, expect, it } from 'vitest';
import { breakEvenMarks, costBars, decadeTicks, shortMoney, shortUsd, valueAt, volumeSeries } from './plan-chart-data';

describe('plan chart data', () => {
  const cvv = [
    { requestsPerDay: 10, monthlyCostUsd: { api: 3, owned: 100 } },
    { requestsPerDay: 100, monthlyCostUsd: { api: 30, owned: 100 } },
    { requestsPerDay: 1000, monthlyCostUsd: { api: 300, owned: 100 } },
  ];
  const labels = { api: 'Cloud AI service', owned: 'Your own device' };

  it('one line per option, labelled, in volume order', () => {
    const s = volumeSeries(cvv, labels);
    expect(s.map((x) => [x.id, x.option, x.data.length])).toEqual([
      ['Cloud AI service', 'api', 3],
      ['Your own device', 'owned', 3],
    ]);
  });

  it('interpolates on log-log axes: a straight line there is a power law', () => {
    const [api] = volumeSeries(cvv, labels);
    // cost = 0.3 x volume, so at 333.3/day it is 100.
    expect(valueAt(api!, 1000 / 3)).toBeCloseTo(100, 9);
    expect(valueAt(api!, 5)).toBeNull();
  });

  it('places a break-even mark where the lines cross, and skips pairs that never cross', () => {
    const s = volumeSeries(cvv, labels);
    const marks = breakEvenMarks(
      [
        { between: ['api', 'owned'], requestsPerDay: 1000 / 3 },
        { between: ['api', 'cloud-gpu'], requestsPerDay: null },
      ],
      s,
      labels,
    );
    expect(marks).toHaveLength(1);
    expect(marks[0]!.x).toBeCloseTo(333.33, 2);
    expect(marks[0]!.y).toBeCloseTo(100, 9);
    expect(marks[0]!.text).toBe('Cloud AI service = Your own device');
  });

  it('bars carry P10, P50 and P90 for the whiskers', () => {
    expect(costBars([{ option: 'api', shortLabel: 'API', monthlyCostUsd: { p10: 1, p50: 2, p90: 4 } }])).toEqual([{ id: 'api', label: 'API', p10: 1, p50: 2, p90: 4 }]);
  });

  it('formats axes', () => {
    expect(decadeTicks(3, 2000)).toEqual([10, 100, 1000]);
    expect([shortUsd(0.4), shortUsd(35.2), shortUsd(1234), shortUsd(2.5e6)]).toEqual(['$0.40', '$35', '$1.2k', '$2.5M']);
    expect([shortMoney(0.4, 'EUR'), shortMoney(1234, 'EUR'), shortMoney(35.2, 'CHF'), shortMoney(300, 'GBP')]).toEqual(['€0.40', '€1.2k', 'CHF 35', '£300']);
  });
});
