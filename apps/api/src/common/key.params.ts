import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { KEY_MESSAGE } from './rule-messages';

const KEY_RULE = 'lowercase letters, digits and inner dashes, at most 64 characters';

export class CampaignParams {
  @ApiProperty({ example: 'ami-sante-ia-2019', description: KEY_RULE })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  campaignId!: string;
}

export class DossierParams extends CampaignParams {
  @ApiProperty({ example: 'cnp-radiologie', description: KEY_RULE })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  organisationId!: string;
}

export class ClarificationParams extends DossierParams {
  @ApiProperty({ example: 'precisions-1', description: KEY_RULE })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  clarificationId!: string;
}

export class FollowUpParams extends DossierParams {
  @ApiProperty({ example: 'convention-1', description: KEY_RULE })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  followUpId!: string;
}
