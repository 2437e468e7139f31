import { DomainErrorCode } from '../errors/domain-error-code';
import { refuse } from '../errors/domain-error';
import { Answers, computeCompleteness } from '../questionnaire/questionnaire';
import { LAPSE_MESSAGES } from '../reminders/reminder-relevance';
import { reminderKey } from '../reminders/reminder-rule';
import { assertNever } from '../shared/assert-never';
import { deInfinitive } from '../shared/french';
import { deadlineInWords, formatWithZone } from '../time/display';
import { canonicalInstant, hasReached, instant, isInstant } from '../time/instant';
import {
  AnswerClarification,
  CreateDossierDraft,
  DossierCommand,
  IssueDossierReminder,
  OverrideEligibility,
  PlanFollowUp,
  RecordConsultationOutcome,
  RequestClarification,
  SaveAnswers,
  ScheduleConsultation,
} from './dossier.commands';
import { DossierEvent } from './dossier.events';
import { OPERATOR_COMMAND_STATUSES, pendingFollowUps } from './dossier.operator-commands';
import { dossierReminderRelevance, pendingDossierReminders } from './dossier.reminders';
import {
  AWAITING_SCREENING,
  calendarSequenceOf,
  Dossier,
  DossierState,
  DossierStatus,
  FINAL_STATUSES,
  isDossier,
  openClarification,
  WITHDRAWABLE,
} from './dossier.state';

