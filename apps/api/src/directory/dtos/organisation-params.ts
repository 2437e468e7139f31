import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class OrganisationParams {
  @ApiProperty({ example: 'cnp-radiologie' })
  @Matches(BUSINESS_KEY_PATTERN, {
    message:
      'organisationId must be lowercase letters, digits and inner dashes, at most 64 characters',
  })
  organisationId!: string;
}
