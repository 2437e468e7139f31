/** Every rule a command can break. The API maps each code to one HTTP status, exhaustively. */
export enum DomainErrorCode {
  /** The command's own content is wrong (blank name, end before start…). */
  INVALID_COMMAND = 'INVALID_COMMAND',
  /** The command does not apply in the aggregate's current state. */
  TRANSITION_NOT_ALLOWED = 'TRANSITION_NOT_ALLOWED',
  /** The instant this command waits for has not come yet. */
  TOO_EARLY = 'TOO_EARLY',

  CAMPAIGN_ALREADY_EXISTS = 'CAMPAIGN_ALREADY_EXISTS',
  CAMPAIGN_NOT_FOUND = 'CAMPAIGN_NOT_FOUND',
  INVALID_CAMPAIGN_DEFINITION = 'INVALID_CAMPAIGN_DEFINITION',
  CALENDAR_DATE_PASSED = 'CALENDAR_DATE_PASSED',
  NO_INFORMATION_MEETING = 'NO_INFORMATION_MEETING',
  MEETING_REGISTRATION_CLOSED = 'MEETING_REGISTRATION_CLOSED',
  MEETING_ALREADY_REGISTERED = 'MEETING_ALREADY_REGISTERED',
  MEETING_REGISTRATION_NOT_FOUND = 'MEETING_REGISTRATION_NOT_FOUND',

  DOSSIER_ALREADY_EXISTS = 'DOSSIER_ALREADY_EXISTS',
  DOSSIER_NOT_FOUND = 'DOSSIER_NOT_FOUND',
  SUBMISSION_DEADLINE_PASSED = 'SUBMISSION_DEADLINE_PASSED',
  UNKNOWN_SECTION = 'UNKNOWN_SECTION',
  UNKNOWN_SUPPORT_FORM = 'UNKNOWN_SUPPORT_FORM',
  CLARIFICATION_ALREADY_OPEN = 'CLARIFICATION_ALREADY_OPEN',
  CLARIFICATION_NOT_FOUND = 'CLARIFICATION_NOT_FOUND',
  CLARIFICATION_OVERDUE = 'CLARIFICATION_OVERDUE',
  FOLLOW_UP_ALREADY_EXISTS = 'FOLLOW_UP_ALREADY_EXISTS',
  FOLLOW_UP_NOT_FOUND = 'FOLLOW_UP_NOT_FOUND',
  FOLLOW_UPS_PENDING = 'FOLLOW_UPS_PENDING',
  THEME_TAG_ALREADY_EXISTS = 'THEME_TAG_ALREADY_EXISTS',
  THEME_TAG_NOT_FOUND = 'THEME_TAG_NOT_FOUND',

  /** A directory entry's parent federation is not a listed federative structure. */
  INVALID_PARENT_FEDERATION = 'INVALID_PARENT_FEDERATION',

  /** The dossier's campaign has no evaluation grid: it offers no reviews. */
  NO_EVALUATION_GRID = 'NO_EVALUATION_GRID',
  /** Only a reviewer assigned to the dossier scores it. */
  REVIEWER_NOT_ASSIGNED = 'REVIEWER_NOT_ASSIGNED',
  /** A reviewer who declared a conflict of interest with the organisation is never assigned. */
  REVIEWER_CONFLICTED = 'REVIEWER_CONFLICTED',
  /** A screening decision against the reviewers' scores must say why. */
  DECISION_AGAINST_SCORES_UNEXPLAINED = 'DECISION_AGAINST_SCORES_UNEXPLAINED',

  UNKNOWN_REMINDER = 'UNKNOWN_REMINDER',
  REMINDER_NOT_DUE = 'REMINDER_NOT_DUE',
  REMINDER_NOT_APPLICABLE = 'REMINDER_NOT_APPLICABLE',
}

export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
  return typeof value === 'string' && (Object.values(DomainErrorCode) as string[]).includes(value);
}
