import { z } from 'zod';
import { businessKeySchema } from '../shared/business-key';
import { Shape } from '../shared/schema-shape';

/** One section of a campaign's questionnaire; its id keys the answers. */
export const questionnaireSectionSchema = z
  .strictObject({
    id: businessKeySchema.meta({ example: 'propositions' }),
    title: z.string().min(1).max(300).meta({ example: "Propositions d'actions" }),
    required: z
      .boolean()
      .describe(
        'Whether the campaign expects it. A missing required section lowers completeness and is ' +
          'shown to operators; it never stops a submission.',
      ),
  })
  .meta({ id: 'QuestionnaireSection' });

export type QuestionnaireSection = Shape<typeof questionnaireSectionSchema>;
