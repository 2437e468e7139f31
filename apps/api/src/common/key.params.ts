import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

const KEY_RULE = 'lowercase letters, digits and inner dashes, at most 64 characters';

export class CampaignParams {
  @ApiProperty({ example: 'ami-sante-ia-2019', description: KEY_RULE })
  @Matches(BUSINESS_KEY_PATTERN, { message: `campaignId must be ${KEY_RULE}` })
  campaignId!: string;
}

export class DossierParams extends CampaignParams {
  @ApiProperty({ example: 'cnp-radiologie', description: KEY_RULE })
  @Matches(BUSINESS_KEY_PATTERN, { message: `organisationId must be ${KEY_RULE}` })
  organisationId!: string;
}

export class ClarificationParams extends DossierParams {
  @ApiProperty({ example: 'precisions-1', description: KEY_RULE })
  @Matches(BUSINESS_KEY_PATTERN, { message: `clarificationId must be ${KEY_RULE}` })
  clarificationId!: string;
}

export class FollowUpParams extends DossierParams {
  @ApiProperty({ example: 'convention-1', description: KEY_RULE })
  @Matches(BUSINESS_KEY_PATTERN, { message: `followUpId must be ${KEY_RULE}` })
  followUpId!: string;
}
