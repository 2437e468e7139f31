import {
  campaignQueryNames,
  CampaignSnapshot,
  campaignUpdateNames,
  CampaignUpdateRequest,
} from '@amiflow/contracts';
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export const campaignCommandUpdate = defineUpdate<CampaignSnapshot, [CampaignUpdateRequest]>(
  campaignUpdateNames.command,
);

export const campaignStateQuery = defineQuery<CampaignSnapshot>(campaignQueryNames.state);
