import { reminderKey } from '../reminders/reminder-rule';
import { assertNever } from '../shared/assert-never';
import { CampaignEvent } from './campaign.events';
import { meetingMoved, meetingMovesOf } from './campaign.meeting';
import {
  Campaign,
  CampaignPhase,
  CampaignState,
  isCampaign,
  MeetingRegistration,
} from './campaign.state';

export function evolveCampaign(state: CampaignState, event: CampaignEvent): CampaignState {
  if (event.type === 'CampaignCreated') {
    const { campaignId, definition, createdAt } = event.data;
    return {
      phase: 'DRAFT',
      campaignId,
      definition,
      calendar: definition.calendar,
      createdAt,
      phaseChangedAt: createdAt,
      registrations: [],
      issuedReminders: [],
    };
  }
  if (!isCampaign(state)) return state;
  const enter = (phase: CampaignPhase, at: string): Campaign => ({
    ...state,
    phase,
    phaseChangedAt: at,
  });
  switch (event.type) {
    case 'CampaignPublished':
      return enter('SCHEDULED', event.data.publishedAt);
    case 'CampaignOpened':
      return enter('OPEN', event.data.openedAt);
    case 'CampaignSubmissionsClosed':
      return enter('SUBMISSIONS_CLOSED', event.data.closedAt);
    case 'CampaignScreeningStarted':
      return enter('SCREENING', event.data.startedAt);
    case 'CampaignConsultationsStarted':
      return enter('CONSULTATIONS', event.data.startedAt);
    case 'CampaignClosed':
      return enter('CLOSED', event.data.closedAt);
    case 'CampaignCancelled':
      return {
        ...enter('CANCELLED', event.data.cancelledAt),
        cancellationReason: event.data.reason,
      };
    case 'CampaignCalendarChanged': {
      const { previous, calendar } = event.data;
      if (!meetingMoved(previous, calendar)) return { ...state, calendar };
      return { ...state, calendar, meetingMoves: meetingMovesOf(state) + 1 };
    }
    case 'EvaluationGridChanged': {
      const { evaluationGrid: _previous, ...definition } = state.definition;
      const grid = event.data.evaluationGrid;
      return { ...state, definition: grid ? { ...definition, evaluationGrid: grid } : definition };
    }
    case 'MeetingRegistrationRecorded': {
      const { organisationId, organisationName, status, registeredAt } = event.data;
      return withRegistrations(state, [
        ...state.registrations,
        { organisationId, organisationName, status, registeredAt },
      ]);
    }
    case 'MeetingRegistrationCancelled':
      return withRegistrations(
        state,
        state.registrations.filter((r) => r.organisationId !== event.data.organisationId),
      );
    case 'MeetingRegistrationPromoted':
      return withRegistrations(
        state,
        state.registrations.map((r) =>
          r.organisationId === event.data.organisationId ? { ...r, status: 'CONFIRMED' } : r,
        ),
      );
    case 'CampaignReminderIssued':
      return { ...state, issuedReminders: [...state.issuedReminders, reminderKey(event.data)] };
    default:
      return assertNever(event);
  }
}

/** Confirmed first, then the waiting list, each in order of arrival. */
function withRegistrations(state: Campaign, registrations: MeetingRegistration[]): Campaign {
  const confirmed = registrations.filter((r) => r.status === 'CONFIRMED');
  const waiting = registrations.filter((r) => r.status === 'WAITLISTED');
  return { ...state, registrations: [...confirmed, ...waiting] };
}
