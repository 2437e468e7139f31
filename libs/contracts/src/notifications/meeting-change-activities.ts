import type { MeetingChange } from '@amiflow/domain';

/**
 * A move or a cancellation of a campaign's information meeting, for its registrants to hear of, or
 * a promotion from its waiting list, for the promoted organisation.
 */
export interface MeetingChangeNotice {
  readonly campaignId: string;
  readonly change: MeetingChange;
  readonly correlationId: string;
}

/** What the campaign workflow asks of the notification side when its meeting changes. */
export interface MeetingChangeActivities {
  /**
   * Mails every organisation registered for the meeting a move or a cancellation (the confirmed
   * ones with the calendar entry that updates or cancels theirs, the waiting list without), or the
   * promoted organisation its confirmed seat with the entry and the meeting reminders it missed;
   * once per change and organisation, so a retried activity sends nothing twice. Returns how many
   * mails went out.
   */
  notifyMeetingChange(notice: MeetingChangeNotice): Promise<number>;
}
