import { fromLocalDateTime, LocalDateTime } from '../time/zoned-time';
import { instant } from '../time/instant';
import { CALENDAR_DATES, CampaignCalendar, CampaignDefinition } from './campaign-definition';

/**
 * A campaign as people write it down: the calendar in wall-clock time of its zone, as an
 * announcement states it, with the readings made of it. Resolved to UTC instants on load.
 */
export interface CampaignFile extends Omit<CampaignDefinition, 'calendar'> {
  readonly campaignId: string;
  readonly source?: string;
  readonly localCalendar: { readonly [Date in keyof CampaignCalendar]: LocalDateTime };
  /** How each unclear statement of the source was read. */
  readonly readings?: Readonly<Record<string, string>>;
}

export function resolveCampaignFile(file: CampaignFile): {
  campaignId: string;
  definition: CampaignDefinition;
} {
  const calendar: Record<string, string> = {};
  for (const date of CALENDAR_DATES) {
    const local = file.localCalendar[date];
    if (local !== undefined) calendar[date] = instant(fromLocalDateTime(local, file.timeZone));
  }
  return {
    campaignId: file.campaignId,
    definition: {
      title: file.title,
      organisers: file.organisers,
      timeZone: file.timeZone,
      calendar: calendar as unknown as CampaignCalendar,
      meeting: file.meeting,
      eligibility: file.eligibility,
      sections: file.sections,
      supportForms: file.supportForms,
      reminders: file.reminders,
      consultations: file.consultations,
      ...(file.evaluationGrid && { evaluationGrid: file.evaluationGrid }),
    },
  };
}
