import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { KEY_MESSAGE } from '../../common/rule-messages';

export class ReviewerQueueQueryInput {
  @ApiPropertyOptional({ example: 'ami-sante-ia-2019', description: 'Only this campaign' })
  @IsOptional()
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  campaignId?: string;
}