export function decideDossier(
  command: DossierCommand,
  state: DossierState,
  now: Date,
): DossierEvent[] {
  if (command.type === 'CreateDossierDraft') return decideCreation(command, state, now);
  if (!isDossier(state)) refuse(DomainErrorCode.DOSSIER_NOT_FOUND, "Ce dossier n'existe pas.");
  const at = instant(now);

  switch (command.type) {
    case 'SaveAnswers':
      return decideAnswers(command, state, now);
    case 'SubmitDossier':
      requireDeadlineIfExpired(state, now, 'déposé');
      requireStatus(state, ['DRAFT'], 'déposer');
      requireBeforeDeadline(state, now, 'déposé');
      return [
        {
          type: 'DossierSubmitted',
          data: { submittedAt: at, completeness: state.completeness },
        },
      ];
    case 'RecordEligibility':
      requireStatus(state, ['SUBMITTED'], "enregistrer l'éligibilité de");
      return [
        {
          type: 'DossierEligibilityAssessed',
          data: { decision: command.decision, reasons: [...command.reasons], assessedAt: at },
        },
      ];
    case 'OverrideEligibility':
      return decideOverride(command, state, now);
    case 'StartDossierScreening':
      requireStatus(state, ['ELIGIBLE'], 'examiner');
      // Until the deadline the organisation may still amend: the screening starts at it.
      if (!hasReached(now, state.terms.submissionDeadline)) {
        refuse(
          DomainErrorCode.TOO_EARLY,
          `Le dossier peut être modifié jusqu'au ${shown(state, state.terms.submissionDeadline)} : son examen commence ensuite.`,
        );
      }
      return [{ type: 'DossierScreeningStarted', data: { startedAt: at } }];
    case 'RecordScreeningResult':
      requireStatus(
        state,
        OPERATOR_COMMAND_STATUSES.RecordScreeningResult,
        "enregistrer le résultat de l'examen de",
      );
      return [
        {
          type: 'DossierScreened',
          data: {
            result: command.result,
            note: command.note?.trim() || null,
            by: command.actor,
            screenedAt: at,
          },
        },
      ];
    case 'RequestClarification':
      return decideClarificationRequest(command, state, now);
    case 'AnswerClarification':
      return decideClarificationAnswer(command, state, now);
    case 'LapseClarification': {
      const clarification = requireOpenClarification(state, command.clarificationId);
      if (!hasReached(now, clarification.dueAt)) {
        refuse(
          DomainErrorCode.TOO_EARLY,
          `La demande de précisions reste ouverte jusqu'au ${shown(state, clarification.dueAt)}.`,
        );
      }
      return [
        {
          type: 'ClarificationLapsed',
          data: { clarificationId: clarification.clarificationId, lapsedAt: at },
        },
      ];
    }
    case 'WithdrawDossier':
      requireStatus(state, WITHDRAWABLE, 'retirer');
      return [
        {
          type: 'DossierWithdrawn',
          data: { reason: command.reason?.trim() || null, withdrawnAt: at },
        },
      ];
    case 'ExpireDraft':
      requireStatus(state, ['DRAFT'], 'faire expirer');
      if (!hasReached(now, state.terms.submissionDeadline)) {
        refuse(
          DomainErrorCode.TOO_EARLY,
          `Le brouillon reste ouvert jusqu'au ${shown(state, state.terms.submissionDeadline)}.`,
        );
      }
      return [{ type: 'DossierExpired', data: { expiredAt: at } }];
    case 'ScheduleConsultation':
      return decideConsultation(command, state, now);
    case 'CancelConsultation': {
      requireStatus(
        state,
        OPERATOR_COMMAND_STATUSES.CancelConsultation,
        'annuler la consultation de',
      );
      const consultation = state.consultation as NonNullable<Dossier['consultation']>;
      const reason = requireText(
        command.reason,
        "L'annulation d'une consultation doit être motivée.",
      );
      return [
        {
          type: 'ConsultationCancelled',
          data: {
            consultationId: consultation.consultationId,
            revision: consultation.revision,
            sequence: calendarSequenceOf(consultation) + 1,
            startsAt: consultation.startsAt,
            endsAt: consultation.endsAt,
            place: consultation.place,
            reason,
            by: command.actor,
            cancelledAt: at,
          },
        },
      ];
    }
    case 'RecordConsultationOutcome':
      return decideOutcome(command, state, now);
    case 'PlanFollowUp':
      return decideFollowUp(command, state, now);
    case 'CompleteFollowUp': {
      requireStatus(
        state,
        OPERATOR_COMMAND_STATUSES.CompleteFollowUp,
        'terminer une action de suivi de',
      );
      const followUp = state.followUps.find((f) => f.followUpId === command.followUpId);
      if (!followUp) {
        refuse(
          DomainErrorCode.FOLLOW_UP_NOT_FOUND,
          `Action de suivi inconnue : ${command.followUpId}.`,
        );
      }
      if (followUp.completedAt !== undefined) return [];
      return [
        {
          type: 'FollowUpCompleted',
          data: { followUpId: followUp.followUpId, by: command.actor, completedAt: at },
        },
      ];
    }
    case 'CloseDossier': {
      requireStatus(state, OPERATOR_COMMAND_STATUSES.CloseDossier, 'clore');
      const pending = pendingFollowUps(state);
      if (pending.length > 0) {
        refuse(
          DomainErrorCode.FOLLOW_UPS_PENDING,
          `Des actions de suivi restent à faire : ${pending.map((f) => f.title).join(', ')}.`,
          { followUpIds: pending.map((f) => f.followUpId) },
        );
      }
      return [{ type: 'DossierClosed', data: { by: command.actor, closedAt: at } }];
    }
    case 'DeclareUnavailability': {
      requireStatus(
        state,
        [...AWAITING_SCREENING, 'UNDER_SCREENING', 'SHORTLISTED', 'CONSULTATION_SCHEDULED'],
        'déclarer des indisponibilités pour',
      );
      if (command.periods.length > MAX_UNAVAILABLE_PERIODS) {
        refuse(
          DomainErrorCode.INVALID_COMMAND,
          `Au plus ${MAX_UNAVAILABLE_PERIODS} périodes d'indisponibilité.`,
        );
      }
      const periods = command.periods.map((period) => {
        if (
          !isInstant(period.startsAt) ||
          !isInstant(period.endsAt) ||
          Date.parse(period.endsAt) <= Date.parse(period.startsAt)
        ) {
          refuse(DomainErrorCode.INVALID_COMMAND, 'Une période doit finir après avoir commencé.');
        }
        return {
          startsAt: canonicalInstant(period.startsAt),
          endsAt: canonicalInstant(period.endsAt),
        };
      });
      return [{ type: 'UnavailabilityDeclared', data: { periods, declaredAt: at } }];
    }
    case 'ApplyCampaignCalendar': {
      if (!isInstant(command.submissionDeadline) || !isInstant(command.consultationsStartAt)) {
        refuse(DomainErrorCode.INVALID_COMMAND, 'Dates de campagne invalides.');
      }
      const submissionDeadline = canonicalInstant(command.submissionDeadline);
      const consultationsStartAt = canonicalInstant(command.consultationsStartAt);
      const terms = state.terms;
      if (
        terms.submissionDeadline === submissionDeadline &&
        terms.consultationsStartAt === consultationsStartAt
      ) {
        return [];
      }
      return [
        {
          type: 'DossierCalendarUpdated',
          data: { submissionDeadline, consultationsStartAt, updatedAt: at },
        },
      ];
    }
    case 'CancelWithCampaign':
      if (FINAL_STATUSES.includes(state.status)) return [];
      return [{ type: 'DossierCancelled', data: { reason: command.reason, cancelledAt: at } }];
    case 'IssueDossierReminder':
      return decideReminder(command, state, now);
    default:
      return assertNever(command);
  }
}

