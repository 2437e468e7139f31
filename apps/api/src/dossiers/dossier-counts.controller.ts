import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { CampaignParams } from '../common/key.params';
import { DossierCountsOutput } from './dtos/dossier-counts.output';
import { DossierFilterQuery } from './dtos/list-dossiers.query';
import { DossierListPages } from './list-cache/dossier-list-pages';

/** The operators' tabs with their counts, under the dossier list's filters. */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('campaigns/:campaignId/dossier-counts')
export class DossierCountsController {
  constructor(@Inject(DossierListPages) private readonly pages: DossierListPages) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({
    summary: 'How many dossiers each tab (who must act) and each state holds, filtered as the list',
  })
  @ApiOkResponse({ type: DossierCountsOutput })
  // Sent as the JSON the page cache keeps (a DossierCountsOutput), as the list's pages are.
  @Header('content-type', 'application/json; charset=utf-8')
  counts(
    @Param() { campaignId }: CampaignParams,
    @Query() query: DossierFilterQuery,
  ): Promise<Buffer> {
    return this.pages.countsBody(campaignId, query);
  }
}
