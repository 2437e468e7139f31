export * from './events/event.activities';
