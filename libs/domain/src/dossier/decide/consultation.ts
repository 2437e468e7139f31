import { DomainErrorCode } from '../../errors/domain-error-code';
import { OPERATOR_COMMAND_STATUSES } from '../dossier.operator-commands';
import { refuse } from '../../errors/domain-error';
import { canonicalInstant, hasReached, instant, isInstant } from '../../time/instant';
import {
  CancelConsultation,
  DeclareUnavailability,
  RecordConsultationOutcome,
  ScheduleConsultation,
} from '../dossier.commands';
import { DossierEvent } from '../dossier.events';
import { AWAITING_SCREENING, calendarSequenceOf, Dossier } from '../dossier.state';
import { requireStatus, requireText, shown } from './dossier-rules';

/**
 * The meeting with a shortlisted organisation: fixed, moved or called off, then held; and the
 * periods the organisation says it cannot attend.
 */

const MAX_UNAVAILABLE_PERIODS = 20;

export function scheduleConsultation(
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

export function cancelConsultation(
  command: CancelConsultation,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  requireStatus(state, OPERATOR_COMMAND_STATUSES.CancelConsultation, 'annuler la consultation de');
  const consultation = state.consultation;
  const reason = requireText(command.reason, "L'annulation d'une consultation doit être motivée.");
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
        cancelledAt: instant(now),
      },
    },
  ];
}

export function recordConsultationOutcome(
  command: RecordConsultationOutcome,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  requireStatus(
    state,
    OPERATOR_COMMAND_STATUSES.RecordConsultationOutcome,
    'enregistrer la consultation de',
  );
  const consultation = state.consultation;
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

export function declareUnavailability(
  command: DeclareUnavailability,
  state: Dossier,
  now: Date,
): DossierEvent[] {
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
  return [{ type: 'UnavailabilityDeclared', data: { periods, declaredAt: instant(now) } }];
}
