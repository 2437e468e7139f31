import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CampaignParams } from '../../common/key.params';

/** An organisation's registration for a campaign's information meeting. */
export class MeetingRegistrationParams extends CampaignParams {
  @ApiProperty({ example: 'cnp-radiologie' })
  @Matches(BUSINESS_KEY_PATTERN, {
    message:
      'organisationId must be lowercase letters, digits and inner dashes, at most 64 characters',
  })
  organisationId!: string;
}
