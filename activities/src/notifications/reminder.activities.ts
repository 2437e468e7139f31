import { ReminderActivities } from '@amiflow/contracts';
import { ReminderLedger } from '@amiflow/persistence';

/**
 * Delivers issued reminders. Until the mail service exists, a delivery is its entry in the
 * ledger; the ledger's key already makes a retried delivery a no-op.
 */
export function createReminderActivities(ledger: ReminderLedger): ReminderActivities {
  return {
    deliverReminder: (delivery) => ledger.record(delivery),
  };
}
