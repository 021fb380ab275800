/**
 * The estimator's public API. Everything here is pure: no clock, no I/O, seeded randomness.
 * See README.md in this folder for the method, the defaults and their sources.
 */
export * from './uncertain-value';
export * from './seeded-rng';
export * from './monte-carlo';
export * from './sensitivity';
export * from './assumption';
export * from './input-checks';
export * from './peak-throughput';
export * from './training-flops';
export * from './energy-and-carbon';
export * from './energy-defaults';
export * from './default-mfu';
export * from './goodput';
export * from './device-traits';
export * from './decode-efficiency';
export * from './plausibility';
export * from './training-fit';
export * from './inference-defaults';
export * from './training-estimate';
export * from './training-alternatives';
export * from './scaling-fits';
export * from './compute-optimal';
export * from './bytes-per-value';
export * from './activation-memory';
export * from './device-fit';
export * from './memory-estimate';
export * from './training-memory';
export * from './inference-memory';
export * from './serving-profiles';
export * from './inference-roofline';
export * from './llm-request-timing';
export * from './inference-estimate';
export * from './pilot-extrapolation';
export * from './workload';
export * from './owned-hardware';
export * from './assumption-words';
export * from './deployment-defaults';
export * from './deployment-options';
export * from './break-even';
export * from './deployment-recommendation';
export * from './deployment-comparison';
export * from './plan-money';
export * from './spend';
export * from './published-row';
export * from './published-runs';
