import type { DossierEventType, ReminderKind } from '@amiflow/domain';

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

/** A dossier event the organisation is told about by e-mail. */
export interface DossierEventNotice {
  readonly campaignId: string;
  readonly organisationId: string;
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly correlationId: string;
}

export interface DossierNotificationActivities {
  /** Mails the organisation about this event, once (keyed by the event id). Returns mails sent. */
  notifyDossierEvent(notice: DossierEventNotice): Promise<number>;
}

/**
 * What the notice of a `DossierCalendarUpdated` carries: the event's data and the deadline it
 * moved from (UTC instants). The workflow sends one only when the deadline moved and the dossier
 * may still be submitted or amended.
 */
export interface DeadlineMovedNoticeData {
  readonly submissionDeadline: string;
  readonly consultationsStartAt: string;
  readonly previousSubmissionDeadline: string;
}

/** The dossier events the organisation hears about by mail; the workflow sends only these. */
export const NOTIFIED_DOSSIER_EVENT_TYPES = [
  'DossierSubmitted',
  'DossierEligibilityAssessed',
  'DossierEligibilityOverridden',
  'ClarificationRequested',
  'DossierScreened',
  'ConsultationScheduled',
  'ConsultationCancelled',
  'DossierExpired',
  'DossierCancelled',
  'DossierCalendarUpdated',
] as const satisfies readonly DossierEventType[];
