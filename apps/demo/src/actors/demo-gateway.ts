import { Answers, CampaignDefinition, CriterionScore } from '@amiflow/domain';
import { DemoOrganisation } from '../scenario/demo-cast';
import { DemoThemeSuggestion } from '../scenario/demo-theme-review';

/**
 * What the demo's simulated people do, whichever way it reaches amiflow (HTTP like an
 * integrator, or Temporal updates like the API itself). A refused command rejects with a
 * DemoRefusal.
 */
export interface DemoGateway {
  /** How it reaches amiflow, for the log. */
  readonly route: string;
  createCampaign(campaignId: string, definition: CampaignDefinition): Promise<void>;
  publishCampaign(campaignId: string): Promise<void>;
  registerForMeeting(campaignId: string, organisation: DemoOrganisation): Promise<void>;
  createDraft(campaignId: string, organisation: DemoOrganisation): Promise<void>;
  saveAnswers(campaignId: string, organisationId: string, answers: Answers): Promise<void>;
  submit(campaignId: string, organisationId: string): Promise<void>;
  recordScreeningResult(
    campaignId: string,
    organisationId: string,
    result: 'SHORTLISTED' | 'NOT_RETAINED',
    note: string,
  ): Promise<void>;
  /** Names the demo's reviewers on a dossier (added to those already named). */
  assignReviewers(
    campaignId: string,
    organisationId: string,
    reviewerIds: readonly string[],
  ): Promise<void>;
  /** One reviewer's scores on every criterion of the grid. */
  scoreDossier(
    campaignId: string,
    organisationId: string,
    reviewerId: string,
    scores: readonly CriterionScore[],
  ): Promise<void>;
  /** The themes the text analysis suggests for the dossier's answers, not yet tagged or rejected. */
  themeSuggestions(
    campaignId: string,
    organisationId: string,
    reviewerId: string,
  ): Promise<readonly DemoThemeSuggestion[]>;
  /** The reviewer accepts a suggestion: it becomes the tag `tagId`, which the synthesis counts. */
  acceptThemeSuggestion(
    campaignId: string,
    organisationId: string,
    reviewerId: string,
    tagId: string,
    suggestion: DemoThemeSuggestion,
  ): Promise<void>;
  /** The reviewer turns a suggestion down: it is not suggested for that answer again. */
  rejectThemeSuggestion(
    campaignId: string,
    organisationId: string,
    reviewerId: string,
    suggestion: DemoThemeSuggestion,
  ): Promise<void>;
}

/** A command amiflow refused: its machine code and its French message. */
export class DemoRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The HTTP status, when it came through the API. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DemoRefusal';
  }
}

/** Who the demo's administrator and operator are, on every event they cause. */
export const DEMO_ADMIN = { id: 'admin-demo', role: 'admin' } as const;
export const DEMO_OPERATOR = { id: 'instructeur-demo', role: 'operator' } as const;
/** The two simulated reviewers who score each screened dossier on the campaign's grid. */
export const DEMO_REVIEWERS = ['evaluatrice-demo', 'evaluateur-demo'] as const;
