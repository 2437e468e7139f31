import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { KEY_MESSAGE } from '../../common/rule-messages';

export class OrganisationParams {
  @ApiProperty({ example: 'cnp-radiologie' })
  @Matches(BUSINESS_KEY_PATTERN, {
    message: KEY_MESSAGE,
  })
  organisationId!: string;
}
