import { loadConfig } from '@amiflow/config';
import { MeetingChangeNotice } from '@amiflow/contracts';
import {
  CampaignCommand,
  CampaignDefinition,
  isCampaign,
  MeetingChange,
  meetingChangeOf,
} from '@amiflow/domain';
import { openCampaignDefinition, testActors } from '@amiflow/domain/testing';
import {
  CampaignSummaryQuery,
  DossierSummaryQuery,
  EventStore,
  OrganisationDirectory,
  readModelProjections,
  ReminderLedger,
} from '@amiflow/persistence';
import { campaignStream, openCampaignOn, openTestDataSource } from '@amiflow/persistence/testing';
import { DataSource } from 'typeorm';
import { readInvitation } from '../../testing/calendar-reader';
import { calendarOf, mailsTo, textOf } from '../../testing/mail-catcher';
import { createMailer, Mailer } from '../mail/mailer';
import {
  createMeetingChangeActivities,
  MeetingChangeDependencies,
} from './meeting-change.activities';
import { createReminderActivities } from '../reminders/reminder.activities';

const run = Date.now().toString(36);
const campaignId = `ami-meeting-${run}`;
const HOUR = 3_600_000;
const { admin } = testActors;

/** Three seats: A and B confirmed, C confirmed too but missing from the directory... */
const confirmedWithAddress = [`cnp-a-${run}`, `cnp-b-${run}`];
const confirmedWithoutAddress = `cnp-sans-adresse-${run}`;
/** ...and D on the waiting list, who hears of the changes without a calendar entry. */
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
    await openCampaignOn(campaign, campaignId, definition, now);
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

  it('sends each registrant the move once, the confirmed ones with the updated calendar entry, the waiting list without', async () => {
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
    expect(await activities.notifyMeetingChange(moved)).toBe(3);
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
    expect(await mailsTo(addressOf(waiting))).toEqual([
      expect.objectContaining({
        subject: expect.stringMatching(/^Réunion d'information déplacée/),
        attachments: [],
      }),
    ]);

    const ledger = (await deps.ledger.list(campaignId)).filter((d) => d.ruleId === 'meeting:moved');
    expect(ledger.map((d) => [d.recipient, d.status, d.occurrence])).toEqual(
      expect.arrayContaining([
        [confirmedWithAddress[0], 'SENT', 'sequence-1'],
        [confirmedWithAddress[1], 'SENT', 'sequence-1'],
        [confirmedWithoutAddress, 'NO_ADDRESS', 'sequence-1'],
        [waiting, 'SENT', 'sequence-1'],
      ]),
    );
    expect(ledger).toHaveLength(4);
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
    expect(await activities.notifyMeetingChange(cancelled)).toBe(3);
    expect(await activities.notifyMeetingChange(cancelled)).toBe(0);
    expect(
      (await mailsTo(addressOf(waiting))).filter((mail) =>
        mail.subject.startsWith("Réunion d'information annulée"),
      ),
    ).toEqual([expect.objectContaining({ attachments: [] })]);

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
        [waiting, 'SENT'],
      ].sort(),
    );
  });
});

describe('telling an organisation moved up from the waiting list that its seat is confirmed', () => {
  const promotedCampaignId = `ami-promoted-${run}`;
  const [first, second, third] = ['a', 'b', 'c'].map((x) => `cnp-liste-${x}-${run}`);
  let dataSource: DataSource;
  let mailer: Mailer;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    mailer = createMailer(loadConfig(process.env).mail);
  });

  afterAll(async () => {
    mailer?.close();
    await dataSource?.destroy();
  });

  it('mails the promoted organisation its seat with the calendar entry, and the meeting reminder it missed, once', async () => {
    const store = new EventStore(dataSource, readModelProjections);
    // Whole seconds: a calendar file carries no milliseconds.
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    // One seat; the meeting in two days, its reminder (J-2 at 09:00) already out.
    const definition: CampaignDefinition = {
      ...openCampaignDefinition(now, {
        meetingRegistrationDeadline: 2 * 24 * HOUR,
        meetingStartsAt: 2 * 24 * HOUR,
        meetingEndsAt: 2 * 24 * HOUR + 2 * HOUR,
      }),
      timeZone: 'America/Miquelon',
      meeting: { place: 'Saint-Pierre', capacity: 1 },
    };
    const campaign = campaignStream(store, promotedCampaignId);
    await openCampaignOn(campaign, promotedCampaignId, definition, now);
    const directory = new OrganisationDirectory(dataSource);
    for (const organisationId of [first, second, third]) {
      await directory.upsert({
        organisationId,
        name: `Organisation ${organisationId}`,
        type: 'CNP',
        email: addressOf(organisationId),
      });
      await campaign.run(
        { type: 'RegisterForMeeting', organisationId, organisationName: `CNP ${organisationId}` },
        new Date(),
      );
    }
    const meetingStartsAt = Date.parse(definition.calendar.meetingStartsAt as string);
    await campaign.run(
      { type: 'IssueCampaignReminder', ruleId: 'reunion-j-2', occurrence: 'meeting' },
      new Date(meetingStartsAt - 60_000),
    );

    const events = await campaign.run(
      { type: 'CancelMeetingRegistration', organisationId: first },
      new Date(),
    );
    const state = campaign.state;
    if (!isCampaign(state)) throw new Error('no campaign');
    const [promotion] = events
      .map((event) => meetingChangeOf(event, state))
      .filter((change) => change !== undefined);
    expect(promotion).toMatchObject({ kind: 'PROMOTED', organisationId: second });
    const notice = { campaignId: promotedCampaignId, change: promotion, correlationId: 'test' };
    const deps: MeetingChangeDependencies = {
      ledger: new ReminderLedger(dataSource),
      mailer,
      directory,
      campaigns: new CampaignSummaryQuery(dataSource),
      from: 'AMI <ne-pas-repondre@test.example>',
    };
    const activities = createMeetingChangeActivities(deps);
    expect(await activities.notifyMeetingChange(notice)).toBe(2);
    expect(await activities.notifyMeetingChange(notice)).toBe(0);

    const mails = await mailsTo(addressOf(second));
    expect(mails.map((mail) => [mail.subject, mail.attachments])).toEqual([
      [
        expect.stringMatching(/^Place confirmée à la réunion d'information : /),
        [{ filename: 'reunion.ics', contentType: 'text/calendar' }],
      ],
      [
        expect.stringMatching(/^Rappel : réunion d'information du/),
        [{ filename: 'reunion.ics', contentType: 'text/calendar' }],
      ],
    ]);
    const invitation = readInvitation((await calendarOf(mails[0])).join('\r\n'));
    expect(invitation).toMatchObject({
      method: 'REQUEST',
      uid: `meeting-${promotedCampaignId}@amiflow`,
      sequence: 0,
      tzid: 'America/Miquelon',
      definedZones: ['America/Miquelon'],
      startsAt: new Date(meetingStartsAt).toISOString(),
    });
    // The one still waiting hears nothing of someone else's seat.
    expect(await mailsTo(addressOf(third))).toEqual([]);
    const ledger = await deps.ledger.list(promotedCampaignId);
    expect(ledger.map((d) => [d.ruleId, d.occurrence, d.recipient, d.status]).sort()).toEqual(
      [
        ['meeting:promoted', promotion?.at, second, 'SENT'],
        ['reunion-j-2', 'meeting', second, 'SENT'],
      ].sort(),
    );
  });
});
