import type { CampaignAnnouncement } from '@amiflow/domain';

// What an announcement is, and which event makes one, is the domain's (campaign.announcements).
export type { CampaignAnnouncement } from '@amiflow/domain';

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
