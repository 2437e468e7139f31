import { DataSource } from 'typeorm';
import { DossierSummaryEntity } from './dossier-summary.entity';

export class DossierSummaryQuery {
  constructor(private readonly dataSource: DataSource) {}

  findOne(campaignId: string, organisationId: string): Promise<DossierSummaryEntity | null> {
    return this.dataSource
      .getRepository(DossierSummaryEntity)
      .findOneBy({ campaignId, organisationId });
  }
}
