import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CorrelationId } from '../common/correlation-id.decorator';
import { ErrorResponse } from '../errors/error-response';
import { DossiersService } from './dossiers.service';
import { CreateDossierDraftInput } from './dtos/create-dossier-draft.input';
import { DossierOutput } from './dtos/dossier.output';
import { CampaignParams, DossierParams } from './dtos/dossier-key.params';

@ApiTags('dossiers')
@Controller('campaigns/:campaignId/dossiers')
export class DossiersController {
  constructor(@Inject(DossiersService) private readonly dossiers: DossiersService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: "Create the organisation's draft dossier for a campaign" })
  @ApiCreatedResponse({ type: DossierOutput })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'The organisation already has a dossier',
  })
  async createDraft(
    @Param() { campaignId }: CampaignParams,
    @Body() input: CreateDossierDraftInput,
    @CorrelationId() correlationId: string,
  ): Promise<DossierOutput> {
    // Until authentication lands, the organisation named in the request is the actor.
    const actor = { id: input.organisationId, role: 'organisation' } as const;
    await this.dossiers.createDraft(campaignId, input, actor, correlationId);
    return this.dossiers.findOne(campaignId, input.organisationId);
  }

  @Get(':organisationId')
  @ApiOperation({ summary: "Read an organisation's dossier" })
  @ApiOkResponse({ type: DossierOutput })
  @ApiNotFoundResponse({ type: ErrorResponse })
  findOne(@Param() { campaignId, organisationId }: DossierParams): Promise<DossierOutput> {
    return this.dossiers.findOne(campaignId, organisationId);
  }
}
