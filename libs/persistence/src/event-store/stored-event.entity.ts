import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'events' })
export class StoredEventEntity {
  @PrimaryColumn({ name: 'global_position', type: 'bigint' })
  globalPosition!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ name: 'stream_version', type: 'integer' })
  streamVersion!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'jsonb' })
  data!: unknown;

  @Column({ type: 'jsonb' })
  metadata!: unknown;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
