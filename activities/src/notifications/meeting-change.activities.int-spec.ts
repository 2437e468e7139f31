import { loadConfig } from '@amiflow/config';
import { MeetingChangeNotice } from '@amiflow/contracts';
import {
  CampaignCommand,
  CampaignDefinition,
  isCampaign,
  MeetingChange,
  meetingChangeOf,
} from '@amiflow/domain';
import { openCampaignDefinition } from '@amiflow/domain/testing';
import {
  CampaignSummaryQuery,
  DossierSummaryQuery,
  EventStore,
  OrganisationDirectory,
  readModelProjections,
  ReminderLedger,
} from '@amiflow/persistence';
import { campaignStream, openTestDataSource } from '@amiflow/persistence/testing';
import { DataSource } from 'typeorm';
import { calendarOf, mailsTo, textOf } from '../testing/mail-catcher';
import { createMailer, Mailer } from './mailer';
import {
  createMeetingChangeActivities,
  MeetingChangeDependencies,
} from './meeting-change.activities';
import { createReminderActivities } from './reminder.activities';

const run = Date.now().toString(36);
const campaignId = `ami-meeting-${run}`;
const HOUR = 3_600_000;
const admin = { id: 'admin', role: 'admin' } as const;

/** Three seats: A and B confirmed, C confirmed too but missing from the directory... */
const confirmedWithAddress = [`cnp-a-${run}`, `cnp-b-${run}`];
const confirmedWithoutAddress = `cnp-sans-adresse-${run}`;
/** ...and D on the waiting list, whom the meeting's changes do not concern. */
const waiting = `cnp-attente-${run}`;
const addressOf = (organisationId: string) => `${organisationId}@test.example`;

