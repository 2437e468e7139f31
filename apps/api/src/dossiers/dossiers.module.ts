import { Module } from '@nestjs/common';
import { OperationsModule } from '../operations/operations.module';
import { DossierCountsController } from './dossier-counts.controller';
import { DossierDeliveriesController } from './dossier-deliveries.controller';
import { DossiersController } from './dossiers.controller';
import { DossiersService } from './dossiers.service';

@Module({
  // @Idempotent() routes: their interceptor needs the store OperationsModule provides.
  imports: [OperationsModule],
  controllers: [DossiersController, DossierCountsController, DossierDeliveriesController],
  providers: [DossiersService],
  exports: [DossiersService],
})
export class DossiersModule {}
