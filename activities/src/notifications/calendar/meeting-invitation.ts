import { Campaign, meetingMovesOf, MeetingTimes, meetingTimesOf } from '@amiflow/domain';
import { calendarInvitation } from './calendar-invitation';
import { Attachment, organiserAddress } from '../mail/mailer';

/** One version of the meeting's calendar entry. */
export interface MeetingVersion {
  readonly times: MeetingTimes;
  /** How many times the meeting has moved before this version (plus one for a cancellation). */
  readonly sequence: number;
  readonly method: 'REQUEST' | 'CANCEL';
}

/**
 * A campaign's information meeting is one calendar entry: its reminder, each move and its
 * cancellation share the UID, and the SEQUENCE tells calendars which version is the latest.
 */
export function meetingUid(campaignId: string): string {
  return `meeting-${campaignId}@amiflow`;
}

/** The meeting as a calendar attachment, in the campaign's zone; none without a meeting. */
export function meetingInvitation(
  campaign: Campaign,
  version: MeetingVersion,
  attendee: string,
  from: string,
): Attachment[] {
  const meeting = campaign.definition.meeting;
  if (!meeting) return [];
  const cancelled = version.method === 'CANCEL';
  return [
    {
      filename: cancelled ? 'annulation-reunion.ics' : 'reunion.ics',
      method: version.method,
      content: calendarInvitation({
        uid: meetingUid(campaign.campaignId),
        sequence: version.sequence,
        startsAt: version.times.startsAt,
        endsAt: version.times.endsAt,
        timeZone: campaign.definition.timeZone,
        summary: `Réunion d'information — ${campaign.definition.title}`,
        location: meeting.place,
        description: cancelled
          ? "Réunion d'information annulée."
          : "Réunion d'information sur l'appel à manifestation d'intérêt.",
        organizer: organiserAddress(from),
        attendee,
        method: version.method,
        issuedAt: new Date().toISOString(),
      }),
    },
  ];
}

/**
 * The meeting as it stands (the meeting reminder's invitation): its SEQUENCE counts the moves so
 * far, so that it replaces the update a move sent instead of being ignored as an older version.
 */
export function currentMeetingInvitation(
  campaign: Campaign,
  attendee: string,
  from: string,
): Attachment[] {
  const times = meetingTimesOf(campaign.calendar);
  if (!times) return [];
  const sequence = meetingMovesOf(campaign);
  return meetingInvitation(campaign, { times, sequence, method: 'REQUEST' }, attendee, from);
}
