import { Module } from '@nestjs/common';
import { DossiersModule } from '../dossiers/dossiers.module';
import { OperatorActionsController } from './operator-actions.controller';

@Module({ imports: [DossiersModule], controllers: [OperatorActionsController] })
export class OperatorActionsModule {}
