import { CALENDAR_DATES, Campaign, CampaignCalendar, longFrenchDateTime } from '@amiflow/domain';
import { CampaignSummaryEntity } from '@amiflow/persistence';
import {
  CalendarInZoneOutput,
  CalendarOutput,
  CampaignOutput,
  CampaignSummaryOutput,
} from './dtos/campaign.output';

/** A campaign as the domain folds it, with its dossier counts, as the API shows it. */
export function toCampaignOutput(
  campaign: Campaign,
  dossierCounts: Record<string, number>,
): CampaignOutput {
  const { definition } = campaign;
  const confirmed = campaign.registrations.filter((r) => r.status === 'CONFIRMED').length;
  return {
    campaignId: campaign.campaignId,
    title: definition.title,
    phase: campaign.phase,
    timeZone: definition.timeZone,
    calendar: calendarOutput(campaign.calendar),
    calendarInZone: calendarInZone(campaign.calendar, definition.timeZone),
    dossierCounts,
    createdAt: campaign.createdAt,
    phaseChangedAt: campaign.phaseChangedAt,
    organisers: [...definition.organisers],
    meeting: definition.meeting
      ? {
          place: definition.meeting.place,
          capacity: definition.meeting.capacity,
          registeredCount: confirmed,
          waitingListCount: campaign.registrations.length - confirmed,
        }
      : null,
    sections: definition.sections.map(({ id, title, required }) => ({ id, title, required })),
    supportForms: definition.supportForms.map(({ id, label }) => ({ id, label })),
    cancellationReason: campaign.cancellationReason ?? null,
  };
}

/** A row of the campaign list. */
export function toCampaignSummaryOutput(
  summary: CampaignSummaryEntity,
  dossierCounts: Record<string, number>,
): CampaignSummaryOutput {
  return {
    campaignId: summary.campaignId,
    title: summary.title,
    phase: summary.phase,
    timeZone: summary.timeZone,
    calendar: calendarOutput(summary.calendar),
    calendarInZone: calendarInZone(summary.calendar, summary.timeZone),
    dossierCounts,
    createdAt: summary.createdAt.toISOString(),
    phaseChangedAt: summary.phaseChangedAt.toISOString(),
  };
}

function calendarOutput(calendar: CampaignCalendar): CalendarOutput {
  return mapDates(calendar, (instant) => instant) as unknown as CalendarOutput;
}

function calendarInZone(calendar: CampaignCalendar, zone: string): CalendarInZoneOutput {
  return mapDates(calendar, (instant) =>
    longFrenchDateTime(instant, zone),
  ) as unknown as CalendarInZoneOutput;
}

/** The calendar's dates in their usual order, absent ones left out. */
function mapDates(
  calendar: CampaignCalendar,
  show: (instant: string) => string,
): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const date of CALENDAR_DATES) {
    const instant = calendar[date];
    if (instant !== undefined) shown[date] = show(instant);
  }
  return shown;
}
