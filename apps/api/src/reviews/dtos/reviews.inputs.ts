import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const REVIEWER_ID = "An operator's subject (the `sub` of their token)";

/** A list of reviewers: operators' subjects, as their tokens carry them. */
function ReviewerIds(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: [String], minItems: 1, maxItems: 50, description: REVIEWER_ID })(
      target,
      key,
    );
    IsArray()(target, key);
    ArrayMinSize(1)(target, key);
    ArrayMaxSize(50)(target, key);
    IsString({ each: true })(target, key);
    MinLength(1, { each: true })(target, key);
    MaxLength(200, { each: true })(target, key);
  };
}

export class AssignReviewersInput {
  @ReviewerIds()
  reviewerIds!: string[];
}

export class AutomaticAssignmentInput {
  @ReviewerIds()
  reviewerIds!: string[];

  @ApiProperty({ example: 2, minimum: 1, maximum: 10, description: 'Reviewers wanted per dossier' })
  @IsInt()
  @Min(1)
  @Max(10)
  reviewersPerDossier!: number;
}

export class CriterionScoreInput {
  @ApiProperty({ example: 'faisabilite' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  criterionId!: string;

  @ApiProperty({ example: 4, description: "An integer on the criterion's scale" })
  @IsInt()
  @Min(-1000)
  @Max(1000)
  score!: number;

  @ApiProperty({ example: 'Calendrier et moyens identifiés.', maxLength: 4000 })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  comment!: string;
}

export class ScoreDossierInput {
  @ApiProperty({ type: [CriterionScoreInput], description: 'Every criterion of the grid, once' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreInput)
  scores!: CriterionScoreInput[];
}

export class DeclareConflictOfInterestInput {
  @ApiProperty({ example: "J'ai présidé ce CNP jusqu'en 2018.", maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}
