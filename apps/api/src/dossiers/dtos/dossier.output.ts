import { DUE_KINDS } from '@amiflow/domain';
import { ApiProperty } from '@nestjs/swagger';

export class DossierOutput {
  @ApiProperty({ example: 'ami-sante-ia-2019' })
  campaignId!: string;

  @ApiProperty({ example: 'cnp-radiologie' })
  organisationId!: string;

  @ApiProperty({ example: 'Conseil national professionnel de radiologie' })
  organisationName!: string;

  @ApiProperty({ example: 'CNP' })
  organisationType!: string;

  @ApiProperty({ example: 'radiologie', nullable: true, type: String })
  profession!: string | null;

  @ApiProperty({ example: 'DRAFT' })
  state!: string;

  @ApiProperty({ description: 'Answered sections out of all, in percent', example: 40 })
  completenessPercent!: number;

  @ApiProperty({ type: [String], example: ['propositions'] })
  missingRequiredSections!: string[];

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'UTC instant' })
  nextDeadline!: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'UTC instant the first item still due on the dossier falls due (null: none)',
  })
  nextDueAt!: string | null;

  @ApiProperty({
    enum: DUE_KINDS,
    nullable: true,
    type: String,
    description: 'What falls due then',
  })
  nextDueKind!: string | null;

  @ApiProperty({ description: 'True when nextDueAt has passed and the item is still due' })
  late!: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'UTC instant' })
  submittedAt!: string | null;

  @ApiProperty({ description: 'Number of events in the dossier stream', example: 1 })
  version!: number;

  @ApiProperty({ format: 'date-time', description: 'UTC instant' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', description: 'UTC instant of the last change' })
  lastChangeAt!: string;
}
