import { Module } from '@nestjs/common';
import { DossiersModule } from '../dossiers/dossiers.module';
import { DossierThemesController } from './dossier-themes.controller';
import { DossierThemesService } from './dossier-themes.service';

@Module({
  imports: [DossiersModule],
  controllers: [DossierThemesController],
  providers: [DossierThemesService],
})
export class DossierThemesModule {}
