import { z } from 'zod';
import { DemandTheme } from './theme-taxonomy';

/**
 * A demand theme as a campaign file writes it (the fields of `DemandTheme`); what only the whole
 * taxonomy can say (ids well formed and unique, a keyword at least) is validateThemeTaxonomy's.
 */
export const demandThemeSchema = z
  .strictObject({
    id: z.string().max(64).meta({
      example: 'acces-donnees',
      description: 'Lower-case words joined by hyphens',
    }),
    label: z.string().max(200),
    description: z.string().max(2000),
    keywords: z.array(z.string().max(200)).max(100),
    assumption: z.string().max(4000).optional(),
  })
  .meta({ id: 'DemandTheme' });

// The schema and the interface the analysis reads must say the same thing.
const sameShape: (theme: z.output<typeof demandThemeSchema>) => DemandTheme = (theme) => theme;
void sameShape;
