export * from './readable-bins';
export * from './slice-columns';
export * from './significance';
export * from './slice-text';
export * from './slice-tasks';
export * from './slice-report';
