import { decideCampaign, evolveCampaign } from '../campaign/campaign.decider';
import { initialCampaignState, isCampaign } from '../campaign/campaign.state';
import { DossierCampaignTerms, dossierTermsOf } from '../dossier/dossier-terms';
import { DossierCommand } from '../dossier/dossier.commands';
import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { Actor } from '../shared/actor';

// What the reference dossier's steps (reference-dossier-steps.ts) are given: the reference
// campaign's terms (2019; deadline « avant le 15 novembre » = 15 Nov 00:00 Paris = 14 Nov
// 23:00 UTC) and the operator who takes them.

/** A command and the instant it is decided at. */
export type DossierStep = readonly [command: DossierCommand, at: string];

/** The operator every step is taken by. */
export const referenceOperator: Actor = { id: 'operator-1', role: 'operator' };

const campaign = decideCampaign(
  {
    type: 'CreateCampaign',
    campaignId: referenceCampaign.campaignId,
    definition: referenceCampaign.definition,
    actor: { id: 'admin-1', role: 'admin' },
  },
  initialCampaignState,
  new Date('2019-10-01T08:00:00.000Z'),
).reduce(evolveCampaign, initialCampaignState);
if (!isCampaign(campaign)) throw new Error('The reference campaign was not created.');

/** What a dossier of the reference campaign is given at creation. */
export const referenceDossierTerms: DossierCampaignTerms = dossierTermsOf(campaign);
