import { z } from 'zod';
import { demandThemeSchema } from '../../analysis/demand-theme.schema';
import { consultationSettingsSchema } from '../../consultations/consultation-settings.schema';
import { eligibilityPolicySchema } from '../../eligibility/eligibility-policy.schema';
import { questionnaireSectionSchema } from '../../questionnaire/questionnaire-section.schema';
import { reminderRuleSchema } from '../../reminders/reminder-rule.schema';
import { businessKeySchema } from '../../shared/business-key';
import { evaluationGridSchema } from '../evaluation-grid.schema';
import { Shape } from '../../shared/schema-shape';
import { informationMeetingSchema } from './information-meeting.schema';
import { localCalendarSchema } from './local-calendar.schema';
import { supportFormSchema } from './support-form.schema';

// The one definition of a campaign's shape: the domain's types are inferred from it, the API
// validates a file sent over HTTP with it and publishes it as the OpenAPI schema. It bounds every
// size and says what each field may hold; what only the whole can say (dates in order, a zone
// that exists, no duplicate id…) is validateCampaignDefinition's, answered as a broken rule.

/**
 * The parts of a campaign besides its title, zone and calendar: the same in the file as in the
 * definition the workflows run, copied from one to the other whole. A new part of a campaign is
 * one schema added here.
 */
export const campaignPartsSchema = z.strictObject({
  /** Present when the campaign holds an information meeting; its dates are in the calendar. */
  meeting: informationMeetingSchema.optional(),
  eligibility: eligibilityPolicySchema,
  sections: z.array(questionnaireSectionSchema).max(50),
  supportForms: z.array(supportFormSchema).max(30),
  reminders: z.array(reminderRuleSchema).max(50),
  /** How individual consultations are laid out, when the campaign holds them. */
  consultations: consultationSettingsSchema.optional(),
  /**
   * The demand themes its answers are tagged with and suggested against; absent, the reference
   * campaign's eleven (`campaignThemeTaxonomy`).
   */
  /** The criteria reviewers score dossiers on; without it, no reviews are offered. */
  evaluationGrid: evaluationGridSchema.optional(),
  themes: z
    .array(demandThemeSchema)
    .max(50)
    .optional()
    .meta({ description: "The demand themes; absent, the reference campaign's eleven" }),
});

/** What names a campaign and where its calendar is read, in the file and in the definition. */
const campaignHeaderShape = {
  title: z.string().max(500),
  organisers: z.array(z.string().min(1).max(300)).max(20),
  timeZone: z.string().max(64).meta({
    example: 'Europe/Paris',
    description: 'IANA zone the calendar is defined and shown in',
  }),
};

const READINGS = { maxKeys: 50, key: /^[A-Za-z][A-Za-z0-9-]{0,63}$/, maxLength: 4000 };

/** How each unclear statement of the source was read: kept with the file, never used. */
const readingsSchema = z
  .record(z.string().regex(READINGS.key), z.string().max(READINGS.maxLength))
  .refine((readings) => Object.keys(readings).length <= READINGS.maxKeys, {
    error: `doit compter au plus ${READINGS.maxKeys} clés`,
  })
  .meta({
    maxProperties: READINGS.maxKeys,
    description: 'How each unclear statement of the source was read (kept with the file, not used)',
  });

/**
 * A campaign as people write it down: the calendar in wall-clock time of its zone, as an
 * announcement states it, with the readings made of it. Resolved to UTC instants on load.
 */
export const campaignFileSchema = z
  .strictObject({
    campaignId: businessKeySchema.meta({ example: 'ami-sante-ia-2019' }),
    source: z
      .string()
      .max(1000)
      .optional()
      .meta({ description: 'Where the campaign is announced' }),
    ...campaignHeaderShape,
    localCalendar: localCalendarSchema,
    readings: readingsSchema.optional(),
    ...campaignPartsSchema.shape,
  })
  .meta({ id: 'CampaignFile' });

export type CampaignFile = Shape<typeof campaignFileSchema>;
export type CampaignParts = Shape<typeof campaignPartsSchema>;
export type CampaignHeader = Pick<CampaignFile, keyof typeof campaignHeaderShape>;
