export * from './seed-campaign';
export * from './test-data-source';
export * from './test-stream';
