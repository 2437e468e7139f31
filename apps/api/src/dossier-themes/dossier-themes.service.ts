import { createThemeSuggester, ThemeSuggester } from '@amiflow/analysis';
import {
  Actor,
  campaignThemeTaxonomy,
  DossierCommand,
  isDossier,
  refusals,
  requireCampaignThemes,
  ThemeTaxonomy,
  themeTagsOf,
} from '@amiflow/domain';
import { CampaignSummaryQuery, DossierSummaryQuery } from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DossiersService } from '../dossiers/dossiers.service';
import { CommandContext } from '../lifecycle/lifecycle-commands.service';
import { DossierThemesOutput } from './dtos/dossier-themes.output';

/**
 * The demand themes of one dossier (issue 13, item 3): what operators tagged, and what the text
 * analysis (libs/analysis) suggests for its answers, for them to accept or reject.
 */
@Injectable()
export class DossierThemesService {
  /** One indexed taxonomy per campaign, rebuilt when its themes change. */
  private readonly suggesters = new Map<string, { key: string; suggester: ThemeSuggester }>();

  constructor(
    @Inject(DossiersService) private readonly dossiers: DossiersService,
    @Inject(DossierSummaryQuery) private readonly summaries: DossierSummaryQuery,
    @Inject(CampaignSummaryQuery) private readonly campaigns: CampaignSummaryQuery,
  ) {}

  async read(campaignId: string, organisationId: string): Promise<DossierThemesOutput> {
    const [campaign, state] = await Promise.all([
      this.campaigns.state(campaignId),
      this.summaries.state(campaignId, organisationId),
    ]);
    if (!campaign || !state || !isDossier(state)) throw refusals.dossierNotFound();
    const taxonomy = campaignThemeTaxonomy(campaign.definition);
    const labels = new Map(taxonomy.themes.map((theme) => [theme.id, theme.label]));
    const tags = themeTagsOf(state);
    const tagged = new Set(
      tags.flatMap((tag) => tag.themeIds.map((id) => `${tag.sectionId}/${id}`)),
    );
    const rejected = new Set(
      (state.rejectedSuggestions ?? []).map((r) => `${r.sectionId}/${r.themeId}`),
    );
    const suggestions = this.suggester(campaignId, taxonomy)
      .suggestForAnswers(state.answers)
      .filter((s) => !tagged.has(`${s.sectionId}/${s.themeId}`))
      .filter((s) => !rejected.has(`${s.sectionId}/${s.themeId}`))
      .sort((a, b) => b.score - a.score);
    return {
      themes: taxonomy.themes.map(({ id, label, description }) => ({
        themeId: id,
        label,
        description,
      })),
      tags: tags.map((tag) => ({
        tagId: tag.tagId,
        sectionId: tag.sectionId,
        start: tag.start,
        end: tag.end,
        quote: tag.quote,
        themeIds: [...tag.themeIds],
        suggestionScore: tag.suggestionScore ?? null,
        by: { ...tag.by },
        taggedAt: tag.taggedAt,
      })),
      suggestions: suggestions.map((s) => ({
        sectionId: s.sectionId,
        themeId: s.themeId,
        label: labels.get(s.themeId) ?? s.themeId,
        score: s.score,
        passage: { start: s.passage.start, end: s.passage.end, text: s.passage.text },
        words: s.words.map(({ text, start, end }) => ({ text, start, end })),
      })),
    };
  }

  /**
   * Sends a tagging command to the dossier, once the themes it names are the campaign's (a rule
   * the dossier cannot check: it does not carry its campaign's taxonomy).
   */
  async decide(
    campaignId: string,
    organisationId: string,
    themeIds: readonly string[],
    caller: CommandContext,
    command: (actor: Actor) => DossierCommand,
  ): Promise<DossierThemesOutput> {
    const campaign = await this.campaigns.state(campaignId);
    if (!campaign) throw refusals.dossierNotFound();
    requireCampaignThemes(campaignThemeTaxonomy(campaign.definition), themeIds);
    await this.dossiers.execute(campaignId, organisationId, command(caller.actor), caller);
    return this.read(campaignId, organisationId);
  }

  private suggester(campaignId: string, taxonomy: ThemeTaxonomy): ThemeSuggester {
    const key = JSON.stringify(taxonomy.themes);
    const cached = this.suggesters.get(campaignId);
    if (cached?.key === key) return cached.suggester;
    const suggester = createThemeSuggester(taxonomy);
    this.suggesters.set(campaignId, { key, suggester });
    return suggester;
  }
}
