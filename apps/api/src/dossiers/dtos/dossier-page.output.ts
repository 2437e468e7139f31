import { ApiProperty } from '@nestjs/swagger';
import { DossierOutput } from './dossier.output';

export class DossierPageOutput {
  @ApiProperty({
    type: [DossierOutput],
    description: 'In the order asked (by default latest change first)',
  })
  items!: DossierOutput[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

export class TimelineEventOutput {
  @ApiProperty({ description: 'Position in the dossier stream, from 1', example: 1 })
  version!: number;

  @ApiProperty({ example: 'DossierSubmitted' })
  type!: string;

  @ApiProperty({ format: 'date-time', description: 'UTC instant it happened' })
  occurredAt!: string;

  @ApiProperty({ example: { id: 'cnp-radiologie', role: 'organisation' } })
  actor!: { id: string; role: string };

  @ApiProperty({ description: "The event's facts", type: 'object', additionalProperties: true })
  data!: unknown;
}

export class TimelineOutput {
  @ApiProperty({ type: [TimelineEventOutput], description: 'Oldest first' })
  events!: TimelineEventOutput[];
}
