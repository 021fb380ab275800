/** Statistical primitives: pure, exact where it is cheap, checked against scipy/sklearn in tests. */
export * from './special-functions';
export * from './kolmogorov-smirnov';
export * from './chi-square';
export * from './distances';
export * from './ranks';
export * from './correlation';
export * from './roc-auc';
export * from './skewness';
export * from './radix-sort';
export * from './decimal-counts';
export * from './normal';
