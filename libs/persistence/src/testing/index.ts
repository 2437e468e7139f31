export * from './test-data-source';
