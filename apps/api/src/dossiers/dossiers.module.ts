import { Module } from '@nestjs/common';
import { OperationsModule } from '../operations/operations.module';
import { DossierCountsController } from './dossier-counts.controller';
import { DossierDeliveriesController } from './dossier-deliveries.controller';
import { DossiersController } from './dossiers.controller';
import { DossiersService } from './dossiers.service';
import { OperatorActionsController } from './operator-actions.controller';

@Module({
  // @Idempotent() routes: their interceptor needs the store OperationsModule provides.
  imports: [OperationsModule],
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
