import { Actor, DossierCommand } from '@amiflow/domain';
import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { Caller } from '../common/caller.decorator';
import { toUtc } from '../common/is-instant.validator';
import { CommandContext } from '../lifecycle/lifecycle-commands.service';
import { DossierParams, FollowUpParams } from '../common/key.params';
import { DossiersService } from './dossiers.service';
import { DossierOutput } from './dtos/dossier.output';
import {
  CancelConsultationInput,
  OverrideEligibilityInput,
  PlanFollowUpInput,
  RecordConsultationOutcomeInput,
  RecordScreeningResultInput,
  RequestClarificationInput,
  ScheduleConsultationInput,
} from './dtos/operator-actions.inputs';

/**
 * What the ministry's operators decide about a dossier. Each decision is recorded with the
 * operator as its actor; the dossier's workflow refuses what its state does not allow.
 */
@ApiTags('operator actions')
@ApiBearerAuth()
@Roles('operator', 'admin')
@Controller('campaigns/:campaignId/dossiers/:organisationId')
export class OperatorActionsController {
  constructor(@Inject(DossiersService) private readonly dossiers: DossiersService) {}

  @Post('eligibility-override')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Decide eligibility against, or without, the automatic check' })
  @ApiOkResponse({ type: DossierOutput })
  overrideEligibility(
    @Param() key: DossierParams,
    @Body() { decision, reason }: OverrideEligibilityInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierOutput> {
    return this.decide(key, caller, (actor) => ({
      type: 'OverrideEligibility',
      decision,
      reason,
      actor,
    }));
  }

  @Post('clarifications')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Ask the organisation a question, to be answered by a due date' })
  @ApiOkResponse({ type: DossierOutput })
  requestClarification(
    @Param() key: DossierParams,
    @Body() { clarificationId, question, dueAt }: RequestClarificationInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierOutput> {
    return this.decide(key, caller, (actor) => ({
      type: 'RequestClarification',
      clarificationId,
      question,
      dueAt: toUtc(dueAt),
      actor,
    }));
  }

  @Post('screening-result')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Shortlist the dossier for a consultation, or not retain it' })
  @ApiOkResponse({ type: DossierOutput })
  recordScreeningResult(
    @Param() key: DossierParams,
    @Body() { result, note }: RecordScreeningResultInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierOutput> {
    return this.decide(key, caller, (actor) => ({
      type: 'RecordScreeningResult',
      result,
      note,
      actor,
    }));
  }

  @Put('consultation')
  @ApiOperation({ summary: 'Schedule the consultation, or move it (same consultationId)' })
  @ApiOkResponse({ type: DossierOutput })
  scheduleConsultation(
    @Param() key: DossierParams,
    @Body() { consultationId, startsAt, endsAt, place }: ScheduleConsultationInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierOutput> {
    return this.decide(key, caller, (actor) => ({
      type: 'ScheduleConsultation',
      consultationId,
      startsAt: toUtc(startsAt),
      endsAt: toUtc(endsAt),
      place,
      actor,
    }));
  }

  @Post('consultation/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel the scheduled consultation' })
  @ApiOkResponse({ type: DossierOutput })
  cancelConsultation(
    @Param() key: DossierParams,
    @Body() { reason }: CancelConsultationInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierOutput> {
    return this.decide(key, caller, (actor) => ({
      type: 'CancelConsultation',
      reason,
      actor,
    }));
  }

  @Post('consultation/outcome')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record what the consultation concluded and the support retained' })
  @ApiOkResponse({ type: DossierOutput })
  recordConsultationOutcome(
    @Param() key: DossierParams,
    @Body() { summary, supportFormIds }: RecordConsultationOutcomeInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierOutput> {
    return this.decide(key, caller, (actor) => ({
      type: 'RecordConsultationOutcome',
      summary,
      supportFormIds,
      actor,
    }));
  }

  @Post('follow-ups')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Plan a follow-up action with its owner and due date' })
  @ApiOkResponse({ type: DossierOutput })
  planFollowUp(
    @Param() key: DossierParams,
    @Body() { followUpId, title, owner, dueAt }: PlanFollowUpInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierOutput> {
    return this.decide(key, caller, (actor) => ({
      type: 'PlanFollowUp',
      followUpId,
      title,
      owner,
      dueAt: toUtc(dueAt),
      actor,
    }));
  }

  @Post('follow-ups/:followUpId/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark a follow-up action as done' })
  @ApiOkResponse({ type: DossierOutput })
  completeFollowUp(
    @Param() { campaignId, organisationId, followUpId }: FollowUpParams,
    @Caller() caller: CommandContext,
  ): Promise<DossierOutput> {
    return this.decide({ campaignId, organisationId }, caller, (actor) => ({
      type: 'CompleteFollowUp',
      followUpId,
      actor,
    }));
  }

  @Post('close')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close the dossier once its follow-ups are done' })
  @ApiOkResponse({ type: DossierOutput })
  close(@Param() key: DossierParams, @Caller() caller: CommandContext): Promise<DossierOutput> {
    return this.decide(key, caller, (actor) => ({ type: 'CloseDossier', actor }));
  }

  private decide(
    { campaignId, organisationId }: DossierParams,
    caller: CommandContext,
    command: (actor: Actor) => DossierCommand,
  ): Promise<DossierOutput> {
    return this.dossiers.execute(campaignId, organisationId, command(caller.actor), caller);
  }
}
