export * from './confident-learning';
export * from './label-issue-text';
