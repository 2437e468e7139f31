import { z } from 'zod';
import { businessKeySchema } from '../shared/business-key';
import { EvaluationGrid } from './evaluation-grid';

/** Bounds of a scale's ends: wide enough for any grid people use, narrow enough to add up. */
const SCALE_END = z.int().min(-1000).max(1000);

/**
 * A campaign's evaluation grid as a campaign file writes it (the fields of `EvaluationGrid`);
 * what only the whole grid can say (ids unique, a scale's ends in order, thresholds on the
 * weighted scale) is validateEvaluationGrid's, answered as a broken rule.
 */
export const evaluationGridSchema = z
  .strictObject({
    criteria: z
      .array(
        z
          .strictObject({
            id: businessKeySchema.meta({ example: 'faisabilite' }),
            label: z.string().min(1).max(200).meta({ example: 'Faisabilité' }),
            description: z.string().min(1).max(1000),
            weight: z
              .int()
              .min(1)
              .max(100)
              .meta({ example: 2, description: 'Relative to the others' }),
            scale: z
              .strictObject({ min: SCALE_END, max: SCALE_END })
              .meta({ description: 'Integer scores from min to max inclusive' }),
          })
          .meta({ id: 'EvaluationCriterion' }),
      )
      .max(20),
    disagreementThreshold: z.number().optional().meta({
      example: 5,
      description: 'Spread of weighted scores (out of 20) above which a dossier is flagged; 5',
    }),
    shortlistThreshold: z.number().optional().meta({
      example: 10,
      description: 'Weighted score (out of 20) from which the scores speak for shortlisting; 10',
    }),
  })
  .meta({ id: 'EvaluationGrid' });

// The schema and the interface the reviews read must say the same thing.
const sameShape: (grid: z.output<typeof evaluationGridSchema>) => EvaluationGrid = (grid) => grid;
void sameShape;
