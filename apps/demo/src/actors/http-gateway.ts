import { Answers, CampaignDefinition, CriterionScore } from '@amiflow/domain';
import { DemoOrganisation } from '../scenario/demo-cast';
import { DemoThemeSuggestion } from '../scenario/demo-theme-review';
import { DemoGateway, DemoRefusal } from './demo-gateway';
import { DevRole, DevTokens } from './dev-tokens';
import { TemporalGateway } from './temporal-gateway';

type Method = 'GET' | 'POST' | 'PUT';

/**
 * The demo's people acting through the HTTP API, each with its own development token: the
 * administrator publishes, each organisation registers, drafts, answers and submits as itself,
 * the operator records the screening results. The campaign itself is created through the
 * lifecycle client: the API takes a campaign file whose calendar is to the second, and a
 * compressed calendar needs the millisecond (a 2 h 15 meeting lasts 0.4 s at the default speed).
 */
export class HttpGateway implements DemoGateway {
  readonly route = 'the HTTP API with development tokens (campaign creation: lifecycle client)';

  constructor(
    private readonly apiUrl: string,
    private readonly tokens: DevTokens,
    private readonly temporal: TemporalGateway,
  ) {}

  createCampaign(campaignId: string, definition: CampaignDefinition): Promise<void> {
    return this.temporal.createCampaign(campaignId, definition);
  }

  publishCampaign(campaignId: string): Promise<void> {
    return this.send('POST', `/campaigns/${campaignId}/publish`, 'admin');
  }

  registerForMeeting(campaignId: string, organisation: DemoOrganisation): Promise<void> {
    const { organisationId, name } = organisation;
    return this.send(
      'PUT',
      `/campaigns/${campaignId}/meeting/registrations/${organisationId}`,
      'organisation',
      organisationId,
      { organisationName: name },
    );
  }

  createDraft(campaignId: string, organisation: DemoOrganisation): Promise<void> {
    const { organisationId, name, profile } = organisation;
    return this.send('POST', `/campaigns/${campaignId}/dossiers`, 'organisation', organisationId, {
      organisationId,
      organisationName: name,
      organisationType: profile.type,
      ...(profile.profession && { profession: profile.profession }),
    });
  }

  saveAnswers(campaignId: string, organisationId: string, answers: Answers): Promise<void> {
    return this.send(
      'PUT',
      `/campaigns/${campaignId}/dossiers/${organisationId}/answers`,
      'organisation',
      organisationId,
      { answers },
    );
  }

  submit(campaignId: string, organisationId: string): Promise<void> {
    return this.send(
      'POST',
      `/campaigns/${campaignId}/dossiers/${organisationId}/submit`,
      'organisation',
      organisationId,
    );
  }

  recordScreeningResult(
    campaignId: string,
    organisationId: string,
    result: 'SHORTLISTED' | 'NOT_RETAINED',
    note: string,
  ): Promise<void> {
    return this.send(
      'POST',
      `/campaigns/${campaignId}/dossiers/${organisationId}/screening-result`,
      'operator',
      undefined,
      { result, note },
    );
  }

  assignReviewers(
    campaignId: string,
    organisationId: string,
    reviewerIds: readonly string[],
  ): Promise<void> {
    return this.send(
      'POST',
      `/campaigns/${campaignId}/dossiers/${organisationId}/reviewers`,
      'operator',
      undefined,
      { reviewerIds },
    );
  }

  /** As the reviewer: the token's subject is whom the dossier knows as its reviewer. */
  scoreDossier(
    campaignId: string,
    organisationId: string,
    reviewerId: string,
    scores: readonly CriterionScore[],
  ): Promise<void> {
    return this.send(
      'PUT',
      `/campaigns/${campaignId}/dossiers/${organisationId}/reviews/mine`,
      'operator',
      undefined,
      { scores },
      reviewerId,
    );
  }

  /** As the reviewer, through `GET …/themes` (docs/api.md, « Demand themes and the synthesis »). */
  async themeSuggestions(
    campaignId: string,
    organisationId: string,
    reviewerId: string,
  ): Promise<readonly DemoThemeSuggestion[]> {
    const themes = await this.request<{ suggestions: DemoThemeSuggestion[] }>(
      'GET',
      `/campaigns/${campaignId}/dossiers/${organisationId}/themes`,
      'operator',
      undefined,
      undefined,
      reviewerId,
    );
    return themes.suggestions;
  }

  acceptThemeSuggestion(
    campaignId: string,
    organisationId: string,
    reviewerId: string,
    tagId: string,
    { sectionId, themeId, score, passage }: DemoThemeSuggestion,
  ): Promise<void> {
    return this.send(
      'POST',
      `/campaigns/${campaignId}/dossiers/${organisationId}/themes/suggestions/accept`,
      'operator',
      undefined,
      { tagId, sectionId, start: passage.start, end: passage.end, themeId, score },
      reviewerId,
    );
  }

  rejectThemeSuggestion(
    campaignId: string,
    organisationId: string,
    reviewerId: string,
    { sectionId, themeId }: DemoThemeSuggestion,
  ): Promise<void> {
    return this.send(
      'POST',
      `/campaigns/${campaignId}/dossiers/${organisationId}/themes/suggestions/reject`,
      'operator',
      undefined,
      { sectionId, themeId },
      reviewerId,
    );
  }

  private async send(
    method: Method,
    path: string,
    role: DevRole,
    organisationId?: string,
    body?: object,
    subject?: string,
  ): Promise<void> {
    await this.request<unknown>(method, path, role, organisationId, body, subject);
  }

  /** The response's JSON body; a refusal rejects with a DemoRefusal. */
  private async request<T>(
    method: Method,
    path: string,
    role: DevRole,
    organisationId?: string,
    body?: object,
    subject?: string,
  ): Promise<T> {
    const token = await this.tokens.for(role, organisationId, subject);
    const response = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body && { 'content-type': 'application/json' }),
      },
      body: body && JSON.stringify(body),
    });
    if (response.ok) return (await response.json().catch(() => undefined)) as T;
    const error = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    const what = `${method} ${path}: ${response.status} ${error.code ?? ''} ${error.message ?? ''}`;
    // A refusal is a 4xx in the API's one error shape; anything else is a failure of the demo.
    if (response.status >= 500 || !error.code) throw new Error(what);
    throw new DemoRefusal(error.code, error.message ?? response.statusText, response.status);
  }
}
