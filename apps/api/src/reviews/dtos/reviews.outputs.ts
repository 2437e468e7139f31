import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ScaleOutput {
  @ApiProperty({ example: 1 })
  min!: number;

  @ApiProperty({ example: 5 })
  max!: number;
}

export class CriterionOutput {
  @ApiProperty({ example: 'faisabilite' })
  id!: string;

  @ApiProperty({ example: 'Faisabilité' })
  label!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ example: 2 })
  weight!: number;

  @ApiProperty({ type: ScaleOutput })
  scale!: ScaleOutput;
}

export class GridOutput {
  @ApiProperty({ type: [CriterionOutput] })
  criteria!: CriterionOutput[];

  @ApiProperty({ example: 5, description: 'Spread (out of 20) above which reviewers disagree' })
  disagreementThreshold!: number;

  @ApiProperty({
    example: 10,
    description: 'Weighted score (out of 20) that speaks for shortlisting',
  })
  shortlistThreshold!: number;
}

export class CriterionScoreOutput {
  @ApiProperty({ example: 'faisabilite' })
  criterionId!: string;

  @ApiProperty({ example: 4 })
  score!: number;

  @ApiProperty()
  comment!: string;
}

export class ReviewOutput {
  @ApiProperty({ example: 'instructeur-alice' })
  reviewerId!: string;

  @ApiProperty({ example: 13.75, description: 'Out of 20' })
  weightedScore!: number;

  @ApiProperty({ format: 'date-time' })
  scoredAt!: string;

  @ApiProperty({ type: [CriterionScoreOutput], description: 'In the order of the grid' })
  scores!: CriterionScoreOutput[];
}

export class ConflictOutput {
  @ApiProperty()
  reviewerId!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'date-time' })
  declaredAt!: string;
}

export class DossierReviewsOutput {
  @ApiProperty()
  campaignId!: string;

  @ApiProperty()
  organisationId!: string;

  @ApiProperty({ example: 'UNDER_SCREENING' })
  state!: string;

  @ApiPropertyOptional({
    type: GridOutput,
    nullable: true,
    description: "The campaign's grid; null: its dossiers are not reviewed",
  })
  grid!: GridOutput | null;

  @ApiProperty({ type: [String], description: 'Reviewers named, in the order named' })
  reviewers!: string[];

  @ApiProperty({ type: [ReviewOutput] })
  reviews!: ReviewOutput[];

  @ApiProperty({ type: [ConflictOutput] })
  conflicts!: ConflictOutput[];

  @ApiProperty({ example: 2, description: 'Reviews counted (every criterion scored)' })
  reviewCount!: number;

  @ApiProperty({ type: Number, nullable: true, example: 12.5, description: 'Mean, out of 20' })
  weightedScore!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 5,
    description: 'Highest minus lowest weighted score; null under two reviews',
  })
  spread!: number | null;

  @ApiProperty({ description: 'The spread is above the grid threshold: to discuss' })
  disagreement!: boolean;

  @ApiProperty({
    enum: ['SHORTLISTED', 'NOT_RETAINED'],
    nullable: true,
    description: 'What the weighted score speaks for; deciding otherwise needs a reason',
  })
  recommendation!: 'SHORTLISTED' | 'NOT_RETAINED' | null;
}

export class ReviewerQueueItemOutput {
  @ApiProperty()
  campaignId!: string;

  @ApiProperty()
  organisationId!: string;

  @ApiProperty()
  organisationName!: string;

  @ApiProperty({ type: String, nullable: true })
  profession!: string | null;

  @ApiProperty({ example: 'UNDER_SCREENING' })
  state!: string;

  @ApiProperty({ format: 'date-time' })
  assignedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: to score' })
  scoredAt!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'My weighted score, out of 20' })
  weightedScore!: number | null;
}

export class ReviewerQueueOutput {
  @ApiProperty({ type: [ReviewerQueueItemOutput], description: 'Still to score first' })
  items!: ReviewerQueueItemOutput[];
}

export class AssignmentOutput {
  @ApiProperty()
  organisationId!: string;

  @ApiProperty({ type: [String], description: 'Reviewers added to this dossier' })
  reviewerIds!: string[];
}

export class AutomaticAssignmentOutput {
  @ApiProperty({ type: [AssignmentOutput], description: 'Only the dossiers that got reviewers' })
  assignments!: AssignmentOutput[];

  @ApiProperty({ description: 'Dossiers considered (eligible or under screening)' })
  dossierCount!: number;
}

export class CampaignGridOutput {
  @ApiProperty()
  campaignId!: string;

  @ApiProperty({ type: GridOutput, nullable: true, description: 'The grid in force' })
  grid!: GridOutput | null;
}
