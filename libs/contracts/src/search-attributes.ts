import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// Registered on the server by infra/temporal (from search-attributes.json, the single list).
// Coarse, non-personal fields only: Temporal stores them unencrypted.
export const campaignIdAttribute = defineSearchAttributeKey(
  'AmiCampaignId',
  SearchAttributeType.KEYWORD,
);
export const stateAttribute = defineSearchAttributeKey('AmiState', SearchAttributeType.KEYWORD);
export const organisationTypeAttribute = defineSearchAttributeKey(
  'AmiOrganisationType',
  SearchAttributeType.KEYWORD,
);
export const nextDeadlineAttribute = defineSearchAttributeKey(
  'AmiNextDeadline',
  SearchAttributeType.DATETIME,
);
