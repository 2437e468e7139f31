import { Campaign } from '../campaign/campaign.state';
import { EvaluationGrid } from '../campaign/evaluation-grid';
import { ReminderRule, reminderScope } from '../reminders/reminder-rule';
import { Instant } from '../time/instant';

/**
 * What a dossier needs to know of its campaign to decide alone: given at creation, and kept up to
 * date when the campaign's calendar moves.
 */
export interface DossierCampaignTerms {
  readonly timeZone: string;
  readonly submissionDeadline: Instant;
  readonly consultationsStartAt: Instant;
  readonly sections: readonly { readonly id: string; readonly required: boolean }[];
  readonly supportFormIds: readonly string[];
  /** The campaign's reminders about one dossier (deadline, clarification, consultation…). */
  readonly reminders: readonly ReminderRule[];
  /**
   * The campaign's evaluation grid when it has one: reviewers score the dossier on it. Absent
   * from dossiers created before grids existed, and from campaigns without one: no reviews.
   */
  readonly evaluationGrid?: EvaluationGrid;
}

export function dossierTermsOf(campaign: Campaign): DossierCampaignTerms {
  const { definition, calendar } = campaign;
  return {
    timeZone: definition.timeZone,
    submissionDeadline: calendar.submissionDeadline,
    consultationsStartAt: calendar.consultationsStartAt,
    sections: definition.sections.map(({ id, required }) => ({ id, required })),
    supportFormIds: definition.supportForms.map((form) => form.id),
    reminders: definition.reminders.filter((rule) => reminderScope(rule.kind) === 'dossier'),
    ...(definition.evaluationGrid && { evaluationGrid: definition.evaluationGrid }),
  };
}
