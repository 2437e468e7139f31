import { z } from 'zod';
import { businessKeySchema } from '../../shared/business-key';
import { Shape } from '../../shared/schema-shape';

/** A form of support an organisation may ask for in its dossier. */
export const supportFormSchema = z
  .strictObject({
    id: businessKeySchema.meta({ example: 'bases-ouvertes' }),
    label: z.string().min(1).max(500),
  })
  .meta({ id: 'SupportForm' });

export type SupportForm = Shape<typeof supportFormSchema>;
