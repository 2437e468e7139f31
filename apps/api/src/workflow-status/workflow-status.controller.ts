import { Controller, Get, Inject, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { CampaignParams, DossierParams } from '../common/key.params';
import { ErrorResponse } from '../errors/error-response';
import { CampaignAlertsOutput } from './dtos/campaign-alerts.output';
import { DossierWorkflowOutput } from './dtos/dossier-workflow.output';
import { WorkflowStatusService } from './workflow-status.service';

/** What the workflows are doing, as Temporal tells it, for operators. */
@ApiTags('workflows')
@ApiBearerAuth()
@Controller('campaigns/:campaignId')
export class WorkflowStatusController {
  constructor(@Inject(WorkflowStatusService) private readonly workflows: WorkflowStatusService) {}

  @Get('dossiers/:organisationId/workflow')
  @Roles('operator', 'admin')
  @ApiOperation({
    summary:
      "The dossier's workflow: Temporal's status, what it waits for and when, its pending activities, a Temporal UI link",
  })
  @ApiOkResponse({ type: DossierWorkflowOutput })
  @ApiNotFoundResponse({ type: ErrorResponse })
  dossierWorkflow(
    @Param() { campaignId, organisationId }: DossierParams,
  ): Promise<DossierWorkflowOutput> {
    return this.workflows.dossierWorkflow(campaignId, organisationId);
  }

  @Get('alerts')
  @Roles('operator', 'admin')
  @ApiOperation({
    summary:
      'What needs attention: failing deliveries, dossiers waiting on an operator, dossier workflows failed or stuck',
  })
  @ApiOkResponse({ type: CampaignAlertsOutput })
  alerts(@Param() { campaignId }: CampaignParams): Promise<CampaignAlertsOutput> {
    return this.workflows.alerts(campaignId);
  }
}
