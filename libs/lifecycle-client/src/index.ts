export * from './lifecycle-commands';
export * from './temporal-client.module';
