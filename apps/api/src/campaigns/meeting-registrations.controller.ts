import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Put,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Principal } from '../auth/principal';
import { Caller } from '../common/caller.decorator';
import { CommandContext } from '../lifecycle/lifecycle-commands.service';
import { CampaignParams } from '../common/key.params';
import { ErrorResponse } from '../errors/error-response';
import { CampaignsService } from './campaigns.service';
import { RegisterForMeetingInput } from './dtos/campaign-commands.inputs';
import { MeetingRegistrationParams } from './dtos/campaign-params';
import {
  MeetingRegistrationOutput,
  MeetingRegistrationsOutput,
} from './dtos/meeting-registration.output';

/** The information meeting: seats up to its capacity, then a waiting list that moves up. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns/:campaignId/meeting/registrations')
export class MeetingRegistrationsController {
  constructor(@Inject(CampaignsService) private readonly campaigns: CampaignsService) {}

  @Get()
  @Roles('admin', 'operator')
  @ApiOperation({ summary: 'The confirmed registrations and the waiting list' })
  @ApiOkResponse({ type: MeetingRegistrationsOutput })
  @ApiNotFoundResponse({ type: ErrorResponse })
  list(@Param() { campaignId }: CampaignParams): Promise<MeetingRegistrationsOutput> {
    return this.campaigns.registrations(campaignId);
  }

  @Put(':organisationId')
  @Roles('admin', 'operator', 'organisation')
  @ApiOperation({
    summary:
      'Register an organisation: CONFIRMED while seats remain, else WAITLISTED (again: as it stands)',
  })
  @ApiOkResponse({ type: MeetingRegistrationOutput })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Registrations are closed' })
  register(
    @Param() { campaignId, organisationId }: MeetingRegistrationParams,
    @Body() { organisationName }: RegisterForMeetingInput,
    @CurrentPrincipal() principal: Principal,
    @Caller() caller: CommandContext,
  ): Promise<MeetingRegistrationOutput> {
    return this.campaigns.register(campaignId, organisationId, organisationName, caller, principal);
  }

  @Delete(':organisationId')
  @Roles('admin', 'operator', 'organisation')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Cancel a registration; a freed seat goes to the first on the waiting list',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'The organisation is not registered' })
  cancel(
    @Param() { campaignId, organisationId }: MeetingRegistrationParams,
    @CurrentPrincipal() principal: Principal,
    @Caller() caller: CommandContext,
  ): Promise<void> {
    return this.campaigns.cancelRegistration(campaignId, organisationId, caller, principal);
  }
}
