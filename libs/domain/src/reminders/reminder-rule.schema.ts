import { z } from 'zod';
import { businessKeySchema } from '../shared/business-key';
import { Shape } from '../shared/schema-shape';
import { offsetSchema } from '../time/offset.schema';
import { REMINDER_KINDS, ReminderAnchor, ReminderAudience, ReminderKind } from './reminder-kinds';

const kinds = Object.keys(REMINDER_KINDS) as [ReminderKind, ...ReminderKind[]];
const anchors = [...new Set(Object.values(REMINDER_KINDS).map((kind) => kind.anchor))] as [
  ReminderAnchor,
  ...ReminderAnchor[],
];
const audiences = [...new Set(Object.values(REMINDER_KINDS).map((kind) => kind.audience))] as [
  ReminderAudience,
  ...ReminderAudience[],
];

/**
 * One kind of reminder the campaign sends, with its offset and time of day. The shape says only
 * what each field may hold: that the anchor and audience are the kind's own, and that the time
 * reads HH:mm, are rules (validateCampaignDefinition), answered as a broken rule.
 */
export const reminderRuleSchema = z
  .strictObject({
    id: businessKeySchema
      .describe('Stable within the campaign: a sent reminder is remembered by it.')
      .meta({ example: 'depot-j-7' }),
    kind: z.enum(kinds),
    anchor: z.enum(anchors).describe("Stated in the data for readers; must be the kind's own."),
    audience: z.enum(audiences).describe("Must be the kind's own audience."),
    offset: offsetSchema.describe('From the anchor; negative before it. Ignored for EVERY_DAY.'),
    atLocalTime: z
      .string()
      .max(5)
      .optional()
      .describe('Wall-clock time of day (HH:mm, campaign zone) once the offset has found the day.')
      .meta({ example: '09:00' }),
  })
  .meta({ id: 'ReminderRule' });

export type ReminderRule = Shape<typeof reminderRuleSchema>;
