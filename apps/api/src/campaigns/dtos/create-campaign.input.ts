import { businessKeySchema, campaignFileSchema } from '@amiflow/domain';
import { z } from 'zod';

/**
 * The body of POST /campaigns: the campaign's key and its file, in the domain's campaign-file
 * shape (libs/domain campaign-file.schema.ts); the file's own campaignId may be left out, and
 * when present must be the request's (checked with the rules: a 422).
 */
export const createCampaignInputSchema = z
  .strictObject({
    campaignId: businessKeySchema.meta({ example: 'ami-sante-ia-2019' }),
    definition: campaignFileSchema.partial({ campaignId: true }).meta({
      id: 'CampaignFileInput',
      description:
        'The campaign in the campaign-file format: its calendar in wall-clock time of its zone, ' +
        'as libs/domain/src/reference-campaign/ami-sante-ia-2019.campaign.json',
    }),
  })
  .meta({ id: 'CreateCampaignInput' });

export type CreateCampaignInput = z.output<typeof createCampaignInputSchema>;
export type CampaignFileInput = CreateCampaignInput['definition'];
