import type { MeetingChange } from '@amiflow/domain';

/** A move or a cancellation of a campaign's information meeting, for its registrants to hear of. */
export interface MeetingChangeNotice {
  readonly campaignId: string;
  readonly change: MeetingChange;
  readonly correlationId: string;
}

/** What the campaign workflow asks of the notification side when its meeting changes. */
export interface MeetingChangeActivities {
  /**
   * Mails every organisation confirmed for the meeting the change, with the calendar entry that
   * updates or cancels theirs; once per change and organisation, so a retried activity sends
   * nothing twice. Returns how many mails went out.
   */
  notifyMeetingChange(notice: MeetingChangeNotice): Promise<number>;
}
