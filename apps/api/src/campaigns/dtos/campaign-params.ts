import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CampaignParams } from '../../common/key.params';
import { KEY_MESSAGE } from '../../common/rule-messages';

/** An organisation's registration for a campaign's information meeting. */
export class MeetingRegistrationParams extends CampaignParams {
  @ApiProperty({ example: 'cnp-radiologie' })
  @Matches(BUSINESS_KEY_PATTERN, {
    message: KEY_MESSAGE,
  })
  organisationId!: string;
}
