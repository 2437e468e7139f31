import { createServer } from 'node:net';
import { loadConfig } from '@amiflow/config';
import { DossierEventNotice, ReminderDelivery } from '@amiflow/contracts';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DataSource } from 'typeorm';
import {
  mailsTo,
  openCampaignFixture,
  OpenCampaignFixture,
  scheduleFixtureConsultation,
} from '../testing';
import { createDossierNotificationActivities } from './dossier-events/dossier-notification.activities';
import { createMailer } from './mail/mailer';
import { createReminderActivities } from './reminders/reminder.activities';

/**
 * The notification activities as Temporal runs them: a first attempt, then the same input again
 * on attempt 2, as when the worker is lost after the mail went out and the ledger was written but
 * before the server heard of the completion.
 */
describe('notification activities retried in an activity context', () => {
  let fixture: OpenCampaignFixture;

  beforeEach(async () => {
    fixture = await openCampaignFixture('retried-mail');
  });

  afterEach(async () => {
    await fixture?.close();
  });

  function reminder(ruleId: string): ReminderDelivery {
    return {
      campaignId: fixture.campaignId,
      organisationId: fixture.organisationId,
      ruleId,
      kind: 'DEADLINE_REMINDER',
      occurrence: 'deadline',
      dueAt: new Date().toISOString(),
      recipients: [fixture.organisationId],
      correlationId: 'test',
    };
  }

  it('delivers a reminder on attempt 1, and neither mails nor records it again on attempt 2', async () => {
    const reminders = createReminderActivities(fixture.deps);
    const deliverReminder = (delivery: ReminderDelivery) => reminders.deliverReminder(delivery);
    const delivery = reminder('depot-j-1');

    expect(await new MockActivityEnvironment({ attempt: 1 }).run(deliverReminder, delivery)).toBe(
      1,
    );
    expect(await new MockActivityEnvironment({ attempt: 2 }).run(deliverReminder, delivery)).toBe(
      0,
    );

    const mails = await mailsTo(fixture.address);
    expect(mails).toEqual([
      expect.objectContaining({ subject: expect.stringContaining("n'est pas encore déposée") }),
    ]);
    expect(await fixture.deps.ledger.list(fixture.campaignId)).toEqual([
      expect.objectContaining({
        ruleId: 'depot-j-1',
        recipient: fixture.organisationId,
        status: 'SENT',
        failedAttempts: 0,
        messageId: mails[0].messageId,
      }),
    ]);
  });

  it('tells of a consultation with its invitation on attempt 1, and sends nothing more on attempt 2', async () => {
    const notice = await scheduledConsultationNotice(fixture);
    const notifications = createDossierNotificationActivities(fixture.deps);
    const notifyDossierEvent = (notice: DossierEventNotice) =>
      notifications.notifyDossierEvent(notice);

    expect(await new MockActivityEnvironment({ attempt: 1 }).run(notifyDossierEvent, notice)).toBe(
      1,
    );
    expect(await new MockActivityEnvironment({ attempt: 2 }).run(notifyDossierEvent, notice)).toBe(
      0,
    );

    const mails = await mailsTo(fixture.address);
    expect(mails).toEqual([
      expect.objectContaining({
        attachments: [expect.objectContaining({ filename: 'consultation.ics' })],
      }),
    ]);
    expect(await fixture.deps.ledger.list(fixture.campaignId)).toEqual([
      expect.objectContaining({
        ruleId: 'event:ConsultationScheduled',
        occurrence: notice.eventId,
        status: 'SENT',
        messageId: mails[0].messageId,
      }),
    ]);
  });

  it('keeps a first attempt refused by the SMTP server as failed, and settles it with one mail on attempt 2', async () => {
    const delivery = reminder('depot-j-1');
    const unreachable = createMailer({
      ...loadConfig(process.env).mail,
      smtpHost: '127.0.0.1',
      smtpPort: await closedPort(),
    });
    const refused = createReminderActivities({ ...fixture.deps, mailer: unreachable });
    const deliverRefused = (delivery: ReminderDelivery) => refused.deliverReminder(delivery);
    try {
      await expect(
        new MockActivityEnvironment({ attempt: 1 }).run(deliverRefused, delivery),
      ).rejects.toThrow('ECONNREFUSED');
    } finally {
      unreachable.close();
    }
    expect(await fixture.deps.ledger.failures(fixture.campaignId)).toEqual([
      expect.objectContaining({ ruleId: 'depot-j-1', status: 'FAILED', failedAttempts: 1 }),
    ]);

    const reminders = createReminderActivities(fixture.deps);
    const deliverReminder = (delivery: ReminderDelivery) => reminders.deliverReminder(delivery);
    expect(await new MockActivityEnvironment({ attempt: 2 }).run(deliverReminder, delivery)).toBe(
      1,
    );

    const mails = await mailsTo(fixture.address);
    expect(mails).toHaveLength(1);
    expect(await fixture.deps.ledger.list(fixture.campaignId)).toEqual([
      expect.objectContaining({
        ruleId: 'depot-j-1',
        status: 'SENT',
        failedAttempts: 1,
        messageId: mails[0].messageId,
      }),
    ]);
  });
});

/**
 * Moves the fixture's dossier to a scheduled consultation as its workflow would, and returns the
 * notice the workflow sends for it, with the event's stored id.
 */
async function scheduledConsultationNotice(
  fixture: OpenCampaignFixture,
): Promise<DossierEventNotice> {
  await scheduleFixtureConsultation(fixture);
  const event = await storedEvent(
    fixture.dataSource,
    fixture.dossier.streamId,
    'ConsultationScheduled',
  );
  return {
    campaignId: fixture.campaignId,
    organisationId: fixture.organisationId,
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    correlationId: 'test',
  };
}

async function storedEvent(dataSource: DataSource, streamId: string, type: string) {
  const [event] = await dataSource.query<{ eventId: string; type: string; data: unknown }[]>(
    `SELECT event_id AS "eventId", type, data FROM events WHERE stream_id = $1 AND type = $2`,
    [streamId, type],
  );
  if (!event) throw new Error(`No ${type} in ${streamId}`);
  return event;
}

/** A local port nothing listens on: a connection to it is refused at once. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
