import {
  createCampaignCalendarActivities,
  createEligibilityActivities,
  createConsultationPlanningActivities,
  createDossierNotificationActivities,
  createEventActivities,
  createFanOutActivities,
  createMailer,
  createMeetingChangeActivities,
  createReminderActivities,
  Mailer,
} from '@amiflow/activities';
import { AppConfig } from '@amiflow/config';
import {
  CampaignSummaryQuery,
  DossierSummaryQuery,
  EventStore,
  OrganisationDirectory,
  ReminderLedger,
} from '@amiflow/persistence';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';

/** Gathers every activity, built by its factory from the Nest-provided dependencies. */
@Injectable()
export class WorkerActivities implements OnApplicationShutdown {
  private readonly mailer: Mailer;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(EventStore) private readonly eventStore: EventStore,
    @Inject(ReminderLedger) private readonly ledger: ReminderLedger,
    @Inject(CampaignSummaryQuery) private readonly campaigns: CampaignSummaryQuery,
    @Inject(DossierSummaryQuery) private readonly dossiers: DossierSummaryQuery,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Client) private readonly client: Client,
  ) {
    this.mailer = createMailer(config.mail);
  }

  all(): object {
    return {
      ...createEventActivities(this.eventStore),
      ...createReminderActivities({
        ledger: this.ledger,
        mailer: this.mailer,
        directory: this.directory,
        campaigns: this.campaigns,
        dossiers: this.dossiers,
        operatorsAddress: this.config.mail.operatorsAddress,
        from: this.config.mail.from,
      }),
      ...createDossierNotificationActivities({
        ledger: this.ledger,
        mailer: this.mailer,
        directory: this.directory,
        campaigns: this.campaigns,
        dossiers: this.dossiers,
        from: this.config.mail.from,
      }),
      ...createMeetingChangeActivities({
        ledger: this.ledger,
        mailer: this.mailer,
        directory: this.directory,
        campaigns: this.campaigns,
        from: this.config.mail.from,
      }),
      ...createEligibilityActivities(this.campaigns, this.directory),
      ...createCampaignCalendarActivities(this.campaigns),
      ...createFanOutActivities(this.dataSource, this.client),
      ...createConsultationPlanningActivities(this.campaigns, this.dossiers, this.client),
    };
  }

  onApplicationShutdown(): void {
    this.mailer.close();
  }
}
