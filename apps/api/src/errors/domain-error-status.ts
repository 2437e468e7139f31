import { DomainErrorCode } from '@amiflow/domain';
import { HttpStatus } from '@nestjs/common';

/** Every domain code has exactly one status; a new code fails the type-check until placed here. */
export function domainErrorStatus(code: DomainErrorCode): HttpStatus {
  switch (code) {
    case DomainErrorCode.CAMPAIGN_NOT_FOUND:
    case DomainErrorCode.DOSSIER_NOT_FOUND:
    case DomainErrorCode.CLARIFICATION_NOT_FOUND:
    case DomainErrorCode.FOLLOW_UP_NOT_FOUND:
    case DomainErrorCode.MEETING_REGISTRATION_NOT_FOUND:
    case DomainErrorCode.THEME_TAG_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    // The request is well formed but its content breaks a rule of the campaign.
    case DomainErrorCode.INVALID_COMMAND:
    case DomainErrorCode.INVALID_CAMPAIGN_DEFINITION:
    case DomainErrorCode.UNKNOWN_SECTION:
    case DomainErrorCode.UNKNOWN_SUPPORT_FORM:
    case DomainErrorCode.UNKNOWN_REMINDER:
    case DomainErrorCode.INVALID_PARENT_FEDERATION:
    case DomainErrorCode.NO_INFORMATION_MEETING:
    case DomainErrorCode.NO_EVALUATION_GRID:
    case DomainErrorCode.DECISION_AGAINST_SCORES_UNEXPLAINED:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    // The request conflicts with the current state or time of the campaign or dossier.
    case DomainErrorCode.TRANSITION_NOT_ALLOWED:
    case DomainErrorCode.TOO_EARLY:
    case DomainErrorCode.CAMPAIGN_ALREADY_EXISTS:
    case DomainErrorCode.DOSSIER_ALREADY_EXISTS:
    case DomainErrorCode.CALENDAR_DATE_PASSED:
    case DomainErrorCode.MEETING_REGISTRATION_CLOSED:
    case DomainErrorCode.MEETING_ALREADY_REGISTERED:
    case DomainErrorCode.SUBMISSION_DEADLINE_PASSED:
    case DomainErrorCode.CLARIFICATION_ALREADY_OPEN:
    case DomainErrorCode.CLARIFICATION_OVERDUE:
    case DomainErrorCode.FOLLOW_UP_ALREADY_EXISTS:
    case DomainErrorCode.FOLLOW_UPS_PENDING:
    case DomainErrorCode.THEME_TAG_ALREADY_EXISTS:
    case DomainErrorCode.REMINDER_NOT_DUE:
    case DomainErrorCode.REMINDER_NOT_APPLICABLE:
    case DomainErrorCode.REVIEWER_CONFLICTED:
      return HttpStatus.CONFLICT;
    // The operator is not one of the dossier's reviewers: the rule is the dossier's own.
    case DomainErrorCode.REVIEWER_NOT_ASSIGNED:
      return HttpStatus.FORBIDDEN;
    default: {
      const unhandled: never = code;
      throw new Error(`No HTTP status for domain error ${String(unhandled)}`);
    }
  }
}
