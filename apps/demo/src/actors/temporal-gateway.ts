import { createThemeSuggester } from '@amiflow/analysis';
import { Actor, DossierUpdateRequest } from '@amiflow/contracts';
import {
  Answers,
  CampaignCommand,
  CampaignDefinition,
  campaignThemeTaxonomy,
  CriterionScore,
  dossierTermsOf,
  DomainError,
  DossierCommand,
  isDomainErrorCode,
  isDossier,
  refusals,
  themeTagsOf,
} from '@amiflow/domain';
import { DemoOrganisation } from '../scenario/demo-cast';
import { sendCampaignCommand, sendDossierCommand } from '@amiflow/lifecycle-client';
import { CampaignSummaryQuery, DossierSummaryQuery } from '@amiflow/persistence';
import { DemoThemeSuggestion } from '../scenario/demo-theme-review';
import {
  ApplicationFailure,
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { DEMO_ADMIN, DEMO_OPERATOR, DemoGateway, DemoRefusal } from './demo-gateway';

/**
 * The demo's people acting through the lifecycle client: Temporal updates (update-with-start),
 * exactly what the API sends once it has checked a request. The workflows decide and record.
 */
export class TemporalGateway implements DemoGateway {
  readonly route = 'Temporal updates (lifecycle client)';

  constructor(
    private readonly client: Client,
    private readonly campaigns: CampaignSummaryQuery,
    private readonly dossiers: DossierSummaryQuery,
  ) {}

  async createCampaign(campaignId: string, definition: CampaignDefinition): Promise<void> {
    await this.campaign(campaignId, {
      type: 'CreateCampaign',
      campaignId,
      definition,
      actor: DEMO_ADMIN,
    });
  }

  async publishCampaign(campaignId: string): Promise<void> {
    await this.campaign(campaignId, { type: 'PublishCampaign', actor: DEMO_ADMIN });
  }

  async registerForMeeting(campaignId: string, organisation: DemoOrganisation): Promise<void> {
    await this.campaign(
      campaignId,
      {
        type: 'RegisterForMeeting',
        organisationId: organisation.organisationId,
        organisationName: organisation.name,
      },
      { id: organisation.organisationId, role: 'organisation' },
    );
  }

  async createDraft(campaignId: string, organisation: DemoOrganisation): Promise<void> {
    // As the API does: the dossier is given the campaign's terms as the read model has them.
    const campaign = await this.campaigns.state(campaignId);
    if (!campaign) throw demoRefusalOf(refusals.campaignNotFound(campaignId));
    await this.dossier(campaignId, organisation.organisationId, {
      type: 'CreateDossierDraft',
      campaignId,
      organisationId: organisation.organisationId,
      organisationName: organisation.name,
      organisationType: organisation.profile.type,
      profession: organisation.profile.profession,
      terms: dossierTermsOf(campaign),
    });
  }

  async saveAnswers(campaignId: string, organisationId: string, answers: Answers): Promise<void> {
    await this.dossier(campaignId, organisationId, { type: 'SaveAnswers', answers });
  }

  async submit(campaignId: string, organisationId: string): Promise<void> {
    await this.dossier(campaignId, organisationId, { type: 'SubmitDossier' });
  }

  async recordScreeningResult(
    campaignId: string,
    organisationId: string,
    result: 'SHORTLISTED' | 'NOT_RETAINED',
    note: string,
  ): Promise<void> {
    await this.dossier(
      campaignId,
      organisationId,
      { type: 'RecordScreeningResult', result, note, actor: DEMO_OPERATOR },
      DEMO_OPERATOR,
    );
  }

  async assignReviewers(
    campaignId: string,
    organisationId: string,
    reviewerIds: readonly string[],
  ): Promise<void> {
    await this.dossier(
      campaignId,
      organisationId,
      { type: 'AssignReviewers', reviewerIds, actor: DEMO_OPERATOR },
      DEMO_OPERATOR,
    );
  }

  async scoreDossier(
    campaignId: string,
    organisationId: string,
    reviewerId: string,
    scores: readonly CriterionScore[],
  ): Promise<void> {
    const reviewer: Actor = { id: reviewerId, role: 'operator' };
    await this.dossier(
      campaignId,
      organisationId,
      { type: 'ScoreDossier', scores, actor: reviewer },
      reviewer,
    );
  }

  /**
   * What `GET …/themes` suggests (apps/api/src/dossier-themes), computed here the same way: the
   * campaign's taxonomy read against the dossier's answers by libs/analysis, without the themes
   * already tagged or rejected for an answer.
   */
  async themeSuggestions(
    campaignId: string,
    organisationId: string,
  ): Promise<readonly DemoThemeSuggestion[]> {
    const [campaign, state] = await Promise.all([
      this.campaigns.state(campaignId),
      this.dossiers.state(campaignId, organisationId),
    ]);
    if (!campaign || !state || !isDossier(state)) throw demoRefusalOf(refusals.dossierNotFound());
    const decided = new Set([
      ...themeTagsOf(state).flatMap((tag) => tag.themeIds.map((id) => `${tag.sectionId}/${id}`)),
      ...(state.rejectedSuggestions ?? []).map((r) => `${r.sectionId}/${r.themeId}`),
    ]);
    return createThemeSuggester(campaignThemeTaxonomy(campaign.definition))
      .suggestForAnswers(state.answers)
      .filter((s) => !decided.has(`${s.sectionId}/${s.themeId}`))
      .map(({ sectionId, themeId, score, passage }) => ({
        sectionId,
        themeId,
        score,
        passage: { start: passage.start, end: passage.end },
      }));
  }

  async acceptThemeSuggestion(
    campaignId: string,
    organisationId: string,
    reviewerId: string,
    tagId: string,
    { sectionId, themeId, score, passage }: DemoThemeSuggestion,
  ): Promise<void> {
    const reviewer: Actor = { id: reviewerId, role: 'operator' };
    const { start, end } = passage;
    await this.dossier(
      campaignId,
      organisationId,
      {
        type: 'AcceptThemeSuggestion',
        tagId,
        sectionId,
        start,
        end,
        themeId,
        score,
        actor: reviewer,
      },
      reviewer,
    );
  }

  async rejectThemeSuggestion(
    campaignId: string,
    organisationId: string,
    reviewerId: string,
    { sectionId, themeId }: DemoThemeSuggestion,
  ): Promise<void> {
    const reviewer: Actor = { id: reviewerId, role: 'operator' };
    await this.dossier(
      campaignId,
      organisationId,
      { type: 'RejectThemeSuggestion', sectionId, themeId, actor: reviewer },
      reviewer,
    );
  }

  private async campaign(campaignId: string, command: CampaignCommand, actor: Actor = DEMO_ADMIN) {
    const request = { command, actor, correlationId: `demo/${campaignId}` };
    await sendCampaignCommand(this.client, campaignId, request).catch(asRefusal);
  }

  private async dossier(
    campaignId: string,
    organisationId: string,
    command: DossierCommand,
    actor: Actor = { id: organisationId, role: 'organisation' },
  ) {
    const request: DossierUpdateRequest = {
      command,
      actor,
      correlationId: `demo/${campaignId}/${organisationId}`,
    };
    await sendDossierCommand(this.client, campaignId, organisationId, request).catch(asRefusal);
  }
}

/** A command the workflow refused comes back as a failed update typed by the domain code. */
function asRefusal(error: unknown): never {
  // A lifecycle that has ended is never started again: the command comes too late.
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    throw demoRefusalOf(refusals.dossierClosed());
  }
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const { type, message } = error.cause;
    if (type && isDomainErrorCode(type)) throw new DemoRefusal(type, message);
  }
  throw error;
}

/** The domain's own refusal, code and French text, as the demo reports refusals. */
function demoRefusalOf(refusal: DomainError): DemoRefusal {
  return new DemoRefusal(refusal.code, refusal.message);
}
