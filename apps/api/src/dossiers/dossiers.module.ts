import { Module } from '@nestjs/common';
import { DossierCountsController } from './dossier-counts.controller';
import { DossierDeliveriesController } from './dossier-deliveries.controller';
import { DossiersController } from './dossiers.controller';
import { DossiersService } from './dossiers.service';
import { OperatorActionsController } from './operator-actions.controller';

@Module({
  // The operators' decisions about a dossier sit beside the dossier's other routes, under the
  // same path, served by the same service.
  controllers: [
    DossiersController,
    DossierCountsController,
    DossierDeliveriesController,
    OperatorActionsController,
  ],
  providers: [DossiersService],
  exports: [DossiersService],
})
export class DossiersModule {}
