import { DEFAULT_ELECTRICITY, DEFAULT_WRITE_OFF_MONTHS } from './owned-hardware';
import type { Uncertain } from './uncertain-value';

/**
 * Defaults of the deployment comparison that have no figure in estimator-reference.md. They are
 * Tally judgement, named as such in every result, and meant to be overridden.
 */
export const DEFAULT_API_FIRST_TOKEN_MS: Uncertain = { p10: 300, p50: 600, p90: 1500 };
export const DEFAULT_API_OUTPUT_TOKENS_PER_S: Uncertain = { p10: 30, p50: 60, p90: 120 };
export const API_LATENCY_SOURCE = 'Tally judgement: typical hosted-API time to first token and streaming speed; measure your provider';
/** The same sourced tariff the training planner uses for owned GPUs (owned-hardware.ts). */
export const DEFAULT_ELECTRICITY_USD_PER_KWH: Uncertain = DEFAULT_ELECTRICITY.value;
export const ELECTRICITY_SOURCE = DEFAULT_ELECTRICITY.source;
/** An idle accelerator still draws power; 30% of its active draw (Tally judgement). */
export const IDLE_POWER_FRACTION = 0.3;
export const DEFAULT_LIFE_MONTHS = DEFAULT_WRITE_OFF_MONTHS;
export const DEFAULT_PEAK_TO_AVERAGE = 3;
export const PEAK_SOURCE = 'Tally judgement: busiest hour about 3x the daily average; capacity is sized for it';
