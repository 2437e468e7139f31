import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../common/is-instant.validator';
import { IsAnswers } from '../../common/is-answers.validator';

export class SaveAnswersInput {
  @ApiProperty({
    description:
      'Answers by section id (at most 50 sections, 20,000 characters each); an empty text clears one',
    example: { usages: 'Nous utilisons des outils de tri des images…' },
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsObject()
  @IsAnswers()
  answers!: Record<string, string>;
}

export class WithdrawDossierInput {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class PeriodInput {
  @ApiProperty({ format: 'date-time', description: 'With Z or an offset; stored in UTC' })
  @IsInstant()
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  endsAt!: string;
}

export class DeclareUnavailabilityInput {
  @ApiProperty({ type: [PeriodInput], maxItems: 100 })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PeriodInput)
  periods!: PeriodInput[];
}

export class AnswerClarificationInput {
  @ApiProperty({ minLength: 1, maxLength: 20000 })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  answer!: string;
}
