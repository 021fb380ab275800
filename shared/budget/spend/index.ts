/**
 * Budget against actual spend: status, burn-down, run-out forecast, alerts, metric-per-money
 * Pareto front and planned-vs-actual re-forecast. Pure functions over JSON inputs; see the
 * "Budgets" section of the README.
 */
export * from './spend-types';
export { formatCents, formatCentsRange, formatShare } from './spend-format';
export * from './budget-status';
export * from './burn-down';
export * from './burn-rate';
export * from './forecast';
export * from './alerts';
export * from './pareto';
export * from './replan';
