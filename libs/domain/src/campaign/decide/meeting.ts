import { DomainErrorCode } from '../../errors/domain-error-code';
import { refusals } from '../../errors/refusals';
import { refuse } from '../../errors/domain-error';
import { hasReached, instant } from '../../time/instant';
import { CancelMeetingRegistration, RegisterForMeeting } from '../campaign.commands';
import { CampaignEvent } from '../campaign.events';
import { Campaign } from '../campaign.state';
import { requirePhase, shown } from './campaign-rules';

/**
 * The information meeting's registrations: confirmed while seats remain, then on a waiting list
 * whose first comes up when a confirmed organisation cancels.
 */

export function registerForMeeting(
  command: RegisterForMeeting,
  state: Campaign,
  now: Date,
): CampaignEvent[] {
  const deadline = requireMeeting(state);
  requirePhase(state, ['SCHEDULED', 'OPEN'], "s'inscrire à la réunion de");
  if (hasReached(now, deadline)) {
    refuse(
      DomainErrorCode.MEETING_REGISTRATION_CLOSED,
      `Les inscriptions à la réunion d'information sont closes depuis le ${shown(state, deadline)}.`,
    );
  }
  const organisationName = command.organisationName.trim();
  if (organisationName === '') {
    refuse(DomainErrorCode.INVALID_COMMAND, "Le nom de l'organisation ne peut pas être vide.");
  }
  if (state.registrations.some((r) => r.organisationId === command.organisationId)) {
    refuse(
      DomainErrorCode.MEETING_ALREADY_REGISTERED,
      "Cette organisation est déjà inscrite à la réunion d'information.",
    );
  }
  const confirmed = state.registrations.filter((r) => r.status === 'CONFIRMED').length;
  const capacity = state.definition.meeting?.capacity ?? 0;
  return [
    {
      type: 'MeetingRegistrationRecorded',
      data: {
        organisationId: command.organisationId,
        organisationName,
        status: confirmed < capacity ? 'CONFIRMED' : 'WAITLISTED',
        registeredAt: instant(now),
      },
    },
  ];
}

export function cancelMeetingRegistration(
  command: CancelMeetingRegistration,
  state: Campaign,
  now: Date,
): CampaignEvent[] {
  requireMeeting(state);
  requirePhase(state, ['SCHEDULED', 'OPEN'], 'annuler une inscription à la réunion de');
  const registration = state.registrations.find((r) => r.organisationId === command.organisationId);
  if (!registration) {
    refuse(
      DomainErrorCode.MEETING_REGISTRATION_NOT_FOUND,
      "Cette organisation n'est pas inscrite à la réunion d'information.",
    );
  }
  const startsAt = state.calendar.meetingStartsAt;
  if (startsAt !== undefined && hasReached(now, startsAt)) {
    refuse(
      DomainErrorCode.MEETING_REGISTRATION_CLOSED,
      "La réunion d'information a commencé : l'inscription ne peut plus être annulée.",
    );
  }
  const at = instant(now);
  const events: CampaignEvent[] = [
    {
      type: 'MeetingRegistrationCancelled',
      data: { organisationId: command.organisationId, cancelledAt: at },
    },
  ];
  const firstWaiting = state.registrations.find((r) => r.status === 'WAITLISTED');
  if (registration.status === 'CONFIRMED' && firstWaiting) {
    events.push({
      type: 'MeetingRegistrationPromoted',
      data: { organisationId: firstWaiting.organisationId, promotedAt: at },
    });
  }
  return events;
}

function requireMeeting(state: Campaign): string {
  const deadline = state.calendar.meetingRegistrationDeadline;
  if (!state.definition.meeting || !deadline) throw refusals.noInformationMeeting();
  return deadline;
}
