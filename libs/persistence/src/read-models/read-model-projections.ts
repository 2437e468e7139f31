import { dossierSummaryProjection } from './dossier-summary/dossier-summary.projection';
import { Projection } from './projection';

/** Every read model kept in step with the event store. */
export const readModelProjections: readonly Projection[] = [dossierSummaryProjection];
