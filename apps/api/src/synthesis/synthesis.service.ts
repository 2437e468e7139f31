import { CampaignSummaryQuery, DossierSummaryQuery } from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { campaignNotFound } from '../campaigns/campaign-visibility';
import { SupportFormCountOutput, SynthesisOutput } from './dtos/synthesis.output';

/** A demand is shared when the support form was retained for this many distinct professions. */
const SHARED_BY_PROFESSIONS = 2;

/** What the answers to a campaign add up to, for the operators who orient the State's support. */
@Injectable()
export class SynthesisService {
  constructor(
    @Inject(CampaignSummaryQuery) private readonly campaigns: CampaignSummaryQuery,
    @Inject(DossierSummaryQuery) private readonly dossiers: DossierSummaryQuery,
  ) {}

  async synthesis(campaignId: string): Promise<SynthesisOutput> {
    const campaign = await this.campaigns.state(campaignId);
    if (!campaign) throw campaignNotFound(campaignId);
    const synthesis = await this.dossiers.synthesis(campaignId);
    const retained = new Map(synthesis.bySupportForm.map((form) => [form.supportFormId, form]));
    // The campaign's forms, retained or not; a form since removed from it keeps its id as label.
    const forms = campaign.definition.supportForms.map(({ id, label }) => ({ id, label }));
    for (const id of retained.keys()) {
      if (!forms.some((form) => form.id === id)) forms.push({ id, label: id });
    }
    const bySupportForm: SupportFormCountOutput[] = forms.map(({ id, label }) => ({
      supportFormId: id,
      label,
      dossiers: retained.get(id)?.dossiers ?? 0,
      professions: retained.get(id)?.professions ?? [],
    }));
    return {
      campaignId,
      totalDossiers: synthesis.byState.reduce((total, group) => total + group.dossiers, 0),
      byState: synthesis.byState,
      byProfession: synthesis.byProfession,
      byOrganisationType: synthesis.byOrganisationType,
      bySupportForm,
      sharedDemands: bySupportForm
        .filter((form) => form.professions.length >= SHARED_BY_PROFESSIONS)
        .sort(
          (a, b) =>
            b.professions.length - a.professions.length ||
            b.dossiers - a.dossiers ||
            a.supportFormId.localeCompare(b.supportFormId),
        ),
    };
  }
}
