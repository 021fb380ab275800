import { describe, expect, it } from 'vitest';
import type { RunCost } from '../../../../shared/contract/runs';
import { costBasisText, formatCo2, formatDuration, formatKwh, formatMetric, hardwareUnknown } from './run-format';

const cost: RunCost = {
  costCents: 7176,
  currency: 'USD',
  costUsdCents: 7176,
  costCentsPerHour: null,
  costUsdCentsPerHour: null,
  basis: 'catalog',
  priceSource: 'median on-demand price',
  priceAsOf: '2026-11-15',
  pricePerDeviceHour: { amount: 2.99, currency: 'USD' },
  devices: 8,
  hours: 3,
  hoursBasis: 'start-end',
  energyKwh: 19.2,
  energyKwhPerHour: null,
  energyBasis: 'estimated',
  co2Kg: 7.3,
  gridKgCo2PerKwh: 0.38,
  unknownReason: null,
  assumptions: [],
};

describe('run figures in plain words', () => {
  it('says where a cost comes from', () => {
    expect(costBasisText(cost, 'H100')).toBe('estimated from 8 x H100 at $2.99/GPU-hour for 3 h 00 min, catalog price of 2026-11');
    expect(costBasisText({ ...cost, basis: 'manual' }, 'H100')).toBe('entered by hand on the run (overrides any computed cost)');
    expect(costBasisText({ ...cost, basis: 'unknown', costCents: null, unknownReason: 'hardware unknown: set the hardware' }, null)).toBe('hardware unknown: set the hardware');
    expect(costBasisText({ ...cost, basis: 'project-rate', priceAsOf: '2026-10-01', pricePerDeviceHour: { amount: 2.5, currency: 'EUR' } }, 'A100')).toBe(
      "from 8 x A100 at €2.50/GPU-hour for 3 h 00 min, the project's negotiated rate of 2026-10-01",
    );
  });
  it('offers the hardware form only when nothing says what the run ran on', () => {
    expect(hardwareUnknown({ basis: 'unknown' }, null)).toBe(true);
    expect(hardwareUnknown({ basis: 'unknown' }, 'weird-gpu')).toBe(false);
    expect(hardwareUnknown({ basis: 'catalog' }, null)).toBe(false);
  });
  it('formats durations, metrics, energy and CO2', () => {
    expect([formatDuration(null), formatDuration(10 / 3600), formatDuration(0.75), formatDuration(2.0833), formatDuration(72)]).toEqual(['unknown', '10 s', '45 min', '2 h 05 min', '3.0 days']);
    expect([formatMetric(0.912345), formatMetric(12345.6), formatMetric(0.00001234), formatMetric('NaN'), formatMetric('-Infinity'), formatMetric(undefined)]).toEqual(['0.9123', '12,346', '1.234e-5', 'NaN', '-∞', '']);
    expect([formatKwh(0.005), formatKwh(19.2), formatKwh(1234.4), formatKwh(null)]).toEqual(['5.0 Wh', '19.20 kWh', '1,234 kWh', 'unknown']);
    expect([formatCo2(0.25), formatCo2(7.3), formatCo2(2500)]).toEqual(['250 g CO2e', '7.3 kg CO2e', '2.50 t CO2e']);
  });
});
