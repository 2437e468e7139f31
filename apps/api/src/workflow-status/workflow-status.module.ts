import { Module } from '@nestjs/common';
import { WorkflowStatusController } from './workflow-status.controller';
import { WorkflowStatusService } from './workflow-status.service';

@Module({ controllers: [WorkflowStatusController], providers: [WorkflowStatusService] })
export class WorkflowStatusModule {}
