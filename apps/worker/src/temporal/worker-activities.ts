import {
  createEligibilityActivities,
  createEventActivities,
  createFanOutActivities,
  createReminderActivities,
} from '@amiflow/activities';
import {
  CampaignSummaryQuery,
  EventStore,
  OrganisationDirectory,
  ReminderLedger,
} from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';

/** Gathers every activity, built by its factory from the Nest-provided dependencies. */
@Injectable()
export class WorkerActivities {
  constructor(
    @Inject(EventStore) private readonly eventStore: EventStore,
    @Inject(ReminderLedger) private readonly ledger: ReminderLedger,
    @Inject(CampaignSummaryQuery) private readonly campaigns: CampaignSummaryQuery,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Client) private readonly client: Client,
  ) {}

  all(): object {
    return {
      ...createEventActivities(this.eventStore),
      ...createReminderActivities(this.ledger),
      ...createEligibilityActivities(this.campaigns, this.directory),
      ...createFanOutActivities(this.dataSource, this.client),
    };
  }
}
