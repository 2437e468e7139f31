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

export class ThemeLabelOutput {
  @ApiProperty({ example: 'formation' })
  themeId!: string;

  @ApiProperty({ example: 'Formation des professionnels' })
  label!: string;
}

export class ProfessionCellOutput {
  @ApiProperty({ nullable: true, type: String, example: 'radiologie', description: 'Null: none' })
  profession!: string | null;

  @ApiProperty({ description: 'Dossiers of this profession raising the theme', example: 2 })
  dossiers!: number;
}

export class ThemeMatrixRowOutput extends ThemeLabelOutput {
  @ApiProperty({ description: 'Distinct dossiers raising the theme', example: 5 })
  dossiers!: number;

  @ApiProperty({ type: [ProfessionCellOutput], description: "In the matrix's profession order" })
  byProfession!: ProfessionCellOutput[];
}

export class ThemeMatrixOutput {
  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'Columns: professions with a tagged dossier, sorted; null (none stated) last',
  })
  professions!: (string | null)[];

  @ApiProperty({
    type: [ThemeMatrixRowOutput],
    description: "Every theme, in the taxonomy's order",
  })
  rows!: ThemeMatrixRowOutput[];
}

export class DemandQuoteOutput {
  @ApiProperty({ example: 'cnp-radiologie' })
  organisationId!: string;

  @ApiProperty({ example: 'CNP de radiologie' })
  organisationName!: string;

  @ApiProperty({ nullable: true, type: String })
  profession!: string | null;

  @ApiProperty({ example: 'freins' })
  sectionId!: string;

  @ApiProperty({ description: 'The tagged passage, as it read when tagged' })
  quote!: string;

  @ApiProperty({
    example: '/campaigns/ami-sante-ia-2019/dossiers/cnp-radiologie',
    description: 'The dossier in the API',
  })
  dossierPath!: string;

  @ApiProperty({
    example: '/console/campagnes/ami-sante-ia-2019/dossiers/cnp-radiologie',
    description: 'The dossier in the console',
  })
  consolePath!: string;
}

export class CommonDemandOutput extends ThemeLabelOutput {
  @ApiProperty({ type: [String], description: 'Distinct professions raising it, sorted' })
  professions!: string[];

  @ApiProperty({ description: 'Distinct dossiers raising it' })
  dossiers!: number;

  @ApiProperty({
    type: [DemandQuoteOutput],
    description: 'Up to three tagged passages per profession, professions in order',
  })
  quotes!: DemandQuoteOutput[];
}

export class CommonDemandsOutput {
  @ApiProperty({ description: 'Professions a theme needs to be common (the query setting)' })
  threshold!: number;

  @ApiProperty({ type: [CommonDemandOutput], description: 'Most professions first' })
  demands!: CommonDemandOutput[];
}

export class SupportFormWishOutput {
  @ApiProperty({ example: 'bases-ouvertes' })
  supportFormId!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty({ description: 'Dossiers whose answers the text analysis finds it wished in' })
  wished!: number;

  @ApiProperty({ description: 'Dossiers whose consultation retained it' })
  retained!: number;
}

export class BestProposalOutput {
  @ApiProperty()
  organisationId!: string;

  @ApiProperty()
  organisationName!: string;

  @ApiProperty({ nullable: true, type: String })
  profession!: string | null;

  @ApiProperty({ description: "Weighted score on the evaluation grid's scale" })
  weightedScore!: number;

  @ApiProperty({ type: [String], description: "Reviewers' comments" })
  comments!: string[];

  @ApiProperty()
  consolePath!: string;
}

export class BestProposalsOutput {
  @ApiProperty({
    description: 'False while no evaluation grid scores dossiers: then the list is empty',
  })
  available!: boolean;

  @ApiProperty({ type: [BestProposalOutput], description: 'Best weighted score first' })
  proposals!: BestProposalOutput[];
}

export class CompletenessCountOutput {
  @ApiProperty({ description: 'Lower bound in percent: 0, 25, 50, 75; 100 is a bucket alone' })
  from!: number;

  @ApiProperty()
  dossiers!: number;
}

/** The synthesis with the demand themes (issue 13, item 4). */
export class CampaignSynthesisOutput extends SynthesisOutput {
  @ApiProperty({ type: [ThemeLabelOutput], description: "The campaign's taxonomy" })
  themes!: ThemeLabelOutput[];

  @ApiProperty({ type: ThemeMatrixOutput, description: 'From tags placed or accepted only' })
  themeMatrix!: ThemeMatrixOutput;

  @ApiProperty({ type: CommonDemandsOutput })
  commonDemands!: CommonDemandsOutput;

  @ApiProperty({ type: [SupportFormWishOutput], description: "In the campaign's order" })
  supportFormsWishedAndRetained!: SupportFormWishOutput[];

  @ApiProperty({ type: BestProposalsOutput })
  bestProposals!: BestProposalsOutput;

  @ApiProperty({
    type: [CompletenessCountOutput],
    description: 'Submitted dossiers (still the campaign’s) by completeness',
  })
  byCompleteness!: CompletenessCountOutput[];
}
