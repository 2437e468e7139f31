import { loadConfig } from '@amiflow/config';
import { ReminderDelivery } from '@amiflow/contracts';
import { Campaign, dossierTermsOf, isCampaign } from '@amiflow/domain';
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
import { DataSource } from 'typeorm';
import { mailsTo } from '../../testing/mail-catcher';
import { createMailer, Mailer } from '../mail/mailer';
import { createReminderActivities, ReminderActivityDependencies } from './reminder.activities';

const run = Date.now().toString(36);
const campaignId = `ami-mail-${run}`;
const organisationId = `cnp-mail-${run}`;
const address = `${organisationId}@test.example`;

describe('delivering reminders by e-mail, through a real SMTP conversation', () => {
  let dataSource: DataSource;
  let mailer: Mailer;
  let deps: ReminderActivityDependencies;
  let delivery: ReminderDelivery;

  /**
   * Lists an organisation in the directory and opens its draft: a deadline reminder concerns it
   * (each test its own, since a reminder that no longer concerns its dossier is not sent).
   */
  async function draftOf(suffix: string): Promise<{ address: string; delivery: ReminderDelivery }> {
    const id = `${organisationId}-${suffix}`;
    const draftAddress = `${id}@test.example`;
    const store = new EventStore(dataSource, readModelProjections);
    await new OrganisationDirectory(dataSource).upsert({
      organisationId: id,
      name: `CNP de test ${suffix}`,
      type: 'CNP',
      email: draftAddress,
    });
    await dossierStream(store, campaignId, id).run(
      {
        type: 'CreateDossierDraft',
        campaignId,
        organisationId: id,
        organisationName: `CNP de test ${suffix}`,
        organisationType: 'CNP',
        terms: dossierTermsOf(campaign),
      },
      new Date(),
    );
    return {
      address: draftAddress,
      delivery: { ...delivery, organisationId: id, recipients: [id] },
    };
  }

  let campaign: Campaign;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    mailer = createMailer(loadConfig(process.env).mail);
    const store = new EventStore(dataSource, readModelProjections);
    const seeded = await seedOpenCampaign(store, campaignId, openCampaignDefinition(new Date()));
    if (!isCampaign(seeded)) throw new Error('no campaign');
    campaign = seeded;
    const directory = new OrganisationDirectory(dataSource);
    await directory.upsert({ organisationId, name: 'CNP de test', type: 'CNP', email: address });
    await dossierStream(store, campaignId, organisationId).run(
      {
        type: 'CreateDossierDraft',
        campaignId,
        organisationId,
        organisationName: 'CNP de test',
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
    delivery = {
      campaignId,
      organisationId,
      ruleId: 'depot-j-1',
      kind: 'DEADLINE_REMINDER',
      occurrence: 'deadline',
      dueAt: new Date().toISOString(),
      recipients: [organisationId],
      correlationId: 'test',
    };
  });

  afterAll(async () => {
    mailer?.close();
    await dataSource?.destroy();
  });

  it('sends the reminder once, with a Message-ID derived from the delivery, and records it', async () => {
    const activities = createReminderActivities(deps);
    expect(await activities.deliverReminder(delivery)).toBe(1);
    expect(await activities.deliverReminder(delivery)).toBe(0);

    const mails = await mailsTo(address);
    expect(mails).toEqual([
      expect.objectContaining({
        subject: expect.stringContaining("n'est pas encore déposée"),
        messageId: expect.stringMatching(/^<[0-9a-f]{40}@amiflow>$/),
      }),
    ]);
    const ledger = await deps.ledger.list(campaignId);
    expect(ledger).toEqual([
      expect.objectContaining({
        recipient: organisationId,
        address,
        messageId: mails[0].messageId,
      }),
    ]);
  });

  it('sends at most one more copy, with the same Message-ID, when it dies between SMTP and the ledger', async () => {
    const other = await draftOf('dying');
    // The first attempt's process dies once the SMTP server has accepted the mail.
    const dyingLedger = Object.create(deps.ledger) as ReminderLedger;
    dyingLedger.record = () => Promise.reject(new Error('worker killed'));
    const dying = createReminderActivities({ ...deps, ledger: dyingLedger });
    await expect(dying.deliverReminder(other.delivery)).rejects.toThrow('worker killed');

    // Its claim holds until its lease runs out: a retry meanwhile sends nothing.
    await expect(createReminderActivities(deps).deliverReminder(other.delivery)).rejects.toThrow(
      'being sent by an earlier attempt',
    );
    await dataSource.query(
      `UPDATE reminder_deliveries SET claimed_until = now() WHERE recipient = $1`,
      [other.delivery.organisationId],
    );
    // Temporal retries the activity on another worker once the lease has run out.
    expect(await createReminderActivities(deps).deliverReminder(other.delivery)).toBe(1);
    expect(await createReminderActivities(deps).deliverReminder(other.delivery)).toBe(0);

    const copies = await mailsTo(other.address);
    expect(copies).toHaveLength(2);
    expect(copies[0].messageId).toBe(copies[1].messageId);
    const recorded = (await deps.ledger.list(campaignId)).filter(
      (d) => d.recipient === other.delivery.organisationId,
    );
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ status: 'SENT', messageId: copies[0].messageId });
  });

  it('records, without a mail, a recipient the directory has no address for', async () => {
    const unknown = { ...delivery, ruleId: 'depot-j-3', recipients: ['nobody-listed'] };
    expect(await createReminderActivities(deps).deliverReminder(unknown)).toBe(0);
    expect(
      (await deps.ledger.list(campaignId)).find((d) => d.recipient === 'nobody-listed'),
    ).toMatchObject({ address: null, messageId: null });
  });

  it('keeps a failed send in sight for operators, and settles it when a retry gets through', async () => {
    const { delivery: flaky } = await draftOf('flaky');
    const down: Mailer = {
      send: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:25')),
      close: () => undefined,
    };
    const failing = createReminderActivities({ ...deps, mailer: down });
    await expect(failing.deliverReminder(flaky)).rejects.toThrow('ECONNREFUSED');
    await expect(failing.deliverReminder(flaky)).rejects.toThrow('ECONNREFUSED');
    expect(await deps.ledger.failures(campaignId)).toEqual([
      expect.objectContaining({
        recipient: flaky.organisationId,
        status: 'FAILED',
        failedAttempts: 2,
        lastError: expect.stringContaining('ECONNREFUSED'),
      }),
    ]);

    expect(await createReminderActivities(deps).deliverReminder(flaky)).toBe(1);
    expect(await deps.ledger.failures(campaignId)).toEqual([]);
    expect(
      (await deps.ledger.list(campaignId)).find((d) => d.recipient === flaky.organisationId),
    ).toMatchObject({ status: 'SENT', failedAttempts: 2 });
  });
});