const MAX_UNAVAILABLE_PERIODS = 20;

function decideCreation(
  command: CreateDossierDraft,
  state: DossierState,
  now: Date,
): DossierEvent[] {
  if (isDossier(state)) {
    refuse(
      DomainErrorCode.DOSSIER_ALREADY_EXISTS,
      `L'organisation ${command.organisationId} a déjà un dossier pour cette campagne.`,
    );
  }
  const organisationName = requireText(
    command.organisationName,
    "Le nom de l'organisation ne peut pas être vide.",
  );
  if (hasReached(now, command.terms.submissionDeadline)) {
    refuse(
      DomainErrorCode.SUBMISSION_DEADLINE_PASSED,
      `Les dossiers étaient à déposer ${deadlineInWords(command.terms.submissionDeadline, command.terms.timeZone)} : ` +
        'aucun nouveau dossier ne peut être créé.',
    );
  }
  return [
    {
      type: 'DossierDraftCreated',
      data: {
        campaignId: command.campaignId,
        organisationId: command.organisationId,
        organisationName,
        organisationType: command.organisationType,
        profession: command.profession?.trim() || null,
        terms: command.terms,
        createdAt: instant(now),
      },
    },
  ];
}

function decideAnswers(command: SaveAnswers, state: Dossier, now: Date): DossierEvent[] {
  requireDeadlineIfExpired(state, now, 'modifié');
  requireStatus(state, ['DRAFT', ...AWAITING_SCREENING], 'modifier');
  requireBeforeDeadline(state, now, 'modifié');
  const known = new Set(state.terms.sections.map((section) => section.id));
  const unknown = Object.keys(command.answers).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    refuse(DomainErrorCode.UNKNOWN_SECTION, `Section(s) inconnue(s) : ${unknown.join(', ')}.`, {
      sectionIds: unknown,
    });
  }
  const changed: Record<string, string> = {};
  for (const [id, text] of Object.entries(command.answers)) {
    // A blank text clears the answer: saving one where there is none changes nothing.
    const next = text.trim() === '' ? '' : text;
    if ((state.answers[id] ?? '') !== next) changed[id] = text;
  }
  if (Object.keys(changed).length === 0) return [];
  const answers = mergeAnswers(state.answers, changed);
  return [
    {
      type: 'DossierAnswersSaved',
      data: {
        answers: changed,
        completeness: computeCompleteness(state.terms.sections, answers),
        savedAt: instant(now),
        amendment: state.status !== 'DRAFT',
      },
    },
  ];
}

function decideOverride(command: OverrideEligibility, state: Dossier, now: Date): DossierEvent[] {
  requireStatus(state, OPERATOR_COMMAND_STATUSES.OverrideEligibility, "modifier l'éligibilité de");
  const reason = requireText(command.reason, "Une décision d'éligibilité doit être motivée.");
  const previous = state.eligibility?.decision ?? 'NEEDS_REVIEW';
  if (previous === command.decision) {
    refuse(
      DomainErrorCode.TRANSITION_NOT_ALLOWED,
      `Le dossier est déjà ${command.decision === 'ELIGIBLE' ? 'éligible' : 'inéligible'}.`,
    );
  }
  return [
    {
      type: 'DossierEligibilityOverridden',
      data: {
        decision: command.decision,
        previous,
        reason,
        by: command.actor,
        overriddenAt: instant(now),
      },
    },
  ];
}

