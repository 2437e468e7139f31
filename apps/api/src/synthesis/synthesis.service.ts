import { campaignThemeTaxonomy, THEME_TAGGING_STATUSES } from '@amiflow/domain';
import {
  CampaignSummaryQuery,
  DossierAnalysisQuery,
  DossierSummaryQuery,
} from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { campaignNotFound } from '../campaigns/campaign-visibility';
import { bestProposals, ProposalScores } from './best-proposals';
import {
  CampaignSynthesisOutput,
  SupportFormCountOutput,
  SynthesisOutput,
} from './dtos/synthesis.output';
import { commonDemands, themeMatrix } from './theme-synthesis';
import { wishedSupportForms } from './wished-support-forms';

/** A demand is shared when the support form was retained for this many distinct professions. */
const SHARED_BY_PROFESSIONS = 2;
/** Issue 13: « les thèmes soulevés par au moins deux professions — le seuil est un réglage ». */
export const DEFAULT_COMMON_THRESHOLD = 2;
/** The best proposals shown: the head of the ranking, what a report can circulate. */
const BEST_PROPOSALS = 10;

/** What the answers to a campaign add up to, for the operators who orient the State's support. */
@Injectable()
export class SynthesisService {
  constructor(
    @Inject(CampaignSummaryQuery) private readonly campaigns: CampaignSummaryQuery,
    @Inject(DossierSummaryQuery) private readonly dossiers: DossierSummaryQuery,
    @Inject(DossierAnalysisQuery) private readonly analysis: DossierAnalysisQuery,
    @Inject(ProposalScores) private readonly scores: ProposalScores,
  ) {}

  async synthesis(
    campaignId: string,
    commonThreshold = DEFAULT_COMMON_THRESHOLD,
  ): Promise<CampaignSynthesisOutput> {
    const campaign = await this.campaigns.state(campaignId);
    if (!campaign) throw campaignNotFound(campaignId);
    const states = THEME_TAGGING_STATUSES;
    const [counts, tags, answers, byCompleteness, scored] = await Promise.all([
      this.counts(campaignId, campaign.definition.supportForms),
      this.analysis.themeTags(campaignId, states),
      this.analysis.answers(campaignId, states),
      this.analysis.completeness(campaignId, states),
      this.scores.scored(campaignId),
    ]);
    const taxonomy = campaignThemeTaxonomy(campaign.definition);
    const matrix = themeMatrix(taxonomy, tags);
    const wished = wishedSupportForms(campaign.definition.supportForms, answers);
    const paths = (organisationId: string) => ({
      dossierPath: `/campaigns/${campaignId}/dossiers/${organisationId}`,
      consolePath: `/console/campagnes/${campaignId}/dossiers/${organisationId}`,
    });
    return {
      ...counts,
      themes: taxonomy.themes.map(({ id, label }) => ({ themeId: id, label })),
      themeMatrix: {
        professions: [...matrix.professions],
        rows: matrix.rows.map((row) => ({
          ...row,
          byProfession: row.byProfession.map((cell) => ({ ...cell })),
        })),
      },
      commonDemands: {
        threshold: commonThreshold,
        demands: commonDemands(matrix, tags, commonThreshold).map((demand) => ({
          ...demand,
          professions: [...demand.professions],
          quotes: demand.quotes.map((quote) => ({ ...quote, ...paths(quote.organisationId) })),
        })),
      },
      supportFormsWishedAndRetained: counts.bySupportForm.map((form) => ({
        supportFormId: form.supportFormId,
        label: form.label,
        wished: wished.get(form.supportFormId) ?? 0,
        retained: form.dossiers,
      })),
      bestProposals: {
        available: scored !== null,
        proposals: bestProposals(scored ?? [], BEST_PROPOSALS).map((proposal) => ({
          ...proposal,
          comments: [...proposal.comments],
          consolePath: paths(proposal.organisationId).consolePath,
        })),
      },
      byCompleteness,
    };
  }

  /** The campaign's figures: dossiers by state, profession, type, and support form retained. */
  private async counts(
    campaignId: string,
    supportForms: readonly { id: string; label: string }[],
  ): Promise<SynthesisOutput> {
    const synthesis = await this.dossiers.synthesis(campaignId);
    const retained = new Map(synthesis.bySupportForm.map((form) => [form.supportFormId, form]));
    // The campaign's forms, retained or not; a form since removed from it keeps its id as label.
    const forms = supportForms.map(({ id, label }) => ({ id, label }));
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
