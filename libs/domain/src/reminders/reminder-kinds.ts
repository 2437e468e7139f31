/**
 * Each kind of reminder has one date it is relative to and one audience; the campaign chooses
 * which kinds it sends, their offsets and their time of day.
 */
export const REMINDER_KINDS = {
  /** To the directory's eligible organisations, when the campaign opens. */
  CAMPAIGN_INVITATION: { anchor: 'OPENING', audience: 'DIRECTORY_ELIGIBLE', scope: 'campaign' },
  /** To those registered for the information meeting, with its calendar invitation. */
  MEETING_REMINDER: { anchor: 'MEETING', audience: 'MEETING_REGISTRANTS', scope: 'campaign' },
  /** To operators, every day while dossiers are handled: what is overdue. */
  OPERATOR_DIGEST: { anchor: 'EVERY_DAY', audience: 'OPERATORS', scope: 'campaign' },
  /** To an organisation whose dossier is still a draft. */
  DEADLINE_REMINDER: {
    anchor: 'SUBMISSION_DEADLINE',
    audience: 'UNSUBMITTED_DOSSIERS',
    scope: 'dossier',
  },
  /** To an organisation that has not answered a clarification request yet. */
  CLARIFICATION_REMINDER: {
    anchor: 'CLARIFICATION_DUE',
    audience: 'CLARIFICATION_PENDING',
    scope: 'dossier',
  },
  /** To an organisation invited to an individual consultation. */
  CONSULTATION_REMINDER: {
    anchor: 'CONSULTATION',
    audience: 'CONSULTATION_INVITEES',
    scope: 'dossier',
  },
  /** To the owner of a follow-up action not done yet. */
  FOLLOW_UP_REMINDER: { anchor: 'FOLLOW_UP_DUE', audience: 'FOLLOW_UP_OWNERS', scope: 'dossier' },
} as const;

export type ReminderKind = keyof typeof REMINDER_KINDS;
export type ReminderAnchor = (typeof REMINDER_KINDS)[ReminderKind]['anchor'];
export type ReminderAudience = (typeof REMINDER_KINDS)[ReminderKind]['audience'];
