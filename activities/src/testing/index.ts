export * from './calendar-reader';
export * from './heartbeats';
export * from './mail-catcher';
export * from './open-campaign-fixture';
export * from './stalling-smtp-proxy';
export * from './temporal-test-client';
