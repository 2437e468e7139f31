import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'dossier_summaries' })
export class DossierSummaryEntity {
  @PrimaryColumn({ name: 'campaign_id', type: 'text' })
  campaignId!: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ name: 'organisation_name', type: 'text' })
  organisationName!: string;

  @Column({ name: 'organisation_type', type: 'text' })
  organisationType!: string;

  @Column({ type: 'text', nullable: true })
  profession!: string | null;

  @Column({ type: 'text' })
  state!: string;

  @Column({ name: 'completeness_percent', type: 'integer' })
  completenessPercent!: number;

  @Column({ name: 'missing_required_sections', type: 'text', array: true })
  missingRequiredSections!: string[];

  @Column({ name: 'next_deadline', type: 'timestamptz', nullable: true })
  nextDeadline!: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_change_at', type: 'timestamptz' })
  lastChangeAt!: Date;

  @Column({ name: 'last_event_type', type: 'text' })
  lastEventType!: string;

  @Column({ type: 'integer' })
  version!: number;

  /** Who the dossier waits on (`WaitingOn` of the domain); null on rows not rebuilt since. */
  @Column({ name: 'waiting_on', type: 'text', nullable: true })
  waitingOn!: string | null;

  @Column({ name: 'waiting_since', type: 'timestamptz', nullable: true })
  waitingSince!: Date | null;

  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt!: Date | null;

  /** `DueKind` of the domain. */
  @Column({ name: 'next_due_kind', type: 'text', nullable: true })
  nextDueKind!: string | null;
}
