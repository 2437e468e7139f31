import { CALENDAR_DATES, CampaignCalendar, instant } from '@amiflow/domain';
import { CalendarChangesInput } from './dtos/campaign-commands.inputs';

/**
 * The dates to move as UTC instants: callers write them with the offset they think in, the
 * domain compares and stores canonical UTC (`…T23:00:00.000Z`).
 */
export function toCalendarChanges(input: CalendarChangesInput): Partial<CampaignCalendar> {
  const changes: Partial<Record<keyof CampaignCalendar, string>> = {};
  for (const date of CALENDAR_DATES) {
    const value = input[date];
    if (value !== undefined) changes[date] = instant(new Date(value));
  }
  return changes;
}
