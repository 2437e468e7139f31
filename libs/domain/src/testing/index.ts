export * from './campaign-fixtures';
