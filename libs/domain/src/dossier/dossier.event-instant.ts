import { assertNever } from '../shared/assert-never';
import { DossierEvent } from './dossier.events';

/** The instant an event happened, whatever its type calls it. */
export function dossierEventInstant(event: DossierEvent): string {
  switch (event.type) {
    case 'DossierDraftCreated':
      return event.data.createdAt;
    case 'DossierAnswersSaved':
      return event.data.savedAt;
    case 'DossierSubmitted':
      return event.data.submittedAt;
    case 'DossierEligibilityAssessed':
      return event.data.assessedAt;
    case 'DossierEligibilityOverridden':
      return event.data.overriddenAt;
    case 'DossierScreeningStarted':
      return event.data.startedAt;
    case 'DossierScreened':
      return event.data.screenedAt;
    case 'ClarificationRequested':
      return event.data.requestedAt;
    case 'ClarificationAnswered':
      return event.data.answeredAt;
    case 'ClarificationLapsed':
      return event.data.lapsedAt;
    case 'DossierWithdrawn':
      return event.data.withdrawnAt;
    case 'DossierExpired':
      return event.data.expiredAt;
    case 'ConsultationScheduled':
      return event.data.scheduledAt;
    case 'ConsultationCancelled':
      return event.data.cancelledAt;
    case 'DossierConsulted':
      return event.data.consultedAt;
    case 'FollowUpPlanned':
      return event.data.plannedAt;
    case 'FollowUpCompleted':
      return event.data.completedAt;
    case 'DossierClosed':
      return event.data.closedAt;
    case 'UnavailabilityDeclared':
      return event.data.declaredAt;
    case 'DossierCalendarUpdated':
      return event.data.updatedAt;
    case 'DossierCancelled':
      return event.data.cancelledAt;
    case 'DossierReminderIssued':
      return event.data.issuedAt;
    case 'PassageTagged':
      return event.data.taggedAt;
    case 'ThemeTagRemoved':
      return event.data.removedAt;
    case 'ThemeSuggestionRejected':
      return event.data.rejectedAt;
    case 'ReviewersAssigned':
      return event.data.assignedAt;
    case 'DossierScored':
      return event.data.scoredAt;
    case 'ConflictOfInterestDeclared':
      return event.data.declaredAt;
    case 'DossierEvaluationGridUpdated':
      return event.data.updatedAt;
    default:
      return assertNever(event);
  }
}
