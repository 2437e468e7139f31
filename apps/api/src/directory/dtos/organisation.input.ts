import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ORGANISATION_TYPES, OrganisationType } from '@amiflow/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsTextMap } from '../../common/is-text-map.validator';
import { KEY_MESSAGE } from '../../common/rule-messages';

/** A whole directory entry: what is not given is not known (a PUT replaces the entry). */
export class OrganisationInput {
  @ApiProperty({
    example: 'Conseil national professionnel de radiologie et imagerie médicale',
    maxLength: 300,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_TYPES, example: 'CNP' })
  @IsIn(ORGANISATION_TYPES)
  type!: OrganisationType;

  @ApiPropertyOptional({ example: 'radiologie', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  profession?: string;

  @ApiPropertyOptional({
    description: 'Registry numbers by registry (at most 10), e.g. SIREN, RNA, FINESS',
    example: { siren: '123456789' },
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @IsTextMap({ maxKeys: 10, keyPattern: /^[a-z][a-z0-9_-]{0,31}$/, maxLength: 100 })
  identifiers?: Record<string, string>;

  @ApiPropertyOptional({
    example: 'fsm',
    description: 'The federative structure it belongs to, listed in the directory',
  })
  @IsOptional()
  @Matches(BUSINESS_KEY_PATTERN, {
    message: KEY_MESSAGE,
  })
  parentFederationId?: string;

  @ApiPropertyOptional({
    description: 'For a professional college: whether its profession has a CNP (eligibility)',
  })
  @IsOptional()
  @IsBoolean()
  professionHasCnp?: boolean;

  @ApiPropertyOptional({ example: 'contact@cnp-radiologie.example', maxLength: 254 })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}
