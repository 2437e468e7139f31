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
import { SynthesisOutput } from './dtos/synthesis.output';
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
      'Dossiers by state, profession, organisation type and retained support form; demands shared by several professions',
  })
  @ApiOkResponse({ type: SynthesisOutput })
  @ApiNotFoundResponse({ type: ErrorResponse })
  read(@Param() { campaignId }: CampaignParams): Promise<SynthesisOutput> {
    return this.synthesis.synthesis(campaignId);
  }
}
