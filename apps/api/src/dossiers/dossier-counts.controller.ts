import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { CampaignParams } from '../common/key.params';
import { DossiersService } from './dossiers.service';
import { DossierCountsOutput } from './dtos/dossier-counts.output';
import { DossierFilterQuery } from './dtos/list-dossiers.query';

/** The operators' tabs with their counts, under the dossier list's filters. */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('campaigns/:campaignId/dossier-counts')
export class DossierCountsController {
  constructor(@Inject(DossiersService) private readonly dossiers: DossiersService) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({
    summary: 'How many dossiers each tab (who must act) and each state holds, filtered as the list',
  })
  @ApiOkResponse({ type: DossierCountsOutput })
  counts(
    @Param() { campaignId }: CampaignParams,
    @Query() query: DossierFilterQuery,
  ): Promise<DossierCountsOutput> {
    return this.dossiers.counts(campaignId, query);
  }
}
