import { Module } from '@nestjs/common';
import { DossierCountsController } from './dossier-counts.controller';
import { DossierDeliveriesController } from './dossier-deliveries.controller';
import { DossiersController } from './dossiers.controller';
import { DossiersService } from './dossiers.service';

@Module({
  controllers: [DossiersController, DossierCountsController, DossierDeliveriesController],
  providers: [DossiersService],
  exports: [DossiersService],
})
export class DossiersModule {}
