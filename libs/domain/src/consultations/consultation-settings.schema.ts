import { z } from 'zod';
import { Shape } from '../shared/schema-shape';

/**
 * How a campaign's individual consultations are laid out, in its zone. The shape bounds sizes;
 * what the values mean (a weekday from 1 to 7, ranges that open before they close, a duration
 * of 5 minutes to 8 hours) is a rule of validateCampaignDefinition.
 */
export const consultationSettingsSchema = z
  .strictObject({
    workingDays: z
      .array(z.int())
      .max(7)
      .describe('ISO weekdays consultations are held on (1 = Monday … 7 = Sunday).')
      .meta({ example: [1, 2, 3, 4, 5] }),
    hours: z
      .array(z.string().max(11))
      .max(12)
      .describe('Local opening hours, as HH:mm-HH:mm ranges (a lunch break is two ranges).')
      .meta({ example: ['09:00-12:00', '14:00-17:00'] }),
    durationMinutes: z.int().meta({ example: 60 }),
    rooms: z
      .array(z.string().min(1).max(200))
      .max(50)
      .meta({ example: ['Ségur, salle 1'] }),
    daysOff: z
      .array(z.string().max(10))
      .max(400)
      .describe('Local dates (YYYY-MM-DD) with no consultation: public holidays, closures.')
      .meta({ example: ['2019-12-25'] }),
  })
  .meta({ id: 'ConsultationSettings' });

export type ConsultationSettings = Shape<typeof consultationSettingsSchema>;
