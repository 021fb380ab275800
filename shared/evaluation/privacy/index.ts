export * from './membership-inference';
export * from './membership-text';
