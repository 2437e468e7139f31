import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsNotEmptyObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../common/is-instant.validator';

/** The dates to move; the others stay as they are. */
export class CalendarChangesInput {
  @ApiPropertyOptional({ format: 'date-time', example: '2019-10-09T00:00:00+02:00' })
  @IsOptional()
  @IsInstant()
  opensAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsInstant()
  meetingRegistrationDeadline?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2019-10-29T13:45:00+01:00' })
  @IsOptional()
  @IsInstant()
  meetingStartsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsInstant()
  meetingEndsAt?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2019-11-16T00:00:00+01:00' })
  @IsOptional()
  @IsInstant()
  submissionDeadline?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsInstant()
  consultationsStartAt?: string;
}

export class ChangeCalendarInput {
  @ApiProperty({ type: CalendarChangesInput, description: 'At least one date' })
  @IsNotEmptyObject({ nullable: false }, { message: 'doit nommer au moins une date' })
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
