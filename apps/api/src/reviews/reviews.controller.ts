import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { EvaluationGrid, evaluationGridSchema } from '@amiflow/domain';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Principal } from '../auth/principal';
import { Caller } from '../common/caller.decorator';
import { CampaignParams, DossierParams } from '../common/key.params';
import { CommandContext } from '../lifecycle/lifecycle-commands.service';
import {
  AssignReviewersInput,
  AutomaticAssignmentInput,
  DeclareConflictOfInterestInput,
  ScoreDossierInput,
} from './dtos/reviews.inputs';
import { ReviewerQueueQueryInput } from './dtos/reviewer-queue.query';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import {
  AutomaticAssignmentOutput,
  CampaignGridOutput,
  DossierReviewsOutput,
  ReviewerQueueOutput,
} from './dtos/reviews.outputs';
import { ReviewsService } from './reviews.service';

/**
 * Reviews on the campaign's evaluation grid: operators name reviewers (by hand or automatically),
 * a reviewer scores or steps aside for a conflict of interest, everyone on staff reads the result.
 * Who may score is the dossier's rule (an assigned reviewer): its refusal says so.
 */
@ApiTags('reviews')
@ApiBearerAuth()
@Roles('operator', 'admin')
@Controller()
export class ReviewsController {
  constructor(@Inject(ReviewsService) private readonly reviews: ReviewsService) {}

  @Get('campaigns/:campaignId/dossiers/:organisationId/reviews')
  @ApiOperation({ summary: "The dossier's reviews: grid, scores, weighted score, spread, flag" })
  @ApiOkResponse({ type: DossierReviewsOutput })
  list(@Param() { campaignId, organisationId }: DossierParams): Promise<DossierReviewsOutput> {
    return this.reviews.reviews(campaignId, organisationId);
  }

  @Post('campaigns/:campaignId/dossiers/:organisationId/reviewers')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Name reviewers of the dossier (added to those already named)' })
  @ApiOkResponse({ type: DossierReviewsOutput })
  assign(
    @Param() { campaignId, organisationId }: DossierParams,
    @Body() { reviewerIds }: AssignReviewersInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierReviewsOutput> {
    return this.reviews.execute(
      campaignId,
      organisationId,
      { type: 'AssignReviewers', reviewerIds, actor: caller.actor },
      caller,
    );
  }

  @Put('campaigns/:campaignId/dossiers/:organisationId/reviews/mine')
  @ApiOperation({ summary: 'Score every criterion of the grid, with comments (replaces mine)' })
  @ApiOkResponse({ type: DossierReviewsOutput })
  score(
    @Param() { campaignId, organisationId }: DossierParams,
    @Body() { scores }: ScoreDossierInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierReviewsOutput> {
    return this.reviews.execute(
      campaignId,
      organisationId,
      {
        type: 'ScoreDossier',
        scores: scores.map(({ criterionId, score, comment }) => ({ criterionId, score, comment })),
        actor: caller.actor,
      },
      caller,
    );
  }

  @Post('campaigns/:campaignId/dossiers/:organisationId/conflicts-of-interest')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Declare my conflict of interest with the organisation: I step aside' })
  @ApiOkResponse({ type: DossierReviewsOutput })
  declareConflict(
    @Param() { campaignId, organisationId }: DossierParams,
    @Body() { reason }: DeclareConflictOfInterestInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierReviewsOutput> {
    return this.reviews.execute(
      campaignId,
      organisationId,
      { type: 'DeclareConflictOfInterest', reason, actor: caller.actor },
      caller,
    );
  }

  @Post('campaigns/:campaignId/reviewer-assignments')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Give every eligible or screened dossier N reviewers, balanced, never conflicted',
  })
  @ApiOkResponse({ type: AutomaticAssignmentOutput })
  assignAutomatically(
    @Param() { campaignId }: CampaignParams,
    @Body() { reviewerIds, reviewersPerDossier }: AutomaticAssignmentInput,
    @Caller() caller: CommandContext,
  ): Promise<AutomaticAssignmentOutput> {
    return this.reviews.assignAutomatically(campaignId, reviewerIds, reviewersPerDossier, caller);
  }

  @Put('campaigns/:campaignId/evaluation-grid')
  @Roles('admin')
  @ApiOperation({
    summary: "Set the campaign's evaluation grid, until its screening starts (its dossiers follow)",
  })
  @ApiBody({ schema: { $ref: getSchemaPath('EvaluationGrid') } })
  @ApiOkResponse({ type: CampaignGridOutput })
  changeGrid(
    @Param() { campaignId }: CampaignParams,
    @Body(new ZodBodyPipe(evaluationGridSchema)) grid: EvaluationGrid,
    @Caller() caller: CommandContext,
  ): Promise<CampaignGridOutput> {
    return this.reviews.changeGrid(campaignId, grid, caller);
  }

  @Get('me/review-queue')
  @ApiOperation({ summary: 'Mes dossiers à évaluer: still to score first' })
  @ApiOkResponse({ type: ReviewerQueueOutput })
  queue(
    @CurrentPrincipal() principal: Principal,
    @Query() { campaignId }: ReviewerQueueQueryInput,
  ): Promise<ReviewerQueueOutput> {
    return this.reviews.queue(principal, campaignId);
  }
}