function decideClarificationRequest(
  command: RequestClarification,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  requireStatus(
    state,
    OPERATOR_COMMAND_STATUSES.RequestClarification,
    'demander des précisions sur',
  );
  const question = requireText(command.question, 'La question ne peut pas être vide.');
  if (!isInstant(command.dueAt) || hasReached(now, command.dueAt)) {
    refuse(DomainErrorCode.INVALID_COMMAND, "L'échéance de réponse doit être dans le futur.");
  }
  const open = openClarification(state);
  if (open) {
    refuse(
      DomainErrorCode.CLARIFICATION_ALREADY_OPEN,
      `Une demande de précisions attend déjà une réponse jusqu'au ${shown(state, open.dueAt)}.`,
    );
  }
  if (state.clarifications.some((c) => c.clarificationId === command.clarificationId)) {
    refuse(DomainErrorCode.INVALID_COMMAND, 'Cet identifiant de demande est déjà utilisé.');
  }
  return [
    {
      type: 'ClarificationRequested',
      data: {
        clarificationId: command.clarificationId,
        question,
        dueAt: canonicalInstant(command.dueAt),
        by: command.actor,
        requestedAt: instant(now),
      },
    },
  ];
}

function decideClarificationAnswer(
  command: AnswerClarification,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  if (FINAL_STATUSES.includes(state.status)) {
    refuse(
      DomainErrorCode.TRANSITION_NOT_ALLOWED,
      `Ce dossier est ${STATUS_LABELS[state.status]} : il n'attend plus de précisions.`,
    );
  }
  const clarification = requireOpenClarification(state, command.clarificationId);
  if (hasReached(now, clarification.dueAt)) {
    refuse(
      DomainErrorCode.CLARIFICATION_OVERDUE,
      `L'échéance de réponse était le ${shown(state, clarification.dueAt)}.`,
    );
  }
  const answer = requireText(command.answer, 'La réponse ne peut pas être vide.');
  return [
    {
      type: 'ClarificationAnswered',
      data: { clarificationId: clarification.clarificationId, answer, answeredAt: instant(now) },
    },
  ];
}

function decideConsultation(
  command: ScheduleConsultation,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  requireStatus(
    state,
    OPERATOR_COMMAND_STATUSES.ScheduleConsultation,
    'planifier la consultation de',
  );
  const place = requireText(command.place, 'Le lieu de la consultation est obligatoire.');
  if (!isInstant(command.startsAt) || !isInstant(command.endsAt)) {
    refuse(DomainErrorCode.INVALID_COMMAND, 'Dates de consultation invalides.');
  }
  const startsAt = canonicalInstant(command.startsAt);
  const endsAt = canonicalInstant(command.endsAt);
  if (Date.parse(endsAt) <= Date.parse(startsAt)) {
    refuse(DomainErrorCode.INVALID_COMMAND, 'La consultation doit finir après avoir commencé.');
  }
  if (hasReached(now, startsAt)) {
    refuse(DomainErrorCode.INVALID_COMMAND, 'La consultation doit être fixée dans le futur.');
  }
  if (Date.parse(startsAt) < Date.parse(state.terms.consultationsStartAt)) {
    refuse(
      DomainErrorCode.TOO_EARLY,
      `Les consultations commencent le ${shown(state, state.terms.consultationsStartAt)}.`,
    );
  }
  const current = state.status === 'CONSULTATION_SCHEDULED' ? state.consultation : undefined;
  if (current && current.consultationId !== command.consultationId) {
    refuse(DomainErrorCode.TRANSITION_NOT_ALLOWED, 'Une autre consultation est déjà planifiée.');
  }
  if (
    current &&
    current.startsAt === startsAt &&
    current.endsAt === endsAt &&
    current.place === place
  ) {
    return [];
  }
  return [
    {
      type: 'ConsultationScheduled',
      data: {
        consultationId: command.consultationId,
        startsAt,
        endsAt,
        place,
        revision: (current?.revision ?? 0) + 1,
        sequence: nextCalendarSequence(state, command.consultationId),
        by: command.actor,
        scheduledAt: instant(now),
      },
    },
  ];
}

