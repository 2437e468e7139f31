import { randomUUID } from 'node:crypto';
import { loadConfig } from '@amiflow/config';
import { dossierTermsOf, isCampaign } from '@amiflow/domain';
import { openCampaignDefinition, testActors } from '@amiflow/domain/testing';
import {
  CampaignSummaryQuery,
  DossierSummaryQuery,
  EventStore,
  OrganisationDirectory,
  readModelProjections,
  ReminderLedger,
} from '@amiflow/persistence';
import { dossierStream, openTestDataSource, seedOpenCampaign } from '@amiflow/persistence/testing';
import { DataSource } from 'typeorm';
import { createMailer } from '../notifications/mail/mailer';
import { ReminderActivityDependencies } from '../notifications/reminders/reminder.activities';

export interface OpenCampaignFixture {
  readonly campaignId: string;
  /** Listed in the directory as a CNP, with `address`; its draft is open. */
  readonly organisationId: string;
  readonly address: string;
  readonly dataSource: DataSource;
  /** The organisation's dossier, to move it on as its workflow would. */
  readonly dossier: ReturnType<typeof dossierStream>;
  /** What the worker gives the notification activities, on the test database and mail catcher. */
  readonly deps: ReminderActivityDependencies;
  close(): Promise<void>;
}

/** The organisation's name as the directory registers it, and as its draft gives it. */
export interface FixtureNames {
  readonly registered?: string;
  readonly onTheDraft?: string;
}

/**
 * What the notification and eligibility activities read, in the database `npm test` created: an
 * open campaign (the reference one around now), one organisation listed in the directory and its
 * draft. `name` and a random suffix keep its ids apart from every other fixture's.
 */
export async function openCampaignFixture(
  name: string,
  names: FixtureNames = {},
): Promise<OpenCampaignFixture> {
  const run = randomUUID().slice(0, 8);
  const campaignId = `ami-${name}-${run}`;
  const organisationId = `cnp-${name}-${run}`;
  const address = `${organisationId}@test.example`;
  const { registered = `CNP ${name}`, onTheDraft = registered } = names;
  const config = loadConfig(process.env);
  const dataSource = await openTestDataSource();
  const store = new EventStore(dataSource, readModelProjections);
  const campaign = await seedOpenCampaign(store, campaignId, openCampaignDefinition(new Date()));
  if (!isCampaign(campaign)) throw new Error(`${campaignId} was not created`);
  const directory = new OrganisationDirectory(dataSource);
  await directory.upsert({ organisationId, name: registered, type: 'CNP', email: address });
  const dossier = dossierStream(store, campaignId, organisationId);
  await dossier.run(
    {
      type: 'CreateDossierDraft',
      campaignId,
      organisationId,
      organisationName: onTheDraft,
      organisationType: 'CNP',
      terms: dossierTermsOf(campaign),
    },
    new Date(),
  );
  const mailer = createMailer(config.mail);
  return {
    campaignId,
    organisationId,
    address,
    dataSource,
    dossier,
    deps: {
      ledger: new ReminderLedger(dataSource),
      mailer,
      directory,
      campaigns: new CampaignSummaryQuery(dataSource),
      dossiers: new DossierSummaryQuery(dataSource),
      operatorsAddress: config.mail.operatorsAddress,
      from: config.mail.from,
    },
    close: async () => {
      mailer.close();
      await dataSource.destroy();
    },
  };
}

const DAY = 86_400_000;
const OPERATOR = testActors.operator;

/**
 * Moves the fixture's draft as its workflow and an operator would, to a consultation in two weeks
 * (`consultation-1`, Salle 1): submitted and found eligible now, screened and shortlisted at the
 * deadline a week later (the decider refuses a screening before it).
 */
export async function scheduleFixtureConsultation(fixture: OpenCampaignFixture): Promise<void> {
  const { dossier } = fixture;
  const now = new Date();
  await dossier.run({ type: 'SubmitDossier' }, now);
  await dossier.run({ type: 'RecordEligibility', decision: 'ELIGIBLE', reasons: [] }, now);
  const screenedAt = new Date(now.getTime() + 7 * DAY);
  await dossier.run({ type: 'StartDossierScreening' }, screenedAt);
  await dossier.run(
    { type: 'RecordScreeningResult', result: 'SHORTLISTED', actor: OPERATOR },
    screenedAt,
  );
  const startsAt = new Date(now.getTime() + 15 * DAY);
  await dossier.run(
    {
      type: 'ScheduleConsultation',
      consultationId: 'consultation-1',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      place: 'Salle 1',
      actor: OPERATOR,
    },
    screenedAt,
  );
}
