import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'dossier_summaries' })
export class DossierSummaryEntity {
  @PrimaryColumn({ name: 'campaign_id', type: 'text' })
  campaignId!: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  @Column({ name: 'organisation_name', type: 'text' })
  organisationName!: string;

  @Column({ type: 'text' })
  state!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
