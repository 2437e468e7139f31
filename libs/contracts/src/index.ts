export * from './dossier/dossier.messages';
export * from './events/event-activities';
export * from './events/event-envelope';
export * from './search-attributes';
export * from './task-queues';
export * from './workflow-ids';
