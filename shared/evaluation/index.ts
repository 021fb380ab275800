/** Evaluation: statistics, metrics equal to scikit-learn, intervals, slices, thresholds, risks, gates. */
export * from './stats';
export * from './metrics';
export * from './intervals';
export * from './threshold';
export * from './slices';
export * from './label-issues';
export * from './privacy';
export * from './gates';
