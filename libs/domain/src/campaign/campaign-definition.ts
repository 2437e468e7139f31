import { Instant } from '../time/instant';
import { CampaignHeader, CampaignParts } from './campaign-file/campaign-file.schema';
import { LocalCalendar, localCalendarSchema } from './campaign-file/local-calendar.schema';

export type { InformationMeeting } from './campaign-file/information-meeting.schema';
export type { SupportForm } from './campaign-file/support-form.schema';

/**
 * The dates a campaign runs by, as UTC instants; shown in the campaign's zone. The same dates as
 * the file's wall-clock calendar, each resolved in the zone. Submissions are accepted strictly
 * before `submissionDeadline`.
 */
export type CampaignCalendar = { readonly [Date in keyof LocalCalendar]: Instant };

export type CalendarDate = keyof CampaignCalendar;

/** The calendar's dates, in the order the campaign's phases run. */
export const CALENDAR_DATES = Object.keys(localCalendarSchema.shape) as readonly CalendarDate[];

/**
 * A whole campaign as data: another AMI is another record, never new code. Its shape is the
 * campaign file's (campaign-file.schema.ts), the calendar resolved to instants.
 */
export type CampaignDefinition = CampaignHeader &
  CampaignParts & {
    readonly calendar: CampaignCalendar;
  };

export const DEFAULT_TIME_ZONE = 'Europe/Paris';
