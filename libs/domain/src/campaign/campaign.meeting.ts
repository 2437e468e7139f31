import { Instant } from '../time/instant';
import { CampaignCalendar } from './campaign-definition';
import { CampaignEvent } from './campaign.events';
import { Campaign, MeetingRegistration } from './campaign.state';

export interface MeetingTimes {
  readonly startsAt: Instant;
  readonly endsAt: Instant;
}

/**
 * What the organisations registered for the information meeting must be told of a campaign event:
 * a move or a cancellation concerns every registrant, confirmed or on the waiting list; a
 * promotion from the waiting list concerns the organisation promoted, which now gets the meeting
 * as it stands. `sequence` numbers the versions of the meeting's calendar entry: the meeting as
 * first announced is 0, each move adds one, and a cancellation comes after the last version it
 * ends; a promotion sends the current version.
 */
export type MeetingChange =
  | {
      readonly kind: 'MOVED';
      readonly sequence: number;
      readonly previous: MeetingTimes;
      readonly current: MeetingTimes;
      readonly reason: string;
      readonly at: Instant;
    }
  | {
      readonly kind: 'CANCELLED';
      readonly sequence: number;
      readonly meeting: MeetingTimes;
      readonly reason: string;
      readonly at: Instant;
    }
  | {
      readonly kind: 'PROMOTED';
      readonly sequence: number;
      readonly organisationId: string;
      readonly meeting: MeetingTimes;
      readonly at: Instant;
    };

export function meetingTimesOf(calendar: CampaignCalendar): MeetingTimes | undefined {
  const { meetingStartsAt, meetingEndsAt } = calendar;
  if (!meetingStartsAt || !meetingEndsAt) return undefined;
  return { startsAt: meetingStartsAt, endsAt: meetingEndsAt };
}

/** True when the meeting's start or end is another instant in `calendar` than in `previous`. */
export function meetingMoved(previous: CampaignCalendar, calendar: CampaignCalendar): boolean {
  const before = meetingTimesOf(previous);
  const after = meetingTimesOf(calendar);
  // A calendar without meeting dates has no meeting to move (the definition keeps them together).
  if (!before || !after) return false;
  return (
    Date.parse(before.startsAt) !== Date.parse(after.startsAt) ||
    Date.parse(before.endsAt) !== Date.parse(after.endsAt)
  );
}

/** How many times the meeting has moved so far: the SEQUENCE of its calendar entry. */
export function meetingMovesOf(campaign: Campaign): number {
  return campaign.meetingMoves ?? 0;
}

/** The confirmed registrations: those who hold a seat, and whom the meeting reminder goes to. */
export function confirmedRegistrations(campaign: Campaign): MeetingRegistration[] {
  return campaign.registrations.filter((r) => r.status === 'CONFIRMED');
}

/**
 * The change to the meeting `event` makes, given the campaign as folded after it; undefined when
 * it makes none, or when the meeting has already started (nothing left to move or call off).
 */
export function meetingChangeOf(event: CampaignEvent, after: Campaign): MeetingChange | undefined {
  switch (event.type) {
    case 'CampaignCalendarChanged': {
      const { previous, calendar, reason, changedAt } = event.data;
      const before = meetingTimesOf(previous);
      const current = meetingTimesOf(calendar);
      if (!before || !current || !meetingMoved(previous, calendar)) return undefined;
      if (!isToCome(before, changedAt)) return undefined;
      const sequence = meetingMovesOf(after);
      return { kind: 'MOVED', sequence, previous: before, current, reason, at: changedAt };
    }
    case 'CampaignCancelled': {
      const { reason, cancelledAt } = event.data;
      const meeting = meetingTimesOf(after.calendar);
      if (!after.definition.meeting || !meeting || !isToCome(meeting, cancelledAt))
        return undefined;
      const sequence = meetingMovesOf(after) + 1;
      return { kind: 'CANCELLED', sequence, meeting, reason, at: cancelledAt };
    }
    case 'MeetingRegistrationPromoted': {
      const { organisationId, promotedAt } = event.data;
      const meeting = meetingTimesOf(after.calendar);
      if (!meeting || !isToCome(meeting, promotedAt)) return undefined;
      const sequence = meetingMovesOf(after);
      return { kind: 'PROMOTED', sequence, organisationId, meeting, at: promotedAt };
    }
    default:
      return undefined;
  }
}

function isToCome(meeting: MeetingTimes, at: Instant): boolean {
  return Date.parse(at) < Date.parse(meeting.startsAt);
}
