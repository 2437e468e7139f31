import { computeCompleteness } from '../questionnaire/questionnaire';
import { reminderKey } from '../reminders/reminder-rule';
import { assertNever } from '../shared/assert-never';
import { dossierEventInstant } from './dossier.event-instant';
import { DossierEvent } from './dossier.events';
import { Dossier, DossierState, isDossier } from './dossier.state';
import { mergeAnswers } from './merge-answers';

export function evolveDossier(state: DossierState, event: DossierEvent): DossierState {
  if (event.type === 'DossierDraftCreated') {
    const { terms, createdAt, ...identity } = event.data;
    return {
      ...identity,
      status: 'DRAFT',
      terms,
      answers: {},
      completeness: computeCompleteness(terms.sections, {}),
      createdAt,
      clarifications: [],
      followUps: [],
      unavailability: [],
      issuedReminders: [],
      lastChangedAt: createdAt,
    };
  }
  if (!isDossier(state)) return state;
  const next = applyEvent(state, event);
  return { ...next, lastChangedAt: dossierEventInstant(event) };
}

function applyEvent(
  state: Dossier,
  event: Exclude<DossierEvent, { type: 'DossierDraftCreated' }>,
): Dossier {
  switch (event.type) {
    case 'DossierAnswersSaved':
      return {
        ...state,
        answers: mergeAnswers(state.answers, event.data.answers),
        completeness: event.data.completeness,
      };
    case 'DossierSubmitted':
      return { ...state, status: 'SUBMITTED', submittedAt: event.data.submittedAt };
    case 'DossierEligibilityAssessed':
      return {
        ...state,
        status: event.data.decision,
        eligibility: { decision: event.data.decision, reasons: event.data.reasons },
      };
    case 'DossierEligibilityOverridden':
      return {
        ...state,
        status: event.data.decision,
        eligibility: {
          decision: event.data.decision,
          reasons: state.eligibility?.reasons ?? [],
          overriddenBy: event.data.by,
          overrideReason: event.data.reason,
        },
      };
    case 'DossierScreeningStarted':
      return { ...state, status: 'UNDER_SCREENING' };
    case 'DossierScreened':
      return {
        ...state,
        status: event.data.result,
        screening: { result: event.data.result, note: event.data.note },
      };
    case 'ClarificationRequested': {
      const { clarificationId, question, dueAt, by, requestedAt } = event.data;
      return {
        ...state,
        clarifications: [
          ...state.clarifications,
          { clarificationId, question, dueAt, requestedBy: by, requestedAt },
        ],
      };
    }
    case 'ClarificationAnswered':
      return updateClarification(state, event.data.clarificationId, {
        answer: event.data.answer,
        answeredAt: event.data.answeredAt,
      });
    case 'ClarificationLapsed':
      return updateClarification(state, event.data.clarificationId, {
        lapsedAt: event.data.lapsedAt,
      });
    case 'DossierWithdrawn':
      return { ...state, status: 'WITHDRAWN' };
    case 'DossierExpired':
      return { ...state, status: 'EXPIRED' };
    case 'ConsultationScheduled': {
      const { consultationId, startsAt, endsAt, place, revision, scheduledAt } = event.data;
      const sequence = event.data.sequence ?? revision - 1;
      return {
        ...state,
        status: 'CONSULTATION_SCHEDULED',
        consultation: { consultationId, startsAt, endsAt, place, revision, sequence, scheduledAt },
        consultationSequences: raised(state.consultationSequences, consultationId, sequence),
      };
    }
    case 'ConsultationCancelled': {
      const { consultationId, revision } = event.data;
      return {
        ...state,
        status: 'SHORTLISTED',
        consultation: undefined,
        consultationSequences: raised(
          state.consultationSequences,
          consultationId,
          event.data.sequence ?? revision,
        ),
      };
    }
    case 'DossierConsulted':
      return {
        ...state,
        status: 'CONSULTED',
        outcome: { summary: event.data.summary, supportFormIds: event.data.supportFormIds },
      };
    case 'FollowUpPlanned': {
      const { followUpId, title, owner, dueAt, plannedAt } = event.data;
      return {
        ...state,
        status: 'FOLLOW_UP',
        followUps: [...state.followUps, { followUpId, title, owner, dueAt, plannedAt }],
      };
    }
    case 'FollowUpCompleted':
      return {
        ...state,
        followUps: state.followUps.map((f) =>
          f.followUpId === event.data.followUpId
            ? { ...f, completedAt: event.data.completedAt }
            : f,
        ),
      };
    case 'DossierClosed':
      return { ...state, status: 'CLOSED' };
    case 'UnavailabilityDeclared':
      return { ...state, unavailability: event.data.periods };
    case 'DossierCalendarUpdated':
      return {
        ...state,
        terms: {
          ...state.terms,
          submissionDeadline: event.data.submissionDeadline,
          consultationsStartAt: event.data.consultationsStartAt,
        },
      };
    case 'DossierEvaluationGridUpdated': {
      const { evaluationGrid: _previous, ...terms } = state.terms;
      const grid = event.data.evaluationGrid;
      return { ...state, terms: grid ? { ...terms, evaluationGrid: grid } : terms };
    }
    case 'DossierCancelled':
      return { ...state, status: 'CANCELLED' };
    case 'DossierReminderIssued':
      return { ...state, issuedReminders: [...state.issuedReminders, reminderKey(event.data)] };
    case 'PassageTagged': {
      const { tagId, sectionId, start, end, quote, themeIds, suggestionScore, by, taggedAt } =
        event.data;
      const tag = { tagId, sectionId, start, end, quote, themeIds, by, taggedAt };
      return {
        ...state,
        themeTags: [
          ...(state.themeTags ?? []),
          suggestionScore === undefined ? tag : { ...tag, suggestionScore },
        ],
        // A theme accepted for an answer is no longer a rejected suggestion there.
        rejectedSuggestions: (state.rejectedSuggestions ?? []).filter(
          (r) => r.sectionId !== sectionId || !themeIds.includes(r.themeId),
        ),
      };
    }
    case 'ThemeTagRemoved':
      return {
        ...state,
        themeTags: (state.themeTags ?? []).filter((tag) => tag.tagId !== event.data.tagId),
      };
    case 'ThemeSuggestionRejected': {
      const { sectionId, themeId } = event.data;
      return {
        ...state,
        rejectedSuggestions: [...(state.rejectedSuggestions ?? []), { sectionId, themeId }],
      };
    }
    case 'ReviewersAssigned':
      return { ...state, reviewers: [...(state.reviewers ?? []), ...event.data.reviewerIds] };
    case 'DossierScored': {
      const { reviewerId, scores, weightedScore, scoredAt } = event.data;
      const review = { reviewerId, scores, weightedScore, scoredAt };
      const reviews = state.reviews ?? [];
      return {
        ...state,
        reviews: reviews.some((r) => r.reviewerId === reviewerId)
          ? reviews.map((r) => (r.reviewerId === reviewerId ? review : r))
          : [...reviews, review],
      };
    }
    case 'ConflictOfInterestDeclared': {
      const { reviewerId, reason, declaredAt } = event.data;
      return {
        ...state,
        reviewers: (state.reviewers ?? []).filter((id) => id !== reviewerId),
        reviews: (state.reviews ?? []).filter((r) => r.reviewerId !== reviewerId),
        conflicts: [...(state.conflicts ?? []), { reviewerId, reason, declaredAt }],
      };
    }
    default:
      return assertNever(event);
  }
}

function updateClarification(
  state: Dossier,
  clarificationId: string,
  change: { answer?: string; answeredAt?: string; lapsedAt?: string },
): Dossier {
  return {
    ...state,
    clarifications: state.clarifications.map((c) =>
      c.clarificationId === clarificationId ? { ...c, ...change } : c,
    ),
  };
}

/** The sequences with this id's raised to `sequence`, never lowered (older events had none). */
function raised(
  sequences: Dossier['consultationSequences'],
  consultationId: string,
  sequence: number,
): Record<string, number> {
  return { ...sequences, [consultationId]: Math.max(sequences?.[consultationId] ?? -1, sequence) };
}
