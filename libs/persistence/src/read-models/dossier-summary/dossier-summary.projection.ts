import type { DossierDraftCreated } from '@amiflow/domain';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../projection';

export const dossierSummaryProjection: Projection = {
  name: 'dossier_summaries',
  handles: ['DossierDraftCreated'],
  async apply(manager: EntityManager, event: RecordedEvent): Promise<void> {
    if (event.type !== 'DossierDraftCreated') return;
    const data = event.data as DossierDraftCreated['data'];
    await manager.query(
      `INSERT INTO dossier_summaries
         (campaign_id, organisation_id, organisation_name, state, version, created_at, updated_at)
       VALUES ($1, $2, $3, 'DRAFT', $4, $5, $6)`,
      [
        data.campaignId,
        data.organisationId,
        data.organisationName,
        event.streamVersion,
        data.createdAt,
        event.metadata.occurredAt,
      ],
    );
  },
};
