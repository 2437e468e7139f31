import type { ReminderKind } from '@amiflow/domain';

export interface ReminderDelivery {
  readonly campaignId: string;
  /** Set for a reminder about one dossier. */
  readonly organisationId?: string;
  readonly ruleId: string;
  readonly kind: ReminderKind;
  readonly occurrence: string;
  readonly dueAt: string;
  /** Who receives it: organisation ids, or `operators`. */
  readonly recipients: readonly string[];
  readonly correlationId: string;
}

/** What workflows may ask of the notification side; implemented in activities/. */
export interface ReminderActivities {
  /**
   * Delivers an issued reminder to each recipient once: keyed by reminder and recipient, so a
   * retried activity delivers nothing twice. Returns how many deliveries were new.
   */
  deliverReminder(delivery: ReminderDelivery): Promise<number>;
}
