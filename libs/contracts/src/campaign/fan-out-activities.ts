import type { CalendarChangedSignal, CampaignCancelledSignal } from '../dossier/dossier.messages';

export type CampaignAnnouncement =
  | { readonly kind: 'calendarChanged'; readonly calendar: CalendarChangedSignal }
  | { readonly kind: 'submissionsClosed' }
  | { readonly kind: 'campaignCancelled'; readonly cancellation: CampaignCancelledSignal }
  | { readonly kind: 'campaignClosed' };

export interface AnnounceToDossiersInput {
  readonly campaignId: string;
  readonly announcement: CampaignAnnouncement;
}

/** How the campaign reaches its dossiers: implemented in activities/, proxied in workflows/. */
export interface FanOutActivities {
  /**
   * Signals every dossier workflow of the campaign, in bounded pages, heartbeating its progress
   * so a retry resumes where the last attempt stopped. Returns the number of dossiers reached.
   */
  announceToDossiers(input: AnnounceToDossiersInput): Promise<number>;
}
