import { ApiProperty } from '@nestjs/swagger';

export class DossierTabCountsOutput {
  @ApiProperty({ description: '« À traiter »: waiting on an operator', example: 12 })
  toProcess!: number;

  @ApiProperty({ description: "« En attente de l'organisation »", example: 30 })
  awaitingOrganisation!: number;

  @ApiProperty({ description: '« Traités »: final states and ineligibility', example: 4 })
  processed!: number;

  @ApiProperty({ description: '« Tous »', example: 50 })
  all!: number;
}

export class DossierCountsOutput {
  @ApiProperty({ type: DossierTabCountsOutput })
  tabs!: DossierTabCountsOutput;

  @ApiProperty({
    description: 'Dossiers by state (states without a dossier are left out)',
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { DRAFT: 30, NEEDS_REVIEW: 2 },
  })
  byStatus!: Record<string, number>;
}
