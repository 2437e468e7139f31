import { DossierEventNotice, ReminderDelivery } from '@amiflow/contracts';
import { MockActivityEnvironment } from '@temporalio/testing';
import { mailsTo, textOf } from '../testing/mail-catcher';
import { OpenCampaignFixture, openCampaignFixture } from '../testing/open-campaign-fixture';
import { createDossierNotificationActivities } from './dossier-events/dossier-notification.activities';
import { createReminderActivities } from './reminders/reminder.activities';

const run = Date.now().toString(36);
const REGISTERED_NAME = 'Conseil national professionnel de pédiatrie';
const NAME_ON_THE_DRAFT = 'CNP pédia (brouillon de Marie)';

describe('every mail names the organisation as the directory registers it', () => {
  let fixture: OpenCampaignFixture;

  beforeAll(async () => {
    fixture = await openCampaignFixture('nom', {
      registered: REGISTERED_NAME,
      onTheDraft: NAME_ON_THE_DRAFT,
    });
  });

  afterAll(async () => {
    await fixture?.close();
  });

  it('greets it by the same name in the deadline reminder, the expiry mail and the receipt', async () => {
    const { campaignId, organisationId, address, deps } = fixture;
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