/**
 * The SEQUENCE of the next version of a consultation id in calendars: one more than the last one
 * sent under it, whether that moved it or called it off, so a consultation fixed again after its
 * cancellation replaces the cancellation instead of being ignored as older (RFC 5545 §3.8.7.4).
 */
function nextCalendarSequence(state: Dossier, consultationId: string): number {
  const last = state.consultationSequences?.[consultationId];
  if (last !== undefined) return last + 1;
  const current = state.consultation;
  return current?.consultationId === consultationId ? calendarSequenceOf(current) + 1 : 0;
}

function decideOutcome(
  command: RecordConsultationOutcome,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  requireStatus(
    state,
    OPERATOR_COMMAND_STATUSES.RecordConsultationOutcome,
    'enregistrer la consultation de',
  );
  const consultation = state.consultation as NonNullable<Dossier['consultation']>;
  if (!hasReached(now, consultation.startsAt)) {
    refuse(
      DomainErrorCode.TOO_EARLY,
      `La consultation n'a lieu que le ${shown(state, consultation.startsAt)}.`,
    );
  }
  const unknown = command.supportFormIds.filter((id) => !state.terms.supportFormIds.includes(id));
  if (unknown.length > 0) {
    refuse(
      DomainErrorCode.UNKNOWN_SUPPORT_FORM,
      `Forme(s) de soutien inconnue(s) : ${unknown.join(', ')}.`,
      {
        supportFormIds: unknown,
      },
    );
  }
  return [
    {
      type: 'DossierConsulted',
      data: {
        consultationId: consultation.consultationId,
        summary: requireText(
          command.summary,
          'Le compte rendu de la consultation est obligatoire.',
        ),
        supportFormIds: [...new Set(command.supportFormIds)],
        by: command.actor,
        consultedAt: instant(now),
      },
    },
  ];
}

function decideFollowUp(command: PlanFollowUp, state: Dossier, now: Date): DossierEvent[] {
  requireStatus(state, OPERATOR_COMMAND_STATUSES.PlanFollowUp, 'planifier une action de suivi sur');
  const title = requireText(command.title, "L'intitulé de l'action est obligatoire.");
  const owner = requireText(command.owner, "Le responsable de l'action est obligatoire.");
  if (!isInstant(command.dueAt) || hasReached(now, command.dueAt)) {
    refuse(DomainErrorCode.INVALID_COMMAND, "L'échéance de l'action doit être dans le futur.");
  }
  if (state.followUps.some((f) => f.followUpId === command.followUpId)) {
    refuse(DomainErrorCode.FOLLOW_UP_ALREADY_EXISTS, `L'action ${command.followUpId} existe déjà.`);
  }
  return [
    {
      type: 'FollowUpPlanned',
      data: {
        followUpId: command.followUpId,
        title,
        owner,
        dueAt: canonicalInstant(command.dueAt),
        by: command.actor,
        plannedAt: instant(now),
      },
    },
  ];
}

function decideReminder(command: IssueDossierReminder, state: Dossier, now: Date): DossierEvent[] {
  const rule = state.terms.reminders.find((candidate) => candidate.id === command.ruleId);
  if (!rule) refuse(DomainErrorCode.UNKNOWN_REMINDER, `Relance inconnue : ${command.ruleId}.`);
  // Issuing twice is what a retried step does: the second time records nothing.
  if (state.issuedReminders.includes(reminderKey(command))) return [];
  const due = pendingDossierReminders(state).find(
    (reminder) => reminder.ruleId === command.ruleId && reminder.occurrence === command.occurrence,
  );
  if (!due) {
    refuse(
      DomainErrorCode.REMINDER_NOT_APPLICABLE,
      `La relance ${rule.id} (${command.occurrence}) ne concerne plus ce dossier.`,
    );
  }
  // Once what it reminds of has started or fallen due, a reminder, however late, concerns no one.
  const lapseApplies = !command.onlyDeadlineRemindersLapse || rule.kind === 'DEADLINE_REMINDER';
  if (lapseApplies && !dossierReminderRelevance(state, command, now).concerned) {
    refuse(
      DomainErrorCode.REMINDER_NOT_APPLICABLE,
      `La relance ${rule.id} n'a plus d'objet : ${LAPSE_MESSAGES[rule.kind]}.`,
    );
  }
  if (!hasReached(now, due.dueAt)) {
    refuse(
      DomainErrorCode.REMINDER_NOT_DUE,
      `La relance ${rule.id} ne part pas avant le ${shown(state, due.dueAt)}.`,
    );
  }
  return [{ type: 'DossierReminderIssued', data: { ...due, issuedAt: instant(now) } }];
}

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
    case 'DossierCancelled':
      return { ...state, status: 'CANCELLED' };
    case 'DossierReminderIssued':
      return { ...state, issuedReminders: [...state.issuedReminders, reminderKey(event.data)] };
    default:
      return assertNever(event);
  }
}

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

