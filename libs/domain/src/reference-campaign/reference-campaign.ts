import { CampaignFile, resolveCampaignFile } from '../campaign/campaign-file';
import file from './ami-sante-ia-2019.campaign.json';

/** The 2019 health data & AI AMI, exactly as its announcement states it. */
export const referenceCampaignFile = file as CampaignFile;

export const referenceCampaign = resolveCampaignFile(referenceCampaignFile);
