import { Controller, Get, Inject, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { CampaignParams } from '../common/key.params';
import { ErrorResponse } from '../errors/error-response';
import { CampaignsService } from './campaigns.service';
import { DeliveryFailuresOutput } from './dtos/delivery-failure.output';

/** What the notifications ledger did not deliver, for operators to act on. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns/:campaignId/deliveries')
export class DeliveryFailuresController {
  constructor(@Inject(CampaignsService) private readonly campaigns: CampaignsService) {}

  @Get('failures')
  @Roles('admin', 'operator')
  @ApiOperation({
    summary:
      'Notifications that did not go out: failing (being retried) or dropped (with the reason)',
  })
  @ApiOkResponse({ type: DeliveryFailuresOutput })
  @ApiNotFoundResponse({ type: ErrorResponse })
  failures(@Param() { campaignId }: CampaignParams): Promise<DeliveryFailuresOutput> {
    return this.campaigns.deliveryFailures(campaignId);
  }
}
