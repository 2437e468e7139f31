import { Controller, Get, Inject, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { DossierParams } from '../common/key.params';
import { ErrorResponse } from '../errors/error-response';
import { DossiersService } from './dossiers.service';
import { DossierDeliveriesOutput } from './dtos/dossier-delivery.output';

/** The mails about one dossier, from the delivery ledger. */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('campaigns/:campaignId/dossiers/:organisationId/deliveries')
export class DossierDeliveriesController {
  constructor(@Inject(DossiersService) private readonly dossiers: DossiersService) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({
    summary: 'The mails sent, failing or not sendable about a dossier, earliest due first',
  })
  @ApiOkResponse({ type: DossierDeliveriesOutput })
  @ApiNotFoundResponse({ type: ErrorResponse })
  deliveries(
    @Param() { campaignId, organisationId }: DossierParams,
  ): Promise<DossierDeliveriesOutput> {
    return this.dossiers.deliveries(campaignId, organisationId);
  }
}
