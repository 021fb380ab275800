import type { Uncertain } from './uncertain-value';

/**
 * Default energy assumptions, each with its source (estimator-reference.md §2.7, §5.3).
 */
export interface SourcedDefault {
  value: Uncertain;
  unit: string;
  source: string;
}

/**
 * PUE: LLaMA-1 uses 1.1 and Google reports 1.09-1.12 for its data centres; Strubell et al. 2019
 * used the 2018 industry average 1.58. We take 1.1 as the median (a modern cloud), 1.09 as the
 * low case and 1.4 as the high case (an unknown, older facility; between the two sources).
 */
export const DEFAULT_PUE: SourcedDefault = {
  value: { p10: 1.09, p50: 1.1, p90: 1.4 },
  unit: 'ratio',
  source: 'LLaMA-1 §6 (1.1); Google DCs 1.09-1.12 via mlco2; high case toward Strubell et al. 2019 (1.58)',
};

/** World-average grid intensity, CodeCarbon's fallback (IEA 2019): 475 g/kWh. */
export const DEFAULT_GRID_KG_PER_KWH: SourcedDefault = {
  value: { p10: 0.475, p50: 0.475, p90: 0.475 },
  unit: 'kg CO2e/kWh',
  source: 'CodeCarbon world fallback (IEA 2019), 475 g/kWh',
};

/**
 * Average GPU draw as a fraction of TDP. LLaMA-1 §6 charges the full TDP (400 W per A100), so
 * the median is 1.0, matching that published method; measured training draw is usually somewhat
 * below TDP, so the low case is 70% (Tally judgement, not from a source).
 */
export const DEFAULT_POWER_FRACTION_OF_TDP: Uncertain = { p10: 0.7, p50: 1.0, p90: 1.0 };
export const POWER_SOURCE = 'device TDP, as LLaMA-1 §6 (Touvron et al. 2023) does; low case 70% of TDP (Tally judgement)';
