export * from './campaign-fixtures';
export * from './reminder-oracle';
