export * from './eligibility/eligibility.activities';
export * from './events/event.activities';
export * from './fan-out/fan-out.activities';
export * from './notifications/mailer';
export * from './notifications/reminder-mails';
export * from './notifications/reminder.activities';
