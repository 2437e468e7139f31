import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateDossierDraftInput {
  @ApiProperty({ example: 'cnp-radiologie' })
  @Matches(BUSINESS_KEY_PATTERN, {
    message:
      'organisationId must be lowercase letters, digits and inner dashes, at most 64 characters',
  })
  organisationId!: string;

  @ApiProperty({ example: 'Conseil national professionnel de radiologie', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  organisationName!: string;
}
