import { ApiProperty } from '@nestjs/swagger';

export class DossierOutput {
  @ApiProperty({ example: 'ami-sante-ia-2019' })
  campaignId!: string;

  @ApiProperty({ example: 'cnp-radiologie' })
  organisationId!: string;

  @ApiProperty({ example: 'Conseil national professionnel de radiologie' })
  organisationName!: string;

  @ApiProperty({ example: 'DRAFT' })
  state!: string;

  @ApiProperty({ description: 'Number of events in the dossier stream', example: 1 })
  version!: number;

  @ApiProperty({ format: 'date-time', description: 'UTC instant' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', description: 'UTC instant of the last change' })
  updatedAt!: string;
}
