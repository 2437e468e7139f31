import { Module } from '@nestjs/common';
import { OperationsModule } from '../operations/operations.module';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { DeliveryFailuresController } from './delivery-failures.controller';
import { MeetingRegistrationsController } from './meeting-registrations.controller';

@Module({
  // @Idempotent() routes: their interceptor needs the store OperationsModule provides.
  imports: [OperationsModule],
  controllers: [CampaignsController, MeetingRegistrationsController, DeliveryFailuresController],
  providers: [CampaignsService],
})
export class CampaignsModule {}
