import { campaignSummaryProjection } from './campaign-summary/campaign-summary.projection';
import { dossierSummaryProjection } from './dossier-summary/dossier-summary.projection';
import { Projection } from './projection';
import { reviewerQueueProjection } from './reviewer-queue/reviewer-queue.projection';

/** Every read model kept in step with the event store. */
export const readModelProjections: readonly Projection[] = [
  campaignSummaryProjection,
  dossierSummaryProjection,
  // After the summaries: it reads the dossier's campaign and organisation from their row.
  reviewerQueueProjection,
];

/** Every table the projections write, in a stable order. */
export const readModelTables: readonly string[] = readModelProjections.flatMap((p) => p.tables);
