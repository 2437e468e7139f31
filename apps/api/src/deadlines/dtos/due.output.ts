import { DUE_KINDS } from '@amiflow/domain';
import { ApiProperty } from '@nestjs/swagger';

/** One thing that falls due on one dossier. */
export class DueItemOutput {
  @ApiProperty({ example: 'cnp-radiologie' })
  organisationId!: string;

  @ApiProperty({ example: 'Conseil national professionnel de radiologie' })
  organisationName!: string;

  @ApiProperty({ example: 'DRAFT', description: "The dossier's state" })
  status!: string;

  @ApiProperty({ enum: DUE_KINDS })
  kind!: string;

  @ApiProperty({ format: 'date-time', description: 'UTC instant it falls due' })
  dueAt!: string;

  @ApiProperty({ description: 'Its instant has passed and it is still due' })
  late!: boolean;

  @ApiProperty({ description: 'Milliseconds from the request to dueAt; negative when late' })
  msLeft!: number;

  @ApiProperty({ example: 'Date limite de dépôt', description: 'What it is, in French' })
  label!: string;
}

export class DueOutput {
  @ApiProperty({ type: [DueItemOutput], description: 'Least time left first (late first)' })
  items!: DueItemOutput[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
