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
import { CampaignSynthesisOutput } from './dtos/synthesis.output';
import { SynthesisQuery } from './dtos/synthesis.query';
import { SynthesisService } from './synthesis.service';

@ApiTags('synthesis')
@ApiBearerAuth()
@Controller('campaigns/:campaignId/synthesis')
export class SynthesisController {
  constructor(@Inject(SynthesisService) private readonly synthesis: SynthesisService) {}

  @Get()
  @Roles('admin', 'operator')
  @ApiOperation({
    summary:
      'Dossiers by state, profession, organisation type, completeness and support form; the themes × professions matrix, the common demands with their quotes, support wished and retained, the best proposals',
  })
  @ApiOkResponse({ type: CampaignSynthesisOutput })
  @ApiNotFoundResponse({ type: ErrorResponse })
  read(
    @Param() { campaignId }: CampaignParams,
    @Query() { commonThreshold }: SynthesisQuery,
  ): Promise<CampaignSynthesisOutput> {
    return this.synthesis.synthesis(campaignId, commonThreshold);
  }
}
