import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Principal } from '../auth/principal';
import { Caller } from '../common/caller.decorator';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { CommandContext } from '../lifecycle/lifecycle-commands.service';
import { CampaignParams } from '../common/key.params';
import { ErrorResponse } from '../errors/error-response';
import { Idempotent } from '../operations/idempotency/idempotent.decorator';
import { toCalendarChanges } from './calendar-changes';
import { CampaignsService } from './campaigns.service';
import { CancelCampaignInput, ChangeCalendarInput } from './dtos/campaign-commands.inputs';
import { CampaignOutput, CampaignPageOutput } from './dtos/campaign.output';
import { CreateCampaignInput, createCampaignInputSchema } from './dtos/create-campaign.input';
import { ListCampaignsQuery } from './dtos/list-campaigns.query';

/** Administrators create, publish, reschedule, cancel and close campaigns; everyone reads them. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(@Inject(CampaignsService) private readonly campaigns: CampaignsService) {}

  @Post()
  @Roles('admin')
  @Idempotent()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Create a draft campaign from a campaign file (calendar in wall-clock time)',
  })
  @ApiBody({ schema: { $ref: getSchemaPath('CreateCampaignInput') } })
  @ApiCreatedResponse({ type: CampaignOutput })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'The body is not a campaign file' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'The definition breaks a rule (dates out of order, unknown zone…), in details',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The campaign already exists' })
  create(
    @Body(new ZodBodyPipe(createCampaignInputSchema)) input: CreateCampaignInput,
    @Caller() caller: CommandContext,
  ): Promise<CampaignOutput> {
    return this.campaigns.create(input, caller);
  }

  @Get()
  @Roles('admin', 'operator', 'organisation')
  @ApiOperation({ summary: 'List the campaigns, newest first (organisations: no drafts)' })
  @ApiOkResponse({ type: CampaignPageOutput })
  list(
    @Query() query: ListCampaignsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignPageOutput> {
    return this.campaigns.page(query, principal);
  }

  @Get(':campaignId')
  @Roles('admin', 'operator', 'organisation')
  @ApiOperation({
    summary: 'Read a campaign: phase, calendar (UTC and in its zone), meeting, dossier counts',
  })
  @ApiOkResponse({ type: CampaignOutput })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'Also a draft, to organisations' })
  findOne(
    @Param() { campaignId }: CampaignParams,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignOutput> {
    return this.campaigns.findOne(campaignId, principal);
  }

  @Post(':campaignId/publish')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Publish a draft campaign; it opens by itself at its opening date' })
  @ApiOkResponse({ type: CampaignOutput })
  @ApiConflictResponse({ type: ErrorResponse })
  publish(
    @Param() { campaignId }: CampaignParams,
    @Caller() caller: CommandContext,
  ): Promise<CampaignOutput> {
    const { actor } = caller;
    return this.campaigns.execute(campaignId, { type: 'PublishCampaign', actor }, caller);
  }

  @Post(':campaignId/calendar-changes')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Move dates that have not come yet; timers and reminders follow',
  })
  @ApiOkResponse({ type: CampaignOutput })
  @ApiConflictResponse({ type: ErrorResponse, description: 'A date has passed' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'Dates out of order' })
  changeCalendar(
    @Param() { campaignId }: CampaignParams,
    @Body() { changes, reason }: ChangeCalendarInput,
    @Caller() caller: CommandContext,
  ): Promise<CampaignOutput> {
    const { actor } = caller;
    return this.campaigns.execute(
      campaignId,
      { type: 'ChangeCampaignCalendar', changes: toCalendarChanges(changes), reason, actor },
      caller,
    );
  }

  @Post(':campaignId/cancel')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel a campaign before it closes; its dossiers are cancelled' })
  @ApiOkResponse({ type: CampaignOutput })
  @ApiConflictResponse({ type: ErrorResponse })
  cancel(
    @Param() { campaignId }: CampaignParams,
    @Body() { reason }: CancelCampaignInput,
    @Caller() caller: CommandContext,
  ): Promise<CampaignOutput> {
    const { actor } = caller;
    return this.campaigns.execute(campaignId, { type: 'CancelCampaign', reason, actor }, caller);
  }

  @Post(':campaignId/close')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close a campaign once its consultations have begun' })
  @ApiOkResponse({ type: CampaignOutput })
  @ApiConflictResponse({ type: ErrorResponse })
  close(
    @Param() { campaignId }: CampaignParams,
    @Caller() caller: CommandContext,
  ): Promise<CampaignOutput> {
    const { actor } = caller;
    return this.campaigns.execute(campaignId, { type: 'CloseCampaign', actor }, caller);
  }
}