function mergeAnswers(answers: Answers, changes: Answers): Answers {
  const merged: Record<string, string> = { ...answers };
  for (const [id, text] of Object.entries(changes)) {
    if (text.trim() === '') delete merged[id];
    else merged[id] = text;
  }
  return merged;
}

function requireStatus(state: Dossier, statuses: readonly DossierStatus[], action: string): void {
  if (!statuses.includes(state.status)) {
    refuse(
      DomainErrorCode.TRANSITION_NOT_ALLOWED,
      `Impossible ${deInfinitive(action)} ce dossier : il est ${STATUS_LABELS[state.status]}.`,
      { status: state.status },
    );
  }
}

function requireBeforeDeadline(state: Dossier, now: Date, participle: string): void {
  if (hasReached(now, state.terms.submissionDeadline)) {
    refuse(
      DomainErrorCode.SUBMISSION_DEADLINE_PASSED,
      `Les dossiers étaient à déposer ${deadlineInWords(state.terms.submissionDeadline, state.terms.timeZone)} : ` +
        `le dossier ne peut plus être ${participle}.`,
    );
  }
}

/**
 * A draft expires because its deadline passed: that, not its status, is what its organisation
 * must hear when it still tries to submit or save (issue 10, fault 12(a)).
 */
function requireDeadlineIfExpired(state: Dossier, now: Date, participle: string): void {
  if (state.status === 'EXPIRED') requireBeforeDeadline(state, now, participle);
}

function requireOpenClarification(state: Dossier, clarificationId: string) {
  const clarification = openClarification(state);
  if (!clarification || clarification.clarificationId !== clarificationId) {
    refuse(
      DomainErrorCode.CLARIFICATION_NOT_FOUND,
      `Aucune demande de précisions ${clarificationId} n'attend de réponse.`,
    );
  }
  return clarification;
}

function requireText(value: string, message: string): string {
  const text = value.trim();
  if (text === '') refuse(DomainErrorCode.INVALID_COMMAND, message);
  return text;
}

function shown(state: Dossier, moment: string): string {
  return formatWithZone(moment, state.terms.timeZone);
}

const STATUS_LABELS: Readonly<Record<DossierStatus, string>> = {
  DRAFT: 'en brouillon',
  SUBMITTED: 'déposé',
  NEEDS_REVIEW: "en attente d'une vérification d'éligibilité",
  ELIGIBLE: 'éligible',
  INELIGIBLE: 'inéligible',
  UNDER_SCREENING: "en cours d'examen",
  SHORTLISTED: 'retenu pour une consultation',
  NOT_RETAINED: 'non retenu',
  CONSULTATION_SCHEDULED: 'en attente de sa consultation',
  CONSULTED: 'consulté',
  FOLLOW_UP: 'en suivi',
  CLOSED: 'clos',
  WITHDRAWN: 'retiré',
  EXPIRED: 'expiré',
  CANCELLED: 'annulé avec sa campagne',
};

/** The sequences with this id's raised to `sequence`, never lowered (older events had none). */
function raised(
  sequences: Dossier['consultationSequences'],
  consultationId: string,
  sequence: number,
): Record<string, number> {
  return { ...sequences, [consultationId]: Math.max(sequences?.[consultationId] ?? -1, sequence) };
}
