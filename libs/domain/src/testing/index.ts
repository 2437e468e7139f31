export * from './campaign-fixtures';
export * from './reminder-oracle';
export * from './reference-dossier';
export * from './test-actors';
