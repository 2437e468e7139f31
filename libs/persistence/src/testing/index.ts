export * from './seed-open-campaign';
export * from './test-data-source';
export * from './test-stream';
export * from './rolled-back-transaction';
export * from './read-model-fixture';
