import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ORGANISATION_TYPES, OrganisationType } from '@amiflow/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { KEY_MESSAGE } from '../../common/rule-messages';

export class CreateDossierDraftInput {
  @ApiProperty({ example: 'cnp-radiologie' })
  @Matches(BUSINESS_KEY_PATTERN, {
    message: KEY_MESSAGE,
  })
  organisationId!: string;

  @ApiProperty({ example: 'Conseil national professionnel de radiologie', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  organisationName!: string;

  @ApiProperty({ enum: ORGANISATION_TYPES, example: 'CNP' })
  @IsIn(ORGANISATION_TYPES)
  organisationType!: OrganisationType;

  @ApiPropertyOptional({ example: 'radiologie', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  profession?: string;
}
