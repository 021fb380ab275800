export * from './gate-parser';
export * from './gate-evaluate';
