import { loadConfig } from '@amiflow/config';
import { DossierEventNotice, ReminderDelivery } from '@amiflow/contracts';
import { dossierTermsOf, isCampaign } from '@amiflow/domain';
import { openCampaignDefinition } from '@amiflow/domain/testing';
import {
  CampaignSummaryQuery,
  DossierSummaryQuery,
  EventStore,
  OrganisationDirectory,
  readModelProjections,
  ReminderLedger,
} from '@amiflow/persistence';
import { dossierStream, openTestDataSource, seedOpenCampaign } from '@amiflow/persistence/testing';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DataSource } from 'typeorm';
import { mailsTo, textOf } from '../testing/mail-catcher';
import { createDossierNotificationActivities } from './dossier-events/dossier-notification.activities';
import { createMailer, Mailer } from './mail/mailer';
import {
  createReminderActivities,
  ReminderActivityDependencies,
} from './reminders/reminder.activities';

const run = Date.now().toString(36);
const campaignId = `ami-nom-${run}`;
const organisationId = `cnp-nom-${run}`;
const address = `${organisationId}@test.example`;
const REGISTERED_NAME = 'Conseil national professionnel de pédiatrie';
const NAME_ON_THE_DRAFT = 'CNP pédia (brouillon de Marie)';

describe('every mail names the organisation as the directory registers it', () => {
  let dataSource: DataSource;
  let mailer: Mailer;
  let deps: ReminderActivityDependencies;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    mailer = createMailer(loadConfig(process.env).mail);
    const store = new EventStore(dataSource, readModelProjections);
    const campaign = await seedOpenCampaign(store, campaignId, openCampaignDefinition(new Date()));
    if (!isCampaign(campaign)) throw new Error('no campaign');
    const directory = new OrganisationDirectory(dataSource);
    await directory.upsert({ organisationId, name: REGISTERED_NAME, type: 'CNP', email: address });
    await dossierStream(store, campaignId, organisationId).run(
      {
        type: 'CreateDossierDraft',
        campaignId,
        organisationId,
        organisationName: NAME_ON_THE_DRAFT,
        organisationType: 'CNP',
        terms: dossierTermsOf(campaign),
      },
      new Date(),
    );
    deps = {
      ledger: new ReminderLedger(dataSource),
      mailer,
      directory,
      campaigns: new CampaignSummaryQuery(dataSource),
      dossiers: new DossierSummaryQuery(dataSource),
      operatorsAddress: 'instructeurs@test.example',
      from: 'AMI <ne-pas-repondre@test.example>',
    };
  });

  afterAll(async () => {
    mailer?.close();
    await dataSource?.destroy();
  });

  it('greets it by the same name in the deadline reminder, the expiry mail and the receipt', async () => {
    const reminders = createReminderActivities(deps);
    const notifications = createDossierNotificationActivities(deps);
    const environment = new MockActivityEnvironment();
    const delivery: ReminderDelivery = {
      campaignId,
      organisationId,
      ruleId: 'depot-j-1',
      kind: 'DEADLINE_REMINDER',
      occurrence: 'deadline',
      dueAt: new Date().toISOString(),
      recipients: [organisationId],
      correlationId: 'test',
    };
    await environment.run(
      (reminder: ReminderDelivery) => reminders.deliverReminder(reminder),
      delivery,
    );
    const notice = (type: string, data: unknown) => ({
      campaignId,
      organisationId,
      eventId: `${type}-${run}`,
      type,
      data,
      correlationId: 'test',
    });
    const notify = (dossierNotice: DossierEventNotice) =>
      notifications.notifyDossierEvent(dossierNotice);
    await environment.run(
      notify,
      notice('DossierExpired', { expiredAt: new Date().toISOString() }),
    );
    await environment.run(
      notify,
      notice('DossierSubmitted', {
        submittedAt: new Date().toISOString(),
        completeness: { percent: 40, missingRequiredSectionIds: [] },
      }),
    );

    const mails = await mailsTo(address);
    expect(mails).toHaveLength(3);
    for (const mail of mails) {
      expect({ subject: mail.subject, greeting: (await textOf(mail)).split('\n')[0] }).toEqual({
        subject: mail.subject,
        greeting: `Bonjour ${REGISTERED_NAME},`,
      });
    }
  });
});
