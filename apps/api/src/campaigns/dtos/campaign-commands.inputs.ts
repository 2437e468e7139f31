import { isLocalDateTime } from '@amiflow/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsNotEmptyObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';

// An instant must say where it is: a trailing Z or an offset, never a bare wall-clock time.
const INSTANT_WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
const INSTANT_RULE = 'an ISO 8601 instant with Z or an offset (2019-11-15T00:00:00+01:00)';

/** The pattern, and a date that exists: JavaScript would read 30 February as 2 March. */
function isInstantWithOffset(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = INSTANT_WITH_OFFSET.exec(value);
  return match !== null && isLocalDateTime(match[1]);
}

const isInstant = (property: string) =>
  ValidateBy({
    name: 'isInstantWithOffset',
    validator: {
      validate: isInstantWithOffset,
      defaultMessage: () => `${property} must be ${INSTANT_RULE}`,
    },
  });

/** The dates to move; the others stay as they are. */
export class CalendarChangesInput {
  @ApiPropertyOptional({ format: 'date-time', example: '2019-10-09T00:00:00+02:00' })
  @IsOptional()
  @isInstant('opensAt')
  opensAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @isInstant('meetingRegistrationDeadline')
  meetingRegistrationDeadline?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2019-10-29T13:45:00+01:00' })
  @IsOptional()
  @isInstant('meetingStartsAt')
  meetingStartsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @isInstant('meetingEndsAt')
  meetingEndsAt?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2019-11-16T00:00:00+01:00' })
  @IsOptional()
  @isInstant('submissionDeadline')
  submissionDeadline?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @isInstant('consultationsStartAt')
  consultationsStartAt?: string;
}

export class ChangeCalendarInput {
  @ApiProperty({ type: CalendarChangesInput, description: 'At least one date' })
  @IsNotEmptyObject({ nullable: false }, { message: 'changes must name at least one date' })
  @ValidateNested()
  @Type(() => CalendarChangesInput)
  changes!: CalendarChangesInput;

  @ApiProperty({ example: 'Grève des transports : un jour de plus.', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class CancelCampaignInput {
  @ApiProperty({ example: 'Le programme est suspendu.', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class RegisterForMeetingInput {
  @ApiProperty({ example: 'Conseil national professionnel de radiologie', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  organisationName!: string;
}
