import { ConsultationSettings } from '../consultations/consultation-schedule';
import { DossierCampaignTerms } from '../dossier/dossier-terms';
import { reminderScope } from '../reminders/reminder-rule';
import { CampaignCalendar, CampaignDefinition } from '../campaign/campaign-definition';
import { referenceCampaign } from '../reference-campaign/reference-campaign';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The reference campaign with its calendar moved around `now`: opened a day ago, meeting
 * tomorrow, deadline in a week, consultations in two. `offsets` (milliseconds from `now`) move
 * any date, for calendars of seconds.
 */
export function openCampaignDefinition(
  now: Date,
  offsets: Partial<Record<keyof CampaignCalendar, number>> = {},
): CampaignDefinition {
  const at = (date: keyof CampaignCalendar, fallback: number) =>
    new Date(now.getTime() + (offsets[date] ?? fallback)).toISOString();
  return {
    ...referenceCampaign.definition,
    calendar: {
      opensAt: at('opensAt', -DAY),
      meetingRegistrationDeadline: at('meetingRegistrationDeadline', DAY),
      meetingStartsAt: at('meetingStartsAt', DAY),
      meetingEndsAt: at('meetingEndsAt', DAY + 2 * HOUR),
      submissionDeadline: at('submissionDeadline', 7 * DAY),
      consultationsStartAt: at('consultationsStartAt', 14 * DAY),
    },
  };
}

/** What a dossier of such a campaign is given at creation. */
export function openCampaignTerms(now: Date): DossierCampaignTerms {
  const definition = openCampaignDefinition(now);
  return {
    timeZone: definition.timeZone,
    submissionDeadline: definition.calendar.submissionDeadline,
    consultationsStartAt: definition.calendar.consultationsStartAt,
    sections: definition.sections.map(({ id, required }) => ({ id, required })),
    supportFormIds: definition.supportForms.map((form) => form.id),
    reminders: definition.reminders.filter((rule) => reminderScope(rule.kind) === 'dossier'),
  };
}

/**
 * Consultations at any hour, five minutes each, in one room: planning happens within seconds of
 * the consultations' start, for tests whose calendars last seconds.
 */
export const AROUND_THE_CLOCK_CONSULTATIONS: ConsultationSettings = {
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  hours: ['00:00-23:59'],
  durationMinutes: 5,
  rooms: ['Salle de test'],
  daysOff: [],
};
