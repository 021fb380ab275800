export * from './threshold-types';
export * from './threshold-analysis';
export * from './cost-text';
