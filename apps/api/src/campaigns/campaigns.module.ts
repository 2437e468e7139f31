import { Module } from '@nestjs/common';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { DeliveryFailuresController } from './delivery-failures.controller';
import { MeetingRegistrationsController } from './meeting-registrations.controller';

@Module({
  controllers: [CampaignsController, MeetingRegistrationsController, DeliveryFailuresController],
  providers: [CampaignsService],
})
export class CampaignsModule {}
