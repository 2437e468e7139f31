import { loadConfig } from '@amiflow/config';
import { ReminderDelivery } from '@amiflow/contracts';
import { testActors } from '@amiflow/domain/testing';
import { MockActivityEnvironment } from '@temporalio/testing';
import {
  mailsTo,
  openCampaignFixture,
  OpenCampaignFixture,
  openStallingSmtpProxy,
  scheduleFixtureConsultation,
  StallingSmtpProxy,
} from '../../testing';
import { DELIVERY_IN_PROGRESS } from './deliver-once';
import { createMailer, Mailer } from './mailer';
import { createReminderActivities } from '../reminders/reminder.activities';

const { operator } = testActors;
/** The dossier workflow's start-to-close for its notification activities. */
const ACTIVITY_TIME_LIMIT_MS = 10_000;

/**
 * Issue 10, fault 3: reminders through a mail server that accepts the connection and then stops
 * answering for a while — a real SMTP conversation with the mail catcher, relayed by a proxy
 * that holds back the server's answers. Attempts are run as Temporal runs them: attempt 2 starts
 * while attempt 1 may still be in its conversation (its start-to-close has passed).
 */
describe('notifications through a mail server that stalls', () => {
  let fixture: OpenCampaignFixture;
  let proxy: StallingSmtpProxy;
  let mailer: Mailer;

  beforeEach(async () => {
    fixture = await openCampaignFixture('slow-mail');
    const mail = loadConfig(process.env).mail;
    proxy = await openStallingSmtpProxy({ host: mail.smtpHost, port: mail.smtpPort });
    mailer = createMailer({ ...mail, smtpHost: proxy.host, smtpPort: proxy.port });
  });

  afterEach(async () => {
    proxy?.resume();
    mailer?.close();
    await proxy?.close();
    await fixture?.close();
  });

  function attempt(attemptNumber: number, delivery: ReminderDelivery): Promise<number> {
    const activities = createReminderActivities({ ...fixture.deps, mailer });
    return new MockActivityEnvironment({ attempt: attemptNumber }).run(
      (input: ReminderDelivery) => activities.deliverReminder(input),
      delivery,
    );
  }

  function reminder(
    ruleId: string,
    kind: ReminderDelivery['kind'] = 'DEADLINE_REMINDER',
    occurrence = 'deadline',
  ): ReminderDelivery {
    return {
      campaignId: fixture.campaignId,
      organisationId: fixture.organisationId,
      ruleId,
      kind,
      occurrence,
      dueAt: new Date().toISOString(),
      recipients: [fixture.organisationId],
      correlationId: 'test',
    };
  }

  it('sends one copy when a retry starts while the first attempt still waits for the server to accept the mail', async () => {
    const delivery = reminder('depot-j-1');
    const messageSent = proxy.stallAfterNextMessage();
    const first = attempt(1, delivery);
    await messageSent;

    // Attempt 2 must give up at once; a bound keeps the test from waiting on a send it started.
    const second = attempt(2, delivery).then(
      (sent) => ({ sent }),
      (error: unknown) => ({ error }),
    );
    const early = await Promise.race([second, new Promise((r) => setTimeout(r, 2_000))]);
    proxy.resume();
    expect(early ?? (await second)).toEqual({
      error: expect.objectContaining({ type: DELIVERY_IN_PROGRESS }),
    });
    expect(await first).toBe(1);
    expect(await attempt(3, delivery)).toBe(0);

    const mails = await mailsTo(fixture.address);
    expect(mails).toHaveLength(1);
    expect(await fixture.deps.ledger.list(fixture.campaignId)).toEqual([
      expect.objectContaining({
        ruleId: 'depot-j-1',
        status: 'SENT',
        failedAttempts: 0,
        messageId: mails[0].messageId,
      }),
    ]);
  }, 30_000);

  it('fails an attempt within its time limit when the server stops answering, and sends once when it answers again', async () => {
    const delivery = reminder('depot-j-1');
    proxy.stall();
    // Past the activity's time limit the server answers again: a send still waiting then succeeds.
    const answersAgain = setTimeout(() => proxy.resume(), ACTIVITY_TIME_LIMIT_MS + 1_000);
    const started = Date.now();
    try {
      await expect(attempt(1, delivery)).rejects.toThrow();
    } finally {
      clearTimeout(answersAgain);
    }
    expect(Date.now() - started).toBeLessThan(ACTIVITY_TIME_LIMIT_MS - 2_000);
    expect(await fixture.deps.ledger.failures(fixture.campaignId)).toEqual([
      expect.objectContaining({ ruleId: 'depot-j-1', status: 'FAILED', failedAttempts: 1 }),
    ]);

    proxy.resume();
    expect(await attempt(2, delivery)).toBe(1);
    expect(await mailsTo(fixture.address)).toHaveLength(1);
    expect(await fixture.deps.ledger.list(fixture.campaignId)).toEqual([
      expect.objectContaining({ ruleId: 'depot-j-1', status: 'SENT', failedAttempts: 1 }),
    ]);
  }, 30_000);

  it('drops a deadline reminder, and records why, when the dossier was submitted while the server was stalled', async () => {
    const delivery = reminder('depot-j-1');
    proxy.stall();
    await expect(attempt(1, delivery)).rejects.toThrow();
    await fixture.dossier.run({ type: 'SubmitDossier' }, new Date());
    proxy.resume();

    expect(await attempt(2, delivery)).toBe(0);
    expect(await attempt(3, delivery)).toBe(0);

    expect(await mailsTo(fixture.address)).toEqual([]);
    expect(await fixture.deps.ledger.list(fixture.campaignId)).toEqual([
      expect.objectContaining({
        ruleId: 'depot-j-1',
        status: 'DROPPED',
        failedAttempts: 1,
        droppedReason: expect.stringContaining('NOT_APPLICABLE'),
      }),
    ]);
    expect(await fixture.deps.ledger.failures(fixture.campaignId)).toEqual([]);
  }, 30_000);

  it('drops a consultation reminder when the consultation was cancelled before it went out', async () => {
    await scheduleFixtureConsultation(fixture);
    await fixture.dossier.run(
      { type: 'CancelConsultation', reason: 'Salle indisponible', actor: operator },
      new Date(),
    );

    const delivery = reminder('consultation-veille', 'CONSULTATION_REMINDER', 'consultation-1#1');
    expect(await attempt(1, delivery)).toBe(0);

    expect(await mailsTo(fixture.address)).toEqual([]);
    expect(await fixture.deps.ledger.list(fixture.campaignId)).toEqual([
      expect.objectContaining({
        ruleId: 'consultation-veille',
        status: 'DROPPED',
        droppedReason: expect.stringContaining('NOT_APPLICABLE'),
      }),
    ]);
  }, 30_000);

  it('still sends a consultation reminder while the consultation is to come', async () => {
    await scheduleFixtureConsultation(fixture);
    const delivery = reminder('consultation-veille', 'CONSULTATION_REMINDER', 'consultation-1#1');
    expect(await attempt(1, delivery)).toBe(1);
    expect(await mailsTo(fixture.address)).toHaveLength(1);
  }, 30_000);
});
