import { usdRateOf, type ProjectMoney } from '../domain/currency';

/** An assumption as the estimator gives it: a value, its unit and likely range. */
export interface AssumptionFigure {
  value: number | string;
  unit?: string | undefined;
  range?: { p10: number; p90: number } | undefined;
}

/**
 * An estimate's assumption in a project's currency: a value whose unit is in US dollars
 * ("USD/kWh", "USD per device") is converted with the project's rate ("EUR/kWh"), keeping what it
 * was (`dollars`) for the record; every other assumption, and any in a USD project or one
 * without a rate, stays as it is. The app's answers and the CLI's reports both write assumptions
 * through this one function.
 */
export function assumptionInCurrency(a: AssumptionFigure, m: ProjectMoney): AssumptionFigure & { dollars?: AssumptionFigure } {
  const rate = usdRateOf(m);
  if (m.currency === 'USD' || rate === null || typeof a.value !== 'number' || !a.unit?.startsWith('USD')) return a;
  const unit = `${m.currency}${a.unit.slice(3)}`;
  return { value: a.value * rate, unit, ...(a.range ? { range: { p10: a.range.p10 * rate, p90: a.range.p90 * rate } } : {}), dollars: a };
}
