import type { CampaignCalendar } from '@amiflow/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'campaign_summaries' })
export class CampaignSummaryEntity {
  @PrimaryColumn({ name: 'campaign_id', type: 'text' })
  campaignId!: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  phase!: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ type: 'jsonb' })
  calendar!: CampaignCalendar;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'phase_changed_at', type: 'timestamptz' })
  phaseChangedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;
}

@Entity({ name: 'campaign_dossier_counts' })
export class CampaignDossierCountEntity {
  @PrimaryColumn({ name: 'campaign_id', type: 'text' })
  campaignId!: string;

  @PrimaryColumn({ type: 'text' })
  state!: string;

  @Column({ type: 'integer' })
  count!: number;
}

@Entity({ name: 'meeting_registrations' })
export class MeetingRegistrationEntity {
  @PrimaryColumn({ name: 'campaign_id', type: 'text' })
  campaignId!: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  @Column({ name: 'organisation_name', type: 'text' })
  organisationName!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;
}
