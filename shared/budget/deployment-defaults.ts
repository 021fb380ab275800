import type { Uncertain } from './uncertain-value';

/**
 * Defaults of the deployment comparison that have no figure in estimator-reference.md. They are
 * Tally judgement, named as such in every result, and meant to be overridden.
 */
export const DEFAULT_API_FIRST_TOKEN_MS: Uncertain = { p10: 300, p50: 600, p90: 1500 };
export const DEFAULT_API_OUTPUT_TOKENS_PER_S: Uncertain = { p10: 30, p50: 60, p90: 120 };
export const API_LATENCY_SOURCE = 'Tally judgement: typical hosted-API time to first token and streaming speed; measure your provider';
export const DEFAULT_ELECTRICITY_USD_PER_KWH: Uncertain = { p10: 0.1, p50: 0.15, p90: 0.3 };
export const ELECTRICITY_SOURCE = 'Tally judgement (no tariff in the reference): set your own electricity price';
/** An idle accelerator still draws power; 30% of its active draw (Tally judgement). */
export const IDLE_POWER_FRACTION = 0.3;
export const DEFAULT_LIFE_MONTHS = 36;
export const DEFAULT_PEAK_TO_AVERAGE = 3;
export const PEAK_SOURCE = 'Tally judgement: busiest hour about 3x the daily average; capacity is sized for it';