describe('telling the registered organisations that the meeting moved or is called off', () => {
  let dataSource: DataSource;
  let mailer: Mailer;
  let deps: MeetingChangeDependencies;
  let campaign: ReturnType<typeof campaignStream>;
  let definition: CampaignDefinition;

  /** Decides and stores a campaign command now; returns the change it makes to the meeting. */
  async function change(command: CampaignCommand): Promise<MeetingChangeNotice> {
    const [event] = await campaign.run(command, new Date(), admin);
    const state = campaign.state;
    const meetingChange: MeetingChange | undefined =
      event && isCampaign(state) ? meetingChangeOf(event, state) : undefined;
    if (!meetingChange) throw new Error(`${command.type} changed nothing to the meeting`);
    return { campaignId, change: meetingChange, correlationId: `test/${command.type}` };
  }

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    mailer = createMailer(loadConfig(process.env).mail);
    const store = new EventStore(dataSource, readModelProjections);
    const now = new Date();
    definition = {
      ...openCampaignDefinition(now),
      meeting: { place: '20, avenue de Ségur, 75007 Paris', capacity: 3 },
    };
    campaign = campaignStream(store, campaignId);
    await campaign.run({ type: 'CreateCampaign', campaignId, definition, actor: admin }, now);
    await campaign.run({ type: 'PublishCampaign', actor: admin }, now);
    await campaign.run({ type: 'OpenCampaign' }, now);
    const directory = new OrganisationDirectory(dataSource);
    for (const organisationId of [...confirmedWithAddress, waiting]) {
      await directory.upsert({
        organisationId,
        name: `Organisation ${organisationId}`,
        type: 'CNP',
        email: addressOf(organisationId),
      });
    }
    for (const organisationId of [...confirmedWithAddress, confirmedWithoutAddress, waiting]) {
      await campaign.run(
        { type: 'RegisterForMeeting', organisationId, organisationName: `CNP ${organisationId}` },
        new Date(),
      );
    }
    deps = {
      ledger: new ReminderLedger(dataSource),
      mailer,
      directory,
      campaigns: new CampaignSummaryQuery(dataSource),
      from: 'AMI <ne-pas-repondre@test.example>',
    };
  });

  afterAll(async () => {
    mailer?.close();
    await dataSource?.destroy();
  });

  it('sends each confirmed registrant the move once, with the updated calendar entry', async () => {
    const startsAt = Date.parse(definition.calendar.meetingStartsAt as string) + 24 * HOUR;
    const moved = await change({
      type: 'ChangeCampaignCalendar',
      changes: {
        meetingRegistrationDeadline: new Date(startsAt).toISOString(),
        meetingStartsAt: new Date(startsAt).toISOString(),
        meetingEndsAt: new Date(startsAt + 2 * HOUR).toISOString(),
      },
      reason: 'Salle indisponible.',
      actor: admin,
    });
    const activities = createMeetingChangeActivities(deps);
    expect(await activities.notifyMeetingChange(moved)).toBe(2);
    // A retried activity finds every delivery settled.
    expect(await activities.notifyMeetingChange(moved)).toBe(0);

    for (const organisationId of confirmedWithAddress) {
      const mails = await mailsTo(addressOf(organisationId));
      expect(mails).toEqual([
        expect.objectContaining({
          subject: expect.stringMatching(/^Réunion d'information déplacée/),
          messageId: expect.stringMatching(/^<[0-9a-f]{40}@amiflow>$/),
          attachments: [{ filename: 'reunion.ics', contentType: 'text/calendar' }],
        }),
      ]);
      // Named as the directory registers it, like every other mail, not as on the registration.
      expect(await textOf(mails[0])).toMatch(
        new RegExp(`^Bonjour Organisation ${organisationId},`),
      );
      expect(await calendarOf(mails[0])).toEqual(
        expect.arrayContaining([
          'METHOD:REQUEST',
          `UID:meeting-${campaignId}@amiflow`,
          'SEQUENCE:1',
          'STATUS:CONFIRMED',
        ]),
      );
    }
    expect(await mailsTo(addressOf(waiting))).toEqual([]);

    const ledger = (await deps.ledger.list(campaignId)).filter((d) => d.ruleId === 'meeting:moved');
    expect(ledger.map((d) => [d.recipient, d.status, d.occurrence])).toEqual(
      expect.arrayContaining([
        [confirmedWithAddress[0], 'SENT', 'sequence-1'],
        [confirmedWithAddress[1], 'SENT', 'sequence-1'],
        [confirmedWithoutAddress, 'NO_ADDRESS', 'sequence-1'],
      ]),
    );
    expect(ledger).toHaveLength(3);
  });

  it("gives the meeting reminder's invitation the sequence of the latest move", async () => {
    const [organisationId] = confirmedWithAddress;
    const reminders = createReminderActivities({
      ...deps,
      dossiers: new DossierSummaryQuery(dataSource),
      operatorsAddress: 'instructeurs@test.example',
    });
    expect(
      await reminders.deliverReminder({
        campaignId,
        ruleId: 'reunion-j-2',
        kind: 'MEETING_REMINDER',
        occurrence: 'meeting',
        dueAt: new Date().toISOString(),
        recipients: [organisationId],
        correlationId: 'test',
      }),
    ).toBe(1);
    const reminder = (await mailsTo(addressOf(organisationId))).find((mail) =>
      mail.subject.startsWith("Rappel : réunion d'information"),
    );
    if (!reminder) throw new Error('no meeting reminder');
    expect(await calendarOf(reminder)).toEqual(
      expect.arrayContaining(['METHOD:REQUEST', `UID:meeting-${campaignId}@amiflow`, 'SEQUENCE:1']),
    );
  });

  it('calls the meeting off with the campaign, once, with a cancellation of the same entry', async () => {
    const cancelled = await change({
      type: 'CancelCampaign',
      reason: 'Crédits annulés.',
      actor: admin,
    });
    const activities = createMeetingChangeActivities(deps);
    expect(await activities.notifyMeetingChange(cancelled)).toBe(2);
    expect(await activities.notifyMeetingChange(cancelled)).toBe(0);

    for (const organisationId of confirmedWithAddress) {
      const mails = (await mailsTo(addressOf(organisationId))).filter((mail) =>
        mail.subject.startsWith("Réunion d'information annulée"),
      );
      expect(mails).toEqual([
        expect.objectContaining({
          attachments: [{ filename: 'annulation-reunion.ics', contentType: 'text/calendar' }],
        }),
      ]);
      expect(await calendarOf(mails[0])).toEqual(
        expect.arrayContaining([
          'METHOD:CANCEL',
          `UID:meeting-${campaignId}@amiflow`,
          'SEQUENCE:2',
          'STATUS:CANCELLED',
        ]),
      );
    }
    const ledger = await deps.ledger.list(campaignId);
    expect(
      ledger
        .filter((d) => d.ruleId === 'meeting:cancelled')
        .map((d) => [d.recipient, d.status])
        .sort(),
    ).toEqual(
      [
        [confirmedWithAddress[0], 'SENT'],
        [confirmedWithAddress[1], 'SENT'],
        [confirmedWithoutAddress, 'NO_ADDRESS'],
      ].sort(),
    );
  });
});
