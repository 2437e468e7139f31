import { DossierEvent } from '@amiflow/domain';
import { Queryable } from '../../event-store/queryable';
import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../projection';

const HANDLED = [
  'ReviewersAssigned',
  'DossierScored',
  'ConflictOfInterestDeclared',
] as const satisfies readonly DossierEvent['type'][];

/**
 * Each reviewer's dossiers: a row when named, its score when given, gone when the reviewer steps
 * aside for a conflict of interest. Runs after the dossier summaries, whose row names the
 * dossier's campaign and organisation.
 */
export const reviewerQueueProjection: Projection = {
  name: 'reviewer queue',
  tables: ['dossier_reviewers'],
  handles: HANDLED,
  async apply(database: Queryable, events: readonly RecordedEvent[]): Promise<void> {
    const [dossier] = await database.query<{ campaignId: string; organisationId: string }[]>(
      `SELECT campaign_id AS "campaignId", organisation_id AS "organisationId"
         FROM dossier_summaries WHERE stream_id = $1`,
      [events[0].streamId],
    );
    if (!dossier) return;
    const key = [dossier.campaignId, dossier.organisationId];
    for (const recorded of events) {
      const event = recorded as unknown as DossierEvent;
      switch (event.type) {
        case 'ReviewersAssigned':
          await database.query(
            `INSERT INTO dossier_reviewers (campaign_id, organisation_id, reviewer_id, assigned_at)
             SELECT $1, $2, reviewer, $4 FROM unnest($3::text[]) AS reviewers(reviewer)
             ON CONFLICT DO NOTHING`,
            [...key, event.data.reviewerIds, event.data.assignedAt],
          );
          break;
        case 'DossierScored':
          await database.query(
            `UPDATE dossier_reviewers SET scored_at = $4, weighted_score = $5
              WHERE campaign_id = $1 AND organisation_id = $2 AND reviewer_id = $3`,
            [...key, event.data.reviewerId, event.data.scoredAt, event.data.weightedScore],
          );
          break;
        case 'ConflictOfInterestDeclared':
          await database.query(
            `DELETE FROM dossier_reviewers
              WHERE campaign_id = $1 AND organisation_id = $2 AND reviewer_id = $3`,
            [...key, event.data.reviewerId],
          );
          break;
        default:
          break;
      }
    }
  },
};
