import { fromLocalDateTime } from '../time/zoned-time';
import { instant } from '../time/instant';
import { CALENDAR_DATES, CampaignCalendar, CampaignDefinition } from './campaign-definition';
import { CampaignFile } from './campaign-file/campaign-file.schema';

export type { CampaignFile } from './campaign-file/campaign-file.schema';

/**
 * The definition a campaign file describes: its wall-clock calendar resolved to UTC instants in
 * its zone, every other part as the file has it (only what the file keeps for its readers, the
 * source and the readings, stays behind).
 */
export function resolveCampaignFile(file: CampaignFile): {
  campaignId: string;
  definition: CampaignDefinition;
} {
  const { campaignId, source: _source, readings: _readings, localCalendar, ...definition } = file;
  const calendar: Record<string, string> = {};
  for (const date of CALENDAR_DATES) {
    const local = localCalendar[date];
    if (local !== undefined) calendar[date] = instant(fromLocalDateTime(local, file.timeZone));
  }
  return {
    campaignId,
    definition: { ...definition, calendar: calendar as unknown as CampaignCalendar },
  };
}
