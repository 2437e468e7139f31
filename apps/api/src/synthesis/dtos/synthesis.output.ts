import { ApiProperty } from '@nestjs/swagger';

class GroupCount {
  @ApiProperty({ description: 'Dossiers in the group, whatever their state', example: 12 })
  dossiers!: number;

  @ApiProperty({ description: 'Of them, those ever submitted', example: 9 })
  submitted!: number;
}

export class StateCountOutput extends GroupCount {
  @ApiProperty({ example: 'SUBMITTED' })
  state!: string;
}

export class ProfessionCountOutput extends GroupCount {
  @ApiProperty({ nullable: true, type: String, example: 'radiologie', description: 'Null: none' })
  profession!: string | null;
}

export class OrganisationTypeCountOutput extends GroupCount {
  @ApiProperty({ example: 'CNP' })
  organisationType!: string;
}

export class SupportFormCountOutput {
  @ApiProperty({ example: 'bases-ouvertes' })
  supportFormId!: string;

  @ApiProperty({ description: "The form's label in the campaign" })
  label!: string;

  @ApiProperty({ description: 'Dossiers whose consultation retained it', example: 3 })
  dossiers!: number;

  @ApiProperty({
    type: [String],
    description: 'Distinct professions of those dossiers, sorted',
    example: ['cardiologie', 'radiologie'],
  })
  professions!: string[];
}

export class SynthesisOutput {
  @ApiProperty({ example: 'ami-sante-ia-2019' })
  campaignId!: string;

  @ApiProperty({ description: 'Every dossier of the campaign', example: 42 })
  totalDossiers!: number;

  @ApiProperty({ type: [StateCountOutput], description: 'Largest group first' })
  byState!: StateCountOutput[];

  @ApiProperty({ type: [ProfessionCountOutput], description: 'Largest first; none stated last' })
  byProfession!: ProfessionCountOutput[];

  @ApiProperty({ type: [OrganisationTypeCountOutput], description: 'Largest group first' })
  byOrganisationType!: OrganisationTypeCountOutput[];

  @ApiProperty({
    type: [SupportFormCountOutput],
    description:
      "Every support form of the campaign, in the campaign's order, with what consultations retained",
  })
  bySupportForm!: SupportFormCountOutput[];

  @ApiProperty({
    type: [SupportFormCountOutput],
    description:
      'Demands shared by several professions: the support forms retained for dossiers of two or ' +
      'more distinct professions, most professions first',
  })
  sharedDemands!: SupportFormCountOutput[];
}
