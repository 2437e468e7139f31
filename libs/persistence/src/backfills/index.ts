export * from './backfills';
export * from './data-backfill';
export * from './run-backfills';
