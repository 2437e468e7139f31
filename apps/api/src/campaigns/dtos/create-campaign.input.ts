import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, Matches, ValidateNested } from 'class-validator';
import { CampaignFileInput } from './campaign-file.input';
import { KEY_MESSAGE } from '../../common/rule-messages';

export class CreateCampaignInput {
  @ApiProperty({ example: 'ami-sante-ia-2019' })
  @Matches(BUSINESS_KEY_PATTERN, {
    message: KEY_MESSAGE,
  })
  campaignId!: string;

  @ApiProperty({
    type: CampaignFileInput,
    description:
      'The campaign in the campaign-file format: its calendar in wall-clock time of its zone, ' +
      'as libs/domain/src/reference-campaign/ami-sante-ia-2019.campaign.json',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignFileInput)
  definition!: CampaignFileInput;
}
