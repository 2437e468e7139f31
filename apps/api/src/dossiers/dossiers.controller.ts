import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Principal } from '../auth/principal';
import { Caller } from '../common/caller.decorator';
import { toUtc } from '../common/is-instant.validator';
import { CommandContext } from '../lifecycle/lifecycle-commands.service';
import { ErrorResponse } from '../errors/error-response';
import { Idempotent } from '../operations/idempotency/idempotent.decorator';
import { DossiersService } from './dossiers.service';
import { DossierListPages } from './list-cache/dossier-list-pages';
import { CreateDossierDraftInput } from './dtos/create-dossier-draft.input';
import {
  AnswerClarificationInput,
  DeclareUnavailabilityInput,
  SaveAnswersInput,
  WithdrawDossierInput,
} from './dtos/dossier-commands.inputs';
import { CampaignParams, ClarificationParams, DossierParams } from '../common/key.params';
import { DossierPageOutput, TimelineOutput } from './dtos/dossier-page.output';
import { DossierAnswersOutput } from './dtos/dossier-answers.output';
import { DossierOutput } from './dtos/dossier.output';
import { ListDossiersQuery } from './dtos/list-dossiers.query';

/** What an organisation does with its own dossier, and what everyone reads of dossiers. */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('campaigns/:campaignId/dossiers')
export class DossiersController {
  constructor(
    @Inject(DossiersService) private readonly dossiers: DossiersService,
    @Inject(DossierListPages) private readonly pages: DossierListPages,
  ) {}

  @Post()
  @Roles('organisation', 'operator', 'admin')
  @Idempotent()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: "Create an organisation's draft dossier for an open campaign" })
  @ApiCreatedResponse({ type: DossierOutput })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The organisation has a dossier' })
  createDraft(
    @Param() { campaignId }: CampaignParams,
    @Body() input: CreateDossierDraftInput,
    @CurrentPrincipal() principal: Principal,
    @Caller() caller: CommandContext,
  ): Promise<DossierOutput> {
    if (principal.role === 'organisation' && input.organisationId !== principal.organisationId) {
      throw new ForbiddenException('Une organisation ne crée que son propre dossier.');
    }
    return this.dossiers.createDraft(campaignId, input, caller);
  }

  @Get()
  @Roles('organisation', 'operator', 'admin')
  @ApiOperation({
    summary: 'List the dossiers of a campaign (an organisation sees only its own)',
  })
  @ApiOkResponse({ type: DossierPageOutput })
  // The page is sent as the JSON the cache keeps (a DossierPageOutput), not serialised again.
  @Header('content-type', 'application/json; charset=utf-8')
  list(
    @Param() { campaignId }: CampaignParams,
    @Query() query: ListDossiersQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Buffer> {
    return this.pages.body(campaignId, query, principal.organisationId);
  }

  @Get(':organisationId')
  @Roles('organisation', 'operator', 'admin')
  @ApiOperation({ summary: "Read an organisation's dossier" })
  @ApiOkResponse({ type: DossierOutput })
  @ApiNotFoundResponse({ type: ErrorResponse })
  findOne(@Param() { campaignId, organisationId }: DossierParams): Promise<DossierOutput> {
    return this.dossiers.findOne(campaignId, organisationId);
  }

  @Get(':organisationId/events')
  @Roles('organisation', 'operator', 'admin')
  @ApiOperation({
    summary:
      'The timeline of a dossier, oldest first (an organisation sees the ministry act, not which agent, and no screening note)',
  })
  @ApiOkResponse({ type: TimelineOutput })
  @ApiNotFoundResponse({ type: ErrorResponse })
  timeline(
    @Param() { campaignId, organisationId }: DossierParams,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TimelineOutput> {
    return this.dossiers.timeline(campaignId, organisationId, principal);
  }

  @Get(':organisationId/answers')
  @Roles('organisation', 'operator', 'admin')
  @ApiOperation({
    summary:
      "The dossier's answers by section: every section of the campaign's questionnaire in order, unanswered ones with a null answer",
  })
  @ApiOkResponse({ type: DossierAnswersOutput })
  @ApiNotFoundResponse({ type: ErrorResponse })
  answers(@Param() { campaignId, organisationId }: DossierParams): Promise<DossierAnswersOutput> {
    return this.dossiers.answers(campaignId, organisationId);
  }

  @Put(':organisationId/answers')
  @Roles('organisation')
  @ApiOperation({
    summary: 'Save answers to some sections (before the deadline; after submission, an amendment)',
  })
  @ApiOkResponse({ type: DossierOutput })
  saveAnswers(
    @Param() { campaignId, organisationId }: DossierParams,
    @Body() { answers }: SaveAnswersInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierOutput> {
    return this.dossiers.execute(
      campaignId,
      organisationId,
      { type: 'SaveAnswers', answers },
      caller,
    );
  }

  @Post(':organisationId/submit')
  @Roles('organisation')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Submit the dossier before the deadline' })
  @ApiOkResponse({ type: DossierOutput })
  submit(
    @Param() { campaignId, organisationId }: DossierParams,
    @Caller() caller: CommandContext,
  ): Promise<DossierOutput> {
    return this.dossiers.execute(campaignId, organisationId, { type: 'SubmitDossier' }, caller);
  }

  @Post(':organisationId/withdraw')
  @Roles('organisation')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw the dossier (before the end of screening)' })
  @ApiOkResponse({ type: DossierOutput })
  withdraw(
    @Param() { campaignId, organisationId }: DossierParams,
    @Body() { reason }: WithdrawDossierInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierOutput> {
    return this.dossiers.execute(
      campaignId,
      organisationId,
      { type: 'WithdrawDossier', reason },
      caller,
    );
  }

  @Put(':organisationId/unavailability')
  @Roles('organisation')
  @ApiOperation({ summary: 'Declare when the organisation cannot attend a consultation' })
  @ApiOkResponse({ type: DossierOutput })
  declareUnavailability(
    @Param() { campaignId, organisationId }: DossierParams,
    @Body() { periods }: DeclareUnavailabilityInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierOutput> {
    return this.dossiers.execute(
      campaignId,
      organisationId,
      {
        type: 'DeclareUnavailability',
        periods: periods.map(({ startsAt, endsAt }) => ({
          startsAt: toUtc(startsAt),
          endsAt: toUtc(endsAt),
        })),
      },
      caller,
    );
  }

  @Post(':organisationId/clarifications/:clarificationId/answer')
  @Roles('organisation')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Answer an operator's request for clarification before it is due" })
  @ApiOkResponse({ type: DossierOutput })
  answerClarification(
    @Param() { campaignId, organisationId, clarificationId }: ClarificationParams,
    @Body() { answer }: AnswerClarificationInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierOutput> {
    return this.dossiers.execute(
      campaignId,
      organisationId,
      { type: 'AnswerClarification', clarificationId, answer },
      caller,
    );
  }
}
