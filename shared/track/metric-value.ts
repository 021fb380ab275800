/**
 * Metric values JSON cannot carry (NaN, +/-Infinity) travel as the strings MLflow's REST API
 * uses for them. Inside Tally they are plain numbers.
 */
export type WireMetricValue = number | 'NaN' | 'Infinity' | '-Infinity';

export function toWireValue(v: number): WireMetricValue {
  if (Number.isFinite(v)) return v;
  if (Number.isNaN(v)) return 'NaN';
  return v > 0 ? 'Infinity' : '-Infinity';
}

export function fromWireValue(v: WireMetricValue): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return Number.NaN;
  return v === 'Infinity' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}
