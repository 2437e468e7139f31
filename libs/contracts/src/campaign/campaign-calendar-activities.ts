import type { EvaluationGrid } from '@amiflow/domain';
import type { CalendarChangedSignal } from '../dossier/dossier.messages';

export interface CampaignCalendarInput {
  readonly campaignId: string;
}

/**
 * What a dossier asks before it acts on, or refuses because of, a campaign date it holds a copy
 * of; implemented in activities/, run as a local activity by the dossier workflow.
 */
export interface CampaignCalendarActivities {
  /**
   * The campaign's dates a dossier depends on, as the system of record holds them now: a calendar
   * change is committed there (with its event) before it is acknowledged, while the dossiers'
   * copies follow by signal, later. Instants are UTC ISO 8601. Fails (and is retried) when the
   * campaign has no summary.
   */
  currentCampaignCalendar(input: CampaignCalendarInput): Promise<CalendarChangedSignal>;
}

/**
 * What a dossier asks when its campaign says its evaluation grid changed; implemented beside
 * `currentCampaignCalendar`, run as a local activity by the dossier workflow.
 */
export interface EvaluationGridActivities {
  /**
   * The campaign's evaluation grid as the system of record holds it now (null: none), committed
   * there with its event before the change is acknowledged: a late or repeated signal never
   * brings an older grid back. Fails (and is retried) when the campaign has no summary.
   */
  currentEvaluationGrid(input: CampaignCalendarInput): Promise<EvaluationGrid | null>;
}
