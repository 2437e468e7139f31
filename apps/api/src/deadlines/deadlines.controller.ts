import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
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
import { DeadlinesService } from './deadlines.service';
import { DueOutput } from './dtos/due.output';
import { DueQuery } from './dtos/due.query';

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('campaigns/:campaignId/due')
export class DeadlinesController {
  constructor(@Inject(DeadlinesService) private readonly deadlines: DeadlinesService) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({
    summary:
      'The deadline view: every item late, then what falls due within `days` days, per dossier and kind, least time left first',
  })
  @ApiOkResponse({ type: DueOutput })
  @ApiNotFoundResponse({ type: ErrorResponse })
  due(@Param() { campaignId }: CampaignParams, @Query() query: DueQuery): Promise<DueOutput> {
    return this.deadlines.due(campaignId, query);
  }
}
