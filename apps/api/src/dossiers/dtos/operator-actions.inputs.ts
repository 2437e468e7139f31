import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsInstant } from '../../common/is-instant.validator';
import { EACH_KEY_MESSAGE, KEY_MESSAGE } from '../../common/rule-messages';

const KEY_RULE = 'lowercase letters, digits and inner dashes, at most 64 characters';

/** A decision's reason, shown in the timeline: required and bounded. */
function Reason(maxLength: number): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    MinLength(1)(target, key);
    MaxLength(maxLength)(target, key);
  };
}

export class OverrideEligibilityInput {
  @ApiProperty({ enum: ['ELIGIBLE', 'INELIGIBLE'] })
  @IsIn(['ELIGIBLE', 'INELIGIBLE'])
  decision!: 'ELIGIBLE' | 'INELIGIBLE';

  @ApiProperty({ maxLength: 2000, example: "L'orthoptie n'a pas de CNP." })
  @Reason(2000)
  reason!: string;
}

export class RequestClarificationInput {
  @ApiProperty({ example: 'precisions-1', description: KEY_RULE })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  clarificationId!: string;

  @ApiProperty({ maxLength: 5000 })
  @Reason(5000)
  question!: string;

  @ApiProperty({ format: 'date-time', description: 'When the answer is due (with an offset)' })
  @IsInstant()
  dueAt!: string;
}

export class RecordScreeningResultInput {
  @ApiProperty({ enum: ['SHORTLISTED', 'NOT_RETAINED'] })
  @IsIn(['SHORTLISTED', 'NOT_RETAINED'])
  result!: 'SHORTLISTED' | 'NOT_RETAINED';

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @Reason(5000)
  note?: string;
}

export class ScheduleConsultationInput {
  @ApiProperty({ example: 'consultation-1', description: `Same id to move it; ${KEY_RULE}` })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  consultationId!: string;

  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  endsAt!: string;

  @ApiProperty({ maxLength: 300, example: 'Ministère des Solidarités et de la Santé, salle 2' })
  @Reason(300)
  place!: string;
}

export class CancelConsultationInput {
  @ApiProperty({ maxLength: 2000 })
  @Reason(2000)
  reason!: string;
}

export class RecordConsultationOutcomeInput {
  @ApiProperty({ maxLength: 20000 })
  @Reason(20000)
  summary!: string;

  @ApiProperty({ type: [String], maxItems: 50, description: 'Support forms retained (ids)' })
  @ArrayMaxSize(50)
  @Matches(BUSINESS_KEY_PATTERN, {
    each: true,
    message: EACH_KEY_MESSAGE,
  })
  supportFormIds!: string[];
}

export class PlanFollowUpInput {
  @ApiProperty({ example: 'convention-1', description: KEY_RULE })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  followUpId!: string;

  @ApiProperty({ maxLength: 300 })
  @Reason(300)
  title!: string;

  @ApiProperty({ maxLength: 200, description: 'Who must do it: an operator, or the organisation' })
  @Reason(200)
  owner!: string;

  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  dueAt!: string;
}
